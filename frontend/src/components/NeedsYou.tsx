import type { MouseEvent, ReactNode } from "react";

export type NeedItem = {
  readonly key: string;
  /** The headline number or amount. */
  readonly figure: ReactNode;
  readonly title: string;
  readonly detail?: ReactNode;
  /** The id of the section below that deals with it (the card links there). */
  readonly target?: string;
  /** urgent: a deadline is near or passed; calm: nothing to do. */
  readonly tone?: "urgent" | "calm";
};

/** Moves to a section of the same view without changing the route (`#/view`). */
function goTo(event: MouseEvent<HTMLAnchorElement>, target: string) {
  const element = document.getElementById(target);
  if (!element) return;
  event.preventDefault();
  element.scrollIntoView({ behavior: "smooth", block: "start" });
  const focusable = element.closest("section") ?? element;
  if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
  focusable.focus({ preventScroll: true });
}

/** A role's home: summary cards of what needs the account now, each linking to the section below. */
export function NeedsYou({
  title,
  items,
  testId,
}: {
  readonly title: string;
  readonly items: readonly NeedItem[];
  readonly testId: string;
}) {
  const headingId = `${testId}-title`;
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="home-title">
        {title}
      </h2>
      <ul className="needs-you">
        {items.map((item) => (
          <li key={item.key} className={item.tone ?? ""} data-testid={`${testId}-${item.key}`}>
            <span className="count">{item.figure}</span>
            {item.target ? (
              <a href={`#${item.target}`} onClick={(event) => goTo(event, item.target ?? "")}>
                {item.title}
              </a>
            ) : (
              <strong>{item.title}</strong>
            )}
            {item.detail ? <p>{item.detail}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
