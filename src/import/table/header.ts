import { matchRowStart } from "../text/patterns";
import { cellText, isDate } from "./cells";
import {
  IndicatorColumn,
  REQUIRED_SCHEDULE_COLUMNS,
  ScheduleColumn,
  classifyHeaderText,
  classifyIndicatorHeaderText,
  classifySubHeaderText,
  isHeaderWords,
} from "./columns";
import type { GridRow, TableGrid } from "./grid";

/**
 * Finding a table's header in a grid, whatever the source did to it: wrapped over up to five rows (a PDF read line
 * by line), under title rows, in any column order, with an "algus" / "lõpp" sub-header under a merged date header and
 * a "1 | 2 | 3 | 4 | 5" row of column numbers under it.
 */

export interface TableHeader<K extends string> {
  /** Index in `grid.rows` of the header's first row. */
  first: number;
  /** Index of the first row after the header (its sub-header and column numbers included). */
  end: number;
  /** The source's line of the header's first row. */
  line: number | null;
  /** 0-based grid column of each column found. */
  columns: Partial<Record<K, number>>;
  /** Per grid column, the header's text over it, its wrapped rows joined. */
  texts: string[];
}

/** A header cell wraps over at most this many rows; a PDF header of five lines is the longest seen. */
const MAX_HEADER_ROWS = 6;

/** Texts of a row per column; a cell that only continues a vertical merge from above counts as empty. */
function rowTexts(row: GridRow): Array<string | null> {
  return row.cells.map((cell) => (cell?.mergedFromAbove ? null : cellText(cell)));
}

/** Whether a row holds a table's data: a code, a date, a spreadsheet's number or date, or a range of dates. */
export function looksLikeData(row: GridRow): boolean {
  if (isColumnNumbers(row)) return false;
  const texts = rowTexts(row);
  const first = texts.find((text) => text !== null);
  if (first && matchRowStart(first)) return true;
  return row.cells.some(
    (cell, index) =>
      !cell?.mergedFromAbove &&
      (typeof cell?.value === "number" || isDate(cell?.value) || /\d{1,2}\.\d{1,2}\.\d{4}/.test(texts[index] ?? "")),
  );
}

/** The row of column numbers ("1 | 2 | 3 | 4 | 5") some tables print under the header. */
export function isColumnNumbers(row: GridRow): boolean {
  const numbers = rowTexts(row).filter((text): text is string => text !== null);
  return numbers.length >= 3 && numbers.every((text, index) => text.replace(/\.$/, "") === String(index + 1));
}

/** A row under a merged date header naming the range's ends ("algus" / "lõpp"), and nothing else. */
function isSubHeader(row: GridRow): boolean {
  const texts = rowTexts(row).filter((text): text is string => text !== null);
  return texts.length > 0 && texts.every((text) => classifySubHeaderText(text) !== null);
}

/** Whether a row may be part of a header: marked so, or header words only, or naming columns and holding no data. */
function mayBeHeader(row: GridRow): boolean {
  if (row.header) return true;
  if (looksLikeData(row)) return false;
  const texts = rowTexts(row).filter((text): text is string => text !== null);
  if (texts.length === 0) return false;
  if (texts.every(isHeaderWords)) return true;
  // A one-row header may use words the vocabulary lacks ("Tegevuse eest vastutav asutus"): naming columns is enough.
  return texts.filter((text) => classifyHeaderText(text) ?? classifyIndicatorHeaderText(text)).length >= 3;
}

interface Candidate {
  first: number;
  end: number;
  texts: string[];
  /** The sub-header row's index, when there is one. */
  sub: number | null;
}

/**
 * The header rows starting at `first`: consecutive header rows, joined per column, then a sub-header row and a
 * column-number row if they follow.
 */
function candidateAt(rows: GridRow[], first: number): Candidate | null {
  if (!mayBeHeader(rows[first]) || isSubHeader(rows[first])) return null;
  // The width of the rows a header can take, not of the grid: this runs at every body row (for repeated headers).
  const width = rows
    .slice(first, first + MAX_HEADER_ROWS + 2)
    .reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  const parts: string[][] = Array.from({ length: width }, () => []);
  let end = first;
  let sub: number | null = null;
  while (end < rows.length && end - first < MAX_HEADER_ROWS) {
    const row = rows[end];
    if (isSubHeader(row) && end > first) {
      sub = end++;
      break;
    }
    if (!mayBeHeader(row) || isColumnNumbers(row)) break;
    rowTexts(row).forEach((text, column) => {
      // A cell repeated in each row it spans (a vertical merge some readers copy) names its column once.
      if (text !== null && parts[column][parts[column].length - 1] !== text) parts[column].push(text);
    });
    end++;
  }
  if (end < rows.length && isColumnNumbers(rows[end])) end++;
  // Word's hyphen at a wrapped "algus-" stays; a PDF line's "algus-" / "ja" joins with a space, as Word's does.
  return { first, end, texts: parts.map((column) => column.join(" ").replace(/\s+/g, " ").trim()), sub };
}

/** Each column's key from its text; the first column that names a key keeps it. */
function assign<K extends string>(texts: string[], classify: (text: string) => K | null): Partial<Record<K, number>> {
  const columns: Partial<Record<K, number>> = {};
  texts.forEach((text, column) => {
    const key = text === "" ? null : classify(text);
    if (key && columns[key] === undefined) columns[key] = column;
  });
  return columns;
}

/**
 * Sub-columns "algus" / "lõpp" under a merged date header: the merged cell's text is in its first column, so each
 * sub-column belongs to the nearest date column at or left of it.
 */
function applySubHeader(row: GridRow, columns: Partial<Record<ScheduleColumn, number>>): void {
  const dateColumns = (["frame", "plan"] as const)
    .filter((key) => columns[key] !== undefined)
    .map((key) => ({ key, column: columns[key]! }))
    .sort((a, b) => a.column - b.column);
  rowTexts(row).forEach((text, column) => {
    const side = text === null ? null : classifySubHeaderText(text);
    if (!side) return;
    const parent = dateColumns.filter((candidate) => candidate.column <= column).pop();
    if (!parent) return;
    if (side === "start") columns[parent.key] = column;
    else columns[parent.key === "frame" ? "frameEnd" : "planEnd"] = column;
  });
}

/** How many of the five required columns a schedule header names. */
export function requiredFound(columns: Partial<Record<ScheduleColumn, number>>): number {
  return REQUIRED_SCHEDULE_COLUMNS.filter((key) => columns[key] !== undefined).length;
}

/** A schedule header names three of the five columns; fewer is a title, a sentence or another table. */
function scheduleHeaderAt(rows: GridRow[], index: number): TableHeader<ScheduleColumn> | null {
  const candidate = candidateAt(rows, index);
  if (!candidate) return null;
  const columns = assign(candidate.texts, classifyHeaderText);
  if (requiredFound(columns) < 3) return null;
  if (candidate.sub !== null) applySubHeader(rows[candidate.sub], columns);
  return { first: index, end: candidate.end, line: rows[index].line, columns, texts: candidate.texts };
}

/** The first schedule header in the grid (see the module comment), or null. */
export function findScheduleHeader(grid: TableGrid, from = 0): TableHeader<ScheduleColumn> | null {
  for (let index = from; index < grid.rows.length; index++) {
    const header = scheduleHeaderAt(grid.rows, index);
    if (header) return header;
  }
  return null;
}

/** "Tegevustega seotud näitajad": the indicator's name and its plan-year target at least. */
export function findIndicatorHeader(grid: TableGrid, from = 0): TableHeader<IndicatorColumn> | null {
  for (let index = from; index < grid.rows.length; index++) {
    const candidate = candidateAt(grid.rows, index);
    if (!candidate) continue;
    const columns = assign(candidate.texts, classifyIndicatorHeaderText);
    if (columns.name === undefined || (columns.target === undefined && columns.target2029 === undefined)) continue;
    return { first: index, end: candidate.end, line: grid.rows[index].line, columns, texts: candidate.texts };
  }
  return null;
}

/**
 * A header repeated in the body (a table continued over a page), starting at `index`: the index after it, or null
 * when the row is no such header. Marked rows, column-number rows and a run of header rows naming three columns are.
 */
export function repeatedHeaderEnd(rows: GridRow[], index: number, kind: "schedule" | "indicators"): number | null {
  const row = rows[index];
  if (row.header || isColumnNumbers(row)) return index + 1;
  const candidate = candidateAt(rows, index);
  if (!candidate) return null;
  if (kind === "schedule")
    return requiredFound(assign(candidate.texts, classifyHeaderText)) >= 3 ? candidate.end : null;
  const columns = assign(candidate.texts, classifyIndicatorHeaderText);
  return columns.name !== undefined && Object.keys(columns).length >= 3 ? candidate.end : null;
}
