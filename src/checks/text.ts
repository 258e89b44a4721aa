import { Period } from "../model/calendar-date";
import { Money, formatMoneyEstonian, formatMoneyPlain } from "../model/money";
import { ScheduleRow } from "../model/plan";

/** Display helpers for messages: Estonian number and date forms in both languages' messages. */
export const euro = (amount: Money) => `${formatMoneyEstonian(amount)} €`;
export const euroEn = (amount: Money) => `€${formatMoneyPlain(amount)}`;
export const period = (value: Period) => `${value.start.toEstonian()} – ${value.end.toEstonian()}`;

/** How a row is named in a message: its code, or the personnel label. */
export function rowName(row: ScheduleRow): string {
  if (row.kind === "personnel") return `„${row.label}“`;
  if (row.codeStyle === "numbered") return `${row.code}. („${shorten(row.label)}“)`;
  return row.code ?? `„${shorten(row.label)}“`;
}

export function rowNameEn(row: ScheduleRow): string {
  if (row.kind === "personnel") return `"${row.label}"`;
  if (row.codeStyle === "numbered") return `${row.code}. ("${shorten(row.label)}")`;
  return row.code ?? `"${shorten(row.label)}"`;
}

/** The start of a long label, cut at a word. */
export function shorten(label: string, length = 40): string {
  if (label.length <= length) return label;
  const cut = label.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 20)).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * Text for display without the Unicode bidirectional controls (embeddings, overrides, isolates): a label holding
 * U+202E and cut short in a message would reverse the rest of it, dates and amounts included ("01.09.2025" shown
 * as "5202.90.10"). The rows keep their text as printed; only what findings show is cleaned.
 */
export function displayText(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
}
