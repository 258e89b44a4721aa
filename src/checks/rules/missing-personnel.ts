import { Rule } from "../types";

/** An implementer without a direct personnel cost row. */
export const missingPersonnel: Rule = {
  meta: {
    id: "missing-personnel",
    severity: "warning",
    category: "structure",
    description: {
      et: "Elluviijal või partneril puudub otseste personalikulude rida",
      en: "An implementer without a direct personnel cost row",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      if (tree.personnel.length > 0 || implementer.rows.length === 0) continue;
      report({
        column: "code",
        implementer,
        node: tree.top,
        line: implementer.rows[0].line,
        message: "Ajakavas puudub otseste personalikulude rida.",
        messageEn: "The schedule has no direct personnel cost row.",
      });
    }
  },
};
