import { missingSection } from "../../../src/checks/rules/missing-section";
import { ImplementerSpec, RowSpec, elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

/** The real document's eight partners, in its order; partner i's top row is on line 1000 + 100 i. */
const PARTNERS = [
  "Tartu linn",
  "Tallinna linn",
  "Rakvere linn",
  "Saaremaa vald",
  "Pärnu linn",
  "Jõhvi vald",
  "Haapsalu linn",
  "Kohtla-Järve linn",
];
const topLine = (name: string) => 1000 + 100 * PARTNERS.indexOf(name);
const ALL = [1, 2, 3, 4, 5];

/** A partner's schedule: its top row, any items right under it, the given sections (numbers under 3.5.2.1), personnel. */
function withSections(name: string, sections: number[], topItems: RowSpec[] = []): ImplementerSpec {
  return partner(
    name,
    AGREEMENT,
    [
      row("3.5.2.1", "0", { line: topLine(name) }),
      ...topItems,
      ...sections.map((section) => row(`3.5.2.1.${section}`, "0")),
      personnel("0"),
    ],
    9 + PARTNERS.indexOf(name),
  );
}

/** The eight partners with all five sections, except those listed with theirs. */
function partners(exceptions: Record<string, number[]> = {}, count = PARTNERS.length): ImplementerSpec[] {
  return PARTNERS.slice(0, count).map((name) => withSections(name, exceptions[name] ?? ALL));
}

testRule(missingSection, {
  valid: [
    {
      name: "all eight partners have every section",
      plan: plan([elluviija([row("3.5.1.1", "0"), row("3.5.1.2", "0")]), ...partners()]),
    },
    {
      name: "numbered items that most partners have under the top are no sections",
      plan: plan(
        PARTNERS.map((name, index) => withSections(name, ALL, index < 5 ? [row("1.", "0"), row("2.", "0")] : [])),
      ),
    },
    {
      name: "numbered items and sub-items, under the top or a section, are no sections",
      plan: plan([
        ...partners().slice(0, 7),
        partner(
          "Kohtla-Järve linn",
          AGREEMENT,
          [
            row("3.5.2.1", "0"),
            row("1.", "0"),
            row("2.", "0"),
            row("3.5.2.1.1", "0"),
            row("3.5.2.1.1.1", "0"),
            row("3.5.2.1.1.2", "0"),
            row("3.5.2.1.2", "0"),
            row("1.", "0"),
            row("3.5.2.1.3.", "0"),
            row("3.5.2.1.4.", "0"),
            row("3.5.2.1.5", "0"),
            personnel("0"),
          ],
          16,
        ),
      ]),
    },
    {
      name: "a section only a minority has (3 of 8) is not expected of the others",
      plan: plan(
        partners({
          "Tartu linn": [1, 2, 3, 4, 5, 6],
          "Rakvere linn": [1, 2, 3, 4, 5, 6],
          "Pärnu linn": [1, 2, 3, 4, 5, 6],
        }),
      ),
    },
    {
      name: "Pärnu's repeated codes, read as items of 3.5.2.1.1, leave the real 3.5.2.1.2 in place",
      plan: plan([
        ...partners().filter((spec) => spec.name !== "Pärnu linn"),
        partner(
          "Pärnu linn",
          "01.01.2024-31.12.2025",
          [
            row("3.5.2.1", "58 174,77"),
            row("3.5.2.1.1", "13 434,77"),
            row("3.5.2.1.1", "0"),
            row("3.5.2.1.2", "13 434,77"),
            row("3.5.2.1.2", "5 000"),
            row("3.5.2.1.3", "2 000"),
            row("3.5.2.1.4", "3 300"),
            row("3.5.2.1.5", "0"),
            personnel("34 440"),
          ],
          13,
        ),
      ]),
    },
    {
      name: "the implementer's schedule is not a partner's and has no such sections",
      plan: plan([elluviija([row("3.5.1.3", "0"), row("3.5.1.3.1", "0")]), ...partners({}, 2)]),
    },
    {
      name: "a single partner sets its own standard",
      plan: plan([withSections("Jõhvi vald", [1, 3, 4, 5])]),
    },
    {
      // Found by fault injection: with two partners, the other one was told it lacked "section 3.5.2.1.6.1".
      name: "items under the top through a code gap (3.5.2.1.6.1 without 3.5.2.1.6) are no sections",
      plan: plan(
        partners({}, 2).map((spec) =>
          spec.name === "Tallinna linn"
            ? { ...spec, rows: [...spec.rows.slice(0, -1), row("3.5.2.1.6.1", "0"), ...spec.rows.slice(-1)] }
            : spec,
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "eight partners, Jõhvi without 3.5.2.1.2",
      plan: plan([elluviija([row("3.5.1.1", "0")]), ...partners({ "Jõhvi vald": [1, 3, 4, 5] })]),
      findings: [
        {
          rule: "missing-section",
          implementer: "Jõhvi vald",
          code: "3.5.2.1",
          line: topLine("Jõhvi vald"),
          expected: "3.5.2.1.2",
          related: [],
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.2, kuigi see on kõigil ülejäänud 7 partneril; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
          messageEn:
            /^The schedule has no activity 3\.5\.2\.1\.2, though all 7 other partners have it; lisa 2 and its matrix mark it with a dash \("–"\)\.$/,
        },
      ],
    },
    {
      name: "one partner without two sections: one finding each, in code order",
      plan: plan(partners({ "Haapsalu linn": [1, 3, 4] })),
      findings: [
        { implementer: "Haapsalu linn", line: topLine("Haapsalu linn"), expected: "3.5.2.1.2" },
        {
          implementer: "Haapsalu linn",
          line: topLine("Haapsalu linn"),
          expected: "3.5.2.1.5",
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.5, kuigi see on kõigil ülejäänud 7 partneril; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
        },
      ],
    },
    {
      name: "one partner's gap does not hide another's (5 of 7 have 3.5.2.1.4)",
      plan: plan(partners({ "Rakvere linn": [1, 2, 3, 5], "Saaremaa vald": [1, 2, 3, 5] }, 7)),
      findings: [
        {
          implementer: "Rakvere linn",
          line: topLine("Rakvere linn"),
          expected: "3.5.2.1.4",
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.4, kuigi see on 5 partneril ülejäänud 6 partnerist; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
        },
        {
          implementer: "Saaremaa vald",
          line: topLine("Saaremaa vald"),
          expected: "3.5.2.1.4",
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.4, kuigi see on 5 partneril ülejäänud 6 partnerist; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
        },
      ],
    },
    {
      name: "a section row deleted, its items kept: only the section is missing, not its items elsewhere",
      plan: plan([
        withSections("Tartu linn", ALL),
        partner(
          "Tallinna linn",
          AGREEMENT,
          [
            row("3.5.2.1", "0", { line: topLine("Tallinna linn") }),
            row("3.5.2.1.1", "0"),
            row("3.5.2.1.2.1", "0"),
            row("3.5.2.1.2.2", "0"),
            row("3.5.2.1.3", "0"),
            row("3.5.2.1.4", "0"),
            row("3.5.2.1.5", "0"),
            personnel("0"),
          ],
          10,
        ),
      ]),
      findings: [
        {
          implementer: "Tallinna linn",
          code: "3.5.2.1",
          line: topLine("Tallinna linn"),
          expected: "3.5.2.1.2",
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.2, kuigi teisel partneril on see olemas; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
        },
      ],
    },
    {
      name: "a partner with only its top and personnel lacks every section",
      plan: plan(partners({ "Tallinna linn": [] }, 3)),
      findings: ALL.map((section) => ({
        implementer: "Tallinna linn",
        code: "3.5.2.1",
        line: topLine("Tallinna linn"),
        expected: `3.5.2.1.${section}`,
        message: new RegExp(
          `^Ajakavas puudub tegevus 3\\.5\\.2\\.1\\.${section}, kuigi see on kõigil ülejäänud 2 partneril; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \\(„–“\\)\\.$`,
        ),
      })),
    },
  ],
});

// Ties: a section counts as expected when more than half of the other partners have it.
testRule(missingSection, {
  valid: [
    {
      name: "three partners, a section only one of the other two has",
      plan: plan([
        partner("Tartu linn", null, [row("3.5.2.1", "0"), row("3.5.2.1.1", "0")]),
        partner("Rakvere linn", null, [row("3.5.2.1", "0"), row("3.5.2.1.1", "0"), row("3.5.2.1.2", "0")]),
        partner("Pärnu linn", null, [row("3.5.2.1", "0"), row("3.5.2.1.1", "0")]),
      ]),
    },
  ],
  invalid: [
    {
      name: "two partners with different sections: each lacks the other's",
      plan: plan([
        partner("Tartu linn", null, [row("3.5.2.1", "0", { line: 244 }), row("3.5.2.1.2", "0")]),
        partner("Rakvere linn", null, [row("3.5.2.1", "0", { line: 444 }), row("3.5.2.1.3", "0")]),
      ]),
      findings: [
        {
          implementer: "Tartu linn",
          line: 244,
          expected: "3.5.2.1.3",
          message:
            /^Ajakavas puudub tegevus 3\.5\.2\.1\.3, kuigi teisel partneril on see olemas; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga \(„–“\)\.$/,
        },
        { implementer: "Rakvere linn", line: 444, expected: "3.5.2.1.2" },
      ],
    },
  ],
});
