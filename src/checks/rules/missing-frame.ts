import { Rule } from "../types";
import { nodeName, nodeNameEn } from "../text";

/** A row without an overall frame. */
export const missingFrame: Rule = {
  meta: {
    id: "missing-frame",
    severity: "warning",
    category: "dates",
    description: { et: "Real puudub tegevuse üldajaraam", en: "A row without an overall frame" },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        // An unreadable frame is invalid-date's; this rule is for a frame the document does not give.
        if (row.frame || row.frameText) continue;
        report({
          column: "frameStart",
          implementer,
          row,
          message: `Real ${nodeName(node)} puudub tegevuse üldajaraam.`,
          messageEn: `Row ${nodeNameEn(node)} has no overall frame.`,
        });
      }
    }
  },
};
