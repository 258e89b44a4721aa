import { Rule } from "../types";
import { nodeName, nodeNameEn, period } from "../text";

/** A start after its end. */
export const periodReversed: Rule = {
  meta: {
    id: "period-reversed",
    severity: "error",
    category: "dates",
    description: {
      et: "Üldajaraami või tegevuskava perioodi algus on hiljem kui lõpp",
      en: "An overall frame or plan period that starts after it ends",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        const ranges = [
          {
            value: row.frame,
            et: "üldajaraami",
            en: "overall frame",
            column: "frameStart" as const,
          },
          {
            value: row.plan,
            et: "tegevuskava perioodi",
            en: "plan period",
            column: "planStart" as const,
          },
        ];
        for (const range of ranges) {
          if (!range.value || !range.value.start.isAfter(range.value.end)) continue;
          report({
            column: range.column,
            implementer,
            row,
            message: `Rea ${nodeName(node)} ${range.et} algus on hiljem kui lõpp: ${period(range.value)}.`,
            messageEn: `The ${range.en} of row ${nodeNameEn(node)} starts after it ends: ${period(range.value)}.`,
            actual: period(range.value),
          });
        }
      }
    }
  },
};
