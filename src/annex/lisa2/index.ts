import { ActionPlan } from "../../model/plan";
import { WorkbookModel } from "../../workbook/model";
import { planToWorkbook } from "../../workbook/write-plan";
import { Lisa2, Lisa2Options, buildLisa2 } from "./budget";
import { lisa2Sheets, scheduleCellsOf } from "./sheet";

export * from "./budget";
export { lisa2Sheets, scheduleCellsOf } from "./sheet";

/** A new workbook: the canonical sheets of the plan, then lisa 2's sheets with formulas on them. */
export function planWithLisa2Workbook(
  plan: ActionPlan,
  options: Lisa2Options = {},
): { workbook: WorkbookModel; lisa2: Lisa2 } {
  const rate = options.indirectRatePercent !== undefined ? options.indirectRatePercent : plan.indirectRatePercent;
  const withRate: ActionPlan = { ...plan, indirectRatePercent: rate ?? null };
  const { workbook, schedules } = planToWorkbook(withRate);
  const lisa2 = buildLisa2(withRate);
  const sheets = lisa2Sheets(lisa2, scheduleCellsOf(withRate, schedules));
  return { workbook: { sheets: [...workbook.sheets, sheets.budget, sheets.matrix] }, lisa2 };
}

/** Lisa 2's sheets for a plan read from its workbook: the formulas name the cells the rows were read from. */
export function lisa2SheetsForWorkbook(
  plan: ActionPlan,
  options: Lisa2Options = {},
): { workbook: WorkbookModel; lisa2: Lisa2 } {
  const lisa2 = buildLisa2(plan, options);
  const sheets = lisa2Sheets(lisa2, scheduleCellsOf(plan));
  return { workbook: { sheets: [sheets.budget, sheets.matrix] }, lisa2 };
}
