import { parseCellAddress } from "../model/a1";
import type { RawSheet } from "../workbook/model";
import type { WorkbookPort } from "../workbook/port";
import { RollupFormula, rollupFormulas } from "../workbook/rollups";
import { implementerTotals } from "../model/totals";
import { readWorkbookPlan } from "./read";

export interface RecalcOutcome {
  /** Every parent's roll-up formula as it should be. */
  formulas: number;
  /** Those whose cell held something else: before (null for a typed number) and after, without "=". */
  changed: Array<{ sheet: string; cell: string; before: string | null; after: string }>;
  /** The hidden sheet keeping what the rewritten cells held, or null when nothing changed. */
  backup: string | null;
}

const withoutEquals = (formula: string | null) => (formula === null ? null : formula.replace(/^=/, ""));

/** The formula a cell of the sheets read holds, or null. */
function formulaIn(sheets: RawSheet[]): (sheet: string, cell: string) => string | null {
  return (sheet, cell) => {
    const at = parseCellAddress(cell);
    const raw = sheets.find((candidate) => candidate.name === sheet);
    return at && raw ? (raw.rows[at.row - 1]?.[at.column]?.formula ?? null) : null;
  };
}

/** Each parent's SUM over its items where they stand now, and which cells hold something else. Nothing is written. */
export function plannedRollups(
  implementers: Parameters<typeof rollupFormulas>[0],
  sheets: RawSheet[],
): { formulas: RollupFormula[]; changed: RecalcOutcome["changed"] } {
  const formulas = rollupFormulas(implementers, formulaIn(sheets));
  const changed = formulas
    .filter((formula) => withoutEquals(formula.previousFormula) !== formula.formula)
    .map((formula) => ({
      sheet: formula.sheet,
      cell: formula.cell,
      before: withoutEquals(formula.previousFormula),
      after: formula.formula,
    }));
  return { formulas, changed };
}

/** Rewrites the roll-up formulas that differ (rows added, moved, a parent typed over); the rest is untouched. */
export async function recalc(port: Pick<WorkbookPort, "readWorkbook" | "rewriteFormulas">): Promise<RecalcOutcome> {
  const { result, sheets } = await readWorkbookPlan(port);
  // Trees only: the checks have nothing to say about where formulas point.
  const implementers = implementerTotals(result.plan);
  const { formulas, changed } = plannedRollups(implementers, sheets);
  const results = new Map(formulas.map((formula) => [`${formula.sheet}!${formula.cell}`, formula.result]));
  const rewrite =
    changed.length > 0
      ? await port.rewriteFormulas(
          changed.map(({ sheet, cell, after }) => ({
            sheet,
            cell,
            formula: after,
            result: results.get(`${sheet}!${cell}`) ?? null,
          })),
        )
      : null;
  return { formulas: formulas.length, changed, backup: rewrite?.backup ?? null };
}
