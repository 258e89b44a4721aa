/**
 * Recognisers for the pieces of a directive's text as it comes out of the published PDF. Each works on
 * one line (or a line's remainder); the parser decides what a piece means from where it stands.
 */

/** A date as the documents write it; the day may still not exist (31.02.2025), which the parser reports. */
export const STRICT_DATE = /(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w])/;

/**
 * What a date garbled by copying or OCR looks like ("0l.01.2025", "31.12.2O25"): date-shaped with letters
 * that are often mistaken for digits. Kept apart so that "3.5.2.1" or "1.4" are never taken for dates.
 */
export const DATE_LIKE = /(?<![\w.])([0-9OoIl]{1,2})\.([0-9OoIl]{1,2})\.([0-9OoIl]{4})(?![\w])/;

/**
 * The dashes that stand between two dates of a range, for a character class: hyphen-minus, the Unicode hyphens
 * (U+2010, the no-break U+2011), figure dash, en and em dash, horizontal bar (U+2012–U+2015) and the minus sign
 * (U+2212), which Word's and PDF's text put there as often as a hyphen.
 */
export const DASHES = "\\-\\u2010-\\u2015\\u2212";

/** Separators between the two dates of a range: a dash or only a space. */
export const RANGE_SEPARATOR = new RegExp(`^[\\s${DASHES}]*`);

/**
 * What may follow a range's last date before the amount: spaces, and a dash left hanging when the range broke over
 * lines. A dash against a digit is the amount's minus sign ("-1 500,00"), not a separator.
 */
export const AFTER_RANGE = new RegExp(`^\\s*(?:[${DASHES}]+(?=\\s|$))?\\s*`);

export const MAX_ROW_LINE = 350;
/** Narrative paragraphs come out of the PDF as one long line each; table cells wrap at the cell width. */
export const NARRATIVE_LINE = 250;

export interface RowStart {
  kind: "activity" | "personnel";
  codeStyle: "dotted" | "numbered" | null;
  printedCode: string | null;
  code: string | null;
  /** For personnel the printed words are the label's start; for codes, the text after the code. */
  labelStart: string;
}

const DOTTED_CODE = /^(\d{1,2}(?:\.\d{1,3}){2,})(\.*)(?=\s|$)/;
const NUMBERED_ITEM = /^(\d{1,2})\.(?=\s+\S)/;
const PERSONNEL = /^\(?(?:Elluviija\)?\s+)?otsesed(?:\s+personalikulud)?(?=\s|$)/i;

/** Recognises the start of a schedule row at the beginning of `text`. */
export function matchRowStart(text: string): RowStart | null {
  const personnel = PERSONNEL.exec(text);
  if (personnel) {
    return { kind: "personnel", codeStyle: null, printedCode: null, code: null, labelStart: text };
  }
  const dotted = DOTTED_CODE.exec(text);
  if (dotted) {
    return {
      kind: "activity",
      codeStyle: "dotted",
      printedCode: dotted[1] + dotted[2],
      code: dotted[1],
      labelStart: text.slice(dotted[0].length).trim(),
    };
  }
  const numbered = NUMBERED_ITEM.exec(text);
  if (numbered) {
    return {
      kind: "activity",
      codeStyle: "numbered",
      printedCode: `${numbered[1]}.`,
      code: numbered[1],
      labelStart: text.slice(numbered[0].length).trim(),
    };
  }
  return null;
}

/**
 * Positions inside a line where a row may start after a label fragment displaced by a page break
 * ("… korraldamine 3.5.2.1.5 Koostöös", "… võimalik. 9. Lõpparuanne").
 */
export function midLineRowStarts(text: string): number[] {
  const positions: number[] = [];
  const candidate = /\s(?=(\d{1,2}(?:\.\d{1,3}){2,}\.*\s)|(\d{1,2}\.\s+\p{Lu})|(Otsesed\s+personalikulud))/gu;
  let match: RegExpExecArray | null;
  while ((match = candidate.exec(text)) !== null) {
    const position = match.index + 1;
    // A numbered item only starts after the end of a sentence; elsewhere "2. " is ordinary text.
    if (match[2] && !/[.!?)]\s*$/.test(text.slice(0, position))) continue;
    positions.push(position);
  }
  return positions;
}

export interface ScheduleCaption {
  kind: "schedule" | "indicators";
  table: number;
  /** Where the caption starts in the line (narrative may precede it on the same line). */
  index: number;
  rest: string;
}

const CAPTION = /Tabel\s+(\d{1,3})\.\s*(Tegevuste\s+ajakava|(?:[\p{L}-]+\s+){0,3}?näitajad)/u;

export function matchCaption(text: string): ScheduleCaption | null {
  const match = CAPTION.exec(text);
  if (!match) return null;
  return {
    kind: /ajakava/.test(match[2]) ? "schedule" : "indicators",
    table: Number(match[1]),
    index: match.index,
    rest: text.slice(match.index + match[0].length).trim(),
  };
}

/** A page number alone on its line. */
export function isPageNumber(text: string): boolean {
  return /^\d{1,3}$/.test(text);
}

/** The document register's header and footer rows ("Viit | 68 |", "Nimi | K.p. | …"). */
export function isRegisterLine(text: string): boolean {
  return /\s\|\s|\|\s*$|^-{3}\|/.test(text);
}

/** Indicator units seen in the ministry's tables; others are recognised at a line's start only. */
const KNOWN_UNITS = ["Arv", "Osaluskord", "Osalejat", "Inimest", "Kord", "Tk", "Protsent", "%"];
const NUMBER = "(\\d+(?:[.,]\\d+)?)";

export interface IndicatorValues {
  namePrefix: string;
  unit: string;
  target: string;
  target2029: string;
  explanation: string;
}

/** "KOV koordinaatorite arv Arv 8 7 Partnerluslepingu …" or "Arv 0 7 Ettevalmistavad …". */
const INLINE_VALUES = new RegExp(
  `^(.*?)(?:^|\\s)(${KNOWN_UNITS.join("|")})\\s+${NUMBER}\\s+${NUMBER}(?:\\s+(.*))?$`,
  "u",
);
const VALUES_AT_START = new RegExp(`^()(\\p{Lu}[\\p{L}.]*)\\s+${NUMBER}\\s+${NUMBER}(?:\\s+(.*))?$`, "u");

export function matchIndicatorValues(text: string): IndicatorValues | null {
  const atStart = INLINE_VALUES.exec(text) ?? VALUES_AT_START.exec(text);
  if (!atStart) return null;
  return {
    namePrefix: atStart[1].trim(),
    unit: atStart[2],
    target: atStart[3].replace(",", "."),
    target2029: atStart[4].replace(",", "."),
    explanation: (atStart[5] ?? "").trim(),
  };
}

/** Collapses the whitespace that line joins leave. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
