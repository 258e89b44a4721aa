/**
 * Excel's number formats as an Estonian Excel shows them ("1 266 860,75", "31.12.2025", "TÕENE"): the part of the
 * format language the workbooks use, so that the preview grid reads like Excel. Not a full implementation:
 * conditions, fractions and scientific formats fall back to General.
 */

import type { ExcelValue } from "../workbook/office/excel-api";

/** Estonian Excel groups thousands with a no-break space, so that "1 266 860,75" never wraps. */
export const GROUP_SEPARATOR = "\u00a0";
export const DECIMAL_SEPARATOR = ",";

const ERROR_TEXTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

export type ValueKind = "empty" | "number" | "text" | "boolean" | "error";

/** Range.values gives errors as their text: "#DIV/0!" in a cell is an error, not a label. */
export function valueKind(value: ExcelValue | null | undefined): ValueKind {
  if (value === "" || value === null || value === undefined) return "empty";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return ERROR_TEXTS.has(value) ? "error" : "text";
}

const MONTHS = [
  "jaanuar",
  "veebruar",
  "märts",
  "aprill",
  "mai",
  "juuni",
  "juuli",
  "august",
  "september",
  "oktoober",
  "november",
  "detsember",
];
const MONTHS_SHORT = ["jaan", "veebr", "märts", "apr", "mai", "juuni", "juuli", "aug", "sept", "okt", "nov", "dets"];
const DAYS = ["pühapäev", "esmaspäev", "teisipäev", "kolmapäev", "neljapäev", "reede", "laupäev"];

type Token =
  | { t: "lit"; text: string }
  | { t: "general" }
  | { t: "text" }
  | { t: "digit"; char: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "comma" }
  | { t: "percent" }
  | { t: "date"; code: string };

/** Splits a format into its sections (positive;negative;zero;text), leaving quoted and escaped ";" alone. */
function sections(format: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (char === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (char === "\\" && i + 1 < format.length) {
      current += format.slice(i, i + 2);
      i++;
    } else if (char === ";") {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lower = section.toLowerCase();
  for (let i = 0; i < section.length;) {
    const char = section[i];
    const rest = lower.slice(i);
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ t: "lit", text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (char === "\\") {
      tokens.push({ t: "lit", text: section[i + 1] ?? "" });
      i += 2;
    } else if (char === "_") {
      // Padding as wide as the next character: a space is close enough.
      tokens.push({ t: "lit", text: " " });
      i += 2;
    } else if (char === "*") {
      // Fill with the next character up to the column's width: nothing, in a grid that does not measure.
      i += 2;
    } else if (char === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      // [$€-425] is a currency symbol with its locale; [Red], [>100] and [$-425] show nothing.
      const currency = /^\[\$([^-\]]*)/.exec(section.slice(i, stop + 1));
      if (currency?.[1]) tokens.push({ t: "lit", text: currency[1] });
      i = stop + 1;
    } else if (rest.startsWith("general")) {
      tokens.push({ t: "general" });
      i += 7;
    } else if (rest.startsWith("am/pm") || rest.startsWith("a/p")) {
      const length = rest.startsWith("am/pm") ? 5 : 3;
      tokens.push({ t: "date", code: lower.slice(i, i + length) });
      i += length;
    } else if ("dmyhs".includes(lower[i])) {
      let end = i;
      while (end < section.length && lower[end] === lower[i]) end++;
      tokens.push({ t: "date", code: lower.slice(i, end) });
      i = end;
    } else if (char === "0" || char === "#" || char === "?") {
      tokens.push({ t: "digit", char });
      i++;
    } else if (char === ".") {
      tokens.push({ t: "point" });
      i++;
    } else if (char === ",") {
      tokens.push({ t: "comma" });
      i++;
    } else if (char === "%") {
      tokens.push({ t: "percent" });
      i++;
    } else if (char === "@") {
      tokens.push({ t: "text" });
      i++;
    } else {
      tokens.push({ t: "lit", text: char });
      i++;
    }
  }
  return tokens;
}

/** Halves away from zero on the decimal number shown, as Excel rounds (1.005 → 1.01). */
function roundDecimal(value: number, decimals: number): number {
  const scale = Math.pow(10, decimals);
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  return value < 0 ? -rounded : rounded;
}

/** Excel's General for numbers: up to 10 significant digits, no grouping, exponent form when too long. */
export function formatGeneral(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const power = Number(exponent);
    const digits = String(Math.abs(power)).padStart(2, "0");
    return `${trimmed.replace(".", DECIMAL_SEPARATOR)}E${power < 0 ? "-" : "+"}${digits}`;
  }
  return String(Number(value.toPrecision(10))).replace(".", DECIMAL_SEPARATOR);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

function formatDigits(value: number, tokens: Token[]): string {
  const digitIndexes = tokens.flatMap((token, index) => (token.t === "digit" ? [index] : []));
  const first = digitIndexes[0];
  const last = digitIndexes[digitIndexes.length - 1];
  const pointIndex = tokens.findIndex((token, index) => token.t === "point" && index > first && index < last + 1);
  const integerEnd = pointIndex < 0 ? last + 1 : pointIndex;
  const integerPart = tokens.slice(first, integerEnd);
  const decimalPart = pointIndex < 0 ? [] : tokens.slice(pointIndex + 1, last + 1);
  const decimals = decimalPart.filter((token) => token.t === "digit").length;
  const required = decimalPart.filter((token) => token.t === "digit" && token.char === "0").length;
  const minInteger = integerPart.filter((token) => token.t === "digit" && token.char === "0").length;
  const grouped = integerPart.some((token) => token.t === "comma");

  // Commas right after the last digit scale by a thousand each ("#,##0," shows thousands).
  let after = last + 1;
  let scaled = value;
  for (; tokens[after]?.t === "comma"; after++) scaled /= 1000;

  const [integerDigits, fraction = ""] = Math.abs(roundDecimal(scaled, decimals)).toFixed(decimals).split(".");
  let integerText = integerDigits === "0" && minInteger === 0 ? "" : integerDigits.padStart(minInteger, "0");
  if (grouped) integerText = groupThousands(integerText);
  let fractionText = fraction;
  while (fractionText.length > required && fractionText.endsWith("0")) fractionText = fractionText.slice(0, -1);
  const number = pointIndex < 0 ? integerText : `${integerText}${DECIMAL_SEPARATOR}${fractionText}`;
  const prefix = tokens.slice(0, first).map(literal).join("");
  const suffix = tokens.slice(after).map(literal).join("");
  return `${prefix}${number}${suffix}`;
}

function literal(token: Token): string {
  return token.t === "lit" ? token.text : token.t === "percent" ? "%" : "";
}

function excelDate(serial: number): Date {
  // The 1900 date system counts from 30.12.1899 once past Excel's phantom 29.02.1900.
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}

function formatDate(serial: number, tokens: Token[]): string {
  if (serial < 0) return "#".repeat(8);
  const date = excelDate(serial);
  const twelveHour = tokens.some((token) => token.t === "date" && token.code.includes("/"));
  const codes = tokens.map((token) => (token.t === "date" ? token.code : null));
  const pad = (n: number) => String(n).padStart(2, "0");
  return tokens
    .map((token, index) => {
      if (token.t === "lit") return token.text;
      if (token.t === "percent") return "%";
      if (token.t === "point") return ".";
      if (token.t === "comma") return ",";
      if (token.t === "digit") return token.char === "0" ? "0" : "";
      if (token.t !== "date") return "";
      const code = token.code;
      const hours = date.getUTCHours();
      switch (code[0]) {
        case "y":
          return code.length <= 2 ? pad(date.getUTCFullYear() % 100) : String(date.getUTCFullYear());
        case "d":
          if (code.length === 1) return String(date.getUTCDate());
          if (code.length === 2) return pad(date.getUTCDate());
          return code.length === 3 ? DAYS[date.getUTCDay()].slice(0, 1).toUpperCase() : DAYS[date.getUTCDay()];
        case "h": {
          const shown = twelveHour ? hours % 12 || 12 : hours;
          return code.length === 1 ? String(shown) : pad(shown);
        }
        case "s":
          return code.length === 1 ? String(date.getUTCSeconds()) : pad(date.getUTCSeconds());
        case "a":
          return hours < 12 ? "AM" : "PM";
        case "m": {
          // "m" is minutes right after an hour or right before seconds, else the month.
          const before = codes
            .slice(0, index)
            .reverse()
            .find((other) => other !== null);
          const after = codes.slice(index + 1).find((other) => other !== null);
          if (code.length <= 2 && (before?.startsWith("h") || after?.startsWith("s"))) {
            return code.length === 1 ? String(date.getUTCMinutes()) : pad(date.getUTCMinutes());
          }
          const month = date.getUTCMonth();
          if (code.length === 1) return String(month + 1);
          if (code.length === 2) return pad(month + 1);
          if (code.length === 3) return MONTHS_SHORT[month];
          return code.length === 5 ? MONTHS[month].slice(0, 1) : MONTHS[month];
        }
        default:
          return "";
      }
    })
    .join("");
}

function formatNumber(value: number, format: string): string {
  const parts = sections(format);
  let section = parts[0];
  let shown = value;
  let sign = value < 0 ? "-" : "";
  if (value < 0 && parts.length >= 2 && parts[1] !== "") {
    // An explicit negative section shows the magnitude its own way, "(1 234,00)".
    section = parts[1];
    shown = -value;
    sign = "";
  } else if (value === 0 && parts.length >= 3 && parts[2] !== "") section = parts[2];
  const tokens = tokenize(section);
  if (tokens.some((token) => token.t === "date")) return sign + formatDate(Math.abs(shown), tokens);
  if (!tokens.some((token) => token.t === "digit")) {
    // "General" with text around it (General" %"), or literals alone: ";;;" hides the value.
    return tokens
      .map((token) => (token.t === "general" ? sign + formatGeneral(Math.abs(shown)) : literal(token)))
      .join("");
  }
  let scaled = Math.abs(shown);
  for (const token of tokens) if (token.t === "percent") scaled *= 100;
  const text = formatDigits(scaled, tokens);
  // A negative number that rounds to zero shows no sign.
  return /[1-9]/.test(text) ? sign + text : text;
}

function formatText(text: string, format: string): string {
  const parts = sections(format);
  const section = parts.length >= 4 ? parts[3] : parts.find((part) => part.includes("@"));
  if (section === undefined) return text;
  return tokenize(section)
    .map((token) => (token.t === "text" ? text : token.t === "lit" ? token.text : ""))
    .join("");
}

/** What Excel shows for a cell's value under its number format, in Estonian. */
export function formatValue(value: ExcelValue | null | undefined, numberFormat: string): string {
  const format = numberFormat || "General";
  switch (valueKind(value)) {
    case "empty":
      return "";
    case "boolean":
      return value ? "TÕENE" : "VÄÄR";
    case "error":
      return value as string;
    case "text":
      return formatText(value as string, format);
    case "number":
      if (format === "General" || format === "@") return formatGeneral(value as number);
      return formatNumber(value as number, format);
  }
}

/** Whether a number format shows dates or times (a date cell is edited as "31.12.2025"). */
export function isDateFormat(numberFormat: string): boolean {
  return tokenize(sections(numberFormat)[0]).some((token) => token.t === "date");
}

/** A cell's content as the user edits it: the formula, else the value without grouping ("2500,5", "31.12.2025"). */
export function editText(value: ExcelValue, formula: ExcelValue, numberFormat: string): string {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (typeof formula === "string" && formula.startsWith("'")) return formula;
  if (typeof value === "number") {
    if (isDateFormat(numberFormat) && value >= 1) {
      const date = excelDate(value);
      const day = `${date.getUTCDate()}`.padStart(2, "0");
      const month = `${date.getUTCMonth() + 1}`.padStart(2, "0");
      return `${day}.${month}.${date.getUTCFullYear()}`;
    }
    return String(value).replace(".", DECIMAL_SEPARATOR);
  }
  if (typeof value === "boolean") return value ? "TÕENE" : "VÄÄR";
  return value;
}

/**
 * What to write for text typed into a cell, as Estonian Excel reads it: "2 500,00" loses its group spaces (Excel
 * itself accepts them there); anything else goes as typed and the workbook reads it in its locale.
 */
export function typedInput(text: string): string {
  const trimmed = text.trim();
  if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d*)?%?$/.test(trimmed)) return trimmed.replace(/[ \u00a0\u202f]/g, "");
  return text;
}
