import { Rule } from "../types";
import { euro, euroEn, nodeName, nodeNameEn } from "../text";

/**
 * A parent row whose amount cell in the workbook holds a typed number instead of the SUM of its items: an
 * edit of an item would no longer flow up. Only plans read from a workbook can have it.
 */
export const parentOverridden: Rule = {
  meta: {
    id: "parent-overridden",
    severity: "warning",
    category: "sums",
    description: {
      et: "Ülemrea summa valem on töövihikus asendatud käsitsi sisestatud arvuga",
      en: "A parent row's SUM formula was replaced by a typed number in the workbook",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree, totals } of implementers) {
      for (const node of tree.nodes) {
        const position = node.row.sheet;
        if (!position || position.amountIsFormula || node.children.length === 0) continue;
        const typed = position.shownAmount;
        const computed = totals.computed[node.index];
        const shown = typed ? `käsitsi sisestatud arv ${euro(typed)}` : "tühi";
        const shownEn = typed ? `a typed number, ${euroEn(typed)}` : "empty";
        report({
          column: "amount",
          implementer,
          node,
          message: `Rea ${nodeName(node)} summa on ${shown}, mitte alamridade summa valem${computed ? ` (alamread annavad kokku ${euro(computed)})` : ""}. Käsk „Arvuta uuesti“ taastab valemi.`,
          messageEn: `The amount of row ${nodeNameEn(node)} is ${shownEn}, not the SUM of its items${computed ? ` (they add up to ${euroEn(computed)})` : ""}. Recalculate restores the formula.`,
          ...(typed && computed ? { declared: typed, computed } : {}),
          related: node.children.map((child) => child.row),
        });
      }
    }
  },
};
