// Registered techniques and the applications that produced them: a paid period of a Promise naming
// a technique is evidence that those applications paid off (see the SDK's trackRecord).
import { technique } from "ponder:schema";

import { onEvent } from "./events";

onEvent("ReturnsRegistry:TechniqueRegistered", async ({ event, context }) => {
  const { techniqueId, title, applicationIds } = event.args;
  await context.db.insert(technique).values({
    id: techniqueId,
    title,
    applicationIds: [...applicationIds],
    registeredAt: event.block.timestamp,
  });
});
