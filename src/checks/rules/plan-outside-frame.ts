import { periodContains } from "../../model/calendar-date";
import { Rule } from "../types";
import { period, rowName, rowNameEn } from "../text";

/** Plan-period dates outside the row's overall frame. */
export const planOutsideFrame: Rule = {
  meta: {
    id: "plan-outside-frame",
    severity: "error",
    category: "dates",
    description: {
      et: "Tegevuskava perioodi kuupäevad on väljaspool tegevuse üldajaraami",
      en: "Plan-period dates outside the row's overall frame",
    },
  },
  check({ implementers }, report) {
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (!row.plan || !row.frame || periodContains(row.frame, row.plan)) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Rea ${rowName(row)} tegevuskava perioodi kuupäevad ${period(row.plan)} ei jää tegevuse üldajaraami ${period(row.frame)}.`,
          messageEn: `The plan-period dates ${period(row.plan)} of row ${rowNameEn(row)} fall outside its overall frame ${period(row.frame)}.`,
          expected: period(row.frame),
          actual: period(row.plan),
        });
      }
    }
  },
};
