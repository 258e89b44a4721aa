import { CodeCorrection } from "../../model/hierarchy";
import { Rule } from "../types";
import { euro, euroEn } from "../text";

/** The same code twice in one implementer's schedule, with the code the row evidently should have. */
export const duplicateCode: Rule = {
  meta: {
    id: "duplicate-code",
    severity: "error",
    category: "codes",
    description: {
      et: "Sama kood on ühe elluviija ajakavas mitu korda",
      en: "The same code appears twice in one implementer's schedule",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const correction of tree.corrections) {
        const { node, from, to, duplicateOf, parent, run } = correction;
        const text = messages(correction);
        report({
          column: "code",
          implementer,
          node,
          message: text.et,
          messageEn: text.en,
          expected: to,
          actual: from,
          related:
            correction.reason === "children-sum" && parent
              ? [parent.row, ...run.map((member) => member.row)]
              : duplicateOf
                ? [duplicateOf.row]
                : [],
          correction: { from, to },
        });
      }
    }
  },
};

function messages({ node, from, to, reason, duplicateOf, parent, run }: CodeCorrection): { et: string; en: string } {
  const lines = duplicateOf ? [duplicateOf.row.line, node.row.line].sort((a, b) => a - b) : [];
  if (node.row.codeStyle === "numbered") {
    const under = parent?.code ?? "?";
    return {
      et: `Punkt ${from}. on rea ${under} all kasutusel mitu korda (read ${lines.join(" ja ")}); see punkt on ilmselt ${to}.`,
      en: `Item ${from}. is used more than once under row ${under} (lines ${lines.join(" and ")}); this item is evidently ${to}.`,
    };
  }
  let because = { et: "", en: "" };
  if (reason === "children-sum" && parent?.row.amount) {
    const members = run.map((member) => member.row.line).join(", ");
    const one = run.length === 1;
    because = {
      et: ` ${one ? "Rida" : "Read"} ${members} ${one ? "annab" : "annavad"} kokku täpselt rea ${parent.code} summa ${euro(parent.row.amount)}, seega ${one ? "on see selle alamrida" : "on need selle alamread"}.`,
      en: ` ${one ? "Line" : "Lines"} ${members} ${one ? "adds" : "add"} up exactly to row ${parent.code}'s ${euroEn(parent.row.amount)}, so ${one ? "it is its item" : "they are its items"}.`,
    };
  }
  if (!duplicateOf) {
    return {
      et: `Rea ${node.row.line} kood ${from} on ilmselt ${to}.${because.et}`,
      en: `The code ${from} of line ${node.row.line} is evidently ${to}.${because.en}`,
    };
  }
  return {
    et: `Kood ${from} on kasutusel mitu korda (read ${lines.join(" ja ")}); see rida on ilmselt ${to}.${because.et}`,
    en: `Code ${from} is used more than once (lines ${lines.join(" and ")}); this row is evidently ${to}.${because.en}`,
  };
}
