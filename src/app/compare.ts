import { Period, periodToIso } from "../model/calendar-date";
import { FieldChange, PlanComparison, comparePlans } from "../model/compare";
import { Money, formatMoneyPlain } from "../model/money";
import { ActionPlan } from "../model/plan";
import { changesSheet } from "../workbook/changes-sheet";
import { WorkbookModel } from "../workbook/model";

/**
 * Two versions of a plan compared (the approved one first), for every entry: the command line's `diff` now, the
 * pane's comparison with a chosen file and the Muudatused sheet later.
 */
export function comparePlanVersions(before: ActionPlan, after: ActionPlan): PlanComparison {
  return comparePlans(before, after);
}

const money = (amount: Money | null): string | null => (amount ? formatMoneyPlain(amount) : null);

function fieldValue(value: FieldChange["before"]): unknown {
  if (value === null || typeof value === "string") return value;
  if ("start" in value) return periodToIso(value as Period);
  return formatMoneyPlain(value);
}

/** The comparison as the command line's --json gives it: amounts as decimal strings ("2400.00"), dates ISO. */
export function comparisonToJson(comparison: PlanComparison): unknown {
  return {
    changes: comparison.changes.map((change) => ({
      implementer: change.implementer,
      code: change.code,
      codeBefore: change.codeBefore,
      label: change.label,
      change: change.change,
      fields: change.fields.map((field) => ({
        field: field.field,
        before: fieldValue(field.before),
        after: fieldValue(field.after),
      })),
      amountBefore: money(change.amountBefore),
      amountAfter: money(change.amountAfter),
      difference: formatMoneyPlain(change.difference),
      // What the row adds to the totals' difference: a parent's change is its items' and counts as zero.
      counted: formatMoneyPlain(change.countedDifference),
    })),
    implementers: comparison.implementers,
    totals: comparison.totals.map((total) => ({
      implementer: total.implementer,
      before: money(total.before),
      after: money(total.after),
      difference: formatMoneyPlain(total.difference),
    })),
    grandTotal: {
      before: formatMoneyPlain(comparison.grandTotal.before),
      after: formatMoneyPlain(comparison.grandTotal.after),
      difference: formatMoneyPlain(comparison.grandTotal.difference),
    },
    partnerships: comparison.partnerships.map((change) => ({
      implementer: change.implementer,
      before: periodToIso(change.before),
      after: periodToIso(change.after),
    })),
    indicators: comparison.indicators,
  };
}

/** The Muudatused sheet alone, as a workbook to write: the change table and the totals' table below it. */
export function changesWorkbook(comparison: PlanComparison): WorkbookModel {
  return { sheets: [changesSheet(comparison)] };
}

/** The change table and the totals' table as a Word document; docx loads on first use. */
export async function changesDocxBytes(comparison: PlanComparison): Promise<Uint8Array> {
  const { changesDocxBytes: render } = await import(/* webpackChunkName: "docx" */ "../annex/changes/docx");
  return render(comparison);
}
