import { CalendarDate, Period } from "../../model/calendar-date";
import { parseMoney } from "../../model/money";
import { ImportDiagnostic, IndicatorRow, ScheduleRow } from "../../model/plan";
import { DATE_LIKE, STRICT_DATE, matchCaption, matchRowStart, tidy } from "../text/patterns";
import { PdfLine, PdfPage, joinItems } from "./pdf-layout";

/**
 * Reads the "Tegevuste ajakava" (and "Tegevustega seotud näitajad") tables of a PDF by position: the header's words give the columns' x ranges,
 * the table's borders (when drawn) give its extent and its row boundaries, and each text item goes to the
 * cell under which it stands. A cell's wrapped lines are joined, so labels, dates and amounts come out whole
 * whatever their wrapping, which the flattened text cannot guarantee.
 */

export type ColumnKey = "activity" | "frame" | "plan" | "amount" | "responsible";
export type IndicatorKey = "name" | "unit" | "target" | "target2029" | "explanation";
type Key = ColumnKey | IndicatorKey;

interface Column {
  key: Key;
  /** Left boundary: the cell's left border, or a little left of the header text. */
  left: number;
}

const COLUMN_NAMES: Record<ColumnKey, [et: string, en: string]> = {
  activity: ["Tegevus", "activity"],
  frame: ["Tegevuse üldajaraam", "overall time frame"],
  plan: ["Tegevuse algus- ja lõppkuupäev tegevuskava perioodil", "start and end within the plan period"],
  amount: ["Planeeritav maksumus tegevuskava aastal", "planned cost"],
  responsible: ["Tegevuse eest vastutaja", "responsible"],
};

interface TableSpec {
  kind: "schedule" | "indicators";
  /** Each column's header word; the first column's is required. */
  columns: [Key, RegExp][];
  /** Every word of a header line is one of these; a body line always has something else (a code, a date, a sum). */
  headerWord: RegExp;
  /** Without drawn borders, what the first line of a row shows. */
  startsRow: (cells: Map<Key, string>) => boolean;
}

const SCHEDULE: TableSpec = {
  kind: "schedule",
  columns: [
    ["activity", /^Tegevus(?![\p{L}])/u],
    ["frame", /üldajaraam/iu],
    ["plan", /algus|lõppkuupäev/iu],
    ["amount", /maksumus/iu],
    ["responsible", /vastutaja/iu],
  ],
  headerWord:
    /^(?:tegevus|tegevuse|üldajaraam|algus-?|ja|lõppkuupäev|tegevuskava|perioodil|planeeritav|maksumus|aastal|eest|vastutaja|\(?eurodes\)?|\(?eur\)?|eurot)[,.]?$/iu,
  startsRow: (cells) => matchRowStart(cells.get("activity") ?? "") !== null,
};

/** "Tegevustega seotud näitajad": Indikaator | Indikaatori mõõtühik | Sihttase (2025) | Sihttase (2029) | Selgitus. */
const INDICATORS: TableSpec = {
  kind: "indicators",
  columns: [
    ["name", /^Indikaator$/iu],
    ["unit", /^(?:Indikaatori|mõõtühik)$/iu],
    ["target", /^\((?!2029)\d{4}\)$/u],
    ["target2029", /^\(2029\)$/u],
    ["explanation", /^Selgitus$/iu],
  ],
  headerWord: /^(?:indikaator|indikaatori|mõõtühik|sihttase|\(\d{4}\)|selgitus)$/iu,
  startsRow: (cells) => (cells.get("unit") ?? "") !== "",
};

export interface TableDraft {
  kind: TableSpec["kind"];
  spec: TableSpec;
  table: number;
  columns: Column[];
  /** Right border of the table, when drawn. */
  right: number;
  rows: RowDraft[];
  headerLine: number;
}

interface RowDraft {
  line: number;
  cells: Map<Key, string[]>;
}

export interface FoundTables {
  tables: TableDraft[];
  /** Lines that are table headers or cells: everything else is the document's running text. */
  tableLines: Set<number>;
}

interface Header {
  spec: TableSpec;
  columns: Column[];
  right: number;
  /** Index after the header's last line. */
  end: number;
  line: number;
}

export function findTables(pages: PdfPage[]): FoundTables {
  const tables: TableDraft[] = [];
  const tableLines = new Set<number>();
  const lastCaption = { schedule: null as number | null, indicators: null as number | null };
  // A table whose body ran to the bottom of a page continues at the top of the next.
  let carry: TableDraft | null = null;

  for (const page of pages) {
    const content = page.lines.filter((line) => !isFurniture(line, page));
    let index = 0;
    if (carry && content.length > 0) {
      const header = findHeader(content, 0, page, carry.spec);
      if (header) {
        // The repeated header may stand a little elsewhere on this page.
        carry.columns = header.columns;
        carry.right = header.right;
        markLines(content, 0, header.end, tableLines);
        index = readBody(content, header.end, page, carry, tableLines);
      } else if (fits(content[0], carry)) {
        index = readBody(content, 0, page, carry, tableLines);
      }
    }
    carry = null;
    while (index < content.length) {
      const line = content[index];
      const caption = matchCaption(line.text);
      if (caption) {
        lastCaption[caption.kind] = caption.table;
        index++;
        continue;
      }
      const header = findHeader(content, index, page, SCHEDULE) ?? findHeader(content, index, page, INDICATORS);
      if (!header) {
        index++;
        continue;
      }
      const table: TableDraft = {
        kind: header.spec.kind,
        spec: header.spec,
        table: lastCaption[header.spec.kind] ?? 0,
        columns: header.columns,
        right: header.right,
        rows: [],
        headerLine: header.line,
      };
      tables.push(table);
      markLines(content, index, header.end, tableLines);
      index = readBody(content, header.end, page, table, tableLines);
      if (index >= content.length) carry = table;
    }
  }
  return { tables, tableLines };
}

function markLines(content: PdfLine[], from: number, to: number, tableLines: Set<number>): void {
  for (let i = from; i < to; i++) tableLines.add(content[i].no);
}

/** A page number alone at the top or bottom of a page. */
function isFurniture(line: PdfLine, page: PdfPage): boolean {
  const at = page.lines.indexOf(line);
  return /^[-–]?\s*\d{1,3}\s*[-–]?$/.test(line.text) && (at === 0 || at === page.lines.length - 1);
}

function isHeaderLine(line: PdfLine, spec: TableSpec): boolean {
  return line.text.split(/\s+/).every((word) => spec.headerWord.test(word));
}

function findHeader(content: PdfLine[], index: number, page: PdfPage, spec: TableSpec): Header | null {
  const first = content[index];
  if (!isHeaderLine(first, spec)) return null;
  let end = index + 1;
  while (
    end < content.length &&
    isHeaderLine(content[end], spec) &&
    content[end - 1].y - content[end].y < 2.5 * content[end].size
  ) {
    end++;
  }
  // Header cells may be centred vertically: "Tegevus" need not be on the header's first line.
  const items = content.slice(index, end).flatMap((line) => line.items);
  const found: { key: Key; x: number }[] = [];
  for (const [key, pattern] of spec.columns) {
    const xs = items.filter((item) => pattern.test(item.text)).map((item) => item.x);
    if (xs.length > 0) found.push({ key, x: Math.min(...xs) });
  }
  // The activity column and at least two more: a sentence that merely starts with "Tegevus" is no header.
  if (found.length < 3 || found[0].key !== spec.columns[0][0]) return null;
  found.sort((a, b) => a.x - b.x);
  const borders = page.vertical.filter((rule) => rule.from - 1 <= first.y && first.y <= rule.to + 1);
  const columns = found.map(({ key, x }, i) => {
    const after = i > 0 ? found[i - 1].x + 1 : -Infinity;
    const candidates = borders.filter((rule) => rule.at <= x + 0.5 && rule.at > after).map((rule) => rule.at);
    // Without borders, body text is left-aligned under the header: running text after the table usually
    // starts a little further left (the cell's padding), which is what ends the table.
    return { key, left: candidates.length > 0 ? Math.max(...candidates) : x - 1 };
  });
  const last = found[found.length - 1].x;
  const rightBorders = borders.filter((rule) => rule.at > last + 1).map((rule) => rule.at);
  const right = rightBorders.length > 0 ? Math.max(...rightBorders) : Infinity;
  return { spec, columns, right, end, line: first.no };
}

/** The drawn left border of the table around `line`, which bounds the table on this page. */
function extentAt(page: PdfPage, table: TableDraft, line: PdfLine): { top: number; bottom: number } | null {
  const left = table.columns[0].left;
  const border = page.vertical.find(
    (rule) => Math.abs(rule.at - left) < 1.5 && rule.from - 1 <= line.y && line.y <= rule.to + 1,
  );
  return border ? { top: border.to, bottom: border.from } : null;
}

function columnIndex(table: TableDraft, x: number): number {
  let index = 0;
  table.columns.forEach((column, i) => {
    if (column.left <= x + 0.5) index = i;
  });
  return index;
}

/** Whether every item of the line stands inside one column (running text crosses the column borders). */
function fits(line: PdfLine, table: TableDraft): boolean {
  return line.items.every((item) => {
    if (item.x < table.columns[0].left - 0.5) return false;
    const i = columnIndex(table, item.x);
    const limit = i + 1 < table.columns.length ? table.columns[i + 1].left : table.right;
    return item.x + item.width <= limit + 3;
  });
}

function hasRuleBetween(page: PdfPage, table: TableDraft, upper: PdfLine, lower: PdfLine): boolean {
  const left = table.columns[0].left;
  return page.horizontal.some(
    (rule) => rule.at < upper.y && rule.at > lower.y && rule.from <= left + 3 && rule.to >= left + 10,
  );
}

/** Reads table rows from `start`; returns the index of the first line after the table on this page. */
function readBody(
  content: PdfLine[],
  start: number,
  page: PdfPage,
  table: TableDraft,
  tableLines: Set<number>,
): number {
  const extent = start < content.length ? extentAt(page, table, content[start]) : null;
  let previous: PdfLine | null = null;
  let index = start;
  for (; index < content.length; index++) {
    const line = content[index];
    if (matchCaption(line.text)) break;
    if (extent) {
      if (line.y < extent.bottom - 0.5 || line.y > extent.top + 0.5) break;
    } else if (!fits(line, table) || (previous && previous.y - line.y > 2.2 * line.size)) {
      break;
    }
    const cells = new Map<Key, string>();
    for (let i = 0; i < table.columns.length; i++) {
      const items = line.items.filter((item) => columnIndex(table, item.x) === i);
      if (items.length > 0) cells.set(table.columns[i].key, joinItems(items));
    }
    const current = table.rows[table.rows.length - 1];
    const startsRow = table.spec.startsRow(cells);
    // Inside a drawn table a border separates rows; at the top of a page (or without borders) only a
    // code, a numbered item or the personnel label can say that a new row begins.
    const newRow = !current || (extent && previous ? hasRuleBetween(page, table, previous, line) : startsRow);
    const row: RowDraft = newRow ? { line: line.no, cells: new Map() } : current;
    if (newRow) table.rows.push(row);
    for (const [key, text] of cells) row.cells.set(key, [...(row.cells.get(key) ?? []), text]);
    tableLines.add(line.no);
    previous = line;
  }
  return index;
}

/** Joins a cell's wrapped lines; a hyphen before a capital is a compound name's ("Kohtla-" / "Järve"). */
export function joinCell(lines: string[] | undefined): string {
  if (!lines || lines.length === 0) return "";
  let text = lines[0];
  for (const line of lines.slice(1)) {
    text += /\p{L}-$/u.test(text) && /^\p{Lu}/u.test(line) ? line : ` ${line}`;
  }
  return tidy(text);
}

type Report = (
  severity: ImportDiagnostic["severity"],
  id: string,
  line: number | null,
  message: string,
  messageEn: string,
  text?: string,
) => void;

/** Turns a table's cells into schedule rows; what cannot be read is reported and kept as text. */
export function buildRows(table: TableDraft, report: Report): ScheduleRow[] {
  const present = new Set(table.columns.map((column) => column.key));
  for (const key of Object.keys(COLUMN_NAMES) as ColumnKey[]) {
    if (!present.has(key)) {
      const [et, en] = COLUMN_NAMES[key];
      report(
        "error",
        "missing-column",
        table.headerLine,
        `Tabeli ${table.table} päisest puudub veerg „${et}“; selle veeru andmeid ei loetud.`,
        `The header of table ${table.table} has no column "${et}" (${en}); that column was not read.`,
      );
    }
  }
  return table.rows.map((draft) => buildRow(draft, table, present, report));
}

function buildRow(draft: RowDraft, table: TableDraft, present: Set<Key>, report: Report): ScheduleRow {
  const activity = joinCell(draft.cells.get("activity"));
  const start = matchRowStart(activity);
  const label = start ? (start.kind === "personnel" ? activity : start.labelStart) : activity;
  const where = start?.printedCode ?? label;
  if (!start) {
    report(
      "warning",
      "missing-code",
      draft.line,
      `Tabeli ${table.table} real „${label}“ puudub tegevuse kood.`,
      `A row of table ${table.table} ("${label}") has no activity code.`,
      label,
    );
  }
  const frame = present.has("frame") ? readRange(draft, "frame", where, report) : { period: null, text: null };
  const plan = present.has("plan") ? readRange(draft, "plan", where, report) : { period: null, text: null };

  let amountText: string | null = null;
  let amount = null;
  if (present.has("amount")) {
    amountText = joinCell(draft.cells.get("amount")) || null;
    if (amountText === null) {
      report(
        "error",
        "missing-amount",
        draft.line,
        `Real „${where}“ puudub planeeritav maksumus.`,
        `Row "${where}" has no planned cost.`,
      );
    } else {
      amount = parseMoney(amountText);
      if (!amount) {
        report(
          "error",
          "unreadable-amount",
          draft.line,
          `Rea „${where}“ planeeritav maksumus „${amountText}“ ei ole loetav summa.`,
          `The planned cost "${amountText}" of row "${where}" is not a readable amount.`,
          amountText,
        );
      }
    }
  }
  return {
    code: start?.code ?? null,
    printedCode: start?.printedCode ?? null,
    codeStyle: start?.codeStyle ?? null,
    label,
    kind: start?.kind ?? "activity",
    amount,
    amountText,
    frame: frame.period,
    frameText: frame.text,
    plan: plan.period,
    planText: plan.text,
    responsible: joinCell(draft.cells.get("responsible")) || null,
    line: draft.line,
    table: table.table,
  };
}

/** An indicator table's rows; targets as plain decimals ("8", "0.5"), as the text importer gives them. */
export function buildIndicators(table: TableDraft): IndicatorRow[] {
  return table.rows.map((draft) => ({
    table: table.table,
    name: joinCell(draft.cells.get("name")),
    unit: joinCell(draft.cells.get("unit")),
    target: joinCell(draft.cells.get("target")).replace(",", "."),
    target2029: joinCell(draft.cells.get("target2029")).replace(",", "."),
    explanation: joinCell(draft.cells.get("explanation")),
    line: draft.line,
  }));
}

const ANY_DATE = new RegExp(DATE_LIKE.source, "g");

/** A cell of one date range; anything else is reported, with the cell's text kept. */
function readRange(
  draft: RowDraft,
  key: "frame" | "plan",
  where: string,
  report: Report,
): { period: Period | null; text: string | null } {
  const text = joinCell(draft.cells.get(key));
  const column = COLUMN_NAMES[key];
  if (text === "") {
    report(
      "warning",
      "missing-dates",
      draft.line,
      `Real „${where}“ puudub veerg „${column[0]}“.`,
      `Row "${where}" has no ${column[1]}.`,
    );
    return { period: null, text: null };
  }
  const tokens = [...text.matchAll(ANY_DATE)].map((match) => {
    const strict = new RegExp(`^${STRICT_DATE.source}$`).exec(match[0]);
    return {
      text: match[0],
      date: strict ? CalendarDate.of(Number(strict[3]), Number(strict[2]), Number(strict[1])) : null,
    };
  });
  if (tokens.length > 2) {
    report(
      "error",
      "extra-dates",
      draft.line,
      `Rea „${where}“ veerus „${column[0]}“ on mitu kuupäevavahemikku: ${text}.`,
      `The ${column[1]} of row "${where}" holds several date ranges: ${text}.`,
      text,
    );
    return { period: null, text };
  }
  if (tokens.length !== 2) {
    report(
      "error",
      "unreadable-dates",
      draft.line,
      `Rea „${where}“ veerus „${column[0]}“ ei ole kuupäevavahemikku: ${text}.`,
      `The ${column[1]} of row "${where}" is not a date range: ${text}.`,
      text,
    );
    return { period: null, text };
  }
  for (const token of tokens) {
    if (!token.date) {
      report(
        "error",
        "invalid-date",
        draft.line,
        `Rea „${where}“ kuupäev „${token.text}“ ei ole olemasolev kuupäev (pp.kk.aaaa).`,
        `The date "${token.text}" of row "${where}" is not a valid date (dd.mm.yyyy).`,
        token.text,
      );
    }
  }
  const [first, second] = tokens;
  return {
    period: first.date && second.date ? { start: first.date, end: second.date } : null,
    text: `${first.text} – ${second.text}`,
  };
}
