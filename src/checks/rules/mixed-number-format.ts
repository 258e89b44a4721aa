import { isGroupSpace } from "../../model/money";
import { Implementer, ScheduleRow } from "../../model/plan";
import { Rule } from "../types";

interface AmountStyle {
  decimal: "," | "." | null;
  grouping: "space" | "none" | null;
}

const NO_STYLE: AmountStyle = { decimal: null, grouping: null };

/** How a printed amount is written: its decimal separator, and whether thousands are grouped. */
export function amountStyle(printed: string): AmountStyle {
  // A hand-written scan rather than a regular expression: this runs once per row on plans of 100 000 rows.
  let text = printed.trim();
  if (text.startsWith("-") || text.startsWith("\u2212")) text = text.slice(1);
  let decimal: AmountStyle["decimal"] = null;
  let whole = text;
  const separator = Math.max(text.lastIndexOf(","), text.lastIndexOf("."));
  if (separator >= 0) {
    const fraction = text.slice(separator + 1);
    if (fraction === "" || !/^\d+$/.test(fraction)) return NO_STYLE;
    decimal = text[separator] as "," | ".";
    whole = text.slice(0, separator);
  }
  let digits = 0;
  let spaced = false;
  for (const character of whole) {
    if (character >= "0" && character <= "9") digits++;
    else if (isGroupSpace(character)) spaced = true;
    else return NO_STYLE;
  }
  if (digits === 0) return NO_STYLE;
  return STYLES[`${decimal}|${spaced ? "space" : digits >= 4 ? "none" : null}`];
}

/** The nine possible styles, made once, so that styling 100 000 amounts allocates nothing. */
const STYLES: Record<string, AmountStyle> = {};
for (const decimal of [",", ".", null] as const) {
  for (const grouping of ["space", "none", null] as const) STYLES[`${decimal}|${grouping}`] = { decimal, grouping };
}

const DESCRIBE = {
  decimal: {
    ",": { et: "kümnendkohad komaga", en: "a decimal comma" },
    ".": { et: "kümnendkohad punktiga", en: "a decimal point" },
  },
  grouping: {
    space: { et: "tuhanded tühikuga eraldatud", en: "thousands grouped by spaces" },
    none: { et: "tuhanded eraldamata", en: "thousands not grouped" },
  },
} as const;

/** A table that writes amounts in another style than the rest of the document ("115 817.00", "3300"). */
export const mixedNumberFormat: Rule = {
  meta: {
    id: "mixed-number-format",
    severity: "info",
    category: "format",
    description: {
      et: "Tabelis on summad kirjutatud teisiti kui mujal dokumendis",
      en: "A table writes amounts in another style than the rest of the document",
    },
  },
  check({ implementers }, report) {
    // Two passes over the amounts instead of one that keeps a record per row: this runs on 100 000 rows.
    const decimals = new Map<AmountStyle["decimal"], number>();
    const groupings = new Map<AmountStyle["grouping"], number>();
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (row.amountText === null) continue;
        const style = amountStyle(row.amountText);
        if (style.decimal) decimals.set(style.decimal, (decimals.get(style.decimal) ?? 0) + 1);
        if (style.grouping) groupings.set(style.grouping, (groupings.get(style.grouping) ?? 0) + 1);
      }
    }
    const usual: AmountStyle = { decimal: mostCommon(decimals), grouping: mostCommon(groupings) };
    const byTable = new Map<number, Array<{ implementer: Implementer; row: ScheduleRow; style: AmountStyle }>>();
    for (const { implementer } of implementers) {
      for (const row of implementer.rows) {
        if (row.amountText === null) continue;
        const style = amountStyle(row.amountText);
        const differs =
          (style.decimal !== null && style.decimal !== usual.decimal) ||
          (style.grouping !== null && style.grouping !== usual.grouping);
        if (!differs) continue;
        const group = byTable.get(row.table);
        if (group) group.push({ implementer, row, style });
        else byTable.set(row.table, [{ implementer, row, style }]);
      }
    }
    for (const [table, group] of byTable) {
      const examples = group.slice(0, 3).map(({ row }) => row.amountText);
      const how = describe(
        group.map(({ style }) => style),
        usual,
      );
      report({
        column: "amount",
        implementer: group[0].implementer,
        row: group[0].row,
        message: `Tabelis ${table} on ${group.length === 1 ? "üks summa" : `${group.length} summat`} kirjutatud teisiti kui mujal dokumendis (${how.et}), nt ${examples.map((example) => `„${example}“`).join(", ")}.`,
        messageEn: `Table ${table} writes ${group.length === 1 ? "an amount" : `${group.length} amounts`} in another style than the rest of the document (${how.en}), e.g. ${examples.map((example) => `"${example}"`).join(", ")}.`,
        expected: describeUsual(usual).et,
        actual: how.et,
        related: group.map(({ row }) => row),
      });
    }
  },
};

function mostCommon<T>(counts: Map<T, number>): T | null {
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

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
