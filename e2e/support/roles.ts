// The seeded dev account each role's browser tests act as, and the viewport sizes every layout test covers.
import { test } from "@playwright/test";

import type { ViewId } from "./dashboard.js";

/** Seeded accounts: trustee #4, researcher Chen (#8, funded in round 1), Northwind AI (#10), investor Priya (#15). */
export const roleAccounts: Readonly<Record<Exclude<ViewId, "overview" | "trustees">, number>> = {
  trustee: 4,
  researcher: 8,
  company: 10,
  investor: 15,
};

/** A phone (390 px) and a desktop (1440 px). */
export const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 1000 },
] as const;

export type Viewport = (typeof viewports)[number];

/**
 * Declares the tests of `body` once per viewport, each group named after its width (and `topic`, when
 * given: "at 390 px, moving time") and run at its size; `body` gets the viewport to name its tests after.
 */
export function atEachViewport(body: (viewport: Viewport) => void, topic?: string): void {
  for (const viewport of viewports) {
    test.describe(`at ${viewport.width} px${topic === undefined ? "" : `, ${topic}`}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height } });
      body(viewport);
    });
  }
}
