import { PlanChange, PlanComparison } from "../model/compare";
import { Money } from "../model/money";
import { AMOUNT_FORMAT } from "./layout";
import { CellModel, SheetModel, cell } from "./model";

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
const KIND: Record<PlanChange["change"], string> = {
  added: "lisatud",
  removed: "eemaldatud",
  renumbered: "ümber nummerdatud",
  changed: "muudetud",
};
const FIELD: Record<string, string> = {
  amount: "summa",
  frame: "üldajaraam",
  plan: "plaan",
  responsible: "vastutaja",
  label: "nimetus",
  code: "kood",
};

const header = (text: string): CellModel => cell(text, { bold: true, border: true, wrap: true, fill: "#D9E1F2" });
const text = (value: string | null, italic = false): CellModel =>
  cell(value ?? "", { border: true, wrap: true, ...(italic ? { italic } : {}) });
// Money leaves decimal.js only here, at the Excel boundary; the difference is a formula so an edited cell follows.
const amount = (value: Money | null, italic = false): CellModel | null =>
  value === null
    ? text(null)
    : cell(value.toNumber(), { numFmt: AMOUNT_FORMAT, border: true, ...(italic ? { italic } : {}) });

/**
 * The change table (implementer, code, activity, before, after, difference, and an empty Põhjendus column for the
 * officer), then the totals' table. A parent row's change is in italics: it is its items' and not counted again.
 */
export function changesSheet(comparison: PlanComparison): SheetModel {
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
      text(null),
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
