import { Money } from "../model/money";
import { ActionPlan } from "../model/plan";
import { ImplementerTotals, implementerTotals } from "../model/totals";
import { displayText } from "./text";
import { ScheduleRow } from "../model/plan";
import { CheckContext, Finding, Position, Report, Rule, Severity } from "./types";

export interface ImplementerTotalLine {
  implementer: string;
  declared: Money | null;
  computed: Money | null;
  difference: Money | null;
}

export interface CheckResult {
  findings: Finding[];
  totals: ImplementerTotalLine[];
  grandDeclared: Money | null;
  grandComputed: Money | null;
  counts: Record<Severity, number>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the rules read; `built` are the implementers' trees when the caller has them already. */
export function buildContext(plan: ActionPlan, built?: readonly ImplementerTotals[]): CheckContext {
  return { plan, implementers: built ? [...built] : implementerTotals(plan) };
}

/**
 * Runs every rule over the plan; findings come sorted by implementer (document order), then position. `built`:
 * the implementers' trees and totals, when already built (see `analyse`), so that nothing is built twice.
 */
export function runChecks(plan: ActionPlan, rules: readonly Rule[], built?: readonly ImplementerTotals[]): CheckResult {
  const context = buildContext(plan, built);
  const findings: Finding[] = [];
  // Findings about the implementer's text come after those about its schedule: in a workbook they stand on Seaded,
  // whose rows say nothing of the schedule's order, and the text's findings keep the same order either way.
  const aboutText = new Set<Finding>();
  for (const rule of rules) {
    rule.check(context, (report) => {
      const finding = toFinding(rule, report);
      if (report.described) aboutText.add(finding);
      findings.push(finding);
    });
  }
  const order = new Map(plan.implementers.map((implementer, index) => [implementer.name, index]));
  const ruleOrder = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  findings.sort(
    (a, b) =>
      (order.get(a.implementer ?? "") ?? order.size) - (order.get(b.implementer ?? "") ?? order.size) ||
      Number(aboutText.has(a)) - Number(aboutText.has(b)) ||
      place(a.position) - place(b.position) ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0),
  );

  const add = (sum: Money | null, value: Money | null) => (sum && value ? sum.plus(value) : null);
  const totals = context.implementers.map(({ implementer, totals }) => ({
    implementer: implementer.name,
    declared: totals.declared,
    computed: totals.total,
    difference: totals.declared && totals.total ? totals.total.minus(totals.declared) : null,
  }));
  const first = totals[0];
  const grandDeclared = first ? totals.slice(1).reduce((sum, line) => add(sum, line.declared), first.declared) : null;
  const grandComputed = first ? totals.slice(1).reduce((sum, line) => add(sum, line.computed), first.computed) : null;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { findings, totals, grandDeclared, grandComputed, counts };
}

/** Where a finding stands in its implementer's schedule: its sheet row, else its source line; a whole schedule last. */
function place(position: Position): number {
  return position.row ?? position.line ?? Infinity;
}

function toFinding(rule: Rule, report: Report): Finding {
  const row = report.row ?? report.node?.row ?? null;
  const finding: Finding = {
    rule: rule.meta.id,
    severity: rule.meta.severity,
    category: rule.meta.category,
    implementer: report.implementer?.name ?? null,
    code: row ? (row.kind === "personnel" ? null : row.code) : (report.described?.code ?? null),
    position: positionOf(report, row),
    message: displayText(report.message),
    messageEn: displayText(report.messageEn),
    related: (report.related ?? []).map((related) => ({
      code: related.code,
      label: displayText(related.label),
      ...(related.sheet ? { line: null, sheet: related.sheet.name, row: related.sheet.row } : { line: related.line }),
      amount: related.amount,
    })),
  };
  if (report.declared) finding.declared = report.declared;
  if (report.computed) finding.computed = report.computed;
  if (report.declared && report.computed) finding.difference = report.computed.minus(report.declared);
  if (report.expected !== undefined) finding.expected = displayText(report.expected);
  if (report.actual !== undefined) finding.actual = displayText(report.actual);
  if (report.correction) finding.correction = report.correction;
  return finding;
}

/**
 * A plan read from a workbook is placed by sheet and row, never by the document's line (the hidden source-line
 * column is the document's, which the officer cannot find in Excel): a schedule row by its cell, an indicator by its
 * Näitajad cell, a finding about a whole schedule (no row) by the schedule's sheet.
 */
function positionOf(report: Report, row: ScheduleRow | null): Position {
  const indicator = report.indicator?.sheet;
  if (indicator) return { line: null, sheet: indicator.name, row: indicator.row, cell: indicator.target2029Cell };
  const described = report.described?.sheet;
  if (described) return { line: null, sheet: described.name, row: described.row, cell: described.cell };
  if (row?.sheet) return { line: null, sheet: row.sheet.name, row: row.sheet.row, column: report.column ?? "code" };
  const sheet = row ? undefined : report.implementer?.rows.find((candidate) => candidate.sheet)?.sheet;
  if (sheet) return { line: null, sheet: sheet.name };
  return { line: report.line ?? row?.line ?? report.indicator?.line ?? null };
}

export interface FindingGroup {
  implementer: string | null;
  severity: Severity;
  findings: Finding[];
}

/** Findings grouped by implementer (in their order) and severity (errors first). */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.implementer ?? ""}\u0000${finding.severity}`;
    let group = byKey.get(key);
    if (!group) {
      group = { implementer: finding.implementer, severity: finding.severity, findings: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.findings.push(finding);
  }
  const implementerOrder = [...new Set(groups.map((group) => group.implementer))];
  return groups.sort(
    (a, b) =>
      implementerOrder.indexOf(a.implementer) - implementerOrder.indexOf(b.implementer) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
