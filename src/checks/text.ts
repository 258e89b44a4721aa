import { Period } from "../model/calendar-date";
import { Money, formatMoneyEstonian, formatMoneyPlain } from "../model/money";
import { PlanNode } from "../model/hierarchy";
import { ScheduleRow } from "../model/plan";

/** Display helpers for messages: Estonian number and date forms in both languages' messages. */
export const euro = (amount: Money) => `${formatMoneyEstonian(amount)} €`;
export const euroEn = (amount: Money) => `€${formatMoneyPlain(amount)}`;
export const period = (value: Period) => `${value.start.toEstonian()} – ${value.end.toEstonian()}`;

/**
 * How a row is named in a message: its code as the sheet shows it; a numbered item with the activity it belongs to
 * ("3.5.1.2 › 6.", since "6." alone is in every activity); personnel by its label. `parent`: the row's parent in
 * its implementer's tree, which a numbered item needs. Names carry no place: the finding's position says where.
 */
export function rowName(row: ScheduleRow, parent?: PlanNode | null): string {
  if (row.kind === "personnel") return `„${row.label}“`;
  return codeName(row, parent) ?? `„${shorten(row.label)}“`;
}

export function rowNameEn(row: ScheduleRow, parent?: PlanNode | null): string {
  if (row.kind === "personnel") return `"${row.label}"`;
  return codeName(row, parent) ?? `"${shorten(row.label)}"`;
}

/** A node's name: its row's, under its parent. */
export const nodeName = (node: PlanNode) => rowName(node.row, node.parent);
export const nodeNameEn = (node: PlanNode) => rowNameEn(node.row, node.parent);

/** The name with the start of the label, for rows whose code alone is ambiguous (a duplicated code). */
export const nodeNameLabelled = (node: PlanNode) => `${nodeName(node)} („${shorten(node.row.label, 30)}“)`;
export const nodeNameLabelledEn = (node: PlanNode) => `${nodeNameEn(node)} ("${shorten(node.row.label, 30)}")`;

function codeName(row: ScheduleRow, parent: PlanNode | null | undefined): string | null {
  if (row.code === null) return null;
  if (row.codeStyle !== "numbered") return row.code;
  const activity = parent && parent.row.kind !== "personnel" ? codeName(parent.row, parent.parent) : null;
  return activity ? `${activity} › ${row.code}.` : `${row.code}.`;
}

/** "a, b ja c" / "a, b and c". */
export function listEt(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ja ${items[items.length - 1]}`;
}

export function listEn(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
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
