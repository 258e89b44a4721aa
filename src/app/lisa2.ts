import { Lisa2, Lisa2Options, buildLisa2 } from "../annex/lisa2/budget";
import type { PlanAnalysis } from "../checks/analyse";
import { Money } from "../model/money";
import { ActionPlan } from "../model/plan";
import { lisa2Sheets, scheduleCellsOf } from "../workbook/lisa2-sheets";
import { WorkbookModel } from "../workbook/model";
import type { AnnexResult, WorkbookPort, WriteResult } from "../workbook/port";
import { planToWorkbook } from "../workbook/write-plan";
import { analysePlan } from "./analyse";
import { readWorkbookPlan } from "./read";

export interface Lisa2Outcome extends AnnexResult {
  lisa2: Lisa2;
}

/** The rate chosen for lisa 2: a number overrides Seaded's, null is "no indirect costs"; undefined keeps Seaded's. */
const optionsOf = (rate: Money | null | undefined): Lisa2Options =>
  rate === undefined ? {} : { indirectRatePercent: rate };

/**
 * A new workbook: the canonical sheets of the analysed plan, then lisa 2's sheets with formulas on them. The rate
 * of `options` (or the plan's own) is written to Seaded too, so that the workbook regenerates the same annex.
 */
export function planWithLisa2Workbook(
  analysis: PlanAnalysis,
  options: Lisa2Options = {},
): { workbook: WorkbookModel; lisa2: Lisa2 } {
  const { plan } = analysis;
  const rate = options.indirectRatePercent !== undefined ? options.indirectRatePercent : plan.indirectRatePercent;
  const withRate: ActionPlan = { ...plan, indirectRatePercent: rate ?? null };
  const { workbook, schedules } = planToWorkbook(withRate, analysis.implementers);
  const lisa2 = buildLisa2({ ...analysis, plan: withRate }, options);
  const sheets = lisa2Sheets(lisa2, scheduleCellsOf(withRate, schedules));
  return { workbook: { sheets: [...workbook.sheets, sheets.budget, sheets.matrix] }, lisa2 };
}

/** Lisa 2's sheets for a plan read from its workbook: the formulas name the cells the rows were read from. */
export function lisa2SheetsForWorkbook(
  analysis: PlanAnalysis,
  options: Lisa2Options = {},
): { workbook: WorkbookModel; lisa2: Lisa2 } {
  const lisa2 = buildLisa2(analysis, options);
  const sheets = lisa2Sheets(lisa2, scheduleCellsOf(analysis.plan));
  return { workbook: { sheets: [sheets.budget, sheets.matrix] }, lisa2 };
}

/** Lisa 2's sheets from the plan the workbook holds, replacing only the annex sheets. */
export async function generateLisa2(
  port: Pick<WorkbookPort, "readWorkbook" | "writeAnnexSheets">,
  rate?: Money | null,
): Promise<Lisa2Outcome> {
  const { result } = await readWorkbookPlan(port);
  const generated = lisa2SheetsForWorkbook(analysePlan(result.plan), optionsOf(rate));
  const written = await port.writeAnnexSheets(generated.workbook);
  return { lisa2: generated.lisa2, ...written };
}

/** A new workbook from a directive: the canonical sheets and lisa 2 on them, written in one batch. */
export async function writePlanWithLisa2(
  port: Pick<WorkbookPort, "writeWorkbook">,
  analysis: PlanAnalysis,
  rate?: Money | null,
): Promise<{ lisa2: Lisa2; written: WriteResult; sheets: string[] }> {
  const generated = planWithLisa2Workbook(analysis, optionsOf(rate));
  const written = await port.writeWorkbook(generated.workbook);
  return { lisa2: generated.lisa2, written, sheets: generated.workbook.sheets.map((sheet) => sheet.name) };
}

/** Lisa 2 as a Word document; the docx library loads on first use. */
export async function lisa2DocxBytes(lisa2: Lisa2): Promise<Uint8Array> {
  const { lisa2DocxBytes: render } = await import(/* webpackChunkName: "docx" */ "../annex/lisa2/docx");
  return render(lisa2);
}

/** Lisa 2 of the plan the workbook holds, as a Word document. */
export async function lisa2DocxOfWorkbook(
  port: Pick<WorkbookPort, "readWorkbook">,
  rate?: Money | null,
): Promise<Uint8Array> {
  const { result } = await readWorkbookPlan(port);
  return lisa2DocxBytes(buildLisa2(analysePlan(result.plan), optionsOf(rate)));
}
