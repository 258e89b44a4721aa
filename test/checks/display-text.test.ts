import { RULES, runChecks } from "../../src/checks";
import { elluviija, partner, personnel, plan, row } from "./plan-builder";

/**
 * Findings show text from the document; Unicode bidirectional controls in it must not reorder the rest of the
 * message. Found by the security review: a label starting with U+202E (right-to-left override), cut at 40
 * characters, showed "01.09.2025 – 31.01.2026" as "6202.10.13 – 5202.90.10".
 */
describe("text from the document in findings", () => {
  const OVERRIDE = "\u202e";
  const label = `${OVERRIDE}Koolitus õpetajatele ja noorsootöötajatele üle kogu maakonna`;
  const source = plan([
    elluviija([
      row("3.5.1.1", "100,00"),
      row("1.", "100,00", { label, plan: "01.09.2025-31.01.2026", responsible: "\u2067Tallinna linn\u2069" }),
      personnel("10,00"),
    ]),
    partner("Tallinna linn", "01.01.2023-31.12.2025", [row("3.5.2.1", "5,00"), personnel("5,00")], 10),
  ]);
  const findings = runChecks(source, RULES).findings;

  it("carries no bidirectional control, in either language or in the values shown", () => {
    expect(findings.length).toBeGreaterThanOrEqual(2);
    for (const finding of findings) {
      for (const text of [finding.message, finding.messageEn, finding.expected ?? "", finding.actual ?? ""])
        expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it("keeps the words and the dates in their order", () => {
    const outside = findings.find((finding) => finding.rule === "plan-outside-year")!;
    expect(outside.message).toBe(
      "Rea 3.5.1.1 › 1. tegevuskava perioodi kuupäevad 01.09.2025 – 31.01.2026 ulatuvad tegevuskava aastast 01.01.2025 – 31.12.2025 välja.",
    );
    const responsible = findings.find((finding) => finding.rule === "responsible-mismatch")!;
    expect(responsible.message).toContain("vastutaja „Tallinna linn“ on teine elluviija või partner (Tallinna linn)");
  });

  it("while the plan keeps the text as printed", () => {
    expect(source.implementers[0].rows[1].label).toBe(label);
  });
});
