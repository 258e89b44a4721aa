import { columnLetter, parseCellAddress } from "./layout";
import type { RawSheet } from "./model";
import type { CellFinding, MarkSeverity } from "./port";

/**
 * Marks as conditional formats, shared by the Office adapter and the .xlsx port: which rules to add for the findings,
 * and how to tell ours from the officer's. A mark is a rule with a fill over the finding's cell, never the cell's own
 * fill, so clearing takes away only the rules and every fill the officer set, before or since, stays.
 */

/** A mark's fill by severity; a changed cell's is lilac, unlike any finding's. */
export const MARK_FILL: Record<MarkSeverity, string> = {
  error: "#F8CBAD",
  warning: "#FFE699",
  info: "#DDEBF7",
  change: "#E4D7F5",
};
/** Lower is worse: the worst finding of a cell gives its mark, and a finding shows over a change. */
export const SEVERITY_RANK: Record<MarkSeverity, number> = { error: 0, warning: 1, info: 2, change: 3 };

/**
 * Inside every rule of ours: N of a text is 0, so `N("tat-budget")=0` is TRUE and changes nothing of what the rule
 * says, and Excel keeps a rule's formula as written, so the text tells ours from the officer's rules whatever their
 * position (which the officer's inserted or sorted rows change).
 */
export const MARK_MARKER = 'N("tat-budget")';

/** A conditional format's formula is one of our marks. */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && /N\(\s*"tat-budget"\s*\)/i.test(formula);
}

/** One mark as a conditional format: its sheet, the range it applies to and its formula (with "="). */
export interface MarkRule {
  sheet: string;
  /** "G5:G40" or "G12", without the sheet. */
  address: string;
  formula: string;
  severity: MarkSeverity;
}

/** A budget line's code in column A ("3.5.2.1.3.2"): what a schedule row is known by, wherever it is sorted to. */
const CODE = /^\d+(\.\d+)*\.?$/;

/**
 * The rules that mark `findings` in `sheets` as read; `skip` says which sheets are not to be marked (protected ones).
 * `cells` counts the distinct cells marked.
 *
 * A finding's cell on a row with a code in column A is marked by its code, not its address: the rule applies to the
 * cell's column over every coded row of the sheet ("G5:G40") with `=AND(N("tat-budget")=0,$A5="3.5.2.1.3.2")`, so
 * the mark shows on whichever row holds that code. Excel moves a rule's range and references with inserted rows (the
 * Excel UI's behaviour; see the probes in office/probes/marks.ts) but, we believe, does not move a rule when the
 * rows under it are sorted (a guess: the reference is silent): keyed by the code, the mark follows the row either
 * way. Only a code that stands once in column A can key a mark: numbered items ("1.", "2.") repeat under every
 * parent, and a duplicated code is often the very finding, so a rule keyed to either would mark every row that
 * shares it. Those cells, and cells without a code (headers, the summary sheet), get a rule on the cell itself,
 * which follows inserted rows and stays put when sorted.
 */
export function markRules(
  findings: readonly CellFinding[],
  sheets: readonly RawSheet[],
  skip: (sheet: string) => boolean = () => false,
): { rules: MarkRule[]; cells: number } {
  const byName = new Map(sheets.map((sheet) => [lower(sheet.name), sheet]));
  const cells = new Map<string, { sheet: string; cell: string; severity: MarkSeverity }>();
  for (const finding of findings) {
    const { sheet } = finding.position;
    // "$z$500" is Z500.
    const cell = finding.position.cell?.replace(/\$/g, "").toUpperCase();
    if (!sheet || !cell || skip(sheet) || !parseCellAddress(cell)) continue;
    const id = `${lower(sheet)}\u0000${cell}`;
    const known = cells.get(id);
    if (!known || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[known.severity])
      cells.set(id, { sheet, cell, severity: finding.severity });
  }
  const rules = new Map<string, MarkRule>();
  const codings = new Map<string, Coding | null>();
  for (const { sheet, cell, severity } of cells.values()) {
    const { row, column } = parseCellAddress(cell)!;
    const raw = byName.get(lower(sheet));
    if (!codings.has(lower(sheet))) codings.set(lower(sheet), raw ? codingOf(raw) : null);
    const coding = codings.get(lower(sheet));
    const code = raw ? codeAt(raw, row) : null;
    const extent = code !== null && coding && coding.counts.get(code) === 1 ? coding : null;
    const letter = columnLetter(column);
    const rule: MarkRule =
      code !== null && extent
        ? {
            sheet,
            address: `${letter}${extent.top}:${letter}${extent.bottom}`,
            formula: `=AND(${MARK_MARKER}=0,$A${extent.top}="${code.replace(/"/g, '""')}")`,
            severity,
          }
        : { sheet, address: cell, formula: `=${MARK_MARKER}=0`, severity };
    const id = `${lower(sheet)}\u0000${rule.address}\u0000${rule.formula}`;
    const known = rules.get(id);
    if (!known || SEVERITY_RANK[severity] < SEVERITY_RANK[known.severity]) rules.set(id, rule);
  }
  return { rules: [...rules.values()], cells: cells.size };
}

/** Column A's code on a 1-based row, or null. */
function codeAt(sheet: RawSheet, row: number): string | null {
  const value = sheet.rows[row - 1]?.[0]?.value;
  return typeof value === "string" && CODE.test(value.trim()) ? value.trim() : null;
}

/** The first and last 1-based rows with a code in column A, and how often each code stands there. */
interface Coding {
  top: number;
  bottom: number;
  counts: Map<string, number>;
}

function codingOf(sheet: RawSheet): Coding | null {
  let top = 0;
  let bottom = 0;
  const counts = new Map<string, number>();
  sheet.rows.forEach((_, index) => {
    const code = codeAt(sheet, index + 1);
    if (code === null) return;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    if (!top) top = index + 1;
    bottom = index + 1;
  });
  return top ? { top, bottom, counts } : null;
}

const lower = (name: string) => name.toLocaleLowerCase("et");
