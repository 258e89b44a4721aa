import { Rule } from "../types";
import { euro, euroEn, nodeName, nodeNameEn } from "../text";

/** An implementer's top row that differs from its sections plus personnel. */
export const totalMismatch: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    category: "sums",
    description: {
      et: "Elluviija või partneri kogusumma ei võrdu tegevuste ja personalikulude summaga",
      en: "An implementer's total differs from its activities plus personnel",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree, totals } of implementers) {
      const top = tree.top;
      if (!top || top.children.length === 0) continue;
      const declared = top.row.amount;
      const computed = totals.childSum[top.index];
      if (!declared || !computed || declared.equals(computed)) continue;
      const difference = computed.minus(declared);
      report({
        column: "amount",
        implementer,
        node: top,
        message: `Rea ${nodeName(top)} kogusumma ${euro(declared)} ei võrdu tegevuste ja personalikulude summaga ${euro(computed)} (vahe ${euro(difference)}).`,
        messageEn: `The total ${euroEn(declared)} of row ${nodeNameEn(top)} differs from its activities plus personnel, ${euroEn(computed)} (difference ${euroEn(difference)}).`,
        declared,
        computed,
        related: top.children.map((child) => child.row),
      });
    }
  },
};
