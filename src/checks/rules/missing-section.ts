import { compareCodes } from "../../model/hierarchy";
import { Rule } from "../types";

/**
 * A partner schedule without one of the sections (3.5.2.1.1–3.5.2.1.5) that the plan's other partners have:
 * more than half of them, rather than all, so that one partner's gap does not hide another's.
 */
export const missingSection: Rule = {
  meta: {
    id: "missing-section",
    severity: "warning",
    category: "structure",
    description: {
      et: "Partneri ajakavas puudub tegevus, mis on teistel partneritel olemas",
      en: "A partner schedule lacks a section the plan's other partners have",
    },
  },
  check({ implementers }, report) {
    const partners = implementers.filter(({ implementer, tree }) => implementer.role === "partner" && tree.top);
    const sectionsOf = new Map(
      partners.map((context) => [
        context,
        new Set(
          (context.tree.top?.children ?? [])
            // An item under the top through a code gap (3.5.2.1.2.1 without 3.5.2.1.2) is no section: counted, it
            // made another partner "lack" it (code-gap reports the gap; here the section itself is missing).
            .filter((child) => child.row.codeStyle === "dotted" && child.code && !child.missingParent)
            .map((child) => child.code as string),
        ),
      ]),
    );
    const counts = new Map<string, number>();
    for (const sections of sectionsOf.values())
      for (const code of sections) counts.set(code, (counts.get(code) ?? 0) + 1);
    const codes = [...counts.keys()].sort(compareCodes);
    const others = partners.length - 1;
    for (const context of partners) {
      const { implementer, tree } = context;
      const top = tree.top;
      if (!top) continue;
      for (const code of codes) {
        if (sectionsOf.get(context)?.has(code)) continue;
        const having = counts.get(code) ?? 0;
        if (having * 2 <= others) continue;
        report({
          column: "code",
          implementer,
          node: top,
          line: top.row.line,
          message: `${implementer.name}: ajakavas puudub tegevus ${code}, mis on olemas ${having} partneril ülejäänud ${others}-st.`,
          messageEn: `${implementer.name}: the schedule has no section ${code}, which ${having} of the other ${others} partners have.`,
          expected: code,
        });
      }
    }
  },
};
