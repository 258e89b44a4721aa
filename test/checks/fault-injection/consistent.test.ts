import { RULES, runChecks } from "../../../src/checks";
import { buildTree } from "../../../src/model/hierarchy";
import { Money, ZERO, parseMoney } from "../../../src/model/money";
import { amountStyle } from "../../../src/checks/rules/mixed-number-format";
import { periodContains } from "../../../src/model/calendar-date";
import { GeneratedPlan, TOP_CODE, generatePlan } from "./generator";
import { SEEDS, describeFinding } from "./harness";

/** A consistent plan, from text or read back from its workbook, must give no finding at all. */
describe.each([
  ["as imported from text", false],
  ["read back from its workbook", true],
] as const)("consistent generated plans, %s", (_, fromWorkbook) => {
  const seeds = SEEDS.consistent;

  it(`give zero findings from every rule (${seeds.length} seeds)`, () => {
    const failures: string[] = [];
    for (const seed of seeds) {
      const generated = generatePlan(seed, { fromWorkbook });
      const { findings } = runChecks(generated.plan, RULES);
      if (findings.length > 0) failures.push(`seed ${seed}: ${findings.map(describeFinding).join("; ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("are shaped like the directive (the generator tests itself)", () => {
    const failures: string[] = [];
    for (const seed of seeds.slice(0, 50)) {
      const problems = shapeProblems(generatePlan(seed, { fromWorkbook }));
      if (problems.length > 0) failures.push(`seed ${seed}: ${problems.join("; ")}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("the generator", () => {
  it("is reproducible from its seed and differs between seeds", () => {
    const json = (seed: number) => JSON.stringify(generatePlan(seed).plan);
    expect(json(7)).toBe(json(7));
    expect(json(7)).not.toBe(json(8));
  });

  it("covers the shapes the directive has, over the seeds", () => {
    const seen = new Set<string>();
    for (const seed of SEEDS.fixed.slice(0, 300)) {
      const generated = generatePlan(seed);
      seen.add(`partners:${generated.schedules.length - 1}`);
      seen.add(`style:${generated.style.decimal}${generated.style.grouping}`);
      for (const { implementer } of generated.schedules) {
        for (const row of implementer.rows) {
          if (row.codeStyle === "numbered") seen.add(`numbered under ${implementer.role}`);
          if (row.code && row.code.split(".").length === 7) seen.add("sub-item");
          if (row.kind === "personnel") seen.add(`personnel of ${implementer.role}`);
          if (row.printedCode?.endsWith(".") && row.codeStyle === "dotted") seen.add("printed with a trailing dot");
          if (implementer.partnership && row.plan && !row.plan.start.equals(generated.year.start))
            seen.add("late start");
        }
      }
      if (generated.plan.indicators.some((indicator) => indicator.unit === "%")) seen.add("share indicator");
    }
    for (const shape of [
      "partners:2",
      "partners:8",
      "style:,space",
      "style:.space",
      "style:,none",
      "style:.none",
      "numbered under elluviija",
      "numbered under partner",
      "sub-item",
      "personnel of elluviija",
      "personnel of partner",
      "printed with a trailing dot",
      "late start",
      "share indicator",
    ]) {
      expect(seen).toContain(shape);
    }
  });
});

/**
 * What a consistent plan is, checked from the rows themselves with the generator's own tree: the model's tree
 * agrees with it, sums add up, dates and parties are as the directive has them, one number style throughout.
 */
function shapeProblems(generated: GeneratedPlan): string[] {
  const problems: string[] = [];
  const { plan, year, style } = generated;
  const lines = new Set<number>();
  for (const schedule of generated.schedules) {
    const { implementer, top, nodes } = schedule;
    if (nodes.length !== implementer.rows.length || nodes.some((node, index) => node.row !== implementer.rows[index]))
      problems.push(`${implementer.name}: the generator's nodes are not the plan's rows`);
    if (implementer.role === "partner") {
      if (top?.row.code !== TOP_CODE) problems.push(`${implementer.name}: no top row`);
      const sections = (top?.children ?? []).map((child) => child.row.code);
      if (sections.join() !== "3.5.2.1.1,3.5.2.1.2,3.5.2.1.3,3.5.2.1.4,3.5.2.1.5,")
        problems.push(`${implementer.name}: sections ${sections.join()}`);
    } else if (nodes.some((node) => node.row.code?.startsWith("3.5.2"))) {
      problems.push("ELVL has a partner's code");
    }
    if (!nodes.some((node) => node.row.kind === "personnel")) problems.push(`${implementer.name}: no personnel`);
    const tree = buildTree(implementer);
    tree.nodes.forEach((modelNode, index) => {
      const parent = nodes[index].parent;
      const modelParent = modelNode.parent ? implementer.rows[modelNode.parent.index] : null;
      if ((parent?.row ?? null) !== modelParent)
        problems.push(`${implementer.name} line ${modelNode.row.line}: parent`);
    });
    for (const node of nodes) {
      const row = node.row;
      if (lines.has(row.line)) problems.push(`line ${row.line} twice`);
      lines.add(row.line);
      if (!row.amount || !row.amountText || !parseMoney(row.amountText)?.equals(row.amount))
        problems.push(`line ${row.line}: amount ${row.amountText}`);
      if (node.children.length > 0) {
        const sum = node.children.reduce<Money | null>(
          (total, child) => (total && child.row.amount ? total.plus(child.row.amount) : null),
          ZERO,
        );
        if (!sum || !row.amount?.equals(sum))
          problems.push(`line ${row.line}: ${row.amountText} is not its items' sum`);
      }
      const written = row.amountText ? amountStyle(row.amountText) : null;
      if (written?.decimal && written.decimal !== style.decimal) problems.push(`line ${row.line}: decimal`);
      if (written?.grouping && written.grouping !== style.grouping) problems.push(`line ${row.line}: grouping`);
      if (!row.frame || !row.plan) problems.push(`line ${row.line}: dates`);
      else {
        if (!periodContains(year, row.plan)) problems.push(`line ${row.line}: plan outside the year`);
        if (!periodContains(row.frame, row.plan)) problems.push(`line ${row.line}: plan outside the frame`);
        if (!row.plan.start.isBefore(row.plan.end)) problems.push(`line ${row.line}: a plan of one day`);
        const partnership = implementer.partnership;
        if (partnership && !(row.frame.start.equals(partnership.start) && row.frame.end.equals(partnership.end)))
          problems.push(`line ${row.line}: frame is not the partnership`);
      }
      const responsible = row.responsible ?? "";
      const owner = [implementer.name, ...implementer.aliases];
      if (
        !owner.some((name) => responsible === name || responsible.endsWith(` ${name}`) || responsible.startsWith(name))
      )
        problems.push(`line ${row.line}: responsible ${responsible}`);
      if (generated.fromWorkbook && !row.sheet) problems.push(`line ${row.line}: no sheet position`);
      if (generated.fromWorkbook && row.sheet && row.sheet.amountIsFormula !== node.children.length > 0)
        problems.push(`line ${row.line}: formula only on parents`);
    }
  }
  for (const indicator of plan.indicators) {
    if (lines.has(indicator.line)) problems.push(`indicator line ${indicator.line} twice`);
    lines.add(indicator.line);
  }
  return problems;
}
