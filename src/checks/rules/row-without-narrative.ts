import { Rule } from "../types";

/**
 * A partner's section row (3.5.2.1.N) that its own text never describes, by that code or one under it: the
 * budget holds an activity the plan does not explain. Silent where no text is known (a pasted range, an officer's
 * workbook), and where the partner's text describes nothing by code: such a text (the 2023 directive's "Partner
 * INSA pakub … A1- ja A2-tasemel") describes its activities in words, which no code check can match.
 */
export const rowWithoutNarrative: Rule = {
  meta: {
    id: "row-without-narrative",
    severity: "info",
    category: "structure",
    description: {
      et: "Partneri tegevust, mis on ajakavas, partneri tekst ei kirjelda",
      en: "A partner's activity in the schedule that the partner's text does not describe",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      const narrative = implementer.narrative;
      if (implementer.role !== "partner" || !narrative || narrative.length === 0 || !tree.top) continue;
      const described = (code: string) =>
        narrative.some((entry) => entry.code === code || entry.code.startsWith(`${code}.`));
      for (const section of tree.top.children) {
        // As missing-section counts sections: dotted rows right under the top, not items hung there by a gap.
        if (section.row.codeStyle !== "dotted" || !section.code || section.missingParent) continue;
        if (described(section.code) || (section.row.code !== null && described(section.row.code))) continue;
        report({
          column: "code",
          implementer,
          node: section,
          message: `Tegevust ${section.code} „${section.row.label}“ partneri tekst ei kirjelda.`,
          messageEn: `The partner's text does not describe activity ${section.code} "${section.row.label}".`,
        });
      }
    }
  },
};
