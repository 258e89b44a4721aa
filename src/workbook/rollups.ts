import { ImplementerTotals } from "../model/totals";
import { cellAddress } from "./layout";
import { sumFormula } from "./write-plan";

/** A parent's amount cell and the SUM formula it should hold, with the result the formula gives. */
export interface RollupFormula {
  sheet: string;
  cell: string;
  formula: string;
  result: number | null;
  /** What the cell held before: its formula, or null when a number was typed over it. */
  previousFormula: string | null;
}

/**
 * The roll-up formulas of a plan read from a workbook: every parent row's amount as the SUM of its items'
 * cells, where the rows stand now (rows the user added or moved included).
 */
export function rollupFormulas(
  implementers: readonly ImplementerTotals[],
  existing: (sheet: string, cell: string) => string | null,
): RollupFormula[] {
  const formulas: RollupFormula[] = [];
  for (const { tree, totals } of implementers) {
    for (const node of tree.nodes) {
      const position = node.row.sheet;
      if (!position || node.children.length === 0) continue;
      const rows = node.children.map((child) => child.row.sheet?.row).filter((row): row is number => row !== undefined);
      const cell = cellAddress("amount", position.row);
      const computed = totals.computed[node.index];
      formulas.push({
        sheet: position.name,
        cell,
        formula: sumFormula(rows),
        result: computed ? computed.toNumber() : null,
        previousFormula: existing(position.name, cell),
      });
    }
  }
  return formulas;
}
