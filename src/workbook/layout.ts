import { cellAt } from "../model/a1";
import { CalendarDate } from "../model/calendar-date";
import { Implementer, ScheduleColumnKey } from "../model/plan";
import type { SheetKind } from "./model";

export type { ScheduleColumnKey } from "../model/plan";
export { columnLetter, parseCellAddress } from "../model/a1";
export { fromExcelSerial } from "../model/calendar-date";

/**
 * The canonical workbook, one definition for every adapter: a sheet per implementer holding its activity
 * schedule as an Excel table, a summary sheet (Koond), the plan's settings and its indicators. Pure data:
 * adapters (ExcelJS for files, Office.js for Excel) only render and read it.
 */

export interface ColumnSpec {
  key: ScheduleColumnKey;
  header: string;
  /**
   * Headers earlier versions wrote in this column. Reading finds a schedule by its first two headers and reads its
   * columns by place, so an officer's workbook with these still reads whole; kept here so that stays known.
   */
  formerHeaders?: readonly string[];
  width: number;
  /** Technical columns the officer does not need to see: the source line, level, table and printed amount. */
  hidden?: boolean;
}

/**
 * Widths in characters (Excel's unit). The header texts wrap within them, on at most three lines, and the visible
 * columns add up to 143 characters, about 790 pt in Calibri 11: fitted to an A4 landscape page's 770 pt between
 * its margins, a schedule prints at about 97 %. The activity's text and the responsible party wrap in their cells.
 */
export const SCHEDULE_COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: "Kood", width: 11 },
  { key: "label", header: "Tegevus", width: 40 },
  { key: "frameStart", header: "Üldajaraami algus", formerHeaders: ["Üldajaraam algus"], width: 12 },
  { key: "frameEnd", header: "Üldajaraami lõpp", formerHeaders: ["Üldajaraam lõpp"], width: 12 },
  { key: "planStart", header: "Tegevuskava perioodi algus", width: 12 },
  { key: "planEnd", header: "Tegevuskava perioodi lõpp", width: 12 },
  { key: "amount", header: "Planeeritav maksumus (EUR)", width: 14 },
  { key: "declared", header: "Dokumendis (EUR)", width: 14 },
  { key: "responsible", header: "Vastutaja", width: 16 },
  { key: "level", header: "Tase", width: 6, hidden: true },
  { key: "line", header: "Allikarida", width: 8, hidden: true },
  { key: "table", header: "Tabel", width: 6, hidden: true },
  { key: "printed", header: "Kirjapilt", width: 14, hidden: true },
];

/** 0-based column index of each key. */
export const COLUMN: Readonly<Record<ScheduleColumnKey, number>> = Object.fromEntries(
  SCHEDULE_COLUMNS.map((column, index) => [column.key, index]),
) as Record<ScheduleColumnKey, number>;

/** The schedule table's header row, 1-based: a title and a note stand above it. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/**
 * The schedule header row's height in points: four lines of Calibri 11 for headers of at most three, so that the
 * table's filter button, which Excel draws in the cell's lower right corner, covers no header text.
 */
export const HEADER_ROW_HEIGHT = 60;

export const DATE_FORMAT = "dd.mm.yyyy";
/** Shown with the user's grouping and decimal separators: "1 266 860,75" in Estonian Excel. */
export const AMOUNT_FORMAT = "#,##0.00";

export const SUMMARY_SHEET = "Koond";
export const SETTINGS_SHEET = "Seaded";
export const INDICATORS_SHEET = "Näitajad";
/** Lisa 2's generated sheets: the budget by cost line, and the same money by activity and implementer. */
export const LISA2_SHEET = "Lisa 2";
export const LISA2_MATRIX_SHEET = "Lisa 2 maatriks";
export const ANNEX_SHEETS: readonly string[] = [LISA2_SHEET, LISA2_MATRIX_SHEET];

/**
 * The sheet a written workbook opens on, by its index among `sheets`: Koond, which leads to every schedule, or the
 * first schedule when there is no Koond (a pasted table's); -1 when neither was written.
 */
export function sheetToShow(sheets: ReadonlyArray<{ kind: SheetKind }>): number {
  const summary = sheets.findIndex((sheet) => sheet.kind === "summary");
  return summary >= 0 ? summary : sheets.findIndex((sheet) => sheet.kind === "schedule");
}

/** The cell of a schedule column (or a 0-based column index) in a 1-based row: ("amount", 12) → "G12". */
export function cellAddress(column: ScheduleColumnKey | number, row: number): string {
  return cellAt(typeof column === "number" ? column : COLUMN[column], row);
}

/**
 * The implementer's sheet name: its short everyday name ("Tartu", "Tallinn", "ELVL"), made valid for Excel
 * (at most 31 characters, none of : \ / ? * [ ]) and distinct from the other sheets.
 */
export function scheduleSheetName(implementer: Implementer, taken: ReadonlySet<string>): string {
  const everyday = implementer.aliases
    .filter((alias) => !alias.includes(" ") && alias !== implementer.name && alias !== "elluviija")
    .sort((a, b) => a.length - b.length)[0];
  const base = (
    implementer.role === "elluviija" ? implementer.name : (everyday ?? implementer.name.replace(/\s+(linn|vald)$/, ""))
  )
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  let name = base || "Ajakava";
  for (
    let suffix = 2;
    [...taken].some((other) => other.toLocaleLowerCase("et") === name.toLocaleLowerCase("et"));
    suffix++
  ) {
    name = `${base.slice(0, 31 - String(suffix).length - 1)} ${suffix}`;
  }
  return name;
}

/** Excel's day number for a calendar date (1900 date system: day 1 is 1900-01-01, counting its false leap day). */
export function toExcelSerial(date: CalendarDate): number {
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A finding's place as the checks give it: its sheet row and the column at fault, no address. */
interface RowPosition {
  sheet?: string;
  row?: number;
  column?: ScheduleColumnKey;
  cell?: string;
}

/** A row a finding speaks of, placed like the finding. */
interface RelatedPosition {
  sheet?: string;
  row?: number;
  cell?: string;
}

/**
 * Findings with their cells: the checks name a row and a column, and only the layout knows where that column
 * stands. A finding about a whole schedule (a section or the personnel row it lacks) names only the sheet: it goes
 * to the table's header, where the officer adds the row. The rows a finding relates to get their code cells.
 * Findings about no sheet (read from a document's text) and those placed already (an indicator's) stay as they are.
 */
export function locateFindings<T extends { position: RowPosition; related?: readonly RelatedPosition[] }>(
  findings: readonly T[],
): T[] {
  return findings.map((finding) => {
    const { sheet, row, column, cell } = finding.position;
    const related = finding.related?.some((other) => other.row !== undefined)
      ? {
          related: finding.related.map((other) =>
            other.row === undefined ? other : { ...other, cell: cellAddress("code", other.row) },
          ),
        }
      : {};
    if (sheet === undefined || cell !== undefined) return related.related ? { ...finding, ...related } : finding;
    const at = row === undefined ? cellAddress("code", HEADER_ROW) : column ? cellAddress(column, row) : undefined;
    return { ...finding, ...related, position: { ...finding.position, ...(at ? { cell: at } : {}) } };
  });
}
