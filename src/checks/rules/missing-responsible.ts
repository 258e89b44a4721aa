import { Rule } from "../types";
import { nodeName, nodeNameEn } from "../text";

/** A row without a responsible party. */
export const missingResponsible: Rule = {
  meta: {
    id: "missing-responsible",
    severity: "warning",
    category: "parties",
    description: { et: "Real puudub tegevuse eest vastutaja", en: "A row without a responsible party" },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        if (row.responsible && row.responsible.trim() !== "") continue;
        report({
          column: "responsible",
          implementer,
          row,
          message: `Real ${nodeName(node)} puudub tegevuse eest vastutaja.`,
          messageEn: `Row ${nodeNameEn(node)} has no responsible party.`,
          expected: implementer.name,
        });
      }
    }
  },
};
