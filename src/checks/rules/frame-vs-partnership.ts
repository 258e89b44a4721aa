import { periodEquals } from "../../model/calendar-date";
import { Rule } from "../types";
import { nodeName, nodeNameEn, period } from "../text";

/** A partner row whose overall frame differs from the partner's agreement period in section 1.1. */
export const frameVsPartnership: Rule = {
  meta: {
    id: "frame-vs-partnership",
    severity: "warning",
    category: "dates",
    description: {
      et: "Partneri rea üldajaraam erineb partnerluslepingu perioodist",
      en: "A partner row's overall frame differs from the partnership agreement period",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      const agreement = implementer.partnership;
      if (implementer.role !== "partner" || !agreement) continue;
      for (const node of tree.nodes) {
        const row = node.row;
        if (!row.frame || periodEquals(row.frame, agreement)) continue;
        report({
          column: "frameStart",
          implementer,
          row,
          message: `Rea ${nodeName(node)} üldajaraam ${period(row.frame)} erineb partnerluslepingu perioodist ${period(agreement)} (käskkirja punkt 1.1).`,
          messageEn: `The overall frame ${period(row.frame)} of row ${nodeNameEn(node)} differs from the partnership agreement period ${period(agreement)} (section 1.1 of the directive).`,
          expected: period(agreement),
          actual: period(row.frame),
        });
      }
    }
  },
};
