import { Rule } from "../types";
import { rowName, rowNameEn } from "../text";

/** A row without an overall frame. */
export const missingFrame: Rule = {
  meta: {
    id: "missing-frame",
    severity: "warning",
    category: "dates",
    description: { et: "Real puudub tegevuse üldajaraam", en: "A row without an overall frame" },
  },
  check({ implementers }, report) {
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        // An unreadable frame is invalid-date's; this rule is for a frame the document does not give.
        if (row.frame || row.frameText) continue;
        report({
          column: "frameStart",
          implementer,
          row,
          message: `Real ${rowName(row)} puudub tegevuse üldajaraam.`,
          messageEn: `Row ${rowNameEn(row)} has no overall frame.`,
        });
      }
    }
  },
};
