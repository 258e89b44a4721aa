import type { ContainerReading } from "../import/container";
import { ImportError, ImportResult } from "../model/plan";
import { parseDirectiveText } from "../import/text";
import { RawSheet } from "../workbook/model";
import type { WorkbookPort } from "../workbook/port";
import { workbookToPlan } from "../workbook/read-plan";
import { AnyWorkbookPlan, workbookPlanOf } from "./own-workbook";

/**
 * A directive as the officer gives it: its text, a Word document, a PDF, or a signed DigiDoc container (.asice,
 * .bdoc) holding one of those; `choose` names the document in the container to read, else the one with the most
 * schedule rows is. A workbook is read through a port (the open workbook in Excel, a file by the command line's),
 * not here.
 */
export type DocumentSource =
  | { kind: "text"; text: string }
  | { kind: "docx" | "pdf"; bytes: Uint8Array }
  | { kind: "container"; bytes: Uint8Array; name: string; choose?: string };

/** A directive read; from a container, with what it held and its signatures (unverified). */
export interface DocumentReading extends ImportResult {
  container?: ContainerReading;
}

/** Reads a directive's schedules; the Word and PDF importers load on first use (the pane's bundle stays small). */
export async function readDocument(source: DocumentSource): Promise<DocumentReading> {
  switch (source.kind) {
    case "container": {
      const { readContainer } = await import(/* webpackChunkName: "import-container" */ "../import/container");
      const { result, container } = await readContainer(source.bytes, source.name, readDocument, source.choose);
      return { ...result, container };
    }
    case "text":
      return parseDirectiveText(source.text);
    case "docx": {
      const { importDocx } = await import(/* webpackChunkName: "import-docx" */ "../import/docx/import-docx");
      return importDocx(source.bytes);
    }
    case "pdf": {
      const { importPdf } = await import(/* webpackChunkName: "import-pdf" */ "../import/pdf/import-pdf");
      return importPdf(source.bytes);
    }
  }
}

/** The plan the workbook holds, and its sheets as read (for the cells a use case rewrites). */
export interface WorkbookPlan {
  result: ImportResult;
  sheets: RawSheet[];
}

/** Reads the plan back from the workbook; throws ImportError when it holds no tat-budget plan. */
export async function readWorkbookPlan(port: Pick<WorkbookPort, "readWorkbook">): Promise<WorkbookPlan> {
  const sheets = await port.readWorkbook();
  return { result: workbookToPlan(sheets), sheets };
}

/**
 * The plan of any workbook: ours read back, or the officer's own schedule tables sheet by sheet (`tables` says where
 * they stand). Throws ImportError only when no sheet holds a schedule table.
 */
export async function readAnyWorkbookPlan(
  port: Pick<WorkbookPort, "readWorkbook">,
): Promise<AnyWorkbookPlan & { sheets: RawSheet[] }> {
  const sheets = await port.readWorkbook();
  return { ...workbookPlanOf(sheets), sheets };
}

/** As `readWorkbookPlan`, but null for a workbook without a plan (no Seaded sheet): a fresh workbook. */
export function planOrNull(sheets: RawSheet[]): ImportResult | null {
  try {
    return workbookToPlan(sheets);
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}
