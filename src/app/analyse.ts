import { PlanAnalysis, analyse } from "../checks/analyse";
import { ActionPlan } from "../model/plan";
import { locateFindings } from "../workbook/layout";

/**
 * The plan analysed once for an operation: trees, totals and findings, each finding with its cell where the plan
 * came from a workbook. Every use case calls this once and hands the result on.
 */
export function analysePlan(plan: ActionPlan): PlanAnalysis {
  const analysis = analyse(plan);
  return { ...analysis, check: { ...analysis.check, findings: locateFindings(analysis.check.findings) } };
}
