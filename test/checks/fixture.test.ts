import { RULES, runChecks } from "../../src/checks";
import { CheckResult } from "../../src/checks/engine";
import { parseDirectiveText } from "../../src/import/text";
import { formatMoneyPlain } from "../../src/model/money";
import { fixtureText } from "../helpers";

/**
 * Every inconsistency of the directive of 25.03.2025 nr 68, found by reading it (line numbers are the file's):
 * [rule, implementer, code, line]. Nothing else in it is inconsistent: every parent and every partner total
 * adds up to the cent, every other row is dated within the plan year and its frame, and responsible
 * parties name their schedule's owner.
 */
const EXPECTED: Array<[string, string | null, string | null, number]> = [
  // ELVL items 6 and 9 run into January 2026.
  ["plan-outside-year", "ELVL", "6", 130],
  // Item 8 has only its plan-period range in the text.
  ["missing-frame", "ELVL", "8", 139],
  ["plan-outside-year", "ELVL", "9", 143],
  // No row 3.5.1.3.1 nor 3.5.1.4.2: their items roll up to 3.5.1.3 and 3.5.1.4.
  ["code-gap", "ELVL", "3.5.1.3.1.1", 166],
  ["code-gap", "ELVL", "3.5.1.4.2.1", 203],
  // The text describes 3.5.1.3.2 and 3.5.1.3.4 (line 155); the schedule lists only 3.5.1.3.1's items and 3.5.1.3.3.
  // Findings about the text follow those about the schedule.
  ["narrative-without-row", "ELVL", "3.5.1.3.2", 155],
  ["narrative-without-row", "ELVL", "3.5.1.3.4", 155],
  // Tallinn's 3.5.2.1.5 starts 01.02.2023; the agreement 01.03.2023.
  ["frame-vs-partnership", "Tallinna linn", "3.5.2.1.5", 412],
  // Rakvere's items are dated from 01.01.2023: outside 2025 and before their frame's 01.02.2023.
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.1.1", 457],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.1.1", 457],
  // The second 3.5.2.1.1.1 is evidently 3.5.2.1.1.2.
  ["duplicate-code", "Rakvere linn", "3.5.2.1.1.1", 461],
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.1.1", 461],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.1.1", 461],
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.2.1", 471],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.2.1", 471],
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.2.2", 475],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.2.2", 475],
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.3.1", 487],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.3.1", 487],
  ["plan-outside-year", "Rakvere linn", "3.5.2.1.4.1", 499],
  ["plan-outside-frame", "Rakvere linn", "3.5.2.1.4.1", 499],
  // Pärnu's second 3.5.2.1.1 and first 3.5.2.1.2 are 3.5.2.1.1.1 and 3.5.2.1.1.2.
  ["duplicate-code", "Pärnu linn", "3.5.2.1.1", 629],
  ["duplicate-code", "Pärnu linn", "3.5.2.1.2", 634],
  // "3300" among "3 300" and "13 434,77".
  ["mixed-number-format", "Pärnu linn", "3.5.2.1.4", 662],
  // Jõhvi has no section 3.5.2.1.2, which its text describes (line 704), and writes "115 817.00".
  ["missing-section", "Jõhvi vald", "3.5.2.1", 729],
  ["mixed-number-format", "Jõhvi vald", "3.5.2.1", 729],
  ["narrative-without-row", "Jõhvi vald", "3.5.2.1.2", 704],
  // Kohtla-Järve's top row is planned to 31.12.2027; two rows name no one responsible.
  ["plan-outside-year", "Kohtla-Järve linn", "3.5.2.1", 900],
  ["missing-responsible", "Kohtla-Järve linn", "3.5.2.1.4.1", 972],
  ["missing-responsible", "Kohtla-Järve linn", "3.5.2.1.4.2", 976],
  // Coordinators and networks: 8 this year, 7 in 2029.
  ["indicator-target-decrease", null, null, 72],
  ["indicator-target-decrease", null, null, 940],
];

describe("checking the directive of 25.03.2025 nr 68", () => {
  let result: CheckResult;
  beforeAll(() => {
    result = runChecks(parseDirectiveText(fixtureText()).plan, RULES);
  });

  it("finds exactly its real inconsistencies", () => {
    expect(result.findings.map((f) => [f.rule, f.implementer, f.code, f.position.line])).toEqual(EXPECTED);
    expect(result.counts).toEqual({ error: 18, warning: 10, info: 4 });
  });

  it("proposes the corrected codes", () => {
    const corrections = result.findings.filter((f) => f.rule === "duplicate-code").map((f) => f.correction);
    expect(corrections).toEqual([
      { from: "3.5.2.1.1.1", to: "3.5.2.1.1.2" },
      { from: "3.5.2.1.1", to: "3.5.2.1.1.1" },
      { from: "3.5.2.1.2", to: "3.5.2.1.1.2" },
    ]);
    const parnu = result.findings.find((f) => f.rule === "duplicate-code" && f.position.line === 629);
    expect(parnu?.message).toContain(
      "annavad kokku täpselt rea 3.5.2.1.1 („KOV-s elava sihtrühma…“) summa 13\u00a0434,77 €",
    );
  });

  it("gives the right numbers on both sides", () => {
    const rakvere = result.findings.find((f) => f.rule === "plan-outside-frame" && f.position.line === 471);
    expect([rakvere?.expected, rakvere?.actual]).toEqual(["01.02.2023 – 31.12.2025", "01.01.2023 – 31.12.2025"]);
    const kj = result.findings.find((f) => f.rule === "plan-outside-year" && f.position.line === 900);
    expect([kj?.expected, kj?.actual]).toEqual(["01.01.2025 – 31.12.2025", "01.01.2025 – 31.12.2027"]);
    const tallinn = result.findings.find((f) => f.rule === "frame-vs-partnership");
    expect([tallinn?.expected, tallinn?.actual]).toEqual(["01.03.2023 – 31.12.2025", "01.02.2023 – 31.12.2025"]);
    const johvi = result.findings.find((f) => f.rule === "mixed-number-format" && f.implementer === "Jõhvi vald");
    expect(johvi?.related.map((row) => row.line)).toEqual([729, 735, 745, 749, 753, 757, 762, 766, 770, 778, 791]);
  });

  it("totals every implementer, declared and computed side by side, exact to the cent", () => {
    expect(
      result.totals.map((line) => [
        line.implementer,
        formatMoneyPlain(line.declared!),
        formatMoneyPlain(line.computed!),
      ]),
    ).toEqual([
      ["ELVL", "200582.00", "200582.00"],
      ["Tartu linn", "93988.53", "93988.53"],
      ["Tallinna linn", "319392.91", "319392.91"],
      ["Rakvere linn", "82037.77", "82037.77"],
      ["Saaremaa vald", "129693.24", "129693.24"],
      ["Pärnu linn", "58174.77", "58174.77"],
      ["Jõhvi vald", "115817.00", "115817.00"],
      ["Haapsalu linn", "148534.53", "148534.53"],
      ["Kohtla-Järve linn", "118640.00", "118640.00"],
    ]);
    expect(formatMoneyPlain(result.grandComputed!)).toBe("1266860.75");
    expect(formatMoneyPlain(result.grandDeclared!)).toBe("1266860.75");
  });
});
