/**
 * The one table stage (issue 15): every importer hands its tables over as a `TableGrid` (./grid.ts) and reads them
 * here, so that the header's wording, the rows' assembly, the reading of amounts and dates and the diagnostics are
 * the same whatever the format. The formats differ only in how they make the grid.
 *
 * - `readScheduleTable(grid, { table, report })`: finds a "Tegevuste ajakava" header anywhere in the grid (wrapped
 *   over several rows, under title rows, any column order, a sub-header, column numbers; see ./header.ts) and
 *   returns its rows (`ScheduleRow`, `line` from `GridRow.line`, `table` from the context) with each diagnostic
 *   reported through `report`; `header` is null, and nothing is read, when the grid holds no schedule header.
 *   Columns the header lacks are reported unless `reportMissingColumns` is false (a table continued after a page
 *   break, whose columns were reported once).
 * - `readIndicatorTable(grid, table)`: a "Tegevustega seotud näitajad" table's rows, or null without its header.
 * - `classifyHeaderText(text)` (./columns.ts): the column one header cell's whole text names, for a reader that
 *   finds columns itself (the PDF's, from positions).
 * - The cell readers and the diagnostics (./cells.ts, ./rows.ts) for a source whose rows are not a grid (the text).
 */
import { IndicatorRow, ScheduleRow } from "../../model/plan";
import { IndicatorColumn, REQUIRED_SCHEDULE_COLUMNS, ScheduleColumn } from "./columns";
import type { TableGrid } from "./grid";
import { TableHeader, findIndicatorHeader, findScheduleHeader } from "./header";
import { TableContext, readIndicatorBody, readScheduleBody, reportMissingColumn } from "./rows";

export * from "./grid";
export * from "./columns";
export * from "./cells";
export { findIndicatorHeader, findScheduleHeader, isColumnNumbers, looksLikeData } from "./header";
export type { TableHeader } from "./header";
export * from "./rows";

export interface ScheduleTableReading {
  header: TableHeader<ScheduleColumn> | null;
  rows: ScheduleRow[];
}

export function readScheduleTable(
  grid: TableGrid,
  context: TableContext & { reportMissingColumns?: boolean; header?: TableHeader<ScheduleColumn> },
): ScheduleTableReading {
  const header = context.header ?? findScheduleHeader(grid);
  if (!header) return { header: null, rows: [] };
  if (context.reportMissingColumns !== false) {
    for (const key of REQUIRED_SCHEDULE_COLUMNS)
      if (header.columns[key] === undefined) reportMissingColumn(context, key, header.line);
  }
  return { header, rows: readScheduleBody(grid, header, context) };
}

export function readIndicatorTable(
  grid: TableGrid,
  table: number,
): { header: TableHeader<IndicatorColumn>; rows: IndicatorRow[] } | null {
  const header = findIndicatorHeader(grid);
  if (!header) return null;
  return { header, rows: readIndicatorBody(grid, header, table) };
}
