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
      en: "A partner schedule lacks an activity the plan's other partners have",
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
        const whoHas = whoHasIt(having, others);
        report({
          column: "code",
          implementer,
          node: top,
          line: top.row.line,
          message: `Ajakavas puudub tegevus ${code}, ${whoHas.et}; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga („–“).`,
          messageEn: `The schedule has no activity ${code}, ${whoHas.en}; lisa 2 and its matrix mark it with a dash ("–").`,
          expected: code,
        });
      }
    }
  },
};

/** Who has the activity, as an officer would say it: "kõigil ülejäänud 7 partneril", not "7 partneril 7-st". */
function whoHasIt(having: number, others: number): { et: string; en: string } {
  if (others === 1) return { et: "kuigi teisel partneril on see olemas", en: "though the other partner has it" };
  if (having === others)
    return {
      et: `kuigi see on kõigil ülejäänud ${others} partneril`,
      en: `though all ${others} other partners have it`,
    };
  return {
    et: `kuigi see on ${having} partneril ülejäänud ${others} partnerist`,
    en: `though ${having} of the other ${others} partners have it`,
  };
}
