import Decimal from "decimal.js";
import { parseCellAddress } from "../../model/a1";
import { CalendarDate, Period, fromExcelSerial } from "../../model/calendar-date";
import { Money, formatMoneyEstonian, parseMoney } from "../../model/money";
import { ImplementerRole, Implementer, ImportDiagnostic, ImportError, ScheduleRow } from "../../model/plan";
import { refuseRangeIfTooLarge } from "../limits";
import { municipalityAliases, municipalityNominative } from "../text/names";
import { DATE_LIKE, RowStart, STRICT_DATE, matchCaption, matchRowStart, tidy } from "../text/patterns";
import type { GridCell } from "../table/grid";

/**
 * Maps a schedule table that the user pasted into Excel from the directive (Word or PDF) and selected, to schedule
 * rows. Pure: the cells come from `OfficeWorkbookAdapter.readSelection` or a test.
 *
 * A paste is messier than the canonical sheet: the header may stand below title rows, span two rows (a merged
 * "Tegevuse algus- ja lõppkuupäev …" over "algus" / "lõpp"), and list its columns in any order; dates are text
 * ("01.01.2023- 31.12.2025") or Excel dates; amounts text ("93 988,53") or numbers; a label that wrapped in the
 * source arrives as a row of its own with the other cells empty. What cannot be read is kept as text and reported;
 * only a selection over `MAX_RANGE_CELLS` is refused, with an `ImportError`.
 */

/** The columns of a schedule table. `frameEnd` / `planEnd` exist only when the dates stand in two cells. */
export type RangeColumnKey = "code" | "activity" | "frame" | "frameEnd" | "plan" | "planEnd" | "amount" | "responsible";

export interface RangeHeader {
  /** 1-based sheet row of the header's (first) row. */
  row: number;
  /** 1, or 2 when sub-columns ("algus" / "lõpp") stand under a merged header cell. */
  rows: number;
  /** 0-based column within the selection of each column found. */
  columns: Partial<Record<RangeColumnKey, number>>;
}

export interface RangeImplementer {
  name: string;
  role: ImplementerRole;
}

export interface RangeMapping {
  /** Null when no header row was found; then `rows` is empty and a diagnostic says what was expected. */
  header: RangeHeader | null;
  /** From the options, else guessed from the responsible column; null when neither says. */
  implementer: RangeImplementer | null;
  /** Whether the caller must ask whose table this is. */
  needsImplementer: boolean;
  /**
   * The role when the responsible column says "elluviija" without a name, so that the question can be preset;
   * otherwise the implementer's role, or null.
   */
  roleHint: ImplementerRole | null;
  /** `line` is the 1-based sheet row, `table` 0 (a paste does not say which table it was). */
  rows: ScheduleRow[];
  diagnostics: ImportDiagnostic[];
}

export interface MapRangeOptions {
  /** The selection's top-left cell ("D5"), for sheet row numbers. */
  topLeft: string;
  sheet: string;
  implementer?: RangeImplementer;
}

/** A cell of the selection: the shared table stage's cell (a formula's cached result, and its formula). */
export type { GridCell } from "../table/grid";

type Cells = Array<Array<GridCell | null>>;

/** The five columns every schedule table has; the code may have its own column or open the activity's text. */
const REQUIRED: ReadonlyArray<Exclude<RangeColumnKey, "code" | "frameEnd" | "planEnd">> = [
  "activity",
  "frame",
  "plan",
  "amount",
  "responsible",
];

const COLUMN_NAMES: Record<(typeof REQUIRED)[number], { et: string; en: string }> = {
  activity: { et: "Tegevus", en: "activity" },
  frame: { et: "Tegevuse üldajaraam", en: "overall time frame" },
  plan: { et: "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil", en: "start and end within the plan period" },
  amount: { et: "Planeeritav maksumus tegevuskava aastal", en: "planned cost" },
  responsible: { et: "Tegevuse eest vastutaja", en: "responsible" },
};

/**
 * Header texts, lower-cased with whitespace and hyphenation collapsed. The order matters: "Tegevuse eest vastutaja"
 * and "Tegevuse üldajaraam" also begin with "tegevus", so the activity is tried last.
 */
const HEADER_PATTERNS: ReadonlyArray<[RangeColumnKey, RegExp]> = [
  ["responsible", /vastutaja|vastutav/],
  ["frame", /üldajaraam|ajaraam/],
  ["plan", /algus.*lõpp|kuupäev|tegevuskava perioodil|ajakava perioodil/],
  ["amount", /maksumus|summa|eelarve|\beur\b|€/],
  ["code", /^(kood|nr\.?|jrk\.?|tegevuse (kood|nr\.?))$/],
  ["activity", /^tegevus(?:$|\s|e nimetus|e sisu)|^nimetus$/],
];

const SUB_START = /^(algus|alguskuupäev|algab|alates)\b/;
const SUB_END = /^(lõpp|lõppkuupäev|lõpeb|kuni)\b/;

/** Maps a pasted schedule table; see the module comment and `RangeMapping`. */
export function mapPastedRange(cells: Cells, options: MapRangeOptions): RangeMapping {
  refuseRangeIfTooLarge(cells.reduce((count, row) => count + (row?.length ?? 0), 0));
  const origin = parseCellAddress(options.topLeft) ?? { row: 1, column: 0 };
  const diagnostics: ImportDiagnostic[] = [];
  const report = reporter(diagnostics);
  const header = findHeader(cells, origin.row);
  if (!header) {
    reportNoHeader(report, options);
    return withImplementer({ header: null, rows: [], diagnostics }, options);
  }
  reportMissingColumns(report, header);
  const rows = readRows(cells, header, origin.row, report);
  return withImplementer({ header, rows, diagnostics }, options);
}

/**
 * The implementer the table belongs to, as a plan's `Implementer` with no tables and no partnership, so that the
 * caller can merge it into a plan and write it as the implementer's canonical sheet. `implementer` overrides what
 * the mapping found (the pane's answer when `needsImplementer`); a name alone takes the role from its form.
 */
export function rangeMappingToImplementer(
  mapping: RangeMapping,
  implementer?: string | { name: string; role?: ImplementerRole },
): Implementer {
  const given = typeof implementer === "string" ? { name: implementer } : implementer;
  const name = given?.name?.trim() || mapping.implementer?.name;
  if (!name) {
    throw new ImportError(
      "Kleebitud tabeli elluviija ei ole teada: sisestage elluviija või partneri nimi.",
      "The implementer of the pasted table is not known: enter the implementer's or partner's name first.",
    );
  }
  const role: ImplementerRole =
    given?.role ??
    (mapping.implementer?.name === name ? mapping.implementer.role : null) ??
    (/\s(linn|vald)$/.test(name) ? "partner" : (mapping.roleHint ?? "partner"));
  return {
    name,
    role,
    aliases: role === "partner" ? municipalityAliases(name) : [name, "elluviija"],
    tables: [],
    partnership: null,
    rows: mapping.rows,
  };
}

// ---- Diagnostics -----------------------------------------------------------------------------------------------

type Report = (
  severity: ImportDiagnostic["severity"],
  id: string,
  line: number | null,
  message: string,
  messageEn: string,
  text?: string,
) => void;

/** Reports into `diagnostics` in the order found; a diagnostic has a `text` only when one is given. */
function reporter(diagnostics: ImportDiagnostic[]): Report {
  return (severity, id, line, message, messageEn, text) =>
    diagnostics.push({ severity, id, line, message, messageEn, ...(text !== undefined ? { text } : {}) });
}

// ---- The header ------------------------------------------------------------------------------------------------

function normaliseHeader(text: string): string {
  // Word keeps the hyphen of a wrapped "algus-" and PDF text breaks words at it: "algus-\nja" and "algus- ja" agree.
  return tidy(text).toLocaleLowerCase("et");
}

function classify(text: string): RangeColumnKey | null {
  const normalised = normaliseHeader(text);
  if (normalised === "") return null;
  for (const [key, pattern] of HEADER_PATTERNS) if (pattern.test(normalised)) return key;
  return null;
}

/** The first row naming at least three of the five columns, with the sub-header row under it if there is one. */
function findHeader(cells: Cells, topRow: number): RangeHeader | null {
  for (let index = 0; index < cells.length; index++) {
    const columns: RangeHeader["columns"] = {};
    (cells[index] ?? []).forEach((cell, column) => {
      const text = cellText(cell);
      const key = text === null ? null : classify(text);
      if (key && columns[key] === undefined) columns[key] = column;
    });
    if (REQUIRED.filter((key) => columns[key] !== undefined).length < 3) continue;
    const rows = readSubHeader(cells[index + 1] ?? [], columns) ? 2 : 1;
    return { row: topRow + index, rows, columns };
  }
  return null;
}

/**
 * Sub-columns "algus" / "lõpp" under a merged date header: the merged cell's text is in its first column, so each
 * sub-column belongs to the nearest date column at or left of it. Returns whether the row is such a sub-header.
 */
function readSubHeader(row: Array<GridCell | null>, columns: RangeHeader["columns"]): boolean {
  const dateColumns = (["frame", "plan"] as const)
    .filter((key) => columns[key] !== undefined)
    .map((key) => ({ key, column: columns[key]! }))
    .sort((a, b) => a.column - b.column);
  let found = false;
  row.forEach((cell, column) => {
    const text = cellText(cell);
    if (text === null) return;
    const normalised = normaliseHeader(text);
    const side = SUB_START.test(normalised) ? "start" : SUB_END.test(normalised) ? "end" : null;
    if (!side) return;
    const parent = dateColumns.filter((candidate) => candidate.column <= column).pop();
    if (!parent) return;
    found = true;
    if (side === "start") columns[parent.key] = column;
    else columns[parent.key === "frame" ? "frameEnd" : "planEnd"] = column;
  });
  return found;
}

function reportNoHeader(report: Report, options: MapRangeOptions): void {
  const names = REQUIRED.map((key) => `„${COLUMN_NAMES[key].et}“`).join(", ");
  report(
    "error",
    "no-header",
    null,
    `Valitud alast (${options.sheet}!${options.topLeft}…) ei leitud tegevuste ajakava päiserida. Valige tabel koos päisega, mille veergude nimed on ${names}.`,
    `No schedule table header was found in the selection (${options.sheet}!${options.topLeft}…). Select the table with its header, whose columns are ${REQUIRED.map((key) => `"${COLUMN_NAMES[key].en}"`).join(", ")} ("${REQUIRED.map((key) => COLUMN_NAMES[key].et).join('", "')}").`,
  );
}

/** Each of the five columns the header lacks; an error for the activity and the cost, a warning for the rest. */
function reportMissingColumns(report: Report, header: RangeHeader): void {
  for (const key of REQUIRED) {
    if (header.columns[key] === undefined) {
      report(
        key === "activity" || key === "amount" ? "error" : "warning",
        "missing-column",
        header.row,
        `Tabelis puudub veerg „${COLUMN_NAMES[key].et}“; selle väärtused jäävad tühjaks.`,
        `The table has no "${COLUMN_NAMES[key].en}" column ("${COLUMN_NAMES[key].et}"); its values are left empty.`,
      );
    }
  }
}

// ---- The rows --------------------------------------------------------------------------------------------------

/** One row of the selection, read through the header's columns: the cells and the texts that say what it is. */
interface RowCells {
  /** The row's cell under a column; null when the header has no such column or the row no such cell. */
  at: (key: RangeColumnKey) => GridCell | null;
  code: string | null;
  /** "" when empty. */
  activity: string;
  responsible: string | null;
  hasDates: boolean;
  hasAmount: boolean;
}

function readRowCells(row: Array<GridCell | null>, columns: RangeHeader["columns"]): RowCells {
  const at = (key: RangeColumnKey): GridCell | null => {
    const column = columns[key];
    return column === undefined ? null : (row[column] ?? null);
  };
  return {
    at,
    code: cellText(at("code")),
    activity: cellText(at("activity")) ?? "",
    responsible: cellText(at("responsible")),
    hasDates: [at("frame"), at("frameEnd"), at("plan"), at("planEnd")].some((cell) => cellText(cell) !== null),
    hasAmount: cellText(at("amount")) !== null,
  };
}

const TOTAL_ROW = /^(kõik\s+)?kokku\b|^summa\b/i;

/**
 * The schedule rows under the header, `line` their sheet row. Empty rows are skipped; a row with no code, dates or
 * cost is text (`takeTextRow`); a row labelled as a total is reported and left out; any other row is an activity
 * row (`readActivityRow`).
 */
function readRows(cells: Cells, header: RangeHeader, topRow: number, report: Report): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  const firstData = header.row - topRow + header.rows;
  for (let index = firstData; index < cells.length; index++) {
    const line = topRow + index;
    const row = readRowCells(cells[index] ?? [], header.columns);
    const { code, activity, responsible, hasDates, hasAmount } = row;
    if (!code && activity === "" && !responsible && !hasDates && !hasAmount) continue;
    const start = matchRowStart(code ? `${normaliseCode(code)} ${activity}`.trim() : activity);
    if (!start && !hasDates && !hasAmount) {
      takeTextRow(row, rows[rows.length - 1], line, report);
      continue;
    }
    const label = tidy(start ? (start.kind === "personnel" ? activity : start.labelStart) : activity);
    if (!start && TOTAL_ROW.test(label)) {
      // A table's total row: the plan sums its rows itself, and a total taken for an activity would count twice.
      report(
        "warning",
        "total-row",
        line,
        `Rida ${line} („${label}“) on kokkuvõtterida; see jäeti välja.`,
        `Row ${line} ("${label}") is a total row; it was left out.`,
        label,
      );
      continue;
    }
    rows.push(readActivityRow(row, start, label, header, line, report));
  }
  return rows;
}

/**
 * A row holding text only: a page number or caption alone on its row is dropped, a row without a code is the
 * wrapped end of `previous` and joins it, and any other row is reported and skipped.
 */
function takeTextRow(row: RowCells, previous: ScheduleRow | undefined, line: number, report: Report): void {
  const { code, activity, responsible } = row;
  // A page-number or caption row that came along with a PDF paste, alone on its row.
  const alone = !code && !responsible;
  if (alone && (/^\d{1,3}$/.test(activity) || matchCaption(activity))) return;
  if (previous && !code) {
    // The wrapped end of the row above: its label's and responsible's next lines.
    if (activity) previous.label = tidy(`${previous.label} ${activity}`);
    if (responsible) previous.responsible = tidy(`${previous.responsible ?? ""} ${responsible}`);
    return;
  }
  // A code column holding no code is not a wrapped label: the row is reported with all its text.
  report(
    "warning",
    "unparsed-row",
    line,
    `Rida ${line} ei ole tegevuse rida (kood, kuupäevad ega maksumus puuduvad); see jäeti vahele.`,
    `Row ${line} is no activity row (no code, dates or cost); it was skipped.`,
    [code, activity, responsible].filter((part) => part).join(" "),
  );
}

/**
 * An activity row, `start` its code if it has one and `label` its text without the code: its dates and cost, each
 * reported where it cannot be read.
 */
function readActivityRow(
  row: RowCells,
  start: RowStart | null,
  label: string,
  header: RangeHeader,
  line: number,
  report: Report,
): ScheduleRow {
  const { at, activity } = row;
  const where = start?.printedCode ?? (label || `rida ${line}`);
  if (!start) {
    report(
      "warning",
      "missing-code",
      line,
      `Real „${where}“ puudub tegevuse kood.`,
      `Row "${where}" has no activity code.`,
      activity,
    );
  }
  const dates = readRowDates(
    { frame: at("frame"), frameEnd: at("frameEnd"), plan: at("plan"), planEnd: at("planEnd") },
    { hasFrameEnd: header.columns.frameEnd !== undefined, hasPlanEnd: header.columns.planEnd !== undefined },
    (id, message, messageEn, text) => report("error", id, line, message(where), messageEn(where), text),
  );
  const cost = readRowAmount(at("amount"), where, line, report);
  return {
    code: start?.code ?? null,
    printedCode: start?.printedCode ?? null,
    codeStyle: start?.codeStyle ?? null,
    label,
    kind: start?.kind ?? "activity",
    ...cost,
    ...dates,
    responsible: row.responsible,
    line,
    table: 0,
  };
}

/** The row's planned cost, reported when its cell holds something that is no amount. */
function readRowAmount(
  cell: GridCell | null,
  where: string,
  line: number,
  report: Report,
): Pick<ScheduleRow, "amount" | "amountText"> {
  const { amount, amountText } = readAmount(cell);
  if (amountText !== null && amount === null) {
    report(
      "error",
      "unreadable-amount",
      line,
      `Rea „${where}“ planeeritav maksumus „${amountText}“ ei ole loetav summa.`,
      `The planned cost "${amountText}" of row "${where}" is not a readable amount.`,
      amountText,
    );
  }
  return { amount, amountText };
}

// ---- Cells -----------------------------------------------------------------------------------------------------

/** A cell's text, trimmed; null when empty. Numbers as JavaScript writes them, dates as dd.mm.yyyy. */
function cellText(cell: GridCell | null | undefined): string | null {
  const value = cell?.value ?? null;
  if (value === null) return null;
  if (isDate(value)) {
    const date = dateOfCell(value);
    if (date) return date.toEstonian();
    // An Invalid Date (a broken serial from some reader) has no ISO form: its "Invalid Date" is reported as text.
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** A Date from any realm (ExcelJS's, a test sandbox's, a frame's): `instanceof` fails across realms. */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function dateOfCell(value: GridCell["value"]): CalendarDate | null {
  if (isDate(value)) return CalendarDate.of(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === "number") return fromExcelSerial(value);
  return null;
}

/** A code in a column of its own: Excel turns "1." into the number 1, which is the numbered item "1.". */
function normaliseCode(text: string): string {
  return /^\d{1,2}$/.test(text) ? `${text}.` : text;
}

/** Amounts as Excel numbers carry binary noise past 15 digits, which Excel itself does not show. */
function readAmount(cell: GridCell | null): { amount: Money | null; amountText: string | null } {
  const value = cell?.value ?? null;
  if (value === null || value === "") return { amount: null, amountText: null };
  if (typeof value === "number" && Number.isFinite(value)) {
    const amount = new Decimal(String(value)).toSignificantDigits(15);
    return { amount, amountText: formatMoneyEstonian(amount) };
  }
  const printed = cellText(cell);
  if (printed === null) return { amount: null, amountText: null };
  // A currency sign is no part of the amount; the printed text keeps it.
  return { amount: parseMoney(printed.replace(/\s*(€|eur|eurot)$/i, "")), amountText: printed };
}

interface DateToken {
  text: string;
  date: CalendarDate | null;
}

type DateReport = (
  id: string,
  message: (where: string) => string,
  messageEn: (where: string) => string,
  text?: string,
) => void;

/** The dates of one cell: an Excel date, or every dd.mm.yyyy in its text (garbled ones kept, with no date). */
function cellDates(cell: GridCell | null): DateToken[] {
  const value = cell?.value ?? null;
  if (value === null || value === "") return [];
  const asDate = dateOfCell(value);
  if (asDate) return [{ text: asDate.toEstonian(), date: asDate }];
  const text = cellText(cell) ?? "";
  const tokens: DateToken[] = [];
  const pattern = new RegExp(`${STRICT_DATE.source}|${DATE_LIKE.source}`, "g");
  for (const match of text.matchAll(pattern)) {
    const strict = match[1] !== undefined;
    const date = strict ? CalendarDate.of(Number(match[3]), Number(match[2]), Number(match[1])) : null;
    tokens.push({ text: match[0], date });
  }
  return tokens;
}

/**
 * Frame and plan dates, each from one cell holding a range or two cells holding a date each. A frame cell holding
 * both ranges (the plan column left empty) gives its second range to the plan: a paste can put two columns' text
 * into one cell.
 */
function readRowDates(
  cells: Record<"frame" | "frameEnd" | "plan" | "planEnd", GridCell | null>,
  split: { hasFrameEnd: boolean; hasPlanEnd: boolean },
  report: DateReport,
): Pick<ScheduleRow, "frame" | "frameText" | "plan" | "planText"> {
  const frameTokens = [...cellDates(cells.frame), ...(split.hasFrameEnd ? cellDates(cells.frameEnd) : [])];
  const planTokens = [...cellDates(cells.plan), ...(split.hasPlanEnd ? cellDates(cells.planEnd) : [])];
  const rawText = (key: "frame" | "plan") => {
    const parts = [cellText(cells[key]), cellText(cells[key === "frame" ? "frameEnd" : "planEnd"])];
    const present = parts.filter((part): part is string => part !== null);
    return present.length === 0 ? null : present.join(" – ");
  };
  let framePart = frameTokens;
  let planPart = planTokens;
  if (frameTokens.length === 4 && planTokens.length === 0 && cellText(cells.plan) === null) {
    report(
      "two-ranges-in-cell",
      (where) =>
        `Rea „${where}“ üldajaraami lahtris on kaks vahemikku; teine on loetud tegevuskava perioodi kuupäevadeks.`,
      (where) =>
        `The overall frame cell of row "${where}" holds two ranges; the second is taken as the plan-period dates.`,
      cellText(cells.frame) ?? undefined,
    );
    framePart = frameTokens.slice(0, 2);
    planPart = frameTokens.slice(2);
    const frame = toRange(framePart, "frame", report, null);
    const plan = toRange(planPart, "plan", report, null);
    return { frame: frame.period, frameText: frame.text, plan: plan.period, planText: plan.text };
  }
  const frame = toRange(framePart, "frame", report, rawText("frame"));
  const plan = toRange(planPart, "plan", report, rawText("plan"));
  return { frame: frame.period, frameText: frame.text, plan: plan.period, planText: plan.text };
}

const COLUMN_WORD = { frame: ["üldajaraami", "overall frame"], plan: ["tegevuskava perioodi", "plan-period"] } as const;

function toRange(
  tokens: DateToken[],
  column: "frame" | "plan",
  report: DateReport,
  raw: string | null,
): { period: Period | null; text: string | null } {
  const [et, en] = COLUMN_WORD[column];
  for (const token of tokens) {
    if (!token.date) {
      report(
        "invalid-date",
        (where) => `Rea „${where}“ kuupäev „${token.text}“ ei ole olemasolev kuupäev (pp.kk.aaaa).`,
        (where) => `The date "${token.text}" of row "${where}" is not a valid date (dd.mm.yyyy).`,
        token.text,
      );
    }
  }
  if (tokens.length === 0) {
    if (raw !== null) {
      report(
        "unreadable-dates",
        (where) => `Rea „${where}“ ${et} lahtris pole loetavaid kuupäevi: „${raw}“.`,
        (where) => `The ${en} cell of row "${where}" has no readable dates: "${raw}".`,
        raw,
      );
    }
    return { period: null, text: raw };
  }
  if (tokens.length !== 2) {
    const list = tokens.map((token) => token.text).join(" ");
    report(
      tokens.length > 2 ? "two-ranges-in-cell" : "unreadable-dates",
      (where) =>
        tokens.length > 2
          ? `Rea „${where}“ ${et} lahtris on rohkem kui üks kuupäevavahemik: ${list}; loeti esimene.`
          : `Rea „${where}“ ${et} lahtris on ainult üks kuupäev: ${list}.`,
      (where) =>
        tokens.length > 2
          ? `The ${en} cell of row "${where}" holds more than one date range: ${list}; the first was read.`
          : `The ${en} cell of row "${where}" has a single date: ${list}.`,
      raw ?? list,
    );
    if (tokens.length < 2) return { period: null, text: raw ?? list };
  }
  const [start, end] = tokens;
  const text = `${start.text} – ${end.text}`;
  return { period: start.date && end.date ? { start: start.date, end: end.date } : null, text };
}

// ---- The implementer -------------------------------------------------------------------------------------------

function withImplementer(
  partial: Pick<RangeMapping, "header" | "rows" | "diagnostics">,
  options: MapRangeOptions,
): RangeMapping {
  if (options.implementer) {
    return {
      ...partial,
      implementer: options.implementer,
      needsImplementer: false,
      roleHint: options.implementer.role,
    };
  }
  const guess = guessImplementer(partial.rows);
  return {
    ...partial,
    implementer: guess.implementer,
    needsImplementer: guess.implementer === null,
    roleHint: guess.implementer?.role ?? guess.roleHint,
  };
}

/**
 * The most common municipality among the responsible parties makes the table a partner's; otherwise an acronym
 * ("ELVL") or "elluviija" makes it the implementer's. Counting rather than taking the first: a row may name a
 * co-operating party ("Tartu linn, ELVL").
 */
function guessImplementer(rows: ScheduleRow[]): {
  implementer: RangeImplementer | null;
  roleHint: ImplementerRole | null;
} {
  const municipalities = new Map<string, number>();
  const acronyms = new Map<string, number>();
  let mentionsImplementer = false;
  for (const row of rows) {
    if (!row.responsible) continue;
    const municipality = municipalityOf(row.responsible);
    if (municipality) municipalities.set(municipality, (municipalities.get(municipality) ?? 0) + 1);
    // Only a party named by its acronym alone: "MTÜ Teenuskeskus" is an organisation, not the implementer.
    for (const part of row.responsible.split(/\s*(?:[,;/]|\sja\s)\s*/))
      if (/^\p{Lu}{2,8}$/u.test(part) && !NOT_IMPLEMENTERS.has(part)) acronyms.set(part, (acronyms.get(part) ?? 0) + 1);
    if (/\belluviija/i.test(row.responsible)) mentionsImplementer = true;
  }
  const top = (counts: Map<string, number>) =>
    [...counts].reduce<[string, number] | null>((best, entry) => (!best || entry[1] > best[1] ? entry : best), null);
  const municipality = top(municipalities);
  if (municipality) return { implementer: { name: municipality[0], role: "partner" }, roleHint: "partner" };
  const acronym = top(acronyms);
  if (acronym) return { implementer: { name: acronym[0], role: "elluviija" }, roleHint: "elluviija" };
  return { implementer: null, roleHint: mentionsImplementer ? "elluviija" : null };
}

/** Legal forms and the generic "local government": acronyms that name no particular implementer. */
const NOT_IMPLEMENTERS = new Set(["KOV", "MTÜ", "OÜ", "AS", "SA", "TÜ"]);

/** "Tartu linn", "Jõhvi vallas", "Tallinn" → the municipality's nominative name; null for anything else. */
function municipalityOf(text: string): string | null {
  // From a word's start only: tried inside a long run of letters, each start would scan the run again.
  const named = /(?<!\p{L})(\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)?)\s+(linn|vald|linn\p{Ll}*|vall\p{Ll}*)(?![\p{L}])/u.exec(
    text,
  );
  if (named) {
    const [, stem, word] = named;
    if (word === "linn" || word === "vald") return `${stem} ${word}`;
    return municipalityNominative(stem, word);
  }
  // An everyday name standing for a municipality whose official name differs ("Tallinn" for "Tallinna linn").
  const single = /^(\p{Lu}\p{Ll}+)$/u.exec(text.trim());
  if (single && municipalityAliases(`${single[1]}a linn`).includes(single[1])) return `${single[1]}a linn`;
  return null;
}
