import { CalendarDate } from "../../app";
import type { Period } from "../../app";
import type { Messages } from "../i18n";

/** A period as the officer types it: each end dd.mm.yyyy. */
export interface PeriodText {
  start: string;
  end: string;
}

export const dateText = (date: CalendarDate | null | undefined): string => (date ? date.toEstonian() : "");

export const periodText = (period: Period | null | undefined): PeriodText => ({
  start: dateText(period?.start),
  end: dateText(period?.end),
});

/** A date field's problem, or null: empty is allowed (not set), anything else must be a real dd.mm.yyyy date. */
export function dateProblem(text: string, t: Messages): string | null {
  if (text.trim() === "") return null;
  return CalendarDate.parseEstonian(text) ? null : t.dateInvalid;
}

/** The period typed: null when both ends are empty (none), undefined when it is not a period. */
export function periodOf(start: string, end: string): Period | null | undefined {
  if (start.trim() === "" && end.trim() === "") return null;
  const from = CalendarDate.parseEstonian(start);
  const to = CalendarDate.parseEstonian(end);
  if (!from || !to || from.compare(to) > 0) return undefined;
  return { start: from, end: to };
}

export function periodProblem(start: string, end: string, t: Messages): string | null {
  const problem = dateProblem(start, t) ?? dateProblem(end, t);
  if (problem) return problem;
  if ((start.trim() === "") !== (end.trim() === "")) return t.dateInvalid;
  return periodOf(start, end) === undefined ? t.periodReversed : null;
}

/** The problem to show under a period's end field: the start field shows its own, so it is not repeated here. */
export function endProblem(start: string, end: string, t: Messages): string | null {
  return dateProblem(end, t) ?? (dateProblem(start, t) ? null : periodProblem(start, end, t));
}
