import { Rule } from "../types";
import { rowName, rowNameEn } from "../text";

/** A row without plan-period dates. */
export const missingPlanPeriod: Rule = {
  meta: {
    id: "missing-plan-period",
    severity: "warning",
    category: "dates",
    description: {
      et: "Real puuduvad tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
      en: "A row without plan-period dates",
    },
  },
  check({ implementers }, report) {
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (row.plan || row.planText) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Real ${rowName(row)} puuduvad algus- ja lõppkuupäev tegevuskava perioodil.`,
          messageEn: `Row ${rowNameEn(row)} has no plan-period dates.`,
        });
      }
    }
  },
};
