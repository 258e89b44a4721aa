import { Rule } from "../types";

/**
 * A code the implementer's own text describes, with no row of that code and none under it in its schedule: the
 * plan promises an activity its budget does not hold. Silent where no text is known (a pasted range, an officer's
 * workbook).
 */
export const narrativeWithoutRow: Rule = {
  meta: {
    id: "narrative-without-row",
    severity: "warning",
    category: "structure",
    description: {
      et: "Tekst kirjeldab tegevust, mille koodiga rida ajakavas ei ole",
      en: "The text describes an activity whose code has no row in the schedule",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      if (!implementer.narrative || implementer.narrative.length === 0) continue;
      // The printed codes and the ones the tree gave renumbered duplicates: a row stands under either.
      const codes = new Set<string>();
      for (const node of tree.nodes) {
        if (node.row.codeStyle !== "dotted") continue;
        if (node.row.code) codes.add(node.row.code);
        if (node.code) codes.add(node.code);
      }
      const held = (code: string) => {
        if (codes.has(code)) return true;
        for (const other of codes) if (other.startsWith(`${code}.`)) return true;
        return false;
      };
      for (const described of implementer.narrative) {
        if (held(described.code)) continue;
        report({
          implementer,
          described,
          line: described.line || null,
          message: `Tekst kirjeldab tegevust ${described.code} „${described.title}“, kuid ajakavas ei ole selle koodiga ega selle all ühtegi rida.`,
          messageEn: `The text describes activity ${described.code} "${described.title}", but the schedule has no row of that code or under it.`,
          expected: described.code,
        });
      }
    }
  },
};
