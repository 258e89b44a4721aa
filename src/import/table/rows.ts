import { Period } from "../../model/calendar-date";
import { ImportDiagnostic, IndicatorRow, ScheduleRow } from "../../model/plan";
import { RowStart, matchCaption, matchRowStart, tidy } from "../text/patterns";
import { AmountReading, DateToken, cellDates, cellText, joinCellLines, readAmountValue } from "./cells";
import { IndicatorColumn, REQUIRED_SCHEDULE_COLUMNS, SCHEDULE_COLUMN_NAMES, ScheduleColumn } from "./columns";
import type { GridCell, GridRow, TableGrid } from "./grid";
import { TableHeader, repeatedHeaderEnd } from "./header";

/**
 * Assembling a schedule's rows from the body of a grid, and every diagnostic about a row or a cell, worded once:
 * Word, the PDF, a paste and the text say the same about the same fault.
 */

export type Report = (
  severity: ImportDiagnostic["severity"],
  id: string,
  line: number | null,
  message: string,
  messageEn: string,
  text?: string,
) => void;

/** Reports into `diagnostics` in the order found; a diagnostic has a `text` only when one is given. */
export function reporter(diagnostics: ImportDiagnostic[]): Report {
  return (severity, id, line, message, messageEn, text) =>
    diagnostics.push({ severity, id, line, message, messageEn, ...(text !== undefined ? { text } : {}) });
}

export interface TableContext {
  /** The table's number from its caption; 0 when the source does not say (a paste). */
  table: number;
  report: Report;
}

// ---- Diagnostics -----------------------------------------------------------------------------------------------

/** "Tabelis 9" / "in table 9", or nothing when the table has no number. */
function inTable(table: number): { et: string; en: string } {
  return table > 0 ? { et: `Tabelis ${table}`, en: `Table ${table}` } : { et: "Tabelis", en: "The table" };
}

/** A column the header lacks; an error for the activity and the cost (the plan is made of them), else a warning. */
export function reportMissingColumn(
  context: TableContext,
  key: (typeof REQUIRED_SCHEDULE_COLUMNS)[number],
  line: number | null,
): void {
  const name = SCHEDULE_COLUMN_NAMES[key];
  const where = inTable(context.table);
  context.report(
    key === "activity" || key === "amount" ? "error" : "warning",
    "missing-column",
    line,
    `${where.et} puudub veerg „${name.et}“; read loeti ilma selleta.`,
    `${where.en} has no "${name.en}" column ("${name.et}"); its rows were read without it.`,
  );
}

export function reportMissingCode(context: TableContext, line: number | null, where: string, text: string): void {
  const table = context.table > 0 ? `Tabeli ${context.table} real` : "Real";
  const tableEn = context.table > 0 ? ` of table ${context.table}` : "";
  context.report(
    "warning",
    "missing-code",
    line,
    `${table} „${where}“ puudub tegevuse kood; rida loeti koodita tegevusena.`,
    `Row "${where}"${tableEn} has no activity code; it was read as an activity without a code.`,
    text,
  );
}

export function reportMissingAmount(report: Report, line: number | null, where: string): void {
  report(
    "error",
    "missing-amount",
    line,
    `Real „${where}“ puudub planeeritav maksumus.`,
    `Row "${where}" has no planned cost.`,
  );
}

export function reportUnreadableAmount(report: Report, line: number | null, where: string, text: string): void {
  report(
    "error",
    "unreadable-amount",
    line,
    `Rea „${where}“ planeeritav maksumus „${text}“ ei ole loetav summa.`,
    `The planned cost "${text}" of row "${where}" is not a readable amount.`,
    text,
  );
}

export function reportInvalidDate(report: Report, line: number | null, where: string, text: string): void {
  report(
    "error",
    "invalid-date",
    line,
    `Rea „${where}“ kuupäev „${text}“ ei ole olemasolev kuupäev (pp.kk.aaaa).`,
    `The date "${text}" of row "${where}" is not a valid date (dd.mm.yyyy).`,
    text,
  );
}

/** Which cell of a row dates stand in, for messages; `row` when the source gives them as one run (the text). */
export type DateColumn = "frame" | "plan" | "row";

/** Where the dates stand, as a message's subject: "Rea „3.5.2.1“ üldajaraami lahtris" / "Real „3.5.2.1“". */
function datePlace(where: string, column: DateColumn): { et: string; en: string } {
  if (column === "row") return { et: `Real „${where}“`, en: `Row "${where}"` };
  const cell = column === "frame" ? ["üldajaraami", "overall frame"] : ["tegevuskava perioodi", "plan-period"];
  return { et: `Rea „${where}“ ${cell[0]} lahtris`, en: `The ${cell[1]} cell of row "${where}"` };
}

/** A date cell (or the text's row) whose dates make no range: none readable, a single one, or an odd number. */
export function reportUnreadableDates(
  report: Report,
  line: number | null,
  where: string,
  column: DateColumn,
  text: string,
  count: number,
): void {
  const place = datePlace(where, column);
  report(
    "error",
    "unreadable-dates",
    line,
    count === 0
      ? `${place.et} pole loetavaid kuupäevi (pp.kk.aaaa – pp.kk.aaaa): „${text}“.`
      : count === 1
        ? `${place.et} on ainult üks kuupäev: „${text}“.`
        : `${place.et} olevad kuupäevad ei moodusta vahemikke: „${text}“.`,
    count === 0
      ? `${place.en} has no readable dates (dd.mm.yyyy – dd.mm.yyyy): "${text}".`
      : count === 1
        ? `${place.en} has a single date: "${text}".`
        : column === "row"
          ? `The dates of row "${where}" do not form ranges: "${text}".`
          : `The dates in the ${column === "frame" ? "overall frame" : "plan-period"} cell of row "${where}" do not form ranges: "${text}".`,
    text,
  );
}

/**
 * More dates than the column (or, for the text, the row's two ranges) takes. A cell's are not read; the text's row
 * keeps its first two ranges (`firstRead`).
 */
export function reportExtraDates(
  report: Report,
  line: number | null,
  where: string,
  column: DateColumn,
  text: string,
  firstRead = false,
): void {
  const place = datePlace(where, column);
  report(
    "error",
    "extra-dates",
    line,
    `${place.et} on rohkem kuupäevavahemikke, kui ${column === "row" ? "reale" : "veergu"} mahub: „${text}“. ` +
      (firstRead ? "Loeti kaks esimest; tekst on säilitatud." : "Neid ei loetud; tekst on säilitatud."),
    `${place.en} holds more date ranges than the ${column === "row" ? "row" : "column"} takes: "${text}". ` +
      (firstRead ? "The first two were read; the text is kept." : "Not read; the text is kept."),
    text,
  );
}

export function reportMissingDates(report: Report, line: number | null, where: string): void {
  report(
    "warning",
    "missing-dates",
    line,
    `Real „${where}“ puuduvad kuupäevad (üldajaraam ja tegevuskava periood).`,
    `Row "${where}" has no dates (overall frame and plan period).`,
  );
}

/**
 * No schedule header in what was given; `place` says where was looked ("Valitud alast (Leht1!B3…)" / "the selection
 * (Leht1!B3…)").
 */
export function reportNoHeader(report: Report, place: { et: string; en: string }): void {
  const names = REQUIRED_SCHEDULE_COLUMNS.map((key) => SCHEDULE_COLUMN_NAMES[key]);
  report(
    "error",
    "no-header",
    null,
    `${place.et} ei leitud tegevuste ajakava päiserida. Valige tabel koos päisega, mille veergude nimed on ${names.map((name) => `„${name.et}“`).join(", ")}.`,
    `No schedule table header was found in ${place.en}. Select the table with its header, whose columns are ${names.map((name) => `"${name.en}"`).join(", ")} ("${names.map((name) => name.et).join('", "')}").`,
  );
}

// ---- Cells -----------------------------------------------------------------------------------------------------

/** A cost cell read, with what cannot be read reported. Whether an empty one is reported is the caller's. */
export function readAmountCell(
  value: GridCell["value"] | undefined,
  where: string,
  line: number | null,
  report: Report,
): AmountReading {
  const reading = readAmountValue(value);
  if (reading.amountText !== null && reading.amount === null)
    reportUnreadableAmount(report, line, where, reading.amountText);
  return reading;
}

export interface RangeReading {
  period: Period | null;
  text: string | null;
}

/**
 * One range from a cell's dates (`raw` the cell's text, null when empty): two dates make it, their text normalised
 * to "01.01.2025 – 31.12.2025"; one date, none, or more than a range are reported with the text kept.
 */
export function readRange(
  tokens: DateToken[],
  raw: string | null,
  column: DateColumn,
  where: string,
  line: number | null,
  report: Report,
): RangeReading {
  if (tokens.length === 0) {
    if (raw !== null) reportUnreadableDates(report, line, where, column, raw, 0);
    return { period: null, text: raw };
  }
  for (const token of tokens) if (!token.date) reportInvalidDate(report, line, where, token.text);
  const listed = raw ?? tokens.map((token) => token.text).join(" ");
  if (tokens.length === 1) {
    reportUnreadableDates(report, line, where, column, listed, 1);
    return { period: null, text: listed };
  }
  if (tokens.length > 2) {
    reportExtraDates(report, line, where, column, listed);
    return { period: null, text: listed };
  }
  const [start, end] = tokens;
  return {
    period: start.date && end.date ? { start: start.date, end: end.date } : null,
    text: `${start.text} – ${end.text}`,
  };
}

// ---- Rows ------------------------------------------------------------------------------------------------------

type Columns = Partial<Record<ScheduleColumn, number>>;

/** One body row through the header's columns. */
interface RowCells {
  at: (key: ScheduleColumn) => GridCell | null;
  code: string | null;
  activity: string;
  responsible: string | null;
  hasDates: boolean;
  hasAmount: boolean;
}

function readRowCells(row: GridRow, columns: Columns): RowCells {
  const at = (key: ScheduleColumn): GridCell | null => {
    const column = columns[key];
    return column === undefined ? null : (row.cells[column] ?? null);
  };
  return {
    at,
    code: cellText(at("code")),
    activity: tidy(cellText(at("activity")) ?? ""),
    responsible: cellText(at("responsible")),
    hasDates: (["frame", "frameEnd", "plan", "planEnd"] as const).some((key) => cellText(at(key)) !== null),
    hasAmount: cellText(at("amount")) !== null,
  };
}

/** "Kokku", "Kõik kokku", "Summa", "Kokku:": a table's total, which the plan sums itself. */
export const TOTAL_ROW = /^(kõik\s+)?kokku\b|^summa\b|^total\b/iu;

/** A code in a column of its own: a spreadsheet turns "1." into the number 1, which is the numbered item "1.". */
function normaliseCode(text: string): string {
  return /^\d{1,2}$/.test(text) ? `${text}.` : text;
}

/**
 * The schedule rows of `grid` under `header`, each with `line` its grid row's line. Empty rows, repeated headers and
 * column numbers are skipped; a row with no code, dates or cost continues the row above (its texts joined); a total
 * row is reported and left out; any other row is an activity row.
 */
export function readScheduleBody(grid: TableGrid, header: TableHeader<ScheduleColumn>, context: TableContext) {
  const rows: ScheduleRow[] = [];
  for (let index = header.end; index < grid.rows.length; index++) {
    const gridRow = grid.rows[index];
    const repeated = repeatedHeaderEnd(grid.rows, index, "schedule");
    if (repeated !== null) {
      index = repeated - 1;
      continue;
    }
    const line = gridRow.line;
    const row = readRowCells(gridRow, header.columns);
    const { code, activity, responsible, hasDates, hasAmount } = row;
    if (!code && activity === "" && !responsible && !hasDates && !hasAmount) continue;
    const start = matchRowStart(code ? tidy(`${normaliseCode(code)} ${activity}`) : activity);
    if (!start && !hasDates && !hasAmount) {
      continueRow(row, rows[rows.length - 1], line, context);
      continue;
    }
    const label = tidy(start ? (start.kind === "personnel" ? activity : start.labelStart) : activity);
    if (!start && TOTAL_ROW.test(label)) {
      // A total taken for an activity would count twice.
      context.report(
        "warning",
        "total-row",
        line,
        `Rida ${line ?? "?"} („${label}“) on kokkuvõtterida; see jäeti välja.`,
        `Row ${line ?? "?"} ("${label}") is a total row; it was left out.`,
        label,
      );
      continue;
    }
    rows.push(readActivityRow(row, start, label, header.columns, line, context));
  }
  return rows;
}

/**
 * A row holding text only: a page number or caption alone on its row is dropped, a row without a code is the wrapped
 * end of `previous` and joins it, and any other row is reported and skipped.
 */
function continueRow(row: RowCells, previous: ScheduleRow | undefined, line: number | null, context: TableContext) {
  const { code, activity, responsible } = row;
  const alone = !code && !responsible;
  if (alone && (/^\d{1,3}$/.test(activity) || matchCaption(activity))) return;
  if (previous && !code) {
    if (activity) previous.label = joinCellLines([previous.label, activity]);
    if (responsible) previous.responsible = joinCellLines([previous.responsible ?? "", responsible]);
    return;
  }
  context.report(
    "warning",
    "unparsed-row",
    line,
    `Rida ${line ?? "?"} ei ole tegevuse rida (kood, kuupäevad ega maksumus puuduvad); see jäeti vahele.`,
    `Row ${line ?? "?"} is no activity row (no code, dates or cost); it was skipped.`,
    [code, activity, responsible].filter((part) => part).join(" "),
  );
}

function readActivityRow(
  row: RowCells,
  start: RowStart | null,
  label: string,
  columns: Columns,
  line: number | null,
  context: TableContext,
): ScheduleRow {
  const { at, activity } = row;
  const where = start?.printedCode ?? (label || `rida ${line ?? "?"}`);
  if (!start) reportMissingCode(context, line, where, activity);
  const dates = readRowDates(at, columns, where, line, context.report);
  const amountCell = at("amount");
  const cost = readAmountCell(amountCell?.value, where, line, context.report);
  if (cost.amountText === null && columns.amount !== undefined) reportMissingAmount(context.report, line, where);
  return {
    code: start?.code ?? null,
    printedCode: start?.printedCode ?? null,
    codeStyle: start?.codeStyle ?? null,
    label,
    kind: start?.kind ?? "activity",
    amount: cost.amount,
    amountText: cost.amountText,
    ...dates,
    responsible: row.responsible ? tidy(row.responsible) : null,
    line: line ?? 0,
    table: context.table,
  };
}

/**
 * Frame and plan dates, each from one cell holding a range or two cells holding a date each. A frame cell holding
 * both ranges with the plan's cell empty gives its second range to the plan: a paste can put two columns' text into
 * one cell. The directive leaves a row's overall frame empty where it has none, so an empty cell is no fault; a row
 * with no dates at all is reported.
 */
function readRowDates(
  at: (key: ScheduleColumn) => GridCell | null,
  columns: Columns,
  where: string,
  line: number | null,
  report: Report,
): Pick<ScheduleRow, "frame" | "frameText" | "plan" | "planText"> {
  const tokens = (key: "frame" | "plan") => {
    const endKey = key === "frame" ? "frameEnd" : "planEnd";
    return [...cellDates(at(key)?.value), ...(columns[endKey] !== undefined ? cellDates(at(endKey)?.value) : [])];
  };
  const raw = (key: "frame" | "plan") => {
    const parts = [cellText(at(key)), cellText(at(key === "frame" ? "frameEnd" : "planEnd"))];
    const present = parts.filter((part): part is string => part !== null);
    return present.length === 0 ? null : present.join(" – ");
  };
  const frameTokens = tokens("frame");
  const planTokens = tokens("plan");
  if (frameTokens.length === 4 && planTokens.length === 0 && raw("plan") === null && columns.plan !== undefined) {
    report(
      "error",
      "two-ranges-in-cell",
      line,
      `Rea „${where}“ üldajaraami lahtris on kaks vahemikku; teine on loetud tegevuskava perioodi kuupäevadeks.`,
      `The overall frame cell of row "${where}" holds two ranges; the second is taken as the plan-period dates.`,
      raw("frame") ?? undefined,
    );
    const frame = readRange(frameTokens.slice(0, 2), null, "frame", where, line, report);
    const plan = readRange(frameTokens.slice(2), null, "plan", where, line, report);
    return { frame: frame.period, frameText: frame.text, plan: plan.period, planText: plan.text };
  }
  const hasDateColumn = columns.frame !== undefined || columns.plan !== undefined;
  if (hasDateColumn && raw("frame") === null && raw("plan") === null) reportMissingDates(report, line, where);
  const frame = readRange(frameTokens, raw("frame"), "frame", where, line, report);
  const plan = readRange(planTokens, raw("plan"), "plan", where, line, report);
  return { frame: frame.period, frameText: frame.text, plan: plan.period, planText: plan.text };
}

// ---- Indicators ------------------------------------------------------------------------------------------------

/** An indicator table's rows; targets as plain decimals ("8", "0.5"), as the text importer gives them. */
export function readIndicatorBody(
  grid: TableGrid,
  header: TableHeader<IndicatorColumn>,
  table: number,
): IndicatorRow[] {
  const indicators: IndicatorRow[] = [];
  const text = (row: GridRow, key: IndicatorColumn) => {
    const column = header.columns[key];
    return column === undefined ? "" : tidy(cellText(row.cells[column]) ?? "");
  };
  for (let index = header.end; index < grid.rows.length; index++) {
    const row = grid.rows[index];
    const repeated = repeatedHeaderEnd(grid.rows, index, "indicators");
    if (repeated !== null) {
      index = repeated - 1;
      continue;
    }
    const values = {
      name: text(row, "name"),
      unit: text(row, "unit"),
      target: text(row, "target").replace(",", "."),
      target2029: text(row, "target2029").replace(",", "."),
      explanation: text(row, "explanation"),
    };
    if (Object.values(values).every((value) => value === "")) continue;
    const previous = indicators[indicators.length - 1];
    if (previous && values.unit === "" && values.target === "" && values.target2029 === "") {
      // The wrapped end of the indicator above: its name's or explanation's next line.
      previous.name = joinCellLines([previous.name, values.name]);
      previous.explanation = joinCellLines([previous.explanation, values.explanation]);
      continue;
    }
    indicators.push({ table, ...values, line: row.line ?? 0 });
  }
  return indicators;
}
