import { Lisa2, Lisa2Options, lisa2SheetsForWorkbook } from "../annex/lisa2";
import { CheckResult, RULES, runChecks } from "../checks";
import { Finding } from "../checks/types";
import { RangeImplementer, RangeMapping, mapPastedRange, rangeMappingToImplementer } from "../import/range/map-range";
import { refuseRangeIfTooLarge } from "../import/limits";
import { parseDirectiveText } from "../import/text";
import { Money } from "../model/money";
import { ActionPlan, ImportError, ImportResult } from "../model/plan";
import { RawCell, RawSheet, WorkbookModel } from "../workbook/model";
import type { CellWrites, RewriteResult, SheetConflict, WriteResult } from "../workbook/office/office-adapter";
import { workbookToPlan } from "../workbook/read-plan";
import { rollupFormulas } from "../workbook/rollups";
import { CellUpdate, PlanSettings, settingsCellUpdates, settingsOf } from "../workbook/settings";
import { planToWorkbook } from "../workbook/write-plan";
import { SETTINGS_SHEET, parseCellAddress, scheduleSheetName } from "../workbook/layout";
import { IMPLEMENTER_HEADERS } from "../workbook/write-plan";

/**
 * What the task pane does, in the domain's words, over a workbook port: the Office adapter in Excel, the same
 * adapter over the Excel fake in the preview and the tests. Components receive these as props and never touch
 * Office, so they test without Excel.
 */

/** The adapter operations the pane uses; `OfficeWorkbookAdapter` has them all. */
export interface WorkbookPort {
  listSheets(): Promise<string[]>;
  /** `cells` are written in the same batch as the sheets: both land, or neither. */
  writeWorkbook(
    model: WorkbookModel,
    conflicts?: Record<string, SheetConflict>,
    cells?: CellWrites,
  ): Promise<WriteResult>;
  readWorkbook(): Promise<RawSheet[]>;
  markFindings(findings: Finding[]): Promise<number>;
  clearMarks(): Promise<number>;
  rewriteFormulas(formulas: Array<{ sheet: string; cell: string; formula: string }>): Promise<RewriteResult>;
  goTo(position: { sheet?: string; cell?: string }): Promise<void>;
  writeAnnexSheets(model: WorkbookModel): Promise<{ sheets: string[]; replaced: string[] }>;
  writeCells(sheet: string, updates: CellUpdate[]): Promise<void>;
  /** `refuse` sees how many cells would be read, before they are, and may throw. */
  readSelection(
    refuse?: (cells: number) => void,
  ): Promise<{ sheet: string; address: string; cells: Array<Array<RawCell | null>> }>;
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

export interface ImportPreview {
  result: ImportResult;
  /** The sheets the import would write, and those of them already in the workbook. */
  sheets: string[];
  conflicts: string[];
}

export interface CheckOutcome {
  result: CheckResult;
  /** Import diagnostics of reading the workbook back (a cell that is not a number, a missing sheet). */
  diagnostics: ImportResult["diagnostics"];
  marked: number;
}

export interface RecalcOutcome {
  formulas: number;
  changed: Array<{ sheet: string; cell: string; before: string | null; after: string }>;
  backup: string | null;
}

export interface Lisa2Outcome {
  lisa2: Lisa2;
  sheets: string[];
  replaced: string[];
}

export interface PaneServices {
  /** Reads a directive's text; nothing is written. Throws ImportError on text without schedules. */
  previewText(text: string): Promise<ImportPreview>;
  importPlan(preview: ImportPreview, conflicts: Record<string, SheetConflict>): Promise<WriteResult>;
  /** Reads a Word or PDF document's schedule tables; nothing is written. The importers load on first use. */
  previewDocument(kind: "docx" | "pdf", bytes: Uint8Array): Promise<ImportPreview>;
  /** Maps the selected range (a schedule table pasted from Word or PDF); nothing is written. */
  previewSelection(): Promise<SelectionPreview>;
  /**
   * Writes the mapped table as the implementer's canonical sheet (an existing one is kept as a backup) and lists it
   * on Seaded; in a workbook without a plan, writes the canonical sheets around it.
   */
  importSelection(preview: SelectionPreview, implementer: RangeImplementer): Promise<SelectionImport>;
  check(options: { mark: boolean }): Promise<CheckOutcome>;
  clearMarks(): Promise<number>;
  goTo(position: { sheet?: string; cell?: string }): Promise<void>;
  recalc(): Promise<RecalcOutcome>;
  generateLisa2(rate: Money | null): Promise<Lisa2Outcome>;
  /** Lisa 2 as a Word document; the docx library is loaded on first use. */
  lisa2Docx(rate: Money | null): Promise<Uint8Array>;
  readSettings(): Promise<PlanSettings>;
  writeSettings(settings: PlanSettings): Promise<void>;
}

export function createPaneServices(port: WorkbookPort): PaneServices {
  const readPlan = async (): Promise<{ result: ImportResult; sheets: RawSheet[] }> => {
    const sheets = await port.readWorkbook();
    return { result: workbookToPlan(sheets), sheets };
  };
  const lisa2Options = (rate: Money | null): Lisa2Options => ({ indirectRatePercent: rate });
  const previewOf = async (result: ImportResult): Promise<ImportPreview> => {
    const { workbook } = planToWorkbook(result.plan);
    const sheets = workbook.sheets.map((sheet) => sheet.name);
    const existing = new Set((await port.listSheets()).map((name) => name.toLocaleLowerCase("et")));
    return { result, sheets, conflicts: sheets.filter((name) => existing.has(name.toLocaleLowerCase("et"))) };
  };

  return {
    previewText: (text) => previewOf(parseDirectiveText(text)),

    async previewDocument(kind, bytes) {
      if (kind === "docx") {
        const { importDocx } = await import(/* webpackChunkName: "import-docx" */ "../import/docx/import-docx");
        return previewOf(await importDocx(bytes));
      }
      const { importPdf } = await import(/* webpackChunkName: "import-pdf" */ "../import/pdf/import-pdf");
      return previewOf(await importPdf(bytes));
    },

    importPlan(preview, conflicts) {
      return port.writeWorkbook(planToWorkbook(preview.result.plan).workbook, conflicts);
    },

    async check({ mark }) {
      const { result } = await readPlan();
      const checked = runChecks(result.plan, RULES);
      const marked = mark ? await port.markFindings(checked.findings) : 0;
      return { result: checked, diagnostics: result.diagnostics, marked };
    },

    async previewSelection() {
      const selection = await port.readSelection(refuseRangeIfTooLarge);
      const topLeft = selection.address.split(":")[0];
      return {
        sheet: selection.sheet,
        address: selection.address,
        mapping: mapPastedRange(selection.cells, { topLeft, sheet: selection.sheet }),
      };
    },

    async importSelection(preview, chosen) {
      const implementer = rangeMappingToImplementer(preview.mapping, chosen);
      const sheets = await port.readWorkbook();
      let plan: ActionPlan | null = null;
      try {
        plan = workbookToPlan(sheets).plan;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
      }
      const names = new Set(sheets.map((sheet) => sheet.name));
      if (!plan) {
        const fresh: ActionPlan = {
          planPeriod: null,
          directive: { number: null, date: null, activityName: null, tat: null },
          implementers: [implementer],
          indicators: [],
        };
        const model = planToWorkbook(fresh).workbook;
        const conflicts = Object.fromEntries(
          model.sheets.filter((sheet) => names.has(sheet.name)).map((sheet) => [sheet.name, "replace" as const]),
        );
        const written = await port.writeWorkbook(model, conflicts);
        const schedule = model.sheets.find((sheet) => sheet.kind === "schedule")!;
        return { sheet: written.sheets[schedule.name], backups: written.backups, newWorkbook: true };
      }
      // An implementer already on Seaded keeps its row and sheet; a new one gets the next row and a free name.
      const seaded = sheets.find(
        (sheet) => sheet.name.toLocaleLowerCase("et") === SETTINGS_SHEET.toLocaleLowerCase("et"),
      )!;
      const header = seaded.rows.findIndex((row) => row?.[0]?.value === IMPLEMENTER_HEADERS[0]);
      let row = header + 1;
      let sheetName: string | null = null;
      for (; row < seaded.rows.length && seaded.rows[row]?.[0]?.value; row++) {
        const name = String(seaded.rows[row]?.[0]?.value);
        if (name.toLocaleLowerCase("et") === implementer.name.toLocaleLowerCase("et")) {
          sheetName = String(seaded.rows[row]?.[2]?.value ?? name);
          break;
        }
      }
      const existing = sheetName !== null;
      sheetName ??= scheduleSheetName(implementer, names);
      const single = planToWorkbook({ ...plan, implementers: [implementer] });
      const schedule = { ...single.workbook.sheets.find((sheet) => sheet.kind === "schedule")!, name: sheetName };
      const sheetRow = row + 1;
      // The sheet and its row on Seaded in one write: a failure leaves neither, never a sheet Seaded does not list.
      const written = await port.writeWorkbook(
        { sheets: [schedule] },
        existing && names.has(sheetName) ? { [sheetName]: "replace" } : {},
        {
          sheet: seaded.name,
          updates: [
            { cell: `A${sheetRow}`, value: implementer.name, numFmt: "@" },
            { cell: `B${sheetRow}`, value: implementer.role, numFmt: "@" },
            { cell: `C${sheetRow}`, value: sheetName, numFmt: "@" },
            ...(existing
              ? []
              : [
                  { cell: `D${sheetRow}`, value: "", numFmt: "@" },
                  { cell: `E${sheetRow}`, value: null },
                  { cell: `F${sheetRow}`, value: null },
                  {
                    cell: `G${sheetRow}`,
                    value: implementer.aliases.filter((alias) => alias !== implementer.name).join("; "),
                    numFmt: "@",
                  },
                ]),
          ],
        },
      );
      return { sheet: written.sheets[sheetName], backups: written.backups, newWorkbook: false };
    },

    clearMarks: () => port.clearMarks(),
    goTo: (position) => port.goTo(position),

    async recalc() {
      const { result, sheets } = await readPlan();
      const formulaAt = (sheet: string, cell: string) => {
        const at = parseCellAddress(cell);
        const raw = sheets.find((candidate) => candidate.name === sheet);
        return at && raw ? (raw.rows[at.row - 1]?.[at.column]?.formula ?? null) : null;
      };
      const formulas = rollupFormulas(result.plan, formulaAt);
      const normal = (formula: string | null) => (formula === null ? null : formula.replace(/^=/, ""));
      const changed = formulas
        .filter((formula) => normal(formula.previousFormula) !== formula.formula)
        .map((formula) => ({
          sheet: formula.sheet,
          cell: formula.cell,
          before: normal(formula.previousFormula),
          after: formula.formula,
        }));
      const rewrite =
        changed.length > 0
          ? await port.rewriteFormulas(changed.map(({ sheet, cell, after }) => ({ sheet, cell, formula: after })))
          : null;
      return { formulas: formulas.length, changed, backup: rewrite?.backup ?? null };
    },

    async generateLisa2(rate) {
      const { result } = await readPlan();
      const generated = lisa2SheetsForWorkbook(result.plan, lisa2Options(rate));
      const written = await port.writeAnnexSheets(generated.workbook);
      return { lisa2: generated.lisa2, ...written };
    },

    async lisa2Docx(rate) {
      const { result } = await readPlan();
      const [{ buildLisa2 }, { lisa2DocxBytes }] = await Promise.all([
        import("../annex/lisa2/budget"),
        import(/* webpackChunkName: "docx" */ "../annex/lisa2/docx"),
      ]);
      return lisa2DocxBytes(buildLisa2(result.plan, lisa2Options(rate)));
    },

    async readSettings() {
      return settingsOf((await readPlan()).result.plan);
    },

    async writeSettings(settings) {
      const sheets = await port.readWorkbook();
      const seaded = sheets.find(
        (sheet) => sheet.name.toLocaleLowerCase("et") === SETTINGS_SHEET.toLocaleLowerCase("et"),
      );
      if (!seaded) throw new Error(`Töövihikus puudub leht „${SETTINGS_SHEET}“: importige käskkiri esmalt.`);
      await port.writeCells(seaded.name, settingsCellUpdates(seaded, settings));
    },
  };
}
