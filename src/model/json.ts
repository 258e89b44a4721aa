import { periodToIso } from "./calendar-date";
import { formatMoneyPlain } from "./money";
import { ImportResult } from "./plan";

/**
 * The plan as plain JSON for the CLI's `parse --json`: ISO dates, amounts as decimal strings with two
 * decimals, codes without trailing dots, null where the document gives nothing.
 */
export function importResultToJson(result: ImportResult): unknown {
  const { plan, diagnostics } = result;
  return {
    planPeriod: periodToIso(plan.planPeriod),
    implementers: plan.implementers.map((implementer) => ({
      name: implementer.name,
      role: implementer.role,
      tables: implementer.tables,
      partnership: periodToIso(implementer.partnership),
      rows: implementer.rows.map((row) => ({
        code: row.code,
        label: row.label,
        kind: row.kind,
        amount: row.amount ? formatMoneyPlain(row.amount) : null,
        frame: periodToIso(row.frame),
        plan: periodToIso(row.plan),
        responsible: row.responsible,
        line: row.line,
      })),
    })),
    indicators: plan.indicators.map((indicator) => ({
      table: indicator.table,
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      target2029: indicator.target2029,
      explanation: indicator.explanation,
    })),
    diagnostics: diagnostics.map((diagnostic) => ({
      severity: diagnostic.severity,
      id: diagnostic.id,
      line: diagnostic.line,
      message: diagnostic.message,
      messageEn: diagnostic.messageEn,
      ...(diagnostic.text !== undefined ? { text: diagnostic.text } : {}),
      ...(diagnostic.file !== undefined ? { file: diagnostic.file } : {}),
    })),
  };
}
