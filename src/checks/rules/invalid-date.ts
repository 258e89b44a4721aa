import { CalendarDate } from "../../model/calendar-date";
import { Rule } from "../types";
import { nodeName, nodeNameEn } from "../text";

/** A date that does not exist (31.02.2025) or cannot be read. */
export const invalidDate: Rule = {
  meta: {
    id: "invalid-date",
    severity: "error",
    category: "dates",
    description: {
      et: "Kuupäeva ei ole olemas või seda ei saa lugeda",
      en: "A date that does not exist or cannot be read",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        const ranges = [
          {
            value: row.frame,
            text: row.frameText,
            et: "üldajaraamis",
            en: "its overall frame",
            column: "frameStart" as const,
          },
          {
            value: row.plan,
            text: row.planText,
            et: "tegevuskava perioodi kuupäevades",
            en: "its plan-period dates",
            column: "planStart" as const,
          },
        ];
        for (const range of ranges) {
          if (range.value || !range.text) continue;
          const bad = range.text
            .split(/\s+[-\u2013]\s+/)
            .map((part) => part.trim())
            .filter((part) => part !== "" && !CalendarDate.parseEstonian(part));
          for (const date of bad) {
            report({
              column: range.column,
              implementer,
              row,
              message: `Rea ${nodeName(node)} ${range.et} on kuupäev „${date}“, mida ei ole olemas või mida ei saa lugeda (pp.kk.aaaa).`,
              messageEn: `Row ${nodeNameEn(node)} has "${date}" in ${range.en}, a date that does not exist or cannot be read (dd.mm.yyyy).`,
              actual: date,
            });
          }
        }
      }
    }
  },
};
