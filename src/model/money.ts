import Decimal from "decimal.js";

/**
 * Money is exact: amounts are decimal.js values, never binary floating point. Documents write them
 * Estonian style ("93 988,53"), and some tables "115 817.00" or "3300".
 */
export type Money = Decimal;

export const ZERO: Money = new Decimal(0);

/**
 * Grouping spaces that PDF text, Word and Excel use: plain, no-break, narrow no-break, thin (U+2009, what
 * typesetting puts between thousands) and figure space (U+2007, as wide as a digit, for aligned columns).
 */
const GROUP_SPACE = "[ \\u00a0\\u202f\\u2009\\u2007]";

/** Whether a character is one of the grouping spaces an amount may be written with (see `GROUP_SPACE`). */
export const isGroupSpace = (character: string): boolean =>
  character === " " ||
  character === "\u00a0" ||
  character === "\u202f" ||
  character === "\u2009" ||
  character === "\u2007";

/**
 * The amount forms the directives use: optional minus, digits in groups of three separated by a space
 * (or ungrouped), then an optional comma or dot and decimals. A lone group of three after a separator
 * would be ambiguous ("1.234"), but the documents never group with dots, so a dot is always decimal.
 */
export const AMOUNT_PATTERN = new RegExp(`^[-\u2212]?(?:\\d{1,3}(?:${GROUP_SPACE}\\d{3})+|\\d+)(?:[.,]\\d+)?$`);

/** Parses a printed amount; returns null when the text is not a readable amount. */
export function parseMoney(text: string): Money | null {
  const trimmed = text.trim();
  if (!AMOUNT_PATTERN.test(trimmed)) return null;
  const normalised = trimmed
    .replace(/\u2212/g, "-")
    .replace(new RegExp(GROUP_SPACE, "g"), "")
    .replace(",", ".");
  return new Decimal(normalised);
}

/** Plain decimal string with at least two decimals ("5660.54", "0.00"); never rounds away cents. */
export function formatMoneyPlain(amount: Money): string {
  return amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toFixed();
}

/** Estonian display form: "1 266 860,75" (no-break spaces between groups, comma decimals). */
export function formatMoneyEstonian(amount: Money): string {
  const plain = formatMoneyPlain(amount.abs());
  const [whole, fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${amount.isNegative() && !amount.isZero() ? "-" : ""}${grouped},${fraction}`;
}

export function sumMoney(amounts: Iterable<Money>): Money {
  let total = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/**
 * The indirect-cost rate of lisa 2 in per cent, as typed ("7", "7,5", "7 %"): null when the text is not a
 * percentage from 0 to 100. The command line, the task pane and the Seaded sheet read it alike.
 */
export function parseRatePercent(text: string): Money | null {
  const rate = parseMoney(text.trim().replace(/\s*%$/, ""));
  return rate && !rate.isNegative() && rate.lessThanOrEqualTo(100) ? rate : null;
}
