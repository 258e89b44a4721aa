import { PlanNode } from "../../model/hierarchy";
import { Rule } from "../types";
import { listEn, listEt, nodeName, nodeNameEn } from "../text";

/** A code whose parent level has no row: its amount rolls up to the nearest ancestor instead. */
export const codeGap: Rule = {
  meta: {
    id: "code-gap",
    severity: "info",
    category: "codes",
    description: {
      et: "Koodi ülemtasemel ei ole rida (summa arvestatakse lähima olemasoleva ülemrea alla)",
      en: "A code whose parent level has no row (totals roll up to the nearest ancestor)",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      const byMissing = new Map<string, PlanNode[]>();
      for (const node of tree.nodes) {
        if (!node.missingParent) continue;
        const group = byMissing.get(node.missingParent) ?? [];
        group.push(node);
        byMissing.set(node.missingParent, group);
      }
      for (const [missing, nodes] of byMissing) {
        const ancestor = nodes[0].parent;
        const codes = nodes.map((node) => nodeName(node));
        const one = nodes.length === 1;
        const rollsUp = ancestor
          ? {
              et: `arvestatakse rea ${nodeName(ancestor)} alla`,
              en: `roll${one ? "s" : ""} up to row ${nodeNameEn(ancestor)}`,
            }
          : one
            ? {
                et: "jääb ülemreata ja arvestatakse otse kogusummasse",
                en: "has no parent row and counts directly in the total",
              }
            : {
                et: "jäävad ülemreata ja arvestatakse otse kogusummasse",
                en: "have no parent row and count directly in the total",
              };
        report({
          column: "code",
          implementer,
          node: nodes[0],
          message: `Rida koodiga ${missing} puudub: ${one ? "rida" : "read"} ${listEt(codes)} ${rollsUp.et}.`,
          messageEn: `There is no row ${missing}: ${one ? "row" : "rows"} ${listEn(codes)} ${rollsUp.en}.`,
          expected: missing,
          related: nodes.map((node) => node.row),
        });
      }
    }
  },
};
