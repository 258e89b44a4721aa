import type { Finding } from "../checks/types";
import { cellAt } from "../model/a1";
import { RangeColumnKey, RangeHeader, mapPastedRange, rangeMappingToImplementer } from "../import/range/map-range";
import { MAX_RANGE_CELLS, formatCount } from "../import/limits";
import { ActionPlan, ImportDiagnostic, ImportError, ImportResult, Implementer } from "../model/plan";
import { SETTINGS_SHEET } from "../workbook/layout";
import type { RawCell, RawSheet } from "../workbook/model";
import { workbookToPlan } from "../workbook/read-plan";

/**
 * A workbook that is not ours: an officer's or a partner's own .xlsx whose sheets hold schedule tables typed or
 * pasted anywhere on them, in any column order, under a title. Each visible sheet is read as a pasted range would
 * be (`mapPastedRange`), so the two cannot disagree about what a schedule table is; the implementer is the one the
 * table names in its responsible column, else the sheet's name.
 */

/** Where a schedule table stands on a sheet of the officer's workbook: findings on its rows are placed with it. */
export interface SheetTable {
  sheet: string;
  /** The implementer its rows were given to (its name in the plan). */
  implementer: string;
  header: RangeHeader;
}

/** The plan a workbook holds, read from our canonical sheets or from the officer's own tables. */
export interface AnyWorkbookPlan {
  result: ImportResult;
  /** Null for our own workbook (its rows carry their cells); the officer's tables otherwise. */
  tables: SheetTable[] | null;
}

const lower = (name: string) => name.toLocaleLowerCase("et");

/**
 * Our workbook (it has Seaded) is read back as it was written; any other is read table by table. Throws ImportError
 * only for a workbook in which no sheet holds a schedule table.
 */
export function workbookPlanOf(sheets: RawSheet[]): AnyWorkbookPlan {
  if (sheets.some((sheet) => lower(sheet.name) === lower(SETTINGS_SHEET))) {
    return { result: workbookToPlan(sheets), tables: null };
  }
  return ownWorkbookPlan(sheets);
}

function ownWorkbookPlan(sheets: RawSheet[]): AnyWorkbookPlan {
  const implementers: Implementer[] = [];
  const diagnostics: ImportDiagnostic[] = [];
  const tables: SheetTable[] = [];
  let hiddenTables = 0;
  const tooLarge: string[] = [];
  for (const sheet of sheets) {
    const rows = withoutTrailingBlanks(sheet.rows);
    if (rows.length === 0) continue;
    const cells = rows.reduce((count, row) => count + row.length, 0);
    if (cells > MAX_RANGE_CELLS) {
      // That sheet alone is left out (a data dump beside the schedules), and said so: the workbook is still read.
      tooLarge.push(sheet.name);
      const found = formatCount(cells);
      const limit = formatCount(MAX_RANGE_CELLS);
      diagnostics.push({
        severity: "warning",
        id: "sheet-too-large",
        line: null,
        message: `Lehel „${sheet.name}“ on ${found.et} lahtrit; ajakava tabelina loetakse kuni ${limit.et}. Leht jäeti vahele; tõstke ajakava tabel eraldi lehele.`,
        messageEn: `Sheet "${sheet.name}" has ${found.en} cells; a schedule table is read up to ${limit.en}. The sheet was skipped; move the schedule table to a sheet of its own.`,
      });
      continue;
    }
    const mapping = mapPastedRange(rows, { topLeft: "A1", sheet: sheet.name });
    if (!mapping.header) {
      // A hidden sheet without a table (a lookup list) is nothing the officer would miss.
      if (!sheet.hidden)
        diagnostics.push({
          severity: "warning",
          id: "no-table-on-sheet",
          line: null,
          message: `Lehel „${sheet.name}“ ei ole tegevuste ajakava tabelit; see jäeti vahele.`,
          messageEn: `Sheet "${sheet.name}" holds no schedule table; it was skipped.`,
        });
      continue;
    }
    // A hidden sheet is not the officer's to see: an old copy, say. Its table is left out, and said so.
    if (sheet.hidden) {
      hiddenTables++;
      diagnostics.push({
        severity: "warning",
        id: "hidden-sheet",
        line: null,
        message: `Leht „${sheet.name}“ on peidetud; selle tabelit ei loetud.`,
        messageEn: `Sheet "${sheet.name}" is hidden; its table was not read.`,
      });
      continue;
    }
    const implementer = rangeMappingToImplementer(mapping, mapping.implementer ? undefined : sheet.name.trim());
    implementers.push(implementer);
    tables.push({ sheet: sheet.name, implementer: implementer.name, header: mapping.header });
    diagnostics.push(...mapping.diagnostics.map((diagnostic) => onSheet(sheet.name, diagnostic)));
  }
  if (implementers.length === 0) throw noScheduleTable(hiddenTables > 0, tooLarge);
  const plan: ActionPlan = {
    planPeriod: null,
    directive: { number: null, date: null, activityName: null, tat: null },
    implementers,
    indicators: [],
  };
  return { result: { plan, diagnostics }, tables };
}

/** A diagnostic of a sheet's table names the sheet: its `line` is that sheet's row. */
function onSheet(sheet: string, diagnostic: ImportDiagnostic): ImportDiagnostic {
  return {
    ...diagnostic,
    message: `Leht „${sheet}“: ${diagnostic.message}`,
    messageEn: `Sheet "${sheet}": ${diagnostic.messageEn}`,
  };
}

function noScheduleTable(onlyHidden: boolean, tooLarge: string[]): ImportError {
  const columns =
    "„Tegevus“, „Tegevuse üldajaraam“, „Tegevuse algus- ja lõppkuupäev“, „Planeeritav maksumus“, „Tegevuse eest vastutaja“";
  const large = tooLarge.map((name) => `„${name}“`).join(", ");
  const largeEn = tooLarge.map((name) => `"${name}"`).join(", ");
  return new ImportError(
    `Töövihikus ei ole ühtegi tegevuste ajakava tabelit${onlyHidden ? " nähtaval lehel" : ""}: ühelgi lehel pole päiserida veergudega ${columns} (vähemalt kolm neist).${large ? ` Liiga suuri lehti ei loetud: ${large}.` : ""} See ei ole ka tat-budgeti töövihik (leht „${SETTINGS_SHEET}“ puudub).`,
    `The workbook holds no schedule table${onlyHidden ? " on a visible sheet" : ""}: no sheet has a header row with the columns ${columns} (at least three of them).${largeEn ? ` Sheets too large to read were left out: ${largeEn}.` : ""} Nor is it a tat-budget workbook (it has no "${SETTINGS_SHEET}" sheet).`,
  );
}

const isBlank = (cell: RawCell | null | undefined) =>
  !cell || cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "");

/**
 * The sheet's rows without the empty cells and rows after its last value: Excel's used range reaches as far as any
 * formatting, and only values are the table's, so a sheet of formatting alone is an empty one (skipped unsaid) and
 * the range limit counts what a sheet holds.
 */
function withoutTrailingBlanks(rows: RawSheet["rows"]): RawSheet["rows"] {
  // Array.from, not map: a sheet's rows may have holes (ExcelJS leaves rows it never saw unset).
  const trimmed = Array.from(rows, (row) => {
    const cells = row ?? [];
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    return cells.slice(0, end);
  });
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1].length === 0) end--;
  return trimmed.slice(0, end);
}

/**
 * The column of the officer's table a finding is about. The checks name a column only for rows that carry their
 * canonical cells, so here it follows from what the rule checks: sums and amounts the cost, dates the plan-period
 * dates (the overall frame for the frame's own rules), parties the responsible party, the rest the row's code.
 */
function columnOf(finding: Finding): RangeColumnKey {
  switch (finding.category) {
    case "sums":
    case "amounts":
    case "format":
      return "amount";
    case "dates":
      return /frame/.test(finding.rule) && !/plan/.test(finding.rule) ? "frame" : "plan";
    case "parties":
      return "responsible";
    default:
      return "code";
  }
}

/**
 * Findings on the officer's own tables with their sheet and cell: a row's `line` is its sheet row, and the table's
 * header says where each column stands. A finding about no row (the whole plan) stays as it is.
 */
export function placeOnTables<T extends Finding>(findings: readonly T[], tables: readonly SheetTable[]): T[] {
  return findings.map((finding) => {
    const table = tables.find((candidate) => candidate.implementer === finding.implementer);
    const row = finding.position.line;
    if (!table || row === null) return finding;
    const columns = table.header.columns;
    const column = columns[columnOf(finding)] ?? columns.code ?? columns.activity;
    if (column === undefined) return { ...finding, position: { ...finding.position, sheet: table.sheet, row } };
    return { ...finding, position: { ...finding.position, sheet: table.sheet, row, cell: cellAt(column, row) } };
  });
}
