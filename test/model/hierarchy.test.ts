import { RULES, runChecks } from "../../src/checks";
import { buildTree } from "../../src/model/hierarchy";
import { computeTotals } from "../../src/model/totals";
import { parseDirectiveText } from "../../src/import/text";
import { formatMoneyPlain } from "../../src/model/money";
import { elluviija, partner, personnel, plan, row } from "../checks/plan-builder";
import { fixtureText } from "../helpers";

const treeOf = (spec: Parameters<typeof plan>[0][number]) => buildTree(plan([spec]).implementers[0]);
const shape = (tree: ReturnType<typeof buildTree>) =>
  tree.nodes.map((node) => [node.row.printedCode ?? "P", node.code, node.parent?.code ?? null]);

describe("the tree of an implementer's rows", () => {
  it("nests dotted codes by prefix and puts personnel under the single top", () => {
    const tree = treeOf(
      partner("Tartu linn", "01.01.2023-31.12.2025", [
        row("3.5.2.1", "10"),
        row("3.5.2.1.1", "4"),
        row("3.5.2.1.1.1", "4"),
        row("3.5.2.1.10", "1"),
        personnel("5"),
      ]),
    );
    expect(shape(tree)).toEqual([
      ["3.5.2.1", "3.5.2.1", null],
      ["3.5.2.1.1", "3.5.2.1.1", "3.5.2.1"],
      ["3.5.2.1.1.1", "3.5.2.1.1.1", "3.5.2.1.1"],
      // 3.5.2.1.10 is not under 3.5.2.1.1: prefixes count at dots only.
      ["3.5.2.1.10", "3.5.2.1.10", "3.5.2.1"],
      ["P", null, "3.5.2.1"],
    ]);
    expect(tree.top?.code).toBe("3.5.2.1");
  });

  it("hangs numbered items under the coded row before them, and personnel at the root without a single top", () => {
    const tree = treeOf(
      elluviija([
        personnel("100"),
        row("3.5.1.1", "0"),
        row("1.", "0"),
        row("3.5.1.2", "30"),
        row("1.", "10"),
        row("2.", "20"),
      ]),
    );
    expect(shape(tree)).toEqual([
      ["P", null, null],
      ["3.5.1.1", "3.5.1.1", null],
      ["1.", "1", "3.5.1.1"],
      ["3.5.1.2", "3.5.1.2", null],
      ["1.", "1", "3.5.1.2"],
      ["2.", "2", "3.5.1.2"],
    ]);
    expect(tree.top).toBeNull();
    expect(tree.roots.map((node) => node.code)).toEqual(["3.5.1.1", "3.5.1.2", null]);
  });

  it("hangs a code with no parent row under its nearest ancestor, noting the missing level", () => {
    const tree = treeOf(elluviija([row("3.5.1.3", "8"), row("3.5.1.3.1.1", "5"), row("3.5.1.3.1.2", "3")]));
    expect(tree.nodes.map((node) => [node.code, node.parent?.code ?? null, node.missingParent])).toEqual([
      ["3.5.1.3", null, null],
      ["3.5.1.3.1.1", "3.5.1.3", "3.5.1.3.1"],
      ["3.5.1.3.1.2", "3.5.1.3", "3.5.1.3.1"],
    ]);
  });

  it("finds a parent printed elsewhere in the document", () => {
    const tree = treeOf(
      partner("Tartu linn", null, [
        row("3.5.2.1", "7"),
        row("3.5.2.1.1", "3"),
        row("3.5.2.1.2", "4"),
        row("3.5.2.1.1.1", "3"),
      ]),
    );
    expect(tree.nodes.map((node) => [node.code, node.parent?.code ?? null, node.missingParent])).toEqual([
      ["3.5.2.1", null, null],
      ["3.5.2.1.1", "3.5.2.1", null],
      ["3.5.2.1.2", "3.5.2.1", null],
      ["3.5.2.1.1.1", "3.5.2.1.1", null],
    ]);
  });

  it("a repeated item of the same amount is a misnumbered sibling when only that makes its section add up", () => {
    // Found by the fault-injection harness: read as the first item's only sub-item, the repeat left the section
    // 500 short and the check reported a sum-mismatch that the document does not have.
    const rows = [
      row("3.5.2.1", "1 100,00"),
      row("3.5.2.1.1", "1 000,00"),
      row("3.5.2.1.1.1", "500,00"),
      row("3.5.2.1.1.1", "500,00"),
      personnel("100,00"),
    ];
    const spec = partner("Tartu linn", "01.01.2023-31.12.2025", rows);
    const tree = treeOf(spec);
    expect(shape(tree)).toEqual([
      ["3.5.2.1", "3.5.2.1", null],
      ["3.5.2.1.1", "3.5.2.1.1", "3.5.2.1"],
      ["3.5.2.1.1.1", "3.5.2.1.1.1", "3.5.2.1.1"],
      ["3.5.2.1.1.1", "3.5.2.1.1.1", "3.5.2.1.1"],
      ["P", null, "3.5.2.1"],
    ]);
    expect(tree.corrections.map(({ from, to, reason }) => [from, to, reason])).toEqual([
      ["3.5.2.1.1.1", "3.5.2.1.1.2", "next-sibling"],
    ]);
    // The check: the duplicated code, proposed as .2, and no sum that does not add up.
    const findings = runChecks(plan([spec]), RULES).findings.filter((finding) => finding.severity === "error");
    expect(findings.map(({ rule, code, correction }) => [rule, code, correction])).toEqual([
      ["duplicate-code", "3.5.2.1.1.1", { from: "3.5.2.1.1.1", to: "3.5.2.1.1.2" }],
    ]);
  });

  it("a repeat of the same amount stays its parent's only item when that is what adds up", () => {
    const tree = treeOf(
      partner("Tartu linn", "01.01.2023-31.12.2025", [
        row("3.5.2.1", "600,00"),
        row("3.5.2.1.1", "500,00"),
        row("3.5.2.1.1", "500,00"),
        personnel("100,00"),
      ]),
    );
    expect(tree.corrections.map(({ from, to, reason }) => [from, to, reason])).toEqual([
      ["3.5.2.1.1", "3.5.2.1.1.1", "children-sum"],
    ]);
  });

  it("infers Pärnu's structure from its sums and renumbers the misnumbered rows", () => {
    const parnu = parseDirectiveText(fixtureText()).plan.implementers.find((i) => i.name === "Pärnu linn")!;
    const tree = buildTree(parnu);
    expect(
      tree.nodes.slice(0, 6).map((node) => [node.row.line, node.row.code, node.code, node.parent?.row.line ?? null]),
    ).toEqual([
      [619, "3.5.2.1", "3.5.2.1", null],
      [625, "3.5.2.1.1", "3.5.2.1.1", 619],
      [629, "3.5.2.1.1", "3.5.2.1.1.1", 625],
      [634, "3.5.2.1.2", "3.5.2.1.1.2", 625],
      [638, "3.5.2.1.2", "3.5.2.1.2", 619],
      [644, "3.5.2.1.2.1", "3.5.2.1.2.1", 638],
    ]);
    expect(tree.corrections.map((c) => [c.node.row.line, c.from, c.to, c.reason, c.duplicateOf?.row.line])).toEqual([
      [629, "3.5.2.1.1", "3.5.2.1.1.1", "children-sum", 625],
      [634, "3.5.2.1.2", "3.5.2.1.1.2", "children-sum", 638],
    ]);
    const totals = computeTotals(tree);
    expect(formatMoneyPlain(totals.childSum[tree.nodes[1].index]!)).toBe("13434.77");
    expect(formatMoneyPlain(totals.total!)).toBe("58174.77");
  });

  it("computes totals recursively from the leaves, and none where a leaf has no amount", () => {
    const tree = treeOf(
      partner("Tartu linn", null, [
        row("3.5.2.1", "100"),
        row("3.5.2.1.1", "60"),
        row("3.5.2.1.1.1", "25,50"),
        row("3.5.2.1.1.2", "25,50"),
        row("3.5.2.1.2", "40"),
        row("3.5.2.1.2.1", null, { amountText: "x" }),
        personnel("9"),
      ]),
    );
    const totals = computeTotals(tree);
    const computed = tree.nodes.map((node) => totals.computed[node.index]?.toFixed(2) ?? null);
    expect(computed).toEqual([null, "51.00", "25.50", "25.50", null, null, "9.00"]);
    expect(totals.childSum[1]?.toFixed(2)).toBe("51.00");
    // One level: the missing leaf makes 3.5.2.1.2's computed amount unknown, but the top still sums declared children.
    expect(totals.childSum[0]?.toFixed(2)).toBe("109.00");
    expect(totals.declared?.toFixed(2)).toBe("100.00");
    expect(totals.total).toBeNull();
  });
});
