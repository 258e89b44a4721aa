import { BudgetLine, Lisa2, RowSource } from "../annex/lisa2/budget";
import { quotedSheetName } from "../model/a1";
import { Money } from "../model/money";
import { ActionPlan } from "../model/plan";
import { AMOUNT_FORMAT, LISA2_MATRIX_SHEET, LISA2_SHEET, cellAddress, columnLetter } from "./layout";
import { CellModel, SheetModel, cell } from "./model";
import { nestedSum } from "./write-plan";

/**
 * Lisa 2 in Excel: two protected sheets whose every amount is a formula on the schedule sheets, so that a change
 * in a schedule shows in the annex at once. "Lisa 2" is the budget by cost line (portrait); "Lisa 2 maatriks" the
 * same money by TAT activity and implementer (landscape: nine implementers do not fit a portrait page). Each
 * formula is written with the result the model expects, for viewers that do not recalculate.
 */

/** Where a schedule row's amount cell is: its sheet and 1-based row. */
export type ScheduleCellOf = (source: RowSource) => { sheet: string; row: number } | null;

const HEADER_FILL = "#D9D9D9";
const BUDGET_WIDTHS = [10, 14, 66, 18];
const DRAFT_COLOR = "#C00000";
/** The grey of "–", an activity an implementer does not have, on both sheets. */
const ABSENT_COLOR = "#808080";
const number = (amount: Money): number => amount.toNumber();

/** The amount cells of the schedules as written by `planToWorkbook`, or as read back (`row.sheet`). */
export function scheduleCellsOf(plan: ActionPlan, written?: Array<{ sheet: string; rowOf: number[] }>): ScheduleCellOf {
  return ({ implementer, row }) => {
    const position = plan.implementers[implementer]?.rows[row]?.sheet;
    if (position) return { sheet: position.name, row: position.row };
    const ref = written?.[implementer];
    return ref ? { sheet: ref.sheet, row: ref.rowOf[row] } : null;
  };
}

export interface Lisa2Sheets {
  budget: SheetModel;
  matrix: SheetModel;
}

export function lisa2Sheets(lisa2: Lisa2, cellOf: ScheduleCellOf): Lisa2Sheets {
  const budget = budgetSheet(lisa2, cellOf);
  return { budget: budget.sheet, matrix: matrixSheet(lisa2, budget.rowOfLine, budget.directRow) };
}

function headerRows(
  lisa2: Lisa2,
  width: number,
  title: string,
): { rows: Array<Array<CellModel | null>>; merges: string[] } {
  const last = columnLetter(width - 1);
  const { header } = lisa2;
  const rows: Array<Array<CellModel | null>> = [
    [cell(header.approval ?? "", { align: "right" })],
    [cell(header.annex, { align: "right", bold: true })],
    [
      lisa2.draft
        ? cell(
            `MUSTAND: kontroll leidis ${lisa2.errors.length} ${lisa2.errors.length === 1 ? "vea" : "viga"} (loetelu lehel „${LISA2_SHEET}“ tabeli all). Parandage ajakavad ja koostage lisa uuesti.`,
            { bold: true, color: DRAFT_COLOR, wrap: true },
          )
        : null,
    ],
    [cell(title, { bold: true, align: "center", wrap: true, size: 12 })],
    [cell(header.period ?? "", { align: "center" })],
    [cell(header.implementer ?? "", { align: "center" })],
  ];
  const merges = rows.map((_, index) => `A${index + 1}:${last}${index + 1}`);
  return { rows, merges };
}

function budgetSheet(
  lisa2: Lisa2,
  cellOf: ScheduleCellOf,
): { sheet: SheetModel; rowOfLine: number[]; directRow: number } {
  const { rows, merges } = headerRows(lisa2, 4, lisa2.header.title);
  const rateRow = rows.length + 1;
  rows.push([
    null,
    null,
    cell("Kaudsete kulude määr (% otsestest kuludest)", { align: "right" }),
    lisa2.indirectRatePercent
      ? cell(lisa2.indirectRatePercent.toNumber(), { numFmt: 'General" %"', align: "right" })
      : cell("määramata", { align: "right", italic: true }),
  ]);
  rows.push([]);
  const headerRow = rows.length + 1;
  const headed = (text: string) =>
    cell(text, { bold: true, border: true, fill: HEADER_FILL, wrap: true, align: "center" });
  rows.push([headed("Rea nr"), headed("Tegevuse nr TAT-is"), headed("Kulukoht"), headed("Kokku (EUR)")]);
  rows.push([1, 2, 3, 4].map((n) => cell(n, { border: true, align: "center", size: 8 })));

  const firstLineRow = rows.length + 1;
  const rowOfLine = lisa2.lines.map((_, index) => firstLineRow + index);
  const rateCell = `$D$${rateRow}`;
  for (const line of lisa2.lines) {
    const strong = line.depth <= 2;
    rows.push([
      cell(line.number, { border: true, bold: strong }),
      cell(line.tatNumber ?? "", { border: true, bold: strong }),
      cell(line.label, { border: true, bold: strong, indent: line.depth, wrap: true }),
      // An activity the implementer lacks is "–" as in the matrix; SUM passes over the text, so totals hold.
      line.absent
        ? cell("–", { border: true, bold: strong, align: "right", color: ABSENT_COLOR })
        : cell(number(line.amount), {
            formula: lineFormula(lisa2, line, rowOfLine, cellOf, rateCell),
            numFmt: AMOUNT_FORMAT,
            border: true,
            bold: strong,
          }),
    ]);
  }
  const directIndex = lisa2.lines.findIndex((line) => line.kind === "direct");
  const directRow = rowOfLine[directIndex];

  rows.push([]);
  const { reconciliation } = lisa2;
  const schedulesRow = rows.length + 1;
  const topCells = reconciliation.tops.flatMap((source) => {
    const at = cellOf(source);
    return at ? [`${quotedSheetName(at.sheet)}!${cellAddress("amount", at.row)}`] : [];
  });
  rows.push([
    null,
    null,
    cell("Lisa 1 ajakavade kogusumma (ajakavade ülemised read)", { align: "right" }),
    cell(number(reconciliation.schedulesTotal), { formula: sumOf(topCells), numFmt: AMOUNT_FORMAT }),
  ]);
  rows.push([
    null,
    null,
    cell("Lisa 2 otsesed kulud (rida 1.1)", { align: "right" }),
    cell(number(reconciliation.budgetDirect), { formula: `D${directRow}`, numFmt: AMOUNT_FORMAT }),
  ]);
  const differenceRow = rows.length + 1;
  rows.push([
    null,
    null,
    cell("Vahe", { align: "right" }),
    cell(number(reconciliation.difference), {
      formula: `D${differenceRow - 1}-D${schedulesRow}`,
      numFmt: AMOUNT_FORMAT,
    }),
  ]);
  rows.push([
    null,
    null,
    cell("Lisa 2 ja lisa 1 kontroll", { align: "right", bold: true }),
    cell(reconciliation.difference.isZero() ? "Klapib" : "EI KLAPI", {
      formula: `IF(ROUND(D${differenceRow},2)=0,"Klapib","EI KLAPI")`,
      bold: true,
      align: "right",
    }),
  ]);
  rows.push([]);
  const noteRow = rows.length + 1;
  rows.push([
    cell(
      "Leht on loodud tat-budgetiga ja kaitstud juhusliku muutmise eest. Summad on valemid ajakavade lehtedel ja muutuvad koos nendega. " +
        "Uue määra või ülesehituse jaoks looge lisa 2 uuesti (paanil „Lisa 2“ või käsuga npx tat-budget annex): asendatakse ainult lisa lehed.",
      { italic: true, wrap: true, size: 9 },
    ),
  ]);
  merges.push(`A${noteRow}:D${noteRow}`);
  if (lisa2.draft) {
    rows.push([]);
    rows.push([cell(`Kontrolli vead (${lisa2.errors.length})`, { bold: true, color: DRAFT_COLOR })]);
    lisa2.errors.forEach((finding, index) => {
      rows.push([
        cell(index + 1, { align: "right" }),
        cell(finding.code ?? ""),
        cell(`${finding.implementer ? `${finding.implementer}: ` : ""}${finding.message}`, { wrap: true }),
        cell(
          finding.position.sheet
            ? `${finding.position.sheet}!${finding.position.cell ?? ""}`
            : `rida ${finding.position.line ?? "–"}`,
        ),
      ]);
    });
  }
  const sheet: SheetModel = {
    name: LISA2_SHEET,
    kind: "annex",
    rows,
    widths: BUDGET_WIDTHS,
    hiddenColumns: [],
    merges,
    rowHeights: wrappedRowHeights(rows, BUDGET_WIDTHS, merges, { 4: 34 }),
    print: { orientation: "portrait", repeatRows: [headerRow, headerRow + 1] },
    protect: true,
    freezeRows: headerRow + 1,
  };
  return { sheet, rowOfLine, directRow };
}

/** A line's amount: its schedule rows' cells, the SUM of its lines, or the rate times the direct costs. */
function lineFormula(
  lisa2: Lisa2,
  line: BudgetLine,
  rowOfLine: number[],
  cellOf: ScheduleCellOf,
  rateCell: string,
): string {
  if (line.kind === "indirect") {
    const direct = lisa2.lines.findIndex((other) => other.kind === "direct");
    return `ROUND(D${rowOfLine[direct]}*${rateCell}/100,2)`;
  }
  if (line.children.length > 0) return sumOf(line.children.map((child) => `D${rowOfLine[child]}`));
  const cells = line.sources.flatMap((source) => {
    const at = cellOf(source);
    return at ? [`${quotedSheetName(at.sheet)}!${cellAddress("amount", at.row)}`] : [];
  });
  return sumOf(cells);
}

/**
 * Heights for rows whose text wraps: Excel does not grow a row for wrapped text written by a program (nor for
 * merged cells), so each row gets the lines its longest wrapped cell needs at roughly one character per width unit.
 */
function wrappedRowHeights(
  rows: Array<Array<CellModel | null>>,
  widths: number[],
  merges: string[],
  fixed: Record<number, number>,
): Record<number, number> {
  const mergedWidth = new Map<number, number>();
  for (const range of merges) {
    const match = /^A(\d+):([A-Z]+)\d+$/.exec(range);
    if (!match) continue;
    const lastColumn = match[2].split("").reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
    mergedWidth.set(
      Number(match[1]),
      widths.slice(0, lastColumn).reduce((sum, width) => sum + width, 0),
    );
  }
  const heights: Record<number, number> = { ...fixed };
  rows.forEach((row, index) => {
    const sheetRow = index + 1;
    if (fixed[sheetRow] !== undefined) return;
    let lines = 1;
    let size = 11;
    row.forEach((model, column) => {
      if (!model?.wrap || typeof model.value !== "string") return;
      const fontSize = model.size ?? 11;
      const width = (mergedWidth.get(sheetRow) ?? widths[column] ?? 10) - 2 * (model.indent ?? 0);
      const perLine = Math.max(4, Math.floor((width * 11) / fontSize) - 1);
      lines = Math.max(lines, Math.ceil(model.value.length / perLine));
      size = Math.max(size, fontSize);
    });
    if (lines > 1) heights[sheetRow] = Math.ceil(lines * size * 1.3 + 2);
  });
  return heights;
}

/** SUM of cells, or 0 for none. */
const sumOf = (cells: string[]): string => (cells.length === 0 ? "0" : nestedSum(cells));

function matrixSheet(lisa2: Lisa2, rowOfLine: number[], directRow: number): SheetModel {
  const { matrix } = lisa2;
  const width = matrix.columns.length + 3;
  const { rows, merges } = headerRows(
    lisa2,
    width,
    `${lisa2.header.title}: otsesed kulud tegevuste ja partnerite lõikes (EUR)`,
  );
  rows.push([]);
  const headerRow = rows.length + 1;
  const headed = (text: string) =>
    cell(text, { bold: true, border: true, fill: HEADER_FILL, wrap: true, align: "center" });
  rows.push([
    headed("Tegevuse nr TAT-is"),
    headed("Tegevus"),
    ...matrix.columns.map((column) => headed(column.name)),
    headed("Kokku"),
  ]);
  const first = rows.length + 1;
  const budget = quotedSheetName(LISA2_SHEET);
  const lastAmount = columnLetter(matrix.columns.length + 1);
  const totalColumn = columnLetter(matrix.columns.length + 2);
  for (const row of matrix.rows) {
    const sheetRow = rows.length + 1;
    rows.push([
      cell(row.tatNumber ?? "", { border: true }),
      cell(row.label, { border: true, wrap: true, size: 9 }),
      ...row.cells.map((amount, column) => {
        const line = row.lineOf[column];
        return amount === null || line === null
          ? cell("–", { border: true, align: "center", color: ABSENT_COLOR })
          : cell(number(amount), { formula: `${budget}!D${rowOfLine[line]}`, numFmt: AMOUNT_FORMAT, border: true });
      }),
      cell(number(row.total), {
        formula: `SUM(C${sheetRow}:${lastAmount}${sheetRow})`,
        numFmt: AMOUNT_FORMAT,
        border: true,
        bold: true,
      }),
    ]);
  }
  const last = rows.length;
  const totalRow = last + 1;
  rows.push([
    cell("", { border: true }),
    cell("Kokku", { border: true, bold: true }),
    ...matrix.columnTotals.map((amount, column) => {
      const letter = columnLetter(column + 2);
      return cell(number(amount), {
        formula: `SUM(${letter}${first}:${letter}${last})`,
        numFmt: AMOUNT_FORMAT,
        border: true,
        bold: true,
      });
    }),
    cell(number(matrix.total), {
      formula: `SUM(C${totalRow}:${lastAmount}${totalRow})`,
      numFmt: AMOUNT_FORMAT,
      border: true,
      bold: true,
    }),
  ]);
  rows.push([]);
  const agrees = matrix.total.equals(lisa2.reconciliation.budgetDirect);
  rows.push([
    null,
    cell(`Kontroll: kokku võrdub lehe „${LISA2_SHEET}“ reaga 1.1 (otsesed kulud)`, { align: "right" }),
    ...new Array<CellModel | null>(matrix.columns.length).fill(null),
    cell(agrees ? "Klapib" : "EI KLAPI", {
      formula: `IF(ROUND(${totalColumn}${totalRow}-${budget}!D${directRow},2)=0,"Klapib","EI KLAPI")`,
      bold: true,
      align: "right",
    }),
  ]);
  const widths = [12, 44, ...matrix.columns.map(() => 13), 15];
  return {
    name: LISA2_MATRIX_SHEET,
    kind: "annex",
    rows,
    widths,
    hiddenColumns: [],
    merges,
    rowHeights: wrappedRowHeights(rows, widths, merges, { 4: 34 }),
    print: { orientation: "landscape", repeatRows: [headerRow, headerRow] },
    protect: true,
    freezeRows: headerRow,
  };
}
