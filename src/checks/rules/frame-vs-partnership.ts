import { periodEquals } from "../../model/calendar-date";
import { Rule } from "../types";
import { period, rowName, rowNameEn } from "../text";

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
    for (const { implementer } of implementers) {
      const agreement = implementer.partnership;
      if (implementer.role !== "partner" || !agreement) continue;
      for (const row of implementer.rows) {
        if (!row.frame || periodEquals(row.frame, agreement)) continue;
        report({
          column: "frameStart",
          implementer,
          row,
          message: `Rea ${rowName(row)} üldajaraam ${period(row.frame)} erineb partnerluslepingu perioodist ${period(agreement)} (punkt 1.1).`,
          messageEn: `The overall frame ${period(row.frame)} of row ${rowNameEn(row)} differs from the partnership agreement period ${period(agreement)} (section 1.1).`,
          expected: period(agreement),
          actual: period(row.frame),
        });
      }
    }
  },
};
