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
        for (const [value, et, en] of [
          [row.frame, "üldajaraam", "overall frame"],
          [row.plan, "tegevuskava perioodi kuupäevad", "plan-period dates"],
        ] as const) {
          if (!value || !value.start.isAfter(value.end)) continue;
          report({
            implementer,
            row,
            message: `Rea ${rowName(row)} ${et} ${period(value)} algab pärast lõppu.`,
            messageEn: `The ${en} ${period(value)} of row ${rowNameEn(row)} start after they end.`,
            actual: period(value),
          });
        }
      }
    }
  },
};
