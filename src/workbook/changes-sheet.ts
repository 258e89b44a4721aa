import { Period } from "../model/calendar-date";
import { CHANGE_FIELD_ET as FIELD, CHANGE_KIND_ET as KIND, PlanChange, PlanComparison } from "../model/compare";
import { Money } from "../model/money";
import { AMOUNT_FORMAT } from "./layout";
import { CellModel, RawSheet, SheetModel, cell } from "./model";

/** The sheet of an amendment's change table, as the explanatory note has it. */
export const CHANGES_SHEET = "Muudatused";

const HEADERS = [
  "Elluviija / partner",
  "Kood",
  "Kood enne",
  "Tegevus",
  "Muutus",
  "Enne",
  "Pärast",
  "Vahe",
  "Põhjendus",
];
const periodText = (period: Period | null): string =>
  period ? `${period.start.toEstonian()}–${period.end.toEstonian()}` : "—";
const targets = (side: { target: string; target2029: string } | null): string =>
  side ? `${side.target} / ${side.target2029}` : "—";

/**
 * Below the totals, what an amendment changes besides rows, each as a table of its own when there is any: the
 * implementers added or removed, the partnership agreements' periods (section 1.1), the indicators' targets.
 */
function otherChanges(comparison: PlanComparison): Array<Array<CellModel | null>> {
  const rows: Array<Array<CellModel | null>> = [];
  const block = (title: string, headers: string[], lines: string[][]) => {
    if (lines.length === 0) return;
    rows.push([], [cell(title, { bold: true })], headers.map(header));
    for (const line of lines) rows.push(line.map((value) => text(value)));
  };
  block(
    "Elluviijad ja partnerid",
    ["Elluviija / partner", "Muutus"],
    comparison.implementers.map((change) => [change.implementer, KIND[change.change]]),
  );
  block(
    "Partnerluslepingu periood",
    ["Elluviija / partner", "Enne", "Pärast"],
    comparison.partnerships.map((change) => [change.implementer, periodText(change.before), periodText(change.after)]),
  );
  block(
    "Näitajate sihttasemed (tegevuskava aasta / 2029)",
    ["Näitaja", "Ühik", "Enne", "Pärast"],
    comparison.indicators.map((change) => [change.name, change.unit, targets(change.before), targets(change.after)]),
  );
  return rows;
}

function takeReason(reasons: ChangeReasons, change: PlanChange): string | null {
  const key = reasonKey(change.implementer, change.code, change.codeBefore ?? "");
  const found = reasons.get(key);
  reasons.delete(key);
  return found?.reason ?? null;
}

const header = (text: string): CellModel => cell(text, { bold: true, border: true, wrap: true, fill: "#D9E1F2" });
const text = (value: string | null, italic = false): CellModel =>
  cell(value ?? "", { border: true, wrap: true, ...(italic ? { italic } : {}) });
// Money leaves decimal.js only here, at the Excel boundary; the difference is a formula so an edited cell follows.
const amount = (value: Money | null, italic = false): CellModel | null =>
  value === null
    ? text(null)
    : cell(value.toNumber(), { numFmt: AMOUNT_FORMAT, border: true, ...(italic ? { italic } : {}) });

/** The officer's reasons (Põhjendus) on an earlier Muudatused sheet, by the change they stand beside. */
export type ChangeReasons = Map<string, { implementer: string; code: string; reason: string }>;

const reasonKey = (implementer: string, code: string, codeBefore: string): string =>
  [implementer, code, codeBefore].map((part) => part.replace(/\s+/g, " ").trim()).join("\u0000");

const textOf = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));

/**
 * The reasons the officer wrote on the Muudatused sheet as written before, so that writing the sheet again keeps
 * them: read under the change table's header, row by row, until the first row without an implementer. The reasons
 * listed below the totals as no longer matching a change are read too, so that they are not lost either.
 */
export function reasonsOf(sheet: RawSheet | undefined): ChangeReasons {
  const reasons: ChangeReasons = new Map();
  if (!sheet) return reasons;
  const cells = (row: number) => sheet.rows[row] ?? [];
  const isHeader = (row: number) =>
    textOf(cells(row)[0]?.value).trim() === HEADERS[0] && textOf(cells(row)[REASON]?.value).trim() === HEADERS[REASON];
  const start = sheet.rows.findIndex((_, index) => isHeader(index));
  if (start >= 0) {
    for (let row = start + 1; row < sheet.rows.length; row++) {
      const [implementer, code, codeBefore] = [0, 1, 2].map((column) => textOf(cells(row)[column]?.value));
      if (implementer.trim() === "") break;
      const reason = textOf(cells(row)[REASON]?.value).trim();
      if (reason) reasons.set(reasonKey(implementer, code, codeBefore), { implementer, code, reason });
    }
  }
  const orphans = sheet.rows.findIndex((row) => textOf(row[0]?.value).trim() === ORPHANS_TITLE);
  if (orphans >= 0) {
    for (let row = orphans + 2; row < sheet.rows.length; row++) {
      const [implementer, code, codeBefore, reason] = [0, 1, 2, 3].map((column) => textOf(cells(row)[column]?.value));
      if (implementer.trim() === "") break;
      const key = reasonKey(implementer, code, codeBefore);
      if (reason.trim() && !reasons.has(key)) reasons.set(key, { implementer, code, reason: reason.trim() });
    }
  }
  return reasons;
}

/** The Põhjendus column's index. */
const REASON = HEADERS.length - 1;
const ORPHANS_TITLE = "Põhjendused, mille muudatust enam ei ole";

/**
 * The change table (implementer, code, activity, before, after, difference, and a Põhjendus column for the
 * officer), then the totals' table. A parent row's change is in italics: it is its items' and not counted again.
 * `reasons` are those of the sheet written before (`reasonsOf`): each stands beside its change again, and one whose
 * change is gone (the amendment was undone) is listed below the totals rather than dropped.
 */
export function changesSheet(comparison: PlanComparison, reasons: ChangeReasons = new Map()): SheetModel {
  const unused = new Map(reasons);
  const rows: Array<Array<CellModel | null>> = [
    [cell(CHANGES_SHEET, { bold: true, size: 14 })],
    [cell("Kaldkirjas ülemread: nende summa on alamridade oma ega lähe kogusummasse teist korda.", { italic: true })],
    HEADERS.map(header),
  ];
  const headerRow = rows.length;
  for (const change of comparison.changes) {
    const parent = !change.difference.equals(change.countedDifference);
    const row = rows.length + 1;
    const what = change.fields.map((field) => FIELD[field.field]).join(", ");
    rows.push([
      text(change.implementer, parent),
      text(change.code, parent),
      text(change.codeBefore, parent),
      text(change.label, parent),
      text(what ? `${KIND[change.change]}: ${what}` : KIND[change.change], parent),
      amount(change.amountBefore, parent),
      amount(change.amountAfter, parent),
      cell(change.difference.toNumber(), {
        formula: `N(G${row})-N(F${row})`,
        numFmt: AMOUNT_FORMAT,
        border: true,
        ...(parent ? { italic: true } : {}),
      }),
      text(takeReason(unused, change)),
    ]);
  }
  rows.push([]);
  rows.push(["Elluviija / partner", "Enne", "Pärast", "Vahe"].map(header));
  const first = rows.length + 1;
  for (const total of comparison.totals) {
    const row = rows.length + 1;
    rows.push([
      text(total.implementer),
      amount(total.before),
      amount(total.after),
      cell(total.difference.toNumber(), { formula: `N(C${row})-N(B${row})`, numFmt: AMOUNT_FORMAT, border: true }),
    ]);
  }
  const last = rows.length;
  const grand = comparison.grandTotal;
  const sum = (column: string) => `SUM(${column}${first}:${column}${last})`;
  rows.push([
    cell("Kokku", { bold: true, border: true }),
    cell(grand.before.toNumber(), { formula: sum("B"), numFmt: AMOUNT_FORMAT, bold: true, border: true }),
    cell(grand.after.toNumber(), { formula: sum("C"), numFmt: AMOUNT_FORMAT, bold: true, border: true }),
    cell(grand.difference.toNumber(), { formula: sum("D"), numFmt: AMOUNT_FORMAT, bold: true, border: true }),
  ]);
  rows.push(...otherChanges(comparison));
  if (unused.size > 0) {
    rows.push([]);
    rows.push([cell(ORPHANS_TITLE, { bold: true })]);
    rows.push(["Elluviija / partner", "Kood", "Kood enne", "Põhjendus"].map(header));
    for (const [key, { implementer, code, reason }] of unused) {
      rows.push([text(implementer), text(code), text(key.split("\u0000")[2]), text(reason)]);
    }
  }
  return {
    name: CHANGES_SHEET,
    kind: "changes",
    rows,
    widths: [22, 16, 16, 50, 24, 14, 14, 14, 40],
    hiddenColumns: [],
    freezeRows: headerRow,
    print: { orientation: "landscape", repeatRows: [headerRow, headerRow] },
  };
}
