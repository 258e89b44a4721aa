import { codeGap } from "./rules/code-gap";
import { duplicateCode } from "./rules/duplicate-code";
import { frameVsPartnership } from "./rules/frame-vs-partnership";
import { indicatorTargetDecrease } from "./rules/indicator-target-decrease";
import { invalidAmount } from "./rules/invalid-amount";
import { invalidDate } from "./rules/invalid-date";
import { missingFrame } from "./rules/missing-frame";
import { missingPersonnel } from "./rules/missing-personnel";
import { missingPlanPeriod } from "./rules/missing-plan-period";
import { missingResponsible } from "./rules/missing-responsible";
import { missingSection } from "./rules/missing-section";
import { narrativeWithoutRow } from "./rules/narrative-without-row";
import { parentOverridden } from "./rules/parent-overridden";
import { mixedNumberFormat } from "./rules/mixed-number-format";
import { periodReversed } from "./rules/period-reversed";
import { planOutsideFrame } from "./rules/plan-outside-frame";
import { planOutsideYear } from "./rules/plan-outside-year";
import { rowWithoutNarrative } from "./rules/row-without-narrative";
import { responsibleMismatch } from "./rules/responsible-mismatch";
import { sumMismatch } from "./rules/sum-mismatch";
import { totalMismatch } from "./rules/total-mismatch";
import { Rule } from "./types";

/** The catalogue, in the order findings of equal place are listed: money first, then codes, dates, parties. */
export const RULES: readonly Rule[] = [
  sumMismatch,
  totalMismatch,
  parentOverridden,
  duplicateCode,
  invalidAmount,
  invalidDate,
  periodReversed,
  planOutsideYear,
  planOutsideFrame,
  frameVsPartnership,
  missingFrame,
  missingPlanPeriod,
  missingResponsible,
  responsibleMismatch,
  missingSection,
  missingPersonnel,
  narrativeWithoutRow,
  rowWithoutNarrative,
  indicatorTargetDecrease,
  codeGap,
  mixedNumberFormat,
];
