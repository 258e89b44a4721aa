import Decimal from "decimal.js";
import { CalendarDate, fromExcelSerial } from "../../model/calendar-date";
import { Money, formatMoneyEstonian, parseMoney } from "../../model/money";
import { DASHES, DATE_LIKE, STRICT_DATE, tidy } from "../text/patterns";
import type { GridCell } from "./grid";

/**
 * Reading one cell's amount or dates, whatever the format gave: a spreadsheet's number or date, or text as the
 * directive, Word, a PDF or a paste writes it. The text importer hands its rows' pieces here too, so that every format
 * reads "93 988,53", "01.01.-31.12.2025" and an Excel serial alike.
 */

/** A cell's text: trimmed, null when empty; numbers as JavaScript writes them, dates as dd.mm.yyyy. */
export function cellText(cell: GridCell | null | undefined): string | null {
  const value = cell?.value ?? null;
  if (value === null) return null;
  if (isDate(value)) {
    const date = dateOfValue(value);
    if (date) return date.toEstonian();
    // An Invalid Date (a broken serial from some reader) has no ISO form: its "Invalid Date" is reported as text.
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** A Date from any realm (ExcelJS's, a test sandbox's, a frame's): `instanceof` fails across realms. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** A spreadsheet's date: a Date (its UTC day, as the workbook readers make them) or a serial number. */
export function dateOfValue(value: GridCell["value"]): CalendarDate | null {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return null;
    return CalendarDate.of(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") return fromExcelSerial(value);
  return null;
}

/** Joins a cell's wrapped lines; a hyphen before a capital is a compound name's ("Kohtla-" / "Järve"). */
export function joinCellLines(lines: ReadonlyArray<string>): string {
  let text = "";
  for (const line of lines) {
    const part = line.trim();
    if (part === "") continue;
    text = text === "" ? part : /\p{L}-$/u.test(text) && /^\p{Lu}/u.test(part) ? text + part : `${text} ${part}`;
  }
  return tidy(text);
}

export interface AmountReading {
  amount: Money | null;
  /** As printed ("93 988,53"); a number's Estonian form; null when the cell is empty. */
  amountText: string | null;
}

/** A currency sign or word after the amount is no part of it; the printed text keeps it. */
const CURRENCY = /\s*(?:€|eur|eurot|eurodes)\.?$/iu;

/**
 * A cost cell. A spreadsheet's number carries binary noise past 15 digits, which the spreadsheet itself does not
 * show, so it is cut there; text is read exactly (`parseMoney`).
 */
export function readAmountValue(value: GridCell["value"] | undefined): AmountReading {
  if (value === null || value === undefined || value === "") return { amount: null, amountText: null };
  if (typeof value === "number" && Number.isFinite(value)) {
    const amount = new Decimal(String(value)).toSignificantDigits(15);
    return { amount, amountText: formatMoneyEstonian(amount) };
  }
  const printed = cellText({ value });
  if (printed === null) return { amount: null, amountText: null };
  return { amount: parseMoney(printed.replace(CURRENCY, "")), amountText: printed };
}

/** One date as a cell gives it: `date` null when it does not exist (31.02.2025) or is garbled ("0l.01.2025"). */
export interface DateToken {
  text: string;
  date: CalendarDate | null;
}

const DATE_OR_GARBLED = new RegExp(`${STRICT_DATE.source}|${DATE_LIKE.source}`, "gu");
/**
 * A day and month without the year ("01.01" or "01.01.") standing right before a dash and a full date: the ministry
 * writes a range within one year as "01.01.-31.12.2025" or "01.01 – 31.12.2026".
 */
const YEARLESS_START = new RegExp(
  `(?<![\\w.])(\\d{1,2})\\.(\\d{1,2})\\.?\\s*[${DASHES}]\\s*(?=(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\w))`,
  "gu",
);

/** The start of a range written without its year; see `YEARLESS_START` and `cellDates`. */
function yearless(match: RegExpExecArray | RegExpMatchArray): DateToken {
  const [, day, month, endDay, endMonth, endYear] = match.map(Number);
  const end = CalendarDate.of(endYear, endMonth, endDay);
  const sameYear = end ? CalendarDate.of(end.year, month, day) : null;
  const start = end && sameYear && sameYear.compare(end) > 0 ? CalendarDate.of(end.year - 1, month, day) : sameYear;
  return { text: match[0].replace(TRAILING_DASH, ""), date: start };
}

const TRAILING_DASH = new RegExp(`\\s*[${DASHES}]\\s*$`, "u");

/**
 * Every date of a cell, in order: a spreadsheet's date, or each dd.mm.yyyy (d.m.yyyy too) of its text, garbled ones
 * kept without a date so that they are reported. A start without its year takes the end's year, or the year before
 * when that would put it after the end ("01.09 – 31.08.2026"), as the plan period is read (text/preamble.ts).
 */
export function cellDates(value: GridCell["value"] | undefined): DateToken[] {
  if (value === null || value === undefined || value === "") return [];
  const asDate = dateOfValue(value);
  if (asDate) return [{ text: asDate.toEstonian(), date: asDate }];
  const text = cellText({ value }) ?? "";
  return textDates(text);
}

/** The dates of a text; see `cellDates`. */
export function textDates(text: string): DateToken[] {
  const found: Array<{ index: number; token: DateToken }> = [];
  for (const match of text.matchAll(YEARLESS_START)) found.push({ index: match.index ?? 0, token: yearless(match) });
  for (const match of text.matchAll(DATE_OR_GARBLED)) {
    // "3.5.2.1" and "1.4" are no dates: a garbled date still has its digits in day, month and year.
    if (!/\d.*\d.*\d/.test(match[0])) continue;
    const strict = match[1] !== undefined;
    const date = strict ? CalendarDate.of(Number(match[3]), Number(match[2]), Number(match[1])) : null;
    found.push({ index: match.index ?? 0, token: { text: match[0], date } });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.token);
}

/**
 * The date at the very start of `text` (after nothing but the text itself): a full date, a garbled one, or a start
 * without its year before a dash and a full date. The text importer reads a row's run of dates with it, so that its
 * dates are the cells' dates. Returns the token and how many characters it took.
 */
export function dateAtStart(text: string): { token: DateToken; length: number } | null {
  const start = new RegExp(`^${YEARLESS_START.source}`, "u").exec(text);
  if (start) {
    const token = yearless(start);
    return { token, length: token.text.length };
  }
  const match = new RegExp(`^(?:${STRICT_DATE.source}|${DATE_LIKE.source})`, "u").exec(text);
  if (!match || !/\d.*\d.*\d/.test(match[0])) return null;
  const strict = match[1] !== undefined;
  const date = strict ? CalendarDate.of(Number(match[3]), Number(match[2]), Number(match[1])) : null;
  return { token: { text: match[0], date }, length: match[0].length };
}
