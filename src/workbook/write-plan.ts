import { quotedSheetName } from "../model/a1";
import { CalendarDate, Period } from "../model/calendar-date";
import { ImplementerTree, PlanNode } from "../model/hierarchy";
import { Money } from "../model/money";
import { ActionPlan, Implementer } from "../model/plan";
import { ImplementerTotals, TreeTotals, implementerTotals } from "../model/totals";
import {
  AMOUNT_FORMAT,
  ANNEX_SHEETS,
  COLUMN,
  DATE_FORMAT,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HEADER_ROW_HEIGHT,
  INDICATORS_SHEET,
  SCHEDULE_COLUMNS,
  SETTINGS_SHEET,
  SUMMARY_SHEET,
  cellAddress,
  columnLetter,
  scheduleSheetName,
  toExcelSerial,
} from "./layout";
import { CellModel, SheetModel, WorkbookModel, cell } from "./model";

/** Money leaves decimal.js only here, at the Excel boundary, where cells hold binary numbers. */
const excelNumber = (amount: Money | null): number | null => (amount ? amount.toNumber() : null);

/** Where each implementer's rows went, for positions and the summary's formulas. */
export interface ScheduleSheetRef {
  implementer: Implementer;
  sheet: string;
  tree: ImplementerTree;
  totals: TreeTotals;
  /** 1-based sheet row of each row, by row index. */
  rowOf: number[];
}

/**
 * The plan as the canonical workbook: schedules with live SUM formulas, Koond, Seaded and Näitajad. `built`: the
 * implementers' trees and totals when the caller has analysed the plan already.
 */
export function planToWorkbook(
  plan: ActionPlan,
  built: readonly ImplementerTotals[] = implementerTotals(plan),
): { workbook: WorkbookModel; schedules: ScheduleSheetRef[] } {
  const taken = new Set<string>([SUMMARY_SHEET, SETTINGS_SHEET, INDICATORS_SHEET, ...ANNEX_SHEETS]);
  const schedules: ScheduleSheetRef[] = [];
  const sheets: SheetModel[] = [];
  for (const [index, implementer] of plan.implementers.entries()) {
    const sheet = scheduleSheetName(implementer, taken);
    taken.add(sheet);
    const { tree, totals } = built[index];
    const ref: ScheduleSheetRef = {
      implementer,
      sheet,
      tree,
      totals,
      rowOf: implementer.rows.map((_, index) => FIRST_DATA_ROW + index),
    };
    schedules.push(ref);
    sheets.push(scheduleSheet(ref, sheets.length + 1));
  }
  return {
    workbook: { sheets: [summarySheet(schedules), ...sheets, settingsSheet(plan, schedules), indicatorsSheet(plan)] },
    schedules,
  };
}

/**
 * One implementer's schedule sheet as `planToWorkbook` lays it out, its Excel table named `Ajakava<tableNumber>`:
 * for a caller that needs one schedule's cells (a row added to it) and not the whole plan's workbook.
 */
export function scheduleSheet(ref: ScheduleSheetRef, tableNumber: number): SheetModel {
  const { implementer, tree, sheet, totals } = ref;
  const role = implementer.role === "elluviija" ? "elluviija" : "partner";
  const tables =
    implementer.tables.length === 1 ? `tabel ${implementer.tables[0]}` : `tabelid ${implementer.tables.join(", ")}`;
  const rows: Array<Array<CellModel | null>> = [
    [cell(`${implementer.name} (${role}) — tegevuste ajakava, ${tables}`, { bold: true })],
    [
      cell(
        implementer.partnership
          ? `Partnerluslepingu periood ${periodText(implementer.partnership)}. Ülemridade summad on valemid; dokumendi summa on veerus „Dokumendis (EUR)“.`
          : "Ülemridade summad on valemid; dokumendi summa on veerus „Dokumendis (EUR)“.",
        { italic: true },
      ),
    ],
    [],
    SCHEDULE_COLUMNS.map((column) => cell(column.header, { bold: true, wrap: true })),
  ];
  const depthOf = (node: PlanNode) => {
    let depth = 0;
    for (let parent = node.parent; parent; parent = parent.parent) depth++;
    return depth;
  };
  for (const node of tree.nodes) {
    const row = node.row;
    const isParent = node.children.length > 0;
    const cells: Array<CellModel | null> = new Array(SCHEDULE_COLUMNS.length).fill(null);
    const depth = depthOf(node);
    cells[COLUMN.code] = row.printedCode ? cell(row.printedCode, { bold: isParent }) : null;
    cells[COLUMN.label] = cell(row.label, { bold: isParent, indent: depth });
    placeRange(cells, COLUMN.frameStart, row.frame, row.frameText);
    placeRange(cells, COLUMN.planStart, row.plan, row.planText);
    if (isParent) {
      cells[COLUMN.amount] = cell(excelNumber(totals.computed[node.index]), {
        formula: sumFormula(node.children.map((child) => ref.rowOf[child.index])),
        numFmt: AMOUNT_FORMAT,
        bold: true,
      });
      cells[COLUMN.declared] = row.amount ? cell(excelNumber(row.amount), { numFmt: AMOUNT_FORMAT }) : null;
    } else {
      cells[COLUMN.amount] = row.amount ? cell(excelNumber(row.amount), { numFmt: AMOUNT_FORMAT }) : null;
    }
    cells[COLUMN.responsible] = row.responsible ? cell(row.responsible) : null;
    cells[COLUMN.level] = cell(depth);
    cells[COLUMN.line] = cell(row.line);
    cells[COLUMN.table] = cell(row.table);
    cells[COLUMN.printed] = row.amountText !== null ? cell(row.amountText) : null;
    // Wrapped cells stand at the top of their row: so must the rest, beside the first line of a long activity.
    rows.push(cells.map((model) => (model ? { ...model, wrap: true } : null)));
  }
  const rowHeights: Record<number, number> = { [HEADER_ROW]: HEADER_ROW_HEIGHT };
  rows.forEach((cells, index) => {
    if (index < HEADER_ROW) return;
    const lines = Math.max(
      wrappedLines(
        text(cells[COLUMN.label]),
        SCHEDULE_COLUMNS[COLUMN.label].width - (cells[COLUMN.label]?.indent ?? 0),
        cells[COLUMN.label]?.bold,
      ),
      wrappedLines(text(cells[COLUMN.responsible]), SCHEDULE_COLUMNS[COLUMN.responsible].width),
    );
    if (lines > 1) rowHeights[index + 1] = lines * LINE_HEIGHT;
  });
  const lastRow = HEADER_ROW + Math.max(tree.nodes.length, 1);
  if (tree.nodes.length === 0) rows.push([]);
  return {
    name: sheet,
    kind: "schedule",
    rows,
    widths: SCHEDULE_COLUMNS.map((column) => column.width),
    hiddenColumns: SCHEDULE_COLUMNS.flatMap((column, index) => (column.hidden ? [index] : [])),
    table: {
      name: `Ajakava${tableNumber}`,
      headerRow: HEADER_ROW,
      lastRow,
      columns: SCHEDULE_COLUMNS.map((column) => column.header),
    },
    freezeRows: HEADER_ROW,
    rowHeights,
    // Landscape: the dates, amounts and responsible party stand beside the activity on one page width.
    print: { orientation: "landscape", repeatRows: [HEADER_ROW, HEADER_ROW] },
  };
}

/** Points per line of Calibri 11, the default font of Excel's workbooks, as Excel spaces wrapped lines. */
const LINE_HEIGHT = 15;

const text = (model: CellModel | null | undefined): string => (typeof model?.value === "string" ? model.value : "");

/**
 * How many lines a text wraps to in a column `width` characters wide, counted as 1.1 characters to the width
 * unit, 0.95 in bold (letters are narrower than the digits that set the unit: so many fit in DejaVu Sans, more in
 * Calibri; bold ones are wider).
 * Rows get these heights written: Excel fits a wrapped row's height itself, but LibreOffice, which opens and
 * prints the same file, keeps one line unless the file says otherwise.
 */
export function wrappedLines(value: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? 0.95 : 1.1)));
  let lines = 0;
  let used = perLine;
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (used + 1 + word.length <= perLine) used += 1 + word.length;
    else {
      lines += Math.ceil(word.length / perLine);
      used = word.length % perLine || perLine;
    }
  }
  return Math.max(1, lines);
}

/** Dates as Excel dates shown dd.mm.yyyy; a date that cannot be one stays as the document printed it. */
function placeRange(
  cells: Array<CellModel | null>,
  start: number,
  period: Period | null,
  printed: string | null,
): void {
  if (period) {
    cells[start] = cell(toExcelSerial(period.start), { numFmt: DATE_FORMAT });
    cells[start + 1] = cell(toExcelSerial(period.end), { numFmt: DATE_FORMAT });
  } else if (printed) {
    const [first, second] = printed.split(/\s+[-\u2013]\s+/);
    cells[start] = dateOrText(first);
    cells[start + 1] = second !== undefined ? dateOrText(second) : null;
  }
}

function dateOrText(text: string | undefined): CellModel | null {
  if (!text) return null;
  const date = CalendarDate.parseEstonian(text);
  return date ? cell(toExcelSerial(date), { numFmt: DATE_FORMAT }) : cell(text);
}

/**
 * SUM of the children's amount cells, as ranges where they stand together. Excel allows 255 arguments, so
 * longer lists are summed in nested groups.
 */
export function sumFormula(rows: number[]): string {
  const column = columnLetter(COLUMN.amount);
  const parts: string[] = [];
  const sorted = [...rows].sort((a, b) => a - b);
  for (let index = 0; index < sorted.length;) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    parts.push(end > index ? `${column}${sorted[index]}:${column}${sorted[end]}` : `${column}${sorted[index]}`);
    index = end + 1;
  }
  return nestedSum(parts);
}

/** SUM of references; Excel takes at most 255 arguments, so longer lists are summed in nested groups. */
export function nestedSum(parts: string[]): string {
  if (parts.length <= 255) return `SUM(${parts.join(",")})`;
  const groups: string[] = [];
  for (let index = 0; index < parts.length; index += 255)
    groups.push(`SUM(${parts.slice(index, index + 255).join(",")})`);
  return nestedSum(groups);
}

function summarySheet(schedules: ScheduleSheetRef[]): SheetModel {
  const headers = ["Elluviija / partner", "Roll", "Leht", "Kogusumma (EUR)", "Dokumendis (EUR)", "Vahe (EUR)"];
  const rows: Array<Array<CellModel | null>> = [
    [cell("Koond: elluviija ja partnerite kogusummad", { bold: true })],
    [
      cell("Kogusummad on valemid ajakavade lehtedel; vahe on arvutatud ja dokumendi summa erinevus.", {
        italic: true,
      }),
    ],
    [],
    headers.map((header) => cell(header, { bold: true })),
  ];
  const first = rows.length + 1;
  schedules.forEach((ref, index) => {
    const row = first + index;
    const { totals } = ref;
    const sheet = quotedSheetName(ref.sheet);
    const topRefs = ref.tree.top ? [ref.tree.top] : ref.tree.roots;
    const cells = topRefs.map((node) => `${sheet}!${cellAddress("amount", ref.rowOf[node.index])}`);
    const formula = cells.length === 0 ? "0" : cells.length === 1 ? cells[0] : nestedSum(cells);
    rows.push([
      cell(ref.implementer.name),
      cell(ref.implementer.role),
      cell(ref.sheet),
      cell(excelNumber(totals.total), { formula, numFmt: AMOUNT_FORMAT }),
      cell(excelNumber(totals.declared), { numFmt: AMOUNT_FORMAT }),
      cell(totals.total && totals.declared ? totals.total.minus(totals.declared).toNumber() : null, {
        formula: `D${row}-E${row}`,
        numFmt: AMOUNT_FORMAT,
      }),
    ]);
  });
  const last = first + schedules.length - 1;
  const totalRow = last + 1;
  rows.push([
    cell("Kokku", { bold: true }),
    null,
    null,
    cell(null, { formula: schedules.length ? `SUM(D${first}:D${last})` : "0", numFmt: AMOUNT_FORMAT, bold: true }),
    cell(null, { formula: schedules.length ? `SUM(E${first}:E${last})` : "0", numFmt: AMOUNT_FORMAT, bold: true }),
    cell(null, { formula: `D${totalRow}-E${totalRow}`, numFmt: AMOUNT_FORMAT, bold: true }),
  ]);
  return {
    name: SUMMARY_SHEET,
    kind: "summary",
    rows,
    widths: [24, 12, 16, 18, 18, 14],
    hiddenColumns: [],
    freezeRows: 4,
  };
}

/** Labels of the settings sheet, read back by the same text. */
export const SETTING = {
  directiveNumber: "Käskkirja number",
  directiveDate: "Käskkirja kuupäev",
  activityName: "Toetatav tegevus",
  tatNumber: "TAT käskkirja number",
  tatDate: "TAT käskkirja kuupäev",
  planStart: "Tegevuskava perioodi algus",
  planEnd: "Tegevuskava perioodi lõpp",
  indirectRate: "Kaudsete kulude määr (%)",
} as const;

export const IMPLEMENTER_HEADERS = [
  "Elluviija / partner",
  "Roll",
  "Leht",
  "Tabelid",
  "Partnerluslepingu algus",
  "Partnerluslepingu lõpp",
  "Muud nimed",
] as const;

/**
 * Seaded's block of what each implementer's text describes, code by code: the document's prose is not in the
 * workbook, so the check of text against schedule needs these rows to say the same after import. An implementer
 * whose text is known but describes nothing by code has a row without a code; one whose text is not known, none.
 * It stands beside the implementers' table, from column I on its header row: below it, a schedule imported later
 * takes the table's next row.
 */
export const NARRATIVE_HEADERS = ["Tekstis kirjeldab", "Kood", "Pealkiri tekstis", "Allikarida"] as const;
/** The block's first column (0-based): I, one empty column after the implementers' table. */
export const NARRATIVE_COLUMN = IMPLEMENTER_HEADERS.length + 1;

function dateCell(date: CalendarDate | null | undefined): CellModel | null {
  return date ? cell(toExcelSerial(date), { numFmt: DATE_FORMAT }) : null;
}

function settingsSheet(plan: ActionPlan, schedules: ScheduleSheetRef[]): SheetModel {
  const { directive } = plan;
  const rows: Array<Array<CellModel | null>> = [
    [cell("Tegevuskava seaded", { bold: true })],
    [cell("Need väärtused kuuluvad töövihikule: kaasautorid näevad samu seadeid.", { italic: true })],
    [],
    [cell(SETTING.directiveNumber), directive.number ? cell(directive.number) : null],
    [cell(SETTING.directiveDate), dateCell(directive.date)],
    [cell(SETTING.activityName), directive.activityName ? cell(directive.activityName) : null],
    [cell(SETTING.tatNumber), directive.tat?.number ? cell(directive.tat.number) : null],
    [cell(SETTING.tatDate), dateCell(directive.tat?.date)],
    [cell(SETTING.planStart), dateCell(plan.planPeriod?.start)],
    [cell(SETTING.planEnd), dateCell(plan.planPeriod?.end)],
    [
      cell(SETTING.indirectRate),
      plan.indirectRatePercent ? cell(plan.indirectRatePercent.toNumber(), { numFmt: "General" }) : null,
    ],
    [],
    IMPLEMENTER_HEADERS.map((header) => cell(header, { bold: true })),
  ];
  for (const ref of schedules) {
    const { implementer } = ref;
    rows.push([
      cell(implementer.name),
      cell(implementer.role),
      cell(ref.sheet),
      cell(implementer.tables.join(", ")),
      dateCell(implementer.partnership?.start),
      dateCell(implementer.partnership?.end),
      cell(implementer.aliases.filter((alias) => alias !== implementer.name).join("; ")),
    ]);
  }
  placeNarratives(rows, rows.length - schedules.length - 1, schedules);
  return {
    name: SETTINGS_SHEET,
    kind: "settings",
    rows,
    widths: [30, 12, 14, 12, 16, 16, 30, 3, 24, 12, 50, 10],
    hiddenColumns: [],
  };
}

/** The described codes beside the implementers' table, whose header is the 0-based row `header`. */
function placeNarratives(rows: Array<Array<CellModel | null>>, header: number, schedules: ScheduleSheetRef[]): void {
  const described = schedules.filter((ref) => ref.implementer.narrative !== undefined);
  if (described.length === 0) return;
  const lines: Array<Array<CellModel | null>> = [NARRATIVE_HEADERS.map((text) => cell(text, { bold: true }))];
  for (const { implementer } of described) {
    const narrative = implementer.narrative ?? [];
    if (narrative.length === 0) lines.push([cell(implementer.name), null, null, null]);
    for (const entry of narrative) {
      lines.push([cell(implementer.name), cell(entry.code, { numFmt: "@" }), cell(entry.title), cell(entry.line)]);
    }
  }
  lines.forEach((cells, offset) => {
    const row = (rows[header + offset] ??= []);
    while (row.length < NARRATIVE_COLUMN) row.push(null);
    row.splice(NARRATIVE_COLUMN, cells.length, ...cells);
  });
}

export const INDICATOR_HEADERS = [
  "Tabel",
  "Indikaator",
  "Mõõtühik",
  "Sihttase tegevuskava aastal",
  "Sihttase (2029)",
  "Selgitus",
  "Allikarida",
] as const;

function indicatorsSheet(plan: ActionPlan): SheetModel {
  const rows: Array<Array<CellModel | null>> = [
    [cell("Tegevustega seotud näitajad", { bold: true })],
    [],
    [],
    INDICATOR_HEADERS.map((header) => cell(header, { bold: true })),
  ];
  for (const indicator of plan.indicators) {
    rows.push([
      cell(indicator.table),
      cell(indicator.name),
      cell(indicator.unit),
      cell(indicator.target),
      cell(indicator.target2029),
      cell(indicator.explanation),
      cell(indicator.line),
    ]);
  }
  return { name: INDICATORS_SHEET, kind: "indicators", rows, widths: [6, 50, 12, 14, 14, 60, 8], hiddenColumns: [6] };
}

function periodText(period: Period): string {
  return `${period.start.toEstonian()} – ${period.end.toEstonian()}`;
}
