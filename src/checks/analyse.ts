import { ActionPlan } from "../model/plan";
import { ImplementerTotals, implementerTotals } from "../model/totals";
import { CheckResult, runChecks } from "./engine";
import { RULES } from "./catalogue";
import { Rule } from "./types";

/**
 * The plan analysed once: each implementer's tree and totals, and the findings of every rule. An operation
 * computes it once and hands it on (to the report, the marks, lisa 2, the roll-up formulas), so nothing downstream
 * builds a tree or runs the checks again.
 */
export interface PlanAnalysis {
  plan: ActionPlan;
  /** By implementer, in the plan's order. */
  implementers: ImplementerTotals[];
  check: CheckResult;
}

export function analyse(plan: ActionPlan, rules: readonly Rule[] = RULES): PlanAnalysis {
  const implementers = implementerTotals(plan);
  return { plan, implementers, check: runChecks(plan, rules, implementers) };
}
