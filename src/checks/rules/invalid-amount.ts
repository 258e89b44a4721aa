import { formatMoneyEstonian } from "../../model/money";
import { Rule } from "../types";
import { nodeName, nodeNameEn } from "../text";

/** An amount that is not a number, is negative, or has more than two decimals. */
export const invalidAmount: Rule = {
  meta: {
    id: "invalid-amount",
    severity: "error",
    category: "amounts",
    description: {
      et: "Planeeritav maksumus puudub, ei ole arv, on negatiivne või üle kahe kümnendkohaga",
      en: "A planned cost that is missing, not a number, negative, or has more than two decimals",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        const name = nodeName(node);
        const nameEn = nodeNameEn(node);
        const printed = row.amountText ?? "";
        if (!row.amount) {
          report(
            row.amountText === null
              ? {
                  column: "amount",
                  implementer,
                  row,
                  message: `Real ${name} puudub planeeritav maksumus.`,
                  messageEn: `Row ${nameEn} has no planned cost.`,
                }
              : {
                  column: "amount",
                  implementer,
                  row,
                  message: `Rea ${name} planeeritav maksumus „${printed}“ ei ole arv.`,
                  messageEn: `The planned cost "${printed}" of row ${nameEn} is not a number.`,
                  actual: printed,
                },
          );
        } else if (row.amount.isNegative() && !row.amount.isZero()) {
          report({
            column: "amount",
            implementer,
            row,
            message: `Rea ${name} planeeritav maksumus ${printed} on negatiivne.`,
            messageEn: `The planned cost ${printed} of row ${nameEn} is negative.`,
            actual: printed,
          });
        } else if (row.amount.decimalPlaces() > 2) {
          report({
            column: "amount",
            implementer,
            row,
            message: `Rea ${name} planeeritav maksumus ${printed} on üle kahe kümnendkohaga: sellist summat ei saa sentides maksta.`,
            messageEn: `The planned cost ${printed} of row ${nameEn} has more than two decimals: it cannot be paid in cents.`,
            actual: printed,
            expected: formatMoneyEstonian(row.amount.toDecimalPlaces(2)),
          });
        }
      }
    }
  },
};
