import Decimal from "decimal.js";
import { RULES, runChecks } from "../../../src/checks";
import { Money } from "../../../src/model/money";
import { COLUMN } from "../../../src/workbook/layout";
import { RawCell, RawSheet } from "../../../src/workbook/model";
import { workbookToPlan } from "../../../src/workbook/read-plan";
import { planToWorkbook } from "../../../src/workbook/write-plan";
import { generatePlan, rawSheets } from "./generator";
import { SEEDS, compareFindings } from "./harness";
import { INJECTORS } from "./injectors";
import { Random } from "./random";
import { runSeed } from "./run";

/**
 * Each injector alone, over many seeds: the check reports exactly what it expects (rule, implementer, code, line,
 * for sums the numbers, and the details it names: the correction, the bad date, the cell), nothing else.
 */
describe.each(INJECTORS.map((injector) => [injector.id, injector] as const))("fault %s alone", (_, injector) => {
  it("is reported exactly, over the seeds", () => {
    const failures: string[] = [];
    let applied = 0;
    let findings = 0;
    for (const seed of SEEDS.perInjector) {
      const fromWorkbook = injector.workbookOnly === true || seed % 3 === 0;
      const run = runSeed(seed, () => [injector], fromWorkbook);
      if (run.injections.length === 0) continue;
      applied++;
      findings += run.findings.length;
      if (run.failure) failures.push(run.failure);
      for (const injection of run.injections) {
        if (injector.pure && injection.expected.some((expected) => expected.rule !== injector.rule))
          failures.push(`seed ${seed}: ${injector.id} is pure but expects ${JSON.stringify(injection.expected)}`);
      }
    }
    expect(failures).toEqual([]);
    if (SEEDS.chosen) return;
    // A plan with no place for the fault is skipped; most seeds must have one, or the test would prove little.
    expect(applied).toBeGreaterThanOrEqual(Math.ceil(SEEDS.perInjector.length * 0.8));
    expect(findings).toBeGreaterThanOrEqual(applied);
  });
});

/**
 * The parent-overridden injector edits the plan as read-plan would have read it; here the workbook itself is edited
 * (the SUM cell replaced by a typed number) and read back, and the check must say the same.
 */
describe("a number typed over a parent's SUM in the workbook itself", () => {
  it("is read back and reported as the parent-overridden injector expects", () => {
    const failures: string[] = [];
    for (const seed of SEEDS.perInjector.slice(0, 30)) {
      const generated = generatePlan(seed);
      const random = new Random(seed);
      const parent = random.pick(
        generated.schedules.flatMap((schedule) => schedule.nodes.filter((node) => node.children.length > 0)),
      );
      const sheets = rawSheets(planToWorkbook(generated.plan).workbook);
      const sheet = sheets.find((candidate) =>
        candidate.rows.some((cells) => cells?.[COLUMN.line]?.value === parent.row.line),
      ) as RawSheet;
      const sheetRow = sheet.rows.findIndex((cells) => cells?.[COLUMN.line]?.value === parent.row.line) + 1;
      const cells = sheet.rows[sheetRow - 1] as Array<RawCell | null>;
      const sum = parent.row.amount as Money;
      const typed = random.chance(0.5) ? sum : sum.plus(new Decimal(random.int(1, 99_999)).dividedBy(100));
      expect(cells[COLUMN.amount]?.formula).toMatch(/^SUM\(/);
      // A typed cell holds a binary number, as Excel's do; read-plan brings it back to the exact amount.
      cells[COLUMN.amount] = { value: typed.toNumber() };
      const { findings } = runChecks(workbookToPlan(sheets).plan, RULES);
      const { missing, extra } = compareFindings(findings, [
        {
          rule: "parent-overridden",
          implementer: parent.implementer.name,
          code: parent.row.code,
          // Read from the workbook: placed by its cell (below), with no source line.
          line: null,
          declared: typed,
          computed: sum,
          difference: sum.minus(typed),
          details: { position: { sheet: sheet.name, cell: `G${sheetRow}` } },
        },
      ]);
      if (missing.length + extra.length > 0) failures.push(`seed ${seed}: missing ${missing}; extra ${extra}`);
    }
    expect(failures).toEqual([]);
  });
});
