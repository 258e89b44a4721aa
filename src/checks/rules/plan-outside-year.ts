import { periodContains } from "../../model/calendar-date";
import { Rule } from "../types";
import { period, rowName, rowNameEn } from "../text";

/** Plan-period dates outside the plan year. */
export const planOutsideYear: Rule = {
  meta: {
    id: "plan-outside-year",
    severity: "error",
    category: "dates",
    description: {
      et: "Tegevuskava perioodi kuupäevad on väljaspool tegevuskava aastat",
      en: "Plan-period dates outside the plan year",
    },
  },
  check({ plan, implementers }, report) {
    const year = plan.planPeriod;
    if (!year) return;
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (!row.plan || periodContains(year, row.plan)) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Rea ${rowName(row)} tegevuskava perioodi kuupäevad ${period(row.plan)} ei jää tegevuskava perioodi ${period(year)}.`,
          messageEn: `The plan-period dates ${period(row.plan)} of row ${rowNameEn(row)} fall outside the plan period ${period(year)}.`,
          expected: period(year),
          actual: period(row.plan),
        });
      }
    }
  },
};
