import type { PlanAnalysis } from "../checks/analyse";
import type { CheckResult } from "../checks/engine";
import type { Severity } from "../checks/types";
import { ImportResult } from "../model/plan";
import type { WorkbookPort } from "../workbook/port";
import { analysePlan } from "./analyse";
import { workbookPlanOf } from "./own-workbook";

export interface CheckOutcome {
  result: CheckResult;
  /** Import diagnostics of reading the workbook back (a cell that is not a number, a missing sheet). */
  diagnostics: ImportResult["diagnostics"];
  marked: number;
}

/**
 * Reads the plan from the workbook, analyses it once, and with `mark` colours the findings' cells, reading and
 * marking in one go (`readAndMark`: 3 syncs in Excel). A workbook without our sheets is read for the officer's own
 * schedule tables (`workbookPlanOf`); one without any throws before anything is marked.
 */
export async function checkWorkbook(
  port: Pick<WorkbookPort, "readWorkbook" | "readAndMark">,
  options: { mark: boolean },
): Promise<CheckOutcome & { analysis: PlanAnalysis }> {
  if (!options.mark) {
    const { result, tables } = workbookPlanOf(await port.readWorkbook());
    const analysis = analysePlan(result.plan, tables);
    return { analysis, result: analysis.check, diagnostics: result.diagnostics, marked: 0 };
  }
  let found: { analysis: PlanAnalysis; result: ImportResult } | null = null;
  const { marked } = await port.readAndMark((sheets) => {
    const { result, tables } = workbookPlanOf(sheets);
    const analysis = analysePlan(result.plan, tables);
    found = { analysis, result };
    return analysis.check.findings;
  });
  const { analysis, result } = found!;
  return { analysis, result: analysis.check, diagnostics: result.diagnostics, marked };
}

/** The ribbon's "Kontrolli": check, mark, and the counts for its notice. */
export interface CommandCheckOutcome {
  counts: Record<Severity, number>;
  marked: number;
}

export async function checkAndMark(
  port: Pick<WorkbookPort, "readWorkbook" | "readAndMark">,
): Promise<CommandCheckOutcome> {
  const { result, marked } = await checkWorkbook(port, { mark: true });
  return { counts: result.counts, marked };
}

export function clearMarks(port: Pick<WorkbookPort, "clearMarks">): Promise<number> {
  return port.clearMarks();
}
