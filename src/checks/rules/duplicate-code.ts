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
        const lines = [duplicateOf.row.line, node.row.line].sort((a, b) => a - b).join(" ja ");
        const linesEn = [duplicateOf.row.line, node.row.line].sort((a, b) => a - b).join(" and ");
        const because =
          correction.reason === "children-sum" && parent?.row.amount
            ? {
                et: ` Read ${run.map((member) => member.row.line).join(", ")} annavad kokku täpselt rea ${parent.code} summa ${euro(parent.row.amount)}, seega on need selle alamread.`,
                en: ` Lines ${run.map((member) => member.row.line).join(", ")} add up exactly to row ${parent.code}'s ${euroEn(parent.row.amount)}, so they are its items.`,
              }
            : { et: "", en: "" };
        report({
          implementer,
          node,
          message: `Kood ${from} on kasutusel mitu korda (read ${lines}); see rida on ilmselt ${to}.${because.et}`,
          messageEn: `Code ${from} is used more than once (lines ${linesEn}); this row is evidently ${to}.${because.en}`,
          expected: to,
          actual: from,
          related:
            correction.reason === "children-sum" && parent
              ? [parent.row, ...run.map((member) => member.row)]
              : [duplicateOf.row],
          correction: { from, to },
        });
      }
    }
  },
};
