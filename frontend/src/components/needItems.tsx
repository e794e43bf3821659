import { AmountList } from "./AmountList";
import type { NeedItem } from "./NeedsYou";

const DAY = 86_400n;

/** A home card's tone: calm when there is nothing to do. */
export function calmWhen(nothing: boolean): Pick<NeedItem, "tone"> {
  return nothing ? { tone: "calm" } : {};
}

/** A home card's tone for work with a deadline: calm when there is none, urgent within a day of `by`. */
export function deadlineTone(count: number, by: bigint | undefined, now: bigint): Pick<NeedItem, "tone"> {
  if (count === 0) return { tone: "calm" };
  return by !== undefined && by - now < DAY ? { tone: "urgent" } : {};
}

/** A home card of amounts per asset to claim (calm when every amount is zero). */
export function amountsItem(
  key: string,
  title: string,
  amounts: ReadonlyMap<string, bigint>,
  target: string,
): NeedItem {
  return {
    key,
    figure: <AmountList amounts={amounts} />,
    title,
    target,
    ...calmWhen(![...amounts.values()].some((v) => v > 0n)),
  };
}
