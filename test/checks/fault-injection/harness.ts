import { Finding } from "../../../src/checks/types";
import { Money } from "../../../src/model/money";
import { locateFindings } from "../../../src/workbook/layout";

/**
 * What an injected fault must make the check report: the rule at a place (implementer, code, line), for sums the
 * numbers, and optionally details the single-fault tests compare too.
 */
export interface ExpectedFinding {
  rule: string;
  implementer: string | null;
  code: string | null;
  line: number | null;
  declared?: Money;
  computed?: Money;
  difference?: Money;
  details?: {
    expected?: string;
    actual?: string;
    correction?: { from: string; to: string };
    position?: { sheet: string; cell: string };
  };
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

/**
 * FAULT_SEEDS="17,4051" reruns exactly those seeds (a failure names its seed); otherwise fixed ranges, the same on
 * every run so that CI is reproducible.
 */
const chosen = process.env.FAULT_SEEDS?.split(",")
  .map((seed) => Number(seed.trim()))
  .filter((seed) => Number.isInteger(seed));

export const SEEDS = {
  /** Whether FAULT_SEEDS chose the seeds: a rerun of a few, for which coverage figures mean nothing. */
  chosen: Boolean(chosen?.length),
  consistent: chosen?.length ? chosen : range(1, 300),
  perInjector: chosen?.length ? chosen : range(1000, 60),
  combined: chosen?.length ? chosen : range(5000, 600),
  /** Always the same range, for what a run must cover: the generator's shapes, the mutants caught. */
  fixed: range(5000, 600),
};

const number = (value: Money | undefined) => (value === undefined ? "-" : value.toFixed());

/** The place and numbers of a finding, compared as a multiset. */
function keyOf(item: {
  rule: string;
  implementer: string | null;
  code: string | null;
  line: number | null;
  declared?: Money;
  computed?: Money;
  difference?: Money;
}): string {
  const sums = [item.declared, item.computed, item.difference].some((value) => value !== undefined)
    ? ` declared ${number(item.declared)} computed ${number(item.computed)} difference ${number(item.difference)}`
    : "";
  return `${item.rule} | ${item.implementer ?? "—"} | ${item.code ?? "—"} | line ${item.line ?? "—"}${sums}`;
}

export function describeFinding(finding: Finding): string {
  return `${keyOf({ ...finding, line: finding.position.line })}: ${finding.messageEn}`;
}

export const describeExpected = (expected: ExpectedFinding) => keyOf(expected);

/** The finding's cell as the workbook layer places it: the checks give its row and column only. */
const cellOf = (finding: Finding): string | undefined => locateFindings([finding])[0].position.cell;

function detailsMatch(finding: Finding, expected: ExpectedFinding): boolean {
  const details = expected.details;
  if (!details) return true;
  if (details.expected !== undefined && finding.expected !== details.expected) return false;
  if (details.actual !== undefined && finding.actual !== details.actual) return false;
  if (
    details.correction &&
    (finding.correction?.from !== details.correction.from || finding.correction?.to !== details.correction.to)
  )
    return false;
  if (
    details.position &&
    (finding.position.sheet !== details.position.sheet || cellOf(finding) !== details.position.cell)
  )
    return false;
  return true;
}

export interface Comparison {
  missing: string[];
  extra: string[];
}

/**
 * The findings against the expectations as multisets of (rule, implementer, code, line, numbers): every expected
 * finding matched by one finding (with its details, where given), and no finding left over.
 */
export function compareFindings(findings: Finding[], expected: ExpectedFinding[]): Comparison {
  const unmatched = [...findings];
  const missing: string[] = [];
  for (const want of expected) {
    const key = keyOf(want);
    const index = unmatched.findIndex(
      (finding) => keyOf({ ...finding, line: finding.position.line }) === key && detailsMatch(finding, want),
    );
    if (index < 0) missing.push(`${key}${want.details ? ` ${JSON.stringify(want.details)}` : ""}`);
    else unmatched.splice(index, 1);
  }
  return { missing, extra: unmatched.map(describeFinding) };
}
