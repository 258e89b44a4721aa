import { Money, sumMoney } from "./money";
import { Implementer, ScheduleRow } from "./plan";

/** Rows with a dotted code no other row of the implementer is an ancestor of. */
export function rootRows(implementer: Implementer): ScheduleRow[] {
  const codes = new Set(implementer.rows.filter((row) => row.codeStyle === "dotted").map((row) => row.code));
  return implementer.rows.filter((row) => {
    if (row.codeStyle !== "dotted" || !row.code) return false;
    const parts = row.code.split(".");
    for (let depth = parts.length - 1; depth > 0; depth--) {
      if (codes.has(parts.slice(0, depth).join("."))) return false;
    }
    return true;
  });
}

/**
 * What the document declares as an implementer's total, without recalculating anything: a partner's
 * single top row (3.5.2.1), which already includes personnel; otherwise, as for the implementer whose
 * activities 3.5.1.1–3.5.1.4 have no common row, the declared top rows plus personnel.
 */
export function declaredTotal(implementer: Implementer): { amount: Money | null; source: "top-row" | "top-rows" } {
  const roots = rootRows(implementer);
  if (roots.length === 1) return { amount: roots[0].amount, source: "top-row" };
  const personnel = implementer.rows.filter((row) => row.kind === "personnel");
  const parts = [...roots, ...personnel];
  if (parts.some((row) => row.amount === null)) return { amount: null, source: "top-rows" };
  return { amount: sumMoney(parts.map((row) => row.amount as Money)), source: "top-rows" };
}
