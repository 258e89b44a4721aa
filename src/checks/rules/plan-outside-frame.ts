import { periodContains } from "../../model/calendar-date";
import { Rule } from "../types";
import { nodeName, nodeNameEn, period } from "../text";

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
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        if (!row.plan || !row.frame || periodContains(row.frame, row.plan)) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Rea ${nodeName(node)} tegevuskava perioodi kuupäevad ${period(row.plan)} ulatuvad tegevuse üldajaraamist ${period(row.frame)} välja.`,
          messageEn: `The plan-period dates ${period(row.plan)} of row ${nodeNameEn(node)} fall outside its overall frame ${period(row.frame)}.`,
          expected: period(row.frame),
          actual: period(row.plan),
        });
      }
    }
  },
};
