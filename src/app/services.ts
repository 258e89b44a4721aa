import { RangeImplementer } from "../import/range/map-range";
import { Money } from "../model/money";
import type { SheetConflict, WorkbookPort, WriteResult } from "../workbook/port";
import { PlanSettings } from "../workbook/settings";
import {
  Edit,
  EditApplied,
  EditPreview,
  EditableImplementer,
  applyEdit,
  editableRows,
  previewEdit,
  rowAtSelection,
} from "./authoring";
import { CheckOutcome, checkWorkbook, clearMarks } from "./check";
import { ChangesWritten, WorkbookComparison, changesDocxBytes, compareWorkbookWith, writeChanges } from "./compare";
import {
  ImportPreview,
  SelectionImport,
  SelectionPreview,
  importPlan,
  importSelection,
  previewImport,
  previewSelection,
} from "./import";
import { Lisa2Outcome, generateLisa2, lisa2DocxOfWorkbook } from "./lisa2";
import { RecalcOutcome, recalc } from "./recalc";
import { DocumentSource } from "./read";
import { readSettings, writeSettings } from "./settings";
import type { PlanComparison } from "../model/compare";
import type { ActionPlan } from "../model/plan";

/**
 * The use cases bound to one workbook, as the task pane's components take them (props, so that they test without
 * Office). Each method is one use case of this folder; nothing here does work of its own.
 */
export interface WorkbookServices {
  /** Reads a directive's text; nothing is written. Throws ImportError on text without schedules. */
  previewText(text: string): Promise<ImportPreview>;
  /**
   * Reads a Word or PDF document's schedule tables, or those of the document in a DigiDoc container (`name` is the
   * container's file name; `choose` the document in it, else the one with the most schedule rows); nothing is
   * written. The importers load on first use.
   */
  previewDocument(
    kind: "docx" | "pdf" | "container",
    bytes: Uint8Array,
    options?: { name?: string; choose?: string },
  ): Promise<ImportPreview>;
  importPlan(preview: ImportPreview, conflicts: Record<string, SheetConflict>): Promise<WriteResult>;
  /** Maps the selected range (a schedule table pasted from Word or PDF); nothing is written. */
  previewSelection(): Promise<SelectionPreview>;
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
  /** The implementers and their coded rows, to choose what to edit. */
  editableRows(): Promise<EditableImplementer[]>;
  /** The schedule row under Excel's selection, or null. */
  selectedRow(implementers: readonly EditableImplementer[]): Promise<{ implementer: string; code: string } | null>;
  /** Works an edit out on the workbook's plan; nothing is written. Throws EditRefusedError with the reason. */
  previewEdit(edit: Edit): Promise<EditPreview>;
  /** Writes a previewed edit, all of it or nothing. */
  applyEdit(preview: EditPreview): Promise<EditApplied>;
  /** The open workbook's plan against its approved version (text, Word, PDF, container); nothing is written. */
  compareWith(source: DocumentSource): Promise<WorkbookComparison>;
  /** Writes the Muudatused sheet against the approved plan; with `mark`, marks the changed cells too. */
  writeChanges(approved: ActionPlan, options: { mark: boolean }): Promise<ChangesWritten>;
  /** The change table as a Word document; the docx library is loaded on first use. */
  changesDocx(comparison: PlanComparison): Promise<Uint8Array>;
}

const pick = (choose: string | undefined) => (choose === undefined ? {} : { choose });

/** Only the selection's address is needed: a selection larger than this is not read cell by cell. */
const SELECTION_CELLS_READ = 2_000;

export function workbookServices(port: WorkbookPort): WorkbookServices {
  return {
    previewText: (text) => previewImport(port, { kind: "text", text }),
    previewDocument: (kind, bytes, options = {}) =>
      previewImport(
        port,
        kind === "container"
          ? { kind, bytes, name: options.name ?? "konteiner.asice", ...pick(options.choose) }
          : { kind, bytes },
      ),
    importPlan: (preview, conflicts) => importPlan(port, preview, conflicts),
    previewSelection: () => previewSelection(port),
    importSelection: (preview, implementer) => importSelection(port, preview, implementer),
    check: (options) => checkWorkbook(port, options),
    clearMarks: () => clearMarks(port),
    goTo: (position) => port.goTo(position),
    recalc: () => recalc(port),
    generateLisa2: (rate) => generateLisa2(port, rate),
    lisa2Docx: (rate) => lisa2DocxOfWorkbook(port, rate),
    readSettings: () => readSettings(port),
    writeSettings: (settings) => writeSettings(port, settings),
    editableRows: () => editableRows(port),
    selectedRow: async (implementers) => {
      let tooMany = false;
      const selection = await port
        .readSelection((cells) => {
          if (cells > SELECTION_CELLS_READ) {
            tooMany = true;
            throw new RangeError("selection too large");
          }
        })
        .catch((error: unknown) => {
          if (tooMany) return null;
          throw error;
        });
      return selection ? rowAtSelection(implementers, selection) : null;
    },
    previewEdit: (edit) => previewEdit(port, edit),
    applyEdit: (preview) => applyEdit(port, preview),
    compareWith: (source) => compareWorkbookWith(port, source),
    writeChanges: (approved, options) => writeChanges(port, approved, options),
    changesDocx: (comparison) => changesDocxBytes(comparison),
  };
}
