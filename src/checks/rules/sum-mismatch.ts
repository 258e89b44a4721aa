import { Rule } from "../types";
import { euro, euroEn, nodeName, nodeNameEn } from "../text";

/** A parent row whose declared amount differs from the sum of its children's. */
export const sumMismatch: Rule = {
  meta: {
    id: "sum-mismatch",
    severity: "error",
    category: "sums",
    description: {
      et: "Ülemrea summa ei võrdu alamridade summaga",
      en: "A parent row's amount differs from the sum of its items",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree, totals } of implementers) {
      for (const node of tree.nodes) {
        // The top row is the implementer's total: total-mismatch speaks of it.
        if (node === tree.top || node.children.length === 0) continue;
        const declared = node.row.amount;
        const computed = totals.childSum[node.index];
        if (!declared || !computed || declared.equals(computed)) continue;
        const difference = computed.minus(declared);
        report({
          column: "amount",
          implementer,
          node,
          message: `Rea ${nodeName(node)} summa ${euro(declared)} ei võrdu tema alamridade summaga ${euro(computed)} (vahe ${euro(difference)}).`,
          messageEn: `Row ${nodeNameEn(node)} declares ${euroEn(declared)}, but its items add up to ${euroEn(computed)} (difference ${euroEn(difference)}).`,
          declared,
          computed,
          related: node.children.map((child) => child.row),
        });
      }
    }
  },
};
