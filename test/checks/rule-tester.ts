import { runChecks } from "../../src/checks";
import { Finding, Rule } from "../../src/checks/types";
import { ActionPlan } from "../../src/model/plan";

/** What an invalid case must report, finding by finding: only the fields given are compared. */
export type ExpectedFinding = Partial<
  Omit<Finding, "message" | "messageEn" | "declared" | "computed" | "difference">
> & {
  line?: number | null;
  message?: RegExp;
  messageEn?: RegExp;
  declared?: string;
  computed?: string;
  difference?: string;
};

export interface RuleCases {
  valid: Array<{ name: string; plan: ActionPlan }>;
  invalid: Array<{ name: string; plan: ActionPlan; findings: ExpectedFinding[] }>;
}

/**
 * ESLint's RuleTester for our checks: a valid case must report nothing; an invalid one exactly the findings
 * listed, in order. Every finding must carry its rule's id and severity and messages in both languages.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    it("has its meta: id, severity, category, descriptions in Estonian and English", () => {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(rule.meta.severity);
      expect(rule.meta.description.et.length).toBeGreaterThan(10);
      expect(rule.meta.description.en.length).toBeGreaterThan(10);
    });

    if (cases.valid.length > 0) {
      it.each(cases.valid.map((valid) => [valid.name, valid.plan] as const))("valid: %s", (_, plan) => {
        expect(runChecks(plan, [rule]).findings).toEqual([]);
      });
    }

    if (cases.invalid.length === 0) return;
    it.each(cases.invalid.map((invalid) => [invalid.name, invalid] as const))("invalid: %s", (_, invalid) => {
      const findings = runChecks(invalid.plan, [rule]).findings;
      expect(findings.map((finding) => simplify(finding, invalid.findings[findings.indexOf(finding)]))).toEqual(
        invalid.findings.map((expected) => ({ ...expected })),
      );
      for (const finding of findings) {
        expect([finding.rule, finding.severity, finding.category]).toEqual([
          rule.meta.id,
          rule.meta.severity,
          rule.meta.category,
        ]);
        expect(finding.message).not.toBe("");
        expect(finding.messageEn).not.toBe("");
      }
    });
  });
}

/** The finding reduced to the fields the expectation names, so that a case states only what matters to it. */
function simplify(finding: Finding, expected: ExpectedFinding | undefined): Record<string, unknown> {
  if (!expected) return { unexpected: finding.message };
  const actual: Record<string, unknown> = {
    ...finding,
    line: finding.position.line,
    declared: finding.declared?.toFixed(2),
    computed: finding.computed?.toFixed(2),
    difference: finding.difference?.toFixed(2),
  };
  const simplified: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    const want = (expected as Record<string, unknown>)[key];
    const have = actual[key];
    simplified[key] = want instanceof RegExp && typeof have === "string" && want.test(have) ? want : have;
  }
  return simplified;
}
