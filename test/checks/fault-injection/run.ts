import { RULES, runChecks } from "../../../src/checks";
import { Finding, Rule } from "../../../src/checks/types";
import { GeneratedPlan, generatePlan } from "./generator";
import { ActionPlan } from "../../../src/model/plan";
import { ExpectedFinding, compareFindings, describeExpected, describeFinding } from "./harness";
import { Claims, INJECTORS, Injection, Injector, injectAll } from "./injectors";
import { Random } from "./random";

export interface Run {
  seed: number;
  generated: GeneratedPlan;
  injections: Injection[];
  findings: Finding[];
  expected: ExpectedFinding[];
  /** Empty when the findings are exactly the expected ones. */
  failure: string | null;
}

/**
 * One seed: a consistent plan (from text, or read back from its workbook), the injectors applied at free places,
 * the check run, and the findings compared with what the injections expect. The failure text names the seed, the
 * injections, and what is missing or extra, so that FAULT_SEEDS=<seed> reruns it.
 */
export function runSeed(
  seed: number,
  pickInjectors: (random: Random) => Injector[],
  fromWorkbook: boolean,
  rules: readonly Rule[] = RULES,
): Run {
  const generated = generatePlan(seed, { fromWorkbook });
  // A stream of its own, so that the plan of a seed is the same whatever is injected into it.
  const random = new Random(seed ^ 0x5bd1e995);
  const injections = injectAll({ generated, random, claims: new Claims() }, pickInjectors(random));
  const findings = runChecks(generated.plan, rules).findings;
  const expected = injections.flatMap((injection) => injection.expected);
  const unplaced = fromWorkbook
    ? findings.filter((finding) => !finding.position.sheet || finding.position.line !== null)
    : [];
  const { missing, extra } = compareFindings(
    fromWorkbook ? findings.map((finding) => atSourceLine(finding, generated.plan)) : findings,
    expected,
  );
  const failure =
    missing.length === 0 && extra.length === 0 && unplaced.length === 0
      ? null
      : [
          `seed ${seed} (${fromWorkbook ? "read from the workbook" : "from text"}; rerun with FAULT_SEEDS=${seed})`,
          ...injections.map((injection) => `  injected ${injection.injector}: ${injection.description}`),
          ...injections.flatMap((injection) => injection.expected.map((e) => `  expects ${describeExpected(e)}`)),
          ...missing.map((line) => `  MISSING ${line}`),
          ...extra.map((line) => `  EXTRA   ${line}`),
          ...unplaced.map(
            (finding) => `  UNPLACED ${describeFinding(finding)} (a workbook's finding needs a sheet and no line)`,
          ),
        ].join("\n");
  return { seed, generated, injections, findings, expected, failure };
}

/**
 * A workbook's finding stands at its sheet and row, never at a line; the expectations name the row by its source
 * line (the generator's), so the finding is compared at the line of the row (or indicator) at that place. A finding
 * about a whole schedule stands on its sheet alone, and compares at the schedule's first row, as from text.
 */
function atSourceLine(finding: Finding, plan: ActionPlan): Finding {
  const { sheet, row } = finding.position;
  if (!sheet) return finding;
  let line: number | null = null;
  if (row === undefined) {
    line = plan.implementers.find((each) => each.rows[0]?.sheet?.name === sheet)?.rows[0].line ?? null;
  } else {
    const indicator = plan.indicators.find((each) => each.sheet?.name === sheet && each.sheet.row === row);
    const schedule = plan.implementers
      .flatMap((each) => each.rows)
      .find((each) => each.sheet?.name === sheet && each.sheet.row === row);
    const described = plan.implementers
      .flatMap((each) => each.narrative ?? [])
      .find((each) => each.sheet?.name === sheet && each.sheet.row === row);
    line = indicator?.line ?? schedule?.line ?? described?.line ?? null;
  }
  return { ...finding, position: { ...finding.position, line } };
}

/** Between 2 and 16 faults of random kinds (a kind may come more than once), each to be put at a free place. */
export function pickFaults(random: Random, fromWorkbook: boolean): Injector[] {
  const available = INJECTORS.filter((injector) => fromWorkbook || !injector.workbookOnly);
  return Array.from({ length: random.int(2, 16) }, () => random.pick(available));
}
