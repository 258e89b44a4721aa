import { PlanAnalysis, analyse } from "../checks/analyse";
import type { Finding } from "../checks/types";
import { ActionPlan } from "../model/plan";
import { locateFindings } from "../workbook/layout";
import { SheetTable, placeOnTables } from "./own-workbook";

/**
 * The plan analysed once for an operation: trees, totals and findings, each finding with its cell where the plan
 * came from a workbook. Every use case calls this once and hands the result on. `tables`: the plan was read from the
 * officer's own workbook, whose tables stand where the officer put them (not in our layout).
 */
export function analysePlan(plan: ActionPlan, tables?: readonly SheetTable[] | null): PlanAnalysis {
  const analysis = analyse(plan);
  const findings = tables
    ? withoutLines(placeOnTables(analysis.check.findings, tables))
    : locateFindings(analysis.check.findings);
  return { ...analysis, check: { ...analysis.check, findings } };
}

/**
 * On the officer's own sheets a row's "line" is its sheet row, which the cell now says: a finding placed there keeps
 * no line, as on our own sheets, so that nothing shows a number that is not a line of a document.
 */
function withoutLines(findings: Finding[]): Finding[] {
  return findings.map((finding) =>
    finding.position.sheet && finding.position.line !== null
      ? { ...finding, position: { ...finding.position, line: null } }
      : finding,
  );
}
