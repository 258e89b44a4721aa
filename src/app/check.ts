import type { PlanAnalysis } from "../checks/analyse";
import type { CheckResult } from "../checks/engine";
import type { Severity } from "../checks/types";
import { ImportResult } from "../model/plan";
import type { WorkbookPort } from "../workbook/port";
import { analysePlan } from "./analyse";
import { readWorkbookPlan } from "./read";
import { workbookToPlan } from "../workbook/read-plan";

export interface CheckOutcome {
  result: CheckResult;
  /** Import diagnostics of reading the workbook back (a cell that is not a number, a missing sheet). */
  diagnostics: ImportResult["diagnostics"];
  marked: number;
}

/**
 * Reads the plan from the workbook, analyses it once, and with `mark` colours the findings' cells, reading and
 * marking in one go (`readAndMark`: 3 syncs in Excel). A workbook without a plan throws before anything is marked.
 */
export async function checkWorkbook(
  port: Pick<WorkbookPort, "readWorkbook" | "readAndMark">,
  options: { mark: boolean },
): Promise<CheckOutcome & { analysis: PlanAnalysis }> {
  if (!options.mark) {
    const { result } = await readWorkbookPlan(port);
    const analysis = analysePlan(result.plan);
    return { analysis, result: analysis.check, diagnostics: result.diagnostics, marked: 0 };
  }
  let found: { analysis: PlanAnalysis; result: ReturnType<typeof workbookToPlan> } | null = null;
  const { marked } = await port.readAndMark((sheets) => {
    const result = workbookToPlan(sheets);
    const analysis = analysePlan(result.plan);
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
