import Decimal from "decimal.js";
import { Rule } from "../types";

/** Units that count things, whose targets accumulate: a 2029 target below this year's is a slip. */
const COUNT_UNITS = new Set(["arv", "osaluskord", "tk", "kord", "inimest", "osalejat"]);

/** A count indicator whose 2029 target is below its plan-year target. */
export const indicatorTargetDecrease: Rule = {
  meta: {
    id: "indicator-target-decrease",
    severity: "warning",
    category: "indicators",
    description: {
      et: "Loendatava näitaja sihttase aastaks 2029 on väiksem kui tegevuskava aasta sihttase",
      en: "A count indicator's 2029 target is below its plan-year target",
    },
  },
  check({ plan }, report) {
    for (const indicator of plan.indicators) {
      if (!COUNT_UNITS.has(indicator.unit.toLocaleLowerCase("et"))) continue;
      let target: Decimal;
      let target2029: Decimal;
      try {
        target = new Decimal(indicator.target);
        target2029 = new Decimal(indicator.target2029);
      } catch {
        continue;
      }
      if (!target2029.lessThan(target)) continue;
      report({
        implementer: null,
        indicator,
        message: `Näitaja „${indicator.name}“ (tabel ${indicator.table}) sihttase aastaks 2029 (${indicator.target2029}) on väiksem kui tegevuskava aasta sihttase (${indicator.target}).`,
        messageEn: `Indicator "${indicator.name}" (table ${indicator.table}) targets ${indicator.target2029} for 2029, less than its plan-year target ${indicator.target}.`,
        expected: `≥ ${indicator.target}`,
        actual: indicator.target2029,
      });
    }
  },
};
