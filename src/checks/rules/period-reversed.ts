import { Rule } from "../types";
import { period, rowName, rowNameEn } from "../text";

/** A start after its end. */
export const periodReversed: Rule = {
  meta: {
    id: "period-reversed",
    severity: "error",
    category: "dates",
    description: { et: "Algus on hiljem kui lõpp", en: "A start after its end" },
  },
  check({ implementers }, report) {
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        const ranges = [
          {
            value: row.frame,
            et: "üldajaraam",
            verb: "algab",
            en: "overall frame",
            enVerb: "starts after it ends",
            column: "frameStart" as const,
          },
          {
            value: row.plan,
            et: "tegevuskava perioodi kuupäevad",
            verb: "algavad",
            en: "plan-period dates",
            enVerb: "start after they end",
            column: "planStart" as const,
          },
        ];
        for (const range of ranges) {
          if (!range.value || !range.value.start.isAfter(range.value.end)) continue;
          report({
            column: range.column,
            implementer,
            row,
            message: `Rea ${rowName(row)} ${range.et} ${period(range.value)} ${range.verb} pärast lõppu.`,
            messageEn: `The ${range.en} ${period(range.value)} of row ${rowNameEn(row)} ${range.enVerb}.`,
            actual: period(range.value),
          });
        }
      }
    }
  },
};
