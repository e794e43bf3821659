import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on narrow screens: its caption (for screen readers), a header row of
 * column titles, then `children` (the body).
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  readonly caption: ReactNode;
  readonly columns: readonly ReactNode[];
  readonly children: ReactNode;
}) {
  return (
    // Focusable, so that the keyboard can scroll a table wider than the screen (WCAG 2.1.1).
    <div
      className="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : "Table"}
    >
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
