import { formatMoneyEstonian, formatMoneyPlain, groupFindings, planTotals } from "../app";
import type { CheckResult, Finding, Money, PlanAnalysis } from "../app";
import { alignColumns } from "./columns";
import { Language } from "./summary";

const plain = (amount: Money | null | undefined) => (amount ? formatMoneyPlain(amount) : null);

/** The check's JSON: findings with their numbers, the totals declared against computed, the grand total. */
export function checkResultToJson(result: CheckResult, language: Language): unknown {
  return {
    findings: result.findings.map((finding) => findingToJson(finding, language)),
    totals: result.totals.map((line) => ({
      implementer: line.implementer,
      declared: plain(line.declared),
      computed: plain(line.computed),
      difference: plain(line.difference),
    })),
    grandTotal: plain(result.grandComputed),
    grandDeclared: plain(result.grandDeclared),
    counts: result.counts,
  };
}

function findingToJson(finding: Finding, language: Language): Record<string, unknown> {
  const hasSums = finding.declared !== undefined && finding.computed !== undefined;
  return {
    rule: finding.rule,
    severity: finding.severity,
    category: finding.category,
    implementer: finding.implementer,
    code: finding.code,
    line: finding.position.line,
    ...(finding.position.sheet ? { sheet: finding.position.sheet, cell: finding.position.cell } : {}),
    message: language === "et" ? finding.message : finding.messageEn,
    expected: hasSums ? plain(finding.computed) : (finding.expected ?? null),
    actual: hasSums ? plain(finding.declared) : (finding.actual ?? null),
    ...(hasSums
      ? { declared: plain(finding.declared), computed: plain(finding.computed), difference: plain(finding.difference) }
      : {}),
    ...(finding.correction ? { correction: finding.correction } : {}),
    related: finding.related.map((row) => ({
      code: row.code,
      line: row.line,
      ...(row.sheet ? { sheet: row.sheet, cell: row.cell } : {}),
      amount: plain(row.amount),
    })),
  };
}

const TEXT = {
  et: {
    title: "Kontrolli tulemus",
    counts: (errors: number, warnings: number, infos: number) =>
      `${errors} viga, ${warnings} ${warnings === 1 ? "hoiatus" : "hoiatust"}, ${infos} ${infos === 1 ? "teade" : "teadet"}`,
    clean: "Vastuolusid ei leitud.",
    severity: { error: "Vead", warning: "Hoiatused", info: "Teated" },
    general: "Kogu kava (näitajad)",
    line: "rida",
    sums: (declared: string, computed: string, difference: string) =>
      `deklareeritud ${declared}, arvutatud ${computed}, vahe ${difference}`,
    totalsTitle: "Kogusummad",
    headers: ["", "deklareeritud", "arvutatud", "vahe"],
    total: "Kokku",
    recalcTitle: "Ülemridade summad: deklareeritud ja alamridadest arvutatud",
    recalcHeaders: ["kood", "tegevus", "deklareeritud", "arvutatud", "vahe"],
    implementerTotal: "kokku",
  },
  en: {
    title: "Check result",
    counts: (errors: number, warnings: number, infos: number) =>
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} note${infos === 1 ? "" : "s"}`,
    clean: "No inconsistencies found.",
    severity: { error: "Errors", warning: "Warnings", info: "Notes" },
    general: "Whole plan (indicators)",
    line: "line",
    sums: (declared: string, computed: string, difference: string) =>
      `declared ${declared}, computed ${computed}, difference ${difference}`,
    totalsTitle: "Totals",
    headers: ["", "declared", "computed", "difference"],
    total: "Total",
    recalcTitle: "Parent rows: declared against computed from their items",
    recalcHeaders: ["code", "activity", "declared", "computed", "difference"],
    implementerTotal: "total",
  },
} as const;

function money(amount: Money | null | undefined, language: Language): string {
  if (!amount) return "—";
  return language === "et" ? formatMoneyEstonian(amount) : formatMoneyPlain(amount);
}

/** Findings grouped by implementer and severity, with counts, positions and numbers; then the totals. */
export function formatCheckReport(result: CheckResult, language: Language): string {
  const text = TEXT[language];
  const { error, warning, info } = result.counts;
  const lines = [`${text.title}: ${text.counts(error, warning, info)}`];
  if (result.findings.length === 0) lines.push(text.clean);
  let current: string | null | undefined;
  for (const group of groupFindings(result.findings)) {
    if (group.implementer !== current) {
      current = group.implementer;
      lines.push("", group.implementer ?? text.general);
    }
    lines.push(`  ${text.severity[group.severity]} (${group.findings.length})`);
    for (const finding of group.findings) {
      const { position } = finding;
      const where = position.sheet
        ? `${position.sheet}${position.cell ? `!${position.cell}` : ""}`
        : position.line !== null
          ? `${text.line} ${position.line}`
          : "";
      const message = language === "et" ? finding.message : finding.messageEn;
      lines.push(`    ${where.padEnd(position.sheet ? 16 : 9)} [${finding.rule}] ${message}`);
      if (finding.declared && finding.computed && finding.difference) {
        const sums = text.sums(
          money(finding.declared, language),
          money(finding.computed, language),
          money(finding.difference, language),
        );
        lines.push(`${" ".repeat(14)}${sums}`);
      }
    }
  }
  lines.push("", text.totalsTitle);
  const table: string[][] = [[...text.headers]];
  for (const line of result.totals) {
    table.push([
      line.implementer,
      money(line.declared, language),
      money(line.computed, language),
      money(line.difference, language),
    ]);
  }
  const grandDifference =
    result.grandDeclared && result.grandComputed ? result.grandComputed.minus(result.grandDeclared) : null;
  table.push([
    text.total,
    money(result.grandDeclared, language),
    money(result.grandComputed, language),
    money(grandDifference, language),
  ]);
  lines.push(...alignColumns(table, [1, 2, 3]));
  return `${lines.join("\n")}\n`;
}

/** Every parent row of every implementer, declared against computed (recursively from the leaves). */
export function formatRecalc(analysis: PlanAnalysis, language: Language): string {
  const text = TEXT[language];
  const totals = planTotals(analysis.plan, analysis.implementers);
  const lines: string[] = [text.recalcTitle];
  for (const implementerTotals of totals.implementers) {
    const { tree } = implementerTotals;
    const table: string[][] = [[...text.recalcHeaders]];
    for (const node of tree.nodes) {
      if (node.children.length === 0) continue;
      const declared = node.row.amount;
      const computed = implementerTotals.computed[node.index];
      const difference = declared && computed ? computed.minus(declared) : null;
      const mark = difference && !difference.isZero() ? " ≠" : "";
      table.push([
        node.code ?? "",
        shortLabel(node.row.label),
        money(declared, language),
        money(computed, language),
        money(difference, language) + mark,
      ]);
    }
    const { declared, total } = implementerTotals;
    const difference = declared && total ? total.minus(declared) : null;
    table.push([
      "",
      `${tree.implementer.name} ${text.implementerTotal}`,
      money(declared, language),
      money(total, language),
      money(difference, language) + (difference && !difference.isZero() ? " ≠" : ""),
    ]);
    lines.push("", tree.implementer.name, ...alignColumns(table, [2, 3, 4]).map((line) => `  ${line}`));
  }
  const grandDifference =
    totals.grandDeclared && totals.grandComputed ? totals.grandComputed.minus(totals.grandDeclared) : null;
  lines.push(
    "",
    `${text.total}: ${money(totals.grandDeclared, language)} / ${money(totals.grandComputed, language)} / ${money(grandDifference, language)}`,
  );
  return `${lines.join("\n")}\n`;
}

function shortLabel(label: string): string {
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}
