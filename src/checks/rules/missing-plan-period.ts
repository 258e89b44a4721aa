import { Rule } from "../types";
import { nodeName, nodeNameEn } from "../text";

/** A row without plan-period dates. */
export const missingPlanPeriod: Rule = {
  meta: {
    id: "missing-plan-period",
    severity: "warning",
    category: "dates",
    description: {
      et: "Real puuduvad tegevuskava perioodi algus- ja lõppkuupäev",
      en: "A row without plan-period dates",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        if (row.plan || row.planText) continue;
        report({
          column: "planStart",
          implementer,
          row,
          message: `Real ${nodeName(node)} puuduvad tegevuskava perioodi algus- ja lõppkuupäev.`,
          messageEn: `Row ${nodeNameEn(node)} has no plan-period dates.`,
        });
      }
    }
  },
};
