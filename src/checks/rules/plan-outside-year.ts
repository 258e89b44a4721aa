import { periodContains } from "../../model/calendar-date";
import { Rule } from "../types";
import { nodeName, nodeNameEn, period } from "../text";

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
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        if (!row.plan || periodContains(year, row.plan)) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Rea ${nodeName(node)} tegevuskava perioodi kuupäevad ${period(row.plan)} ulatuvad tegevuskava aastast ${period(year)} välja.`,
          messageEn: `The plan-period dates ${period(row.plan)} of row ${nodeNameEn(node)} fall outside the plan year ${period(year)}.`,
          expected: period(year),
          actual: period(row.plan),
        });
      }
    }
  },
};
