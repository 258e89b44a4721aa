import { ScheduleRow } from "../../model/plan";
import { Rule } from "../types";

interface AmountStyle {
  decimal: "," | "." | null;
  grouping: "space" | "none" | null;
}

/** How a printed amount is written: its decimal separator, and whether thousands are grouped. */
export function amountStyle(printed: string): AmountStyle {
  const match = /^[-\u2212]?([\d \u00a0\u202f]+?)(?:([.,])(\d+))?$/.exec(printed.trim());
  if (!match) return { decimal: null, grouping: null };
  const whole = match[1];
  const digits = whole.replace(/\D/g, "").length;
  const grouping = /\s/.test(whole) ? "space" : digits >= 4 ? "none" : null;
  return { decimal: (match[2] as "," | "." | undefined) ?? null, grouping };
}

const DESCRIBE = {
  decimal: {
    ",": { et: "koma komakohtade eraldajana", en: "a decimal comma" },
    ".": { et: "punkt komakohtade eraldajana", en: "a decimal point" },
  },
  grouping: {
    space: { et: "tuhandelised tühikuga eraldatud", en: "thousands grouped by spaces" },
    none: { et: "tuhandelised eraldamata", en: "thousands not grouped" },
  },
} as const;

/** A table that writes amounts in another style than the rest of the document ("115 817.00", "3300"). */
export const mixedNumberFormat: Rule = {
  meta: {
    id: "mixed-number-format",
    severity: "info",
    category: "format",
    description: {
      et: "Tabelis on summad kirjutatud teisiti kui ülejäänud dokumendis",
      en: "A table writes amounts in another style than the rest of the document",
    },
  },
  check({ implementers }, report) {
    const rows = implementers.flatMap(({ implementer }) => implementer.rows.map((row) => ({ implementer, row })));
    const styled = rows.map((entry) => ({ ...entry, style: amountStyle(entry.row.amountText ?? "") }));
    const majority = <K extends keyof AmountStyle>(key: K): AmountStyle[K] => {
      const counts = new Map<AmountStyle[K], number>();
      for (const { style } of styled)
        if (style[key] !== null) counts.set(style[key], (counts.get(style[key]) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    };
    const usual: AmountStyle = { decimal: majority("decimal"), grouping: majority("grouping") };
    const byTable = new Map<number, typeof styled>();
    for (const entry of styled) {
      const differs =
        (entry.style.decimal !== null && entry.style.decimal !== usual.decimal) ||
        (entry.style.grouping !== null && entry.style.grouping !== usual.grouping);
      if (!differs) continue;
      const group = byTable.get(entry.row.table) ?? [];
      group.push(entry);
      byTable.set(entry.row.table, group);
    }
    for (const [table, entries] of byTable) {
      const examples = entries.slice(0, 3).map(({ row }) => `„${row.amountText}“`);
      const how = describe(
        entries.map(({ style }) => style),
        usual,
      );
      const related: ScheduleRow[] = entries.map(({ row }) => row);
      report({
        implementer: entries[0].implementer,
        row: entries[0].row,
        message: `Tabelis ${table} on ${entries.length === 1 ? "üks summa" : `${entries.length} summat`} kirjutatud teisiti kui ülejäänud dokumendis (${how.et}), nt ${examples.join(", ")}.`,
        messageEn: `Table ${table} writes ${entries.length === 1 ? "an amount" : `${entries.length} amounts`} in another style than the rest of the document (${how.en}), e.g. ${examples.join(", ")}.`,
        expected: describeUsual(usual).et,
        actual: how.et,
        related,
      });
    }
  },
};

function describe(styles: AmountStyle[], usual: AmountStyle): { et: string; en: string } {
  const parts: Array<{ et: string; en: string }> = [];
  const decimals = new Set(styles.map((style) => style.decimal).filter((d) => d !== null && d !== usual.decimal));
  const groupings = new Set(styles.map((style) => style.grouping).filter((g) => g !== null && g !== usual.grouping));
  for (const decimal of decimals) parts.push(DESCRIBE.decimal[decimal as "," | "."]);
  for (const grouping of groupings) parts.push(DESCRIBE.grouping[grouping as "space" | "none"]);
  return { et: parts.map((part) => part.et).join(", "), en: parts.map((part) => part.en).join(", ") };
}

function describeUsual(usual: AmountStyle): { et: string; en: string } {
  const parts: Array<{ et: string; en: string }> = [];
  if (usual.decimal) parts.push(DESCRIBE.decimal[usual.decimal]);
  if (usual.grouping) parts.push(DESCRIBE.grouping[usual.grouping]);
  return { et: parts.map((part) => part.et).join(", "), en: parts.map((part) => part.en).join(", ") };
}
