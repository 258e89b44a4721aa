export { RULES } from "./catalogue";
export { analyse } from "./analyse";
export type { PlanAnalysis } from "./analyse";
export { runChecks, groupFindings } from "./engine";
export type { CheckResult, FindingGroup } from "./engine";
export type { Finding, Rule, RuleMeta, Severity } from "./types";
