import Decimal from "decimal.js";
import { RULES } from "../../../src/checks";
import { Report, Rule } from "../../../src/checks/types";
import { SEEDS } from "./harness";
import { pickFaults, runSeed } from "./run";

/** The rule with each of its reports changed (or dropped, or repeated): a rule that is wrong in a known way. */
function mutate(id: string, change: (report: Report) => Report[]): readonly Rule[] {
  return RULES.map((rule) =>
    rule.meta.id !== id
      ? rule
      : { meta: rule.meta, check: (context, report) => rule.check(context, (each) => change(each).forEach(report)) },
  );
}

const rowLine = (report: Report) => report.line ?? report.row?.line ?? report.node?.row.line ?? 0;

const MUTANTS: Array<[string, readonly Rule[]]> = [
  ...RULES.map((rule): [string, readonly Rule[]] => [
    `${rule.meta.id} reports nothing`,
    mutate(rule.meta.id, () => []),
  ]),
  [
    "sum-mismatch computes a cent more",
    mutate("sum-mismatch", (report) => [{ ...report, computed: report.computed?.plus(new Decimal("0.01")) }]),
  ],
  [
    "total-mismatch reports the declared amount as computed",
    mutate("total-mismatch", (report) => [{ ...report, computed: report.declared }]),
  ],
  [
    "parent-overridden leaves out the numbers",
    mutate("parent-overridden", (report) => [{ ...report, declared: undefined, computed: undefined }]),
  ],
  [
    "duplicate-code proposes the code it repeats",
    mutate("duplicate-code", (report) => [
      { ...report, correction: report.correction && { ...report.correction, to: report.correction.from } },
    ]),
  ],
  ["invalid-date names another date", mutate("invalid-date", (report) => [{ ...report, actual: "01.01.2000" }])],
  ["plan-outside-year reports each row twice", mutate("plan-outside-year", (report) => [report, report])],
  [
    "missing-frame points a line lower",
    mutate("missing-frame", (report) => [{ ...report, line: rowLine(report) + 1 }]),
  ],
  [
    "responsible-mismatch names no implementer",
    mutate("responsible-mismatch", (report) => [{ ...report, implementer: null }]),
  ],
];

/**
 * The harness must notice a wrong rule: for each mutant, some seed of the combined run fails. A mutant that
 * passes every seed would mean the faults of its kind are never checked.
 */
describe("the fault-injection harness", () => {
  it.each(MUTANTS)("catches a rule that is wrong: %s", (_, rules) => {
    let failure: string | null = null;
    for (const seed of SEEDS.fixed) {
      const fromWorkbook = seed % 3 === 0;
      failure = runSeed(seed, (random) => pickFaults(random, fromWorkbook), fromWorkbook, rules).failure;
      if (failure) {
        // What a developer reads: the seed, how to rerun it, and the finding that is missing or extra.
        expect(failure).toMatch(new RegExp(`^seed ${seed} .*FAULT_SEEDS=${seed}\\)`));
        expect(failure).toMatch(/\n {2}(MISSING|EXTRA) {1,3}\S/);
        break;
      }
    }
    expect(failure).not.toBeNull();
  });
});
