import { IndicatorRow, ScheduleRow } from "../../model/plan";
import {
  IndicatorColumn,
  Report,
  ScheduleColumn,
  TableGrid,
  TableHeader,
  classifyHeaderText,
  classifyIndicatorHeaderText,
  readIndicatorBody,
  readScheduleTable,
} from "../table";
import { matchCaption, matchRowStart, tidy } from "../text/patterns";
import {
  Bounds,
  GapProjection,
  GeometricRow,
  clusters,
  cutRows,
  rowGaps,
  rowRules,
  ruledBounds,
  sameBounds,
} from "./pdf-grid";
import { PdfLine, PdfPage } from "./pdf-layout";

/**
 * Finds the "Tegevuste ajakava" (and "Tegevustega seotud näitajad") tables of a PDF by their captions and header
 * words, and reads their cells from the page's drawing (pdf-grid.ts): the columns from the vertical rules or, without
 * them, from the gaps the text leaves; what each column holds from its header cell's words, however the header wraps.
 * A cell's wrapped lines are joined, so labels, dates and amounts come out whole whatever their wrapping or font,
 * which the flattened text cannot guarantee. The rows are then read, like every format's, by the shared table stage
 * (src/import/table), which also names the columns from the header cells' texts.
 */

type Key = ScheduleColumn | IndicatorColumn;

interface TableSpec {
  kind: "schedule" | "indicators";
  /** What a header cell's whole text says its column holds: the shared stage's synonyms. */
  classify: (text: string) => Key | null;
  /** The table's first column, which must be there. */
  first: Key;
  /**
   * The header's vocabulary. Every word of a header line is one of these or a piece of one (a narrow column breaks
   * "Planeeritav" into "Planeerit" and "av"), or a year; a body line always has something else (a code, a date, a sum).
   */
  headerWords: string[];
  /** Without drawn borders, what the first line of a row shows. */
  startsRow: (cells: Map<Key, string>) => boolean;
}

const SCHEDULE: TableSpec = {
  kind: "schedule",
  classify: classifyHeaderText,
  first: "activity",
  headerWords: [
    "tegevus",
    "tegevuse",
    "üldajaraam",
    "algus",
    "ja",
    "lõppkuupäev",
    "tegevuskava",
    "perioodil",
    "planeeritav",
    "maksumus",
    "summa",
    "eelarve",
    "aastal",
    "eest",
    "vastutaja",
    "eurodes",
    "eur",
    "eurot",
    "€",
  ],
  startsRow: (cells) => matchRowStart(cells.get("activity") ?? "") !== null,
};

/** "Tegevustega seotud näitajad": Indikaator | Indikaatori mõõtühik | Sihttase (2025) | Sihttase (2029) | Selgitus. */
const INDICATORS: TableSpec = {
  kind: "indicators",
  classify: classifyIndicatorHeaderText,
  first: "name",
  headerWords: ["indikaator", "indikaatori", "mõõtühik", "sihttase", "selgitus"],
  startsRow: (cells) => (cells.get("unit") ?? "") !== "",
};

export interface TableDraft {
  kind: TableSpec["kind"];
  spec: TableSpec;
  table: number;
  /** What each column holds, left to right; null for a column the header does not name. */
  keys: Array<Key | null>;
  /** The columns' edges (pdf-grid.ts). */
  bounds: Bounds;
  /** Drawn with rules: rows are the bands between them; else one row per line, joined at row starts. */
  ruled: boolean;
  /** Unruled tables only: the columns found so far, which a continuation on the next page must keep. */
  projection: GapProjection | null;
  rows: RowDraft[];
  /** The header's cells, line by line. */
  headerCells: string[][];
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
  keys: Array<Key | null>;
  bounds: Bounds;
  ruled: boolean;
  projection: GapProjection | null;
  cells: string[][];
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
    let carried: TableDraft | null = null;
    if (carry && content.length > 0) {
      const header = findHeader(content, 0, page, carry.spec);
      if (header && header.keys.join() === carry.keys.join()) {
        // The repeated header may stand a little elsewhere on this page.
        Object.assign(carry, { bounds: header.bounds, ruled: header.ruled, projection: header.projection });
        markLines(content, 0, header.end, tableLines);
        index = readBody(content, header.end, page, carry, tableLines, true);
        carried = carry;
      } else if (continues(content[0], page, carry)) {
        index = carry.rows.length === 0 ? finishHeader(content, carry, tableLines) : 0;
        index = readBody(content, index, page, carry, tableLines, true);
        carried = carry;
      }
    }
    // A table may run over more than two pages.
    carry = carried !== null && index >= content.length ? carried : null;
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
        keys: header.keys,
        bounds: header.bounds,
        ruled: header.ruled,
        projection: header.projection,
        rows: [],
        headerCells: header.cells.map((lines) => [...lines]),
        headerLine: header.line,
      };
      tables.push(table);
      markLines(content, index, header.end, tableLines);
      index = readBody(content, header.end, page, table, tableLines, false);
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
  return line.text.split(/\s+/).every((word) => {
    if (/^\(?\d{4}\.?\)?$/u.test(word)) return true;
    const bare = word.toLowerCase().replace(/^[(]|[-,.:)]+$/gu, "");
    return bare !== "" && spec.headerWords.some((known) => known.includes(bare));
  });
}

/** Each header cell's text to the key it names; the first column wins a key named twice. */
function keysOf(cells: string[], spec: TableSpec): Array<Key | null> {
  const used = new Set<Key>();
  return cells.map((text) => {
    // A word broken over two lines without a hyphen ("maksumu" / "s") reads whole with the spaces left out.
    const joined = text.replace(/\s+/g, "");
    const found = [spec.classify(text), spec.classify(joined)].find((key) => key !== null && !used.has(key)) ?? null;
    if (found !== null) used.add(found);
    return found;
  });
}

/** The vertical rule at the table's left edge beside `line`: the table's extent on this page. */
function extentAt(page: PdfPage, bounds: Bounds, line: PdfLine): { top: number; bottom: number } | null {
  const border = page.vertical.find(
    (rule) => Math.abs(rule.at - bounds[0]) < 1.5 && rule.from - 1 <= line.y && line.y <= rule.to + 1,
  );
  return border ? { top: border.to, bottom: border.from } : null;
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
  const ruled = ruledBounds(page.vertical, first.y, content[end - 1].y);
  let bounds: Bounds;
  let projection: GapProjection | null = null;
  if (ruled) {
    bounds = ruled;
    // The header row reaches down to the first rule under its lines, whatever words it holds.
    const below = rowRules(page.horizontal, bounds, Infinity, -Infinity).find((y) => y < content[end - 1].y);
    const extent = extentAt(page, bounds, first);
    if (below !== undefined && extent) {
      while (end < content.length && content[end].y > below && content[end].y >= extent.bottom) end++;
    }
  } else {
    const items = content.slice(index, end).flatMap((line) => line.items);
    const size = Math.max(...content.slice(index, end).map((line) => line.size));
    const columns = clusters(items, 0.6 * size);
    if (columns.length < 3) return null;
    projection = new GapProjection(columns);
    bounds = [-Infinity, ...columns.slice(1).map((column, i) => (columns[i][1] + column[0]) / 2), Infinity];
  }
  const [header] = cutRows(content.slice(index, end), bounds, [Infinity]);
  if (!header) return null;
  const keys = keysOf(
    header.cells.map((lines) => joinCell(lines)),
    spec,
  );
  // The first column and at least two more: a sentence that merely starts with "Tegevus" is no header. A header cut
  // by the page's end names fewer ("Tegevuse algus- ja" is not yet a date column); its next page finishes it.
  const named = end >= content.length ? 2 : 3;
  if (keys.filter((key) => key !== null).length < named || keys.find((key) => key !== null) !== spec.first) return null;
  return { spec, keys, bounds, ruled: ruled !== null, projection, cells: header.cells, end, line: first.no };
}

/**
 * A header row split by a page break ends at the top of the next page: its lines there are added to the header's
 * cells, and the columns named anew. Returns the index of the body's first line.
 */
function finishHeader(content: PdfLine[], table: TableDraft, tableLines: Set<number>): number {
  let end = 0;
  while (end < content.length && isHeaderLine(content[end], table.spec)) end++;
  if (end === 0) return 0;
  const [rest] = cutRows(content.slice(0, end), table.bounds, [Infinity]);
  rest?.cells.forEach((lines, column) => table.headerCells[column]?.push(...lines));
  const cells = table.headerCells.map((lines) => joinCell(lines));
  table.keys = keysOf(cells, table.spec);
  markLines(content, 0, end, tableLines);
  return end;
}

/** Whether the first line of a page carries on `table` from the page before. */
function continues(line: PdfLine, page: PdfPage, table: TableDraft): boolean {
  if (table.ruled) {
    const ruled = ruledBounds(page.vertical, line.y, line.y);
    return ruled !== null && sameBounds(ruled, table.bounds);
  }
  return table.projection !== null && table.projection.accepts(line);
}

/** Reads table rows from `start`; returns the index of the first line after the table on this page. */
function readBody(
  content: PdfLine[],
  start: number,
  page: PdfPage,
  table: TableDraft,
  tableLines: Set<number>,
  continued: boolean,
): number {
  const extent = table.ruled && start < content.length ? extentAt(page, table.bounds, content[start]) : null;
  const lines: PdfLine[] = [];
  let index = start;
  for (; index < content.length; index++) {
    const line = content[index];
    if (matchCaption(line.text)) break;
    if (table.ruled) {
      if (!extent || line.y < extent.bottom - 0.5 || line.y > extent.top + 0.5) break;
    } else {
      const previous = lines[lines.length - 1];
      table.projection?.widen(line);
      if (!table.projection?.accepts(line) || (previous && previous.y - line.y > 4 * line.size)) break;
      table.projection.add(line);
    }
    lines.push(line);
    tableLines.add(line.no);
  }
  if (!table.ruled && table.projection) table.bounds = table.projection.bounds();
  const textsOf = (row: GeometricRow) => {
    const texts = new Map<Key, string>();
    row.cells.forEach((lines, column) => {
      const key = table.keys[column];
      if (key && lines.length > 0) texts.set(key, joinCell(lines));
    });
    return texts;
  };
  const segments = extent
    ? cutRows(lines, table.bounds, rowRules(page.horizontal, table.bounds, extent.top + 1, extent.bottom - 1))
    : unruledRows(lines, table.bounds, (row) => table.spec.startsRow(textsOf(row)));
  segments.forEach((row, i) => {
    const cells = new Map<Key, string[]>();
    row.cells.forEach((lines, column) => {
      const key = table.keys[column];
      if (key && lines.length > 0) cells.set(key, lines);
    });
    const current = table.rows[table.rows.length - 1];
    // A row split over two pages goes on at the top of the next without a code.
    const newRow = !current || !(continued && i === 0) || table.spec.startsRow(textsOf(row));
    if (newRow) {
      table.rows.push({ line: row.lines[0], cells });
    } else {
      for (const [key, text] of cells) current.cells.set(key, [...(current.cells.get(key) ?? []), ...text]);
    }
  });
  return index;
}

/**
 * The rows of a table without rules. Where the cells' padding leaves more space between rows than between a cell's
 * lines (rowGaps), a band of lines is a row whichever line its code stands on: a cell centred vertically prints the
 * row's dates or amount above its code. Within a band (the whole table when space tells nothing) a second code, a
 * numbered item or the personnel label starts another row; a band with none of them goes on the row above.
 */
function unruledRows(lines: PdfLine[], bounds: Bounds, startsRow: (row: GeometricRow) => boolean): GeometricRow[] {
  const gaps = rowGaps(lines, bounds) ?? [];
  const y = new Map(lines.map((line) => [line.no, line.y]));
  const bands = new Map<number, GeometricRow[]>();
  for (const row of cutRows(lines, bounds, null)) {
    const at = y.get(row.lines[0]) ?? 0;
    const band = gaps.filter((gap) => gap > at).length;
    bands.set(band, [...(bands.get(band) ?? []), row]);
  }
  const rows: GeometricRow[] = [];
  const append = (to: GeometricRow, row: GeometricRow) => {
    to.lines.push(...row.lines);
    row.cells.forEach((cell, column) => to.cells[column].push(...cell));
  };
  for (const band of bands.values()) {
    let current: GeometricRow | null = null;
    let started = false;
    for (const line of band) {
      const starts = startsRow(line);
      if (current && !(starts && started)) {
        append(current, line);
        started ||= starts;
        continue;
      }
      const previous = rows[rows.length - 1];
      if (!current && !band.some(startsRow) && previous) {
        current = previous;
        append(current, line);
        continue;
      }
      current = { lines: [...line.lines], cells: line.cells.map((cell) => [...cell]) };
      rows.push(current);
      started = starts;
    }
  }
  return rows;
}

/**
 * Joins a cell's wrapped lines. A hyphen at a line's end is the word's own, with no space after it, before a
 * capital (a compound name: "Kohtla-" / "Järve") and after an abbreviation (a case ending: "KOV-" / "dele");
 * otherwise it stands for a word left out ("algus-" / "ja lõppkuupäev") and a space follows.
 */
export function joinCell(lines: string[] | undefined): string {
  if (!lines || lines.length === 0) return "";
  let text = lines[0];
  for (const line of lines.slice(1)) {
    const joined =
      (/\p{L}-$/u.test(text) && /^\p{Lu}/u.test(line)) || (/\p{Lu}{2,}-$/u.test(text) && /^\p{Ll}/u.test(line));
    text += joined ? line : ` ${line}`;
  }
  return tidy(text);
}

/** The table's header as the shared stage takes it: the columns the PDF's drawing gave, named by their header cells. */
function headerOf<K extends Key>(table: TableDraft): TableHeader<K> {
  const columns: Partial<Record<K, number>> = {};
  table.keys.forEach((key, column) => {
    if (key !== null) columns[key as K] = column;
  });
  return {
    first: 0,
    end: 1,
    line: table.headerLine,
    columns,
    texts: table.headerCells.map((lines) => joinCell(lines)),
  };
}

/**
 * The table as the shared stage reads it: its header, then one grid row per table row as the page's drawing (or, in a
 * table without rules, the rows' starts) delimits it, each cell's wrapped lines joined.
 */
export function tableGrid(table: TableDraft): TableGrid {
  return {
    rows: [
      { cells: table.headerCells.map((lines) => ({ value: joinCell(lines) })), line: table.headerLine, header: true },
      ...table.rows.map((row) => ({
        cells: table.keys.map((key) => (key === null ? null : { value: joinCell(row.cells.get(key)) })),
        line: row.line,
      })),
    ],
    ...(table.table > 0 ? { table: table.table } : {}),
  };
}

/** A schedule table's rows, read, and what cannot be read reported, by the shared table stage. */
export function readScheduleRows(table: TableDraft, report: Report): ScheduleRow[] {
  return readScheduleTable(tableGrid(table), { table: table.table, report, header: headerOf<ScheduleColumn>(table) })
    .rows;
}

/** An indicator table's rows, by the shared table stage. */
export function readIndicatorRows(table: TableDraft): IndicatorRow[] {
  return readIndicatorBody(tableGrid(table), headerOf<IndicatorColumn>(table), table.table);
}
