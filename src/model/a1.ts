/**
 * A1 addresses and sheet-name quoting, as Excel writes them: the one home of these helpers for every layer (the
 * canonical layout, the adapters, the Excel fake, the range importer, the preview). Rows and columns are 0-based
 * unless a name says otherwise.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, inclusive on both ends. */
export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "A" → 0, "XFD" → 16383; -1 when the letters are not a column of Excel's grid. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index <= MAX_COLUMNS ? index - 1 : -1;
}

/** 0 → "A", 16383 → "XFD". */
export function columnName(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; column: number } | null {
  const match = CELL.exec(text);
  if (!match) return null;
  const column = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  return column >= 0 && row >= 0 && row < MAX_ROWS ? { row, column } : null;
}

/**
 * "A1", "$A$1", "a1:m40", "C:D" (whole columns), "2:3" (whole rows), ordered so that r1 <= r2 and c1 <= c2
 * (Excel accepts "B2:A1" and means "A1:B2"). Null when the text is no A1 address.
 */
export function parseA1(address: string): Bounds | null {
  const parts = address.trim().split(":");
  if (parts.length > 2) return null;
  const [first, second = first] = parts;
  const a = parseCell(first);
  const b = parseCell(second);
  if (a && b) return order(a.row, a.column, b.row, b.column);
  if (parts.length === 2 && COLUMN.test(first) && COLUMN.test(second)) {
    const c1 = columnIndex(COLUMN.exec(first)![1]);
    const c2 = columnIndex(COLUMN.exec(second)![1]);
    return c1 >= 0 && c2 >= 0 ? order(0, c1, MAX_ROWS - 1, c2) : null;
  }
  if (parts.length === 2 && ROW.test(first) && ROW.test(second)) {
    const r1 = Number(ROW.exec(first)![1]) - 1;
    const r2 = Number(ROW.exec(second)![1]) - 1;
    return r1 >= 0 && r2 >= 0 && r1 < MAX_ROWS && r2 < MAX_ROWS ? order(r1, 0, r2, MAX_COLUMNS - 1) : null;
  }
  return null;
}

function order(ra: number, ca: number, rb: number, cb: number): Bounds {
  return { r1: Math.min(ra, rb), c1: Math.min(ca, cb), r2: Math.max(ra, rb), c2: Math.max(ca, cb) };
}

export const isWholeColumns = (b: Bounds) => b.r1 === 0 && b.r2 === MAX_ROWS - 1;
export const isWholeRows = (b: Bounds) => b.c1 === 0 && b.c2 === MAX_COLUMNS - 1;

/** The address without a sheet, as Excel reports it: "A1", "A1:B2", "C:D", "2:3", "1:1048576". */
export function formatBounds(b: Bounds): string {
  if (isWholeRows(b)) return `${b.r1 + 1}:${b.r2 + 1}`;
  if (isWholeColumns(b)) return `${columnName(b.c1)}:${columnName(b.c2)}`;
  const first = `${columnName(b.c1)}${b.r1 + 1}`;
  return b.r1 === b.r2 && b.c1 === b.c2 ? first : `${first}:${columnName(b.c2)}${b.r2 + 1}`;
}

export const cellCount = (b: Bounds) => (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1);

export const intersects = (a: Bounds, b: Bounds) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export const contains = (b: Bounds, row: number, column: number) =>
  row >= b.r1 && row <= b.r2 && column >= b.c1 && column <= b.c2;

/**
 * Whether a sheet name must be quoted in a reference: Excel leaves plain names (letters, digits, "_", ".", not
 * starting with a digit or "." and not reading as a cell or R1C1 reference) bare and quotes the rest.
 */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (parseCell(name)) return true;
  return /^(R\d*C?\d*|C\d*)$/i.test(name);
}

export const quoteSheetName = (name: string) => (needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name);

/** A sheet name as the formulas we write name it: always quoted, quotes doubled (valid whatever the name). */
export const quotedSheetName = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** "A", …, "Z", "AA", … for a 0-based column index (the same as `columnName`, the name the layout uses). */
export const columnLetter = columnName;

/** "G12" from a 0-based column and a 1-based row. */
export const cellAt = (column: number, row: number): string => `${columnName(column)}${row}`;

/** "G12" or "Tartu!$G$12" → 1-based row and 0-based column of the (top-left) cell; null when not an address. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1));
  if (!match) return null;
  const column = match[1].split("").reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]), column };
}
