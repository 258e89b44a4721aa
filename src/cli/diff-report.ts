import { CHANGE_FIELD_ET, CHANGE_KIND_ET, formatMoneyEstonian, formatMoneyPlain } from "../app";
import type { Money, Period, PlanChange, PlanComparison } from "../app";
import { alignColumns } from "./columns";
import type { Language } from "./summary";

const TEXT = {
  et: {
    none: "Muudatusi ei ole: kavad on samad.",
    changes: (count: number) => `Muudatused (${count}):`,
    headers: ["Elluviija / partner", "Kood", "Muutus", "Enne", "Pärast", "Vahe", "Väljad"],
    kind: CHANGE_KIND_ET,
    field: CHANGE_FIELD_ET,
    parent: "¹ ülemrida: summa on alamridade oma, kogusummasse ei loeta",
    totals: "Kogusummad:",
    totalHeaders: ["Elluviija / partner", "Enne", "Pärast", "Vahe"],
    all: "Kokku",
    implementer: { added: "lisatud elluviija/partner", removed: "eemaldatud elluviija/partner" },
    partnerships: "Partnerluslepingu periood muutus:",
    indicators: "Näitajate sihttasemed muutusid:",
    target: "sihttase",
  },
  en: {
    none: "No changes: the plans are the same.",
    changes: (count: number) => `Changes (${count}):`,
    headers: ["Implementer / partner", "Code", "Change", "Before", "After", "Difference", "Fields"],
    kind: { added: "added", removed: "removed", renumbered: "renumbered", changed: "changed" },
    field: { amount: "amount", frame: "frame", plan: "plan", responsible: "responsible", label: "label", code: "code" },
    parent: "¹ parent row: its amount is its items', not counted in the totals",
    totals: "Totals:",
    totalHeaders: ["Implementer / partner", "Before", "After", "Difference"],
    all: "Total",
    implementer: { added: "implementer/partner added", removed: "implementer/partner removed" },
    partnerships: "Partnership agreement period changed:",
    indicators: "Indicator targets changed:",
    target: "target",
  },
};

/** The comparison for the terminal: the change table, the totals, then agreements and indicators. */
export function formatComparison(comparison: PlanComparison, language: Language): string {
  const text = TEXT[language];
  const amount = (value: Money | null): string =>
    value === null ? "—" : language === "et" ? formatMoneyEstonian(value) : formatMoneyPlain(value);
  const period = (value: Period | null): string =>
    value ? `${value.start.toEstonian()}–${value.end.toEstonian()}` : "—";
  const lines: string[] = [];
  const nothing =
    comparison.changes.length === 0 &&
    comparison.implementers.length === 0 &&
    comparison.partnerships.length === 0 &&
    comparison.indicators.length === 0;
  if (nothing) return `${text.none}\n`;
  for (const change of comparison.implementers) lines.push(`${change.implementer}: ${text.implementer[change.change]}`);
  if (comparison.implementers.length > 0) lines.push("");
  if (comparison.changes.length > 0) {
    lines.push(text.changes(comparison.changes.length));
    const code = (change: PlanChange): string =>
      change.change === "renumbered" ? `${change.codeBefore} → ${change.code}` : change.code;
    // A parent's difference is its items', listed for the reader but not counted: marked so the column adds up.
    const uncounted = (change: PlanChange): boolean =>
      !change.difference.isZero() && !change.difference.equals(change.countedDifference);
    const rows = comparison.changes.map((change) => [
      change.implementer,
      code(change),
      text.kind[change.change],
      amount(change.amountBefore),
      amount(change.amountAfter),
      `${amount(change.difference)}${uncounted(change) ? "¹" : ""}`,
      change.fields.map((field) => text.field[field.field]).join(", "),
    ]);
    lines.push(...alignColumns([text.headers, ...rows], [3, 4, 5]).map((line) => `  ${line}`));
    if (comparison.changes.some(uncounted)) lines.push(`  ${text.parent}`);
    lines.push("");
  }
  const totals = comparison.totals.filter((total) => !total.difference.isZero() || total.before === null);
  if (totals.length > 0 || !comparison.grandTotal.difference.isZero()) {
    lines.push(text.totals);
    const rows = totals.map((total) => [
      total.implementer,
      amount(total.before),
      amount(total.after),
      amount(total.difference),
    ]);
    const grand = comparison.grandTotal;
    rows.push([text.all, amount(grand.before), amount(grand.after), amount(grand.difference)]);
    lines.push(...alignColumns([text.totalHeaders, ...rows], [1, 2, 3]).map((line) => `  ${line}`));
    lines.push("");
  }
  if (comparison.partnerships.length > 0) {
    lines.push(text.partnerships);
    for (const change of comparison.partnerships) {
      lines.push(`  ${change.implementer}: ${period(change.before)} → ${period(change.after)}`);
    }
    lines.push("");
  }
  if (comparison.indicators.length > 0) {
    lines.push(text.indicators);
    const targets = (value: { target: string; target2029: string } | null): string =>
      value ? `${value.target} / 2029: ${value.target2029}` : "—";
    for (const change of comparison.indicators) {
      lines.push(`  ${change.name} (${change.unit}): ${targets(change.before)} → ${targets(change.after)}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
