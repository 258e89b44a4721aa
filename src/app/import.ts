import type { PlanAnalysis } from "../checks/analyse";
import { refuseRangeIfTooLarge } from "../import/limits";
import { RangeImplementer, RangeMapping, mapPastedRange, rangeMappingToImplementer } from "../import/range/map-range";
import { ActionPlan, Implementer } from "../model/plan";
import { SETTINGS_SHEET, scheduleSheetName } from "../workbook/layout";
import { RawSheet, SheetModel } from "../workbook/model";
import type { CellWrites, SheetConflict, WorkbookPort, WriteResult } from "../workbook/port";
import { CellUpdate } from "../workbook/settings";
import { IMPLEMENTER_HEADERS, planToWorkbook } from "../workbook/write-plan";
import { analysePlan } from "./analyse";
import { DocumentReading, DocumentSource, planOrNull, readDocument } from "./read";

/** What an import would write, shown before anything is: the plan read, its sheets and those already there. */
export interface ImportPreview {
  /** From a container, also where in it the plan was read and its signatures (unverified). */
  result: DocumentReading;
  /** The plan analysed once: the preview's totals come from it, and writing the plan reuses its trees. */
  analysis: PlanAnalysis;
  /** The sheets the import would write, and those of them already in the workbook. */
  sheets: string[];
  conflicts: string[];
}

const lower = (name: string) => name.toLocaleLowerCase("et");

/** Reads a directive (text, Word or PDF) and says which sheets writing it would add or meet; nothing is written. */
export async function previewImport(
  port: Pick<WorkbookPort, "listSheets">,
  source: DocumentSource,
): Promise<ImportPreview> {
  const result = await readDocument(source);
  const analysis = analysePlan(result.plan);
  const sheets = planToWorkbook(result.plan, analysis.implementers).workbook.sheets.map((sheet) => sheet.name);
  const existing = new Set((await port.listSheets()).map(lower));
  return { result, analysis, sheets, conflicts: sheets.filter((name) => existing.has(lower(name))) };
}

/** Writes the previewed plan as the canonical workbook; a taken sheet name is settled as `conflicts` says. */
export async function importPlan(
  port: Pick<WorkbookPort, "writeWorkbook">,
  preview: ImportPreview,
  conflicts: Record<string, SheetConflict>,
): Promise<WriteResult> {
  return (await writePlan(port, preview.analysis, conflicts)).written;
}

/** The analysed plan as the canonical workbook, written in one batch; `sheets` are the model's sheet names. */
export async function writePlan(
  port: Pick<WorkbookPort, "writeWorkbook">,
  analysis: PlanAnalysis,
  conflicts: Record<string, SheetConflict> = {},
): Promise<{ written: WriteResult; sheets: string[] }> {
  const { workbook } = planToWorkbook(analysis.plan, analysis.implementers);
  const written = await port.writeWorkbook(workbook, conflicts);
  return { written, sheets: workbook.sheets.map((sheet) => sheet.name) };
}

/** A schedule table pasted into Excel and selected, as mapped; nothing is written yet. */
export interface SelectionPreview {
  sheet: string;
  address: string;
  mapping: RangeMapping;
}

export interface SelectionImport {
  /** The canonical sheet written. */
  sheet: string;
  /** Old sheets kept as backups. */
  backups: string[];
  /** True when the workbook had no plan yet and the canonical sheets were all written. */
  newWorkbook: boolean;
}

/** Maps the selected range (a schedule table pasted from Word or PDF); a selection too big is refused unread. */
export async function previewSelection(port: Pick<WorkbookPort, "readSelection">): Promise<SelectionPreview> {
  const selection = await port.readSelection(refuseRangeIfTooLarge);
  const topLeft = selection.address.split(":")[0];
  return {
    sheet: selection.sheet,
    address: selection.address,
    mapping: mapPastedRange(selection.cells, { topLeft, sheet: selection.sheet }),
  };
}

/**
 * Writes the mapped table as the implementer's canonical sheet (an existing one is kept as a backup) and lists it
 * on Seaded; in a workbook without a plan, writes the canonical sheets around it.
 */
export async function importSelection(
  port: Pick<WorkbookPort, "readWorkbook" | "writeWorkbook">,
  preview: SelectionPreview,
  chosen: RangeImplementer,
): Promise<SelectionImport> {
  const implementer = rangeMappingToImplementer(preview.mapping, chosen);
  const sheets = await port.readWorkbook();
  const plan = planOrNull(sheets)?.plan ?? null;
  return plan ? addToPlan(port, sheets, plan, implementer) : startPlan(port, sheets, implementer);
}

/** A workbook without a plan: the canonical sheets of a plan of this one schedule. */
async function startPlan(
  port: Pick<WorkbookPort, "writeWorkbook">,
  sheets: RawSheet[],
  implementer: Implementer,
): Promise<SelectionImport> {
  const fresh: ActionPlan = {
    planPeriod: null,
    directive: { number: null, date: null, activityName: null, tat: null },
    implementers: [implementer],
    indicators: [],
  };
  const names = new Set(sheets.map((sheet) => sheet.name));
  const model = planToWorkbook(fresh).workbook;
  const conflicts = Object.fromEntries(
    model.sheets.filter((sheet) => names.has(sheet.name)).map((sheet) => [sheet.name, "replace" as const]),
  );
  const written = await port.writeWorkbook(model, conflicts);
  const schedule = model.sheets.find((sheet) => sheet.kind === "schedule")!;
  return { sheet: written.sheets[schedule.name], backups: written.backups, newWorkbook: true };
}

/** Where an implementer stands on Seaded: its row (1-based) and sheet, or the next free row for a new one. */
function seadedListing(seaded: RawSheet, implementer: Implementer): { row: number; sheet: string | null } {
  const header = seaded.rows.findIndex((row) => row?.[0]?.value === IMPLEMENTER_HEADERS[0]);
  let index = header + 1;
  for (; index < seaded.rows.length && seaded.rows[index]?.[0]?.value; index++) {
    const name = String(seaded.rows[index]?.[0]?.value);
    if (lower(name) === lower(implementer.name))
      return { row: index + 1, sheet: String(seaded.rows[index]?.[2]?.value ?? name) };
  }
  return { row: index + 1, sheet: null };
}

/** Seaded's row of the implementer: its name, role and sheet, and for a new one the rest of the row cleared. */
function listingUpdates(implementer: Implementer, row: number, sheet: string, existing: boolean): CellUpdate[] {
  const text = (column: string, value: string): CellUpdate => ({ cell: `${column}${row}`, value, numFmt: "@" });
  return [
    text("A", implementer.name),
    text("B", implementer.role),
    text("C", sheet),
    ...(existing
      ? []
      : [
          text("D", ""),
          { cell: `E${row}`, value: null },
          { cell: `F${row}`, value: null },
          text("G", implementer.aliases.filter((alias) => alias !== implementer.name).join("; ")),
        ]),
  ];
}

/** A workbook with a plan: an implementer already on Seaded keeps its row and sheet; a new one gets the next ones. */
async function addToPlan(
  port: Pick<WorkbookPort, "writeWorkbook">,
  sheets: RawSheet[],
  plan: ActionPlan,
  implementer: Implementer,
): Promise<SelectionImport> {
  const seaded = sheets.find((sheet) => lower(sheet.name) === lower(SETTINGS_SHEET))!;
  const names = new Set(sheets.map((sheet) => sheet.name));
  const listing = seadedListing(seaded, implementer);
  const existing = listing.sheet !== null;
  const sheetName = listing.sheet ?? scheduleSheetName(implementer, names);
  const single = planToWorkbook({ ...plan, implementers: [implementer] });
  const schedule: SheetModel = {
    ...single.workbook.sheets.find((sheet) => sheet.kind === "schedule")!,
    name: sheetName,
  };
  const cells: CellWrites = {
    sheet: seaded.name,
    updates: listingUpdates(implementer, listing.row, sheetName, existing),
  };
  // The sheet and its row on Seaded in one write: a failure leaves neither, never a sheet Seaded does not list.
  const written = await port.writeWorkbook(
    { sheets: [schedule] },
    existing && names.has(sheetName) ? { [sheetName]: "replace" } : {},
    cells,
  );
  return { sheet: written.sheets[sheetName], backups: written.backups, newWorkbook: false };
}
