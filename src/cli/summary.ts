import { formatMoneyEstonian, formatMoneyPlain, sumMoney } from "../app";
import type { ImportResult, Money, Period, PlanAnalysis } from "../app";
import { alignColumns } from "./columns";

export type { Language } from "../app";
import type { Language } from "../app";

const TEXT = {
  et: {
    directive: (number: string, date: string) => `Kultuuriministri käskkiri nr ${number}, ${date}`,
    tat: (number: string, date: string) => `TAT: käskkiri nr ${number}, ${date}`,
    activity: "Toetatav tegevus",
    planPeriod: "Tegevuskava periood",
    headers: [
      "Elluviija / partner",
      "Roll",
      "Tabelid",
      "Ridu",
      "Deklareeritud kokku (EUR)",
      "Partnerluslepingu periood",
    ],
    role: { elluviija: "elluviija", partner: "partner" },
    total: "Kokku",
    sumOfTops: "¹ tegevuste ülemiste ridade ja personalikulude summa (dokumendis ühist rida pole)",
    indicators: (count: number, tables: string) => `Näitajaid: ${count} (tabelid ${tables})`,
    noDiagnostics: "Impordi teated: puuduvad — kõik read loeti.",
    diagnostics: (count: number) => `Impordi teated (${count}):`,
    line: "rida",
    unknown: "—",
  },
  en: {
    directive: (number: string, date: string) => `Directive of the Minister of Culture nr ${number}, ${date}`,
    tat: (number: string, date: string) => `TAT: directive nr ${number}, ${date}`,
    activity: "Supported activity",
    planPeriod: "Plan period",
    headers: ["Implementer / partner", "Role", "Tables", "Rows", "Declared total (EUR)", "Partnership period"],
    role: { elluviija: "implementer", partner: "partner" },
    total: "Total",
    sumOfTops: "¹ sum of the top activity rows and personnel (the document has no common row)",
    indicators: (count: number, tables: string) => `Indicators: ${count} (tables ${tables})`,
    noDiagnostics: "Import diagnostics: none — every row was read.",
    diagnostics: (count: number) => `Import diagnostics (${count}):`,
    line: "line",
    unknown: "—",
  },
} as const;

/** A readable summary of what the importer found: implementers, tables, rows, declared totals, diagnostics. */
export function formatSummary(result: ImportResult, analysis: PlanAnalysis, language: Language): string {
  const text = TEXT[language];
  const { plan, diagnostics } = result;
  const money = (amount: Money | null) =>
    amount === null ? text.unknown : language === "et" ? formatMoneyEstonian(amount) : formatMoneyPlain(amount);
  const period = (value: Period | null) =>
    value ? `${value.start.toEstonian()} – ${value.end.toEstonian()}` : text.unknown;

  const lines: string[] = [];
  const { directive } = plan;
  if (directive.number || directive.date) {
    lines.push(text.directive(directive.number ?? "?", directive.date?.toEstonian() ?? "?"));
  }
  if (directive.tat) lines.push(text.tat(directive.tat.number ?? "?", directive.tat.date?.toEstonian() ?? "?"));
  if (directive.activityName) lines.push(`${text.activity}: ${directive.activityName}`);
  lines.push(`${text.planPeriod}: ${period(plan.planPeriod)}`, "");

  const totals: Money[] = [];
  let footnote = false;
  const table: string[][] = [[...text.headers]];
  for (const { implementer, tree, totals: implementerTotals } of analysis.implementers) {
    const declared = implementerTotals.declared;
    if (declared) totals.push(declared);
    // Without a common top row, the declared total is the top rows' and personnel's sum: say so.
    const marker = tree.top ? "" : " ¹";
    footnote ||= marker !== "";
    table.push([
      implementer.name,
      text.role[implementer.role],
      implementer.tables.join(", "),
      String(implementer.rows.length),
      money(declared) + marker,
      implementer.role === "partner" ? period(implementer.partnership) : text.unknown,
    ]);
  }
  const rowCount = plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
  table.push([text.total, "", "", String(rowCount), money(sumMoney(totals)), ""]);
  lines.push(...alignColumns(table, [3, 4]));
  if (footnote) lines.push(text.sumOfTops);
  lines.push("");

  const indicatorTables = [...new Set(plan.indicators.map((indicator) => indicator.table))].join(", ");
  lines.push(text.indicators(plan.indicators.length, indicatorTables || text.unknown));
  if (diagnostics.length === 0) {
    lines.push(text.noDiagnostics);
  } else {
    lines.push(text.diagnostics(diagnostics.length));
    for (const diagnostic of diagnostics) {
      const line = diagnostic.line !== null ? `${text.line} ${diagnostic.line}` : "";
      const where = [diagnostic.file, line].filter(Boolean).join(", ");
      const prefix = where ? `${where}: ` : "";
      const message = language === "et" ? diagnostic.message : diagnostic.messageEn;
      lines.push(`  [${diagnostic.severity}] ${prefix}${message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
