import { Rule } from "../types";
import { rowName, rowNameEn } from "../text";

/** A row without a responsible party. */
export const missingResponsible: Rule = {
  meta: {
    id: "missing-responsible",
    severity: "warning",
    category: "parties",
    description: { et: "Real puudub tegevuse eest vastutaja", en: "A row without a responsible party" },
  },
  check({ implementers }, report) {
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (row.responsible && row.responsible.trim() !== "") continue;
        report({
          column: "responsible",
          implementer,
          row,
          message: `Real ${rowName(row)} puudub tegevuse eest vastutaja.`,
          messageEn: `Row ${rowNameEn(row)} has no responsible party.`,
          expected: implementer.name,
        });
      }
    }
  },
};
