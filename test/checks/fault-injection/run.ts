import { RULES, runChecks } from "../../../src/checks";
import { Finding, Rule } from "../../../src/checks/types";
import { GeneratedPlan, generatePlan } from "./generator";
import { ExpectedFinding, compareFindings, describeExpected } from "./harness";
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
  const { missing, extra } = compareFindings(findings, expected);
  const failure =
    missing.length === 0 && extra.length === 0
      ? null
      : [
          `seed ${seed} (${fromWorkbook ? "read from the workbook" : "from text"}; rerun with FAULT_SEEDS=${seed})`,
          ...injections.map((injection) => `  injected ${injection.injector}: ${injection.description}`),
          ...injections.flatMap((injection) => injection.expected.map((e) => `  expects ${describeExpected(e)}`)),
          ...missing.map((line) => `  MISSING ${line}`),
          ...extra.map((line) => `  EXTRA   ${line}`),
        ].join("\n");
  return { seed, generated, injections, findings, expected, failure };
}

/** Between 2 and 16 faults of random kinds (a kind may come more than once), each to be put at a free place. */
export function pickFaults(random: Random, fromWorkbook: boolean): Injector[] {
  const available = INJECTORS.filter((injector) => fromWorkbook || !injector.workbookOnly);
  return Array.from({ length: random.int(2, 16) }, () => random.pick(available));
}
