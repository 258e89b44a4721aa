import { narrativeWithoutRow } from "../../../src/checks/rules/narrative-without-row";
import { elluviija, partner, personnel, plan, row, telling } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2025-31.12.2026";

/** Jõhvi's schedule as the directive prints it: no 3.5.2.1.2, items under 3.5.2.1.1 and 3.5.2.1.3. */
const johvi = () =>
  partner("Jõhvi vald", AGREEMENT, [
    row("3.5.2.1", "0"),
    row("3.5.2.1.1.", "0"),
    row("3.5.2.1.1.1", "0"),
    row("3.5.2.1.3.", "0"),
    row("3.5.2.1.3.1.", "0"),
    row("3.5.2.1.5", "0"),
    personnel("0"),
  ]);

testRule(narrativeWithoutRow, {
  valid: [
    {
      name: "no text known (a pasted range, an officer's workbook): silent, whatever the schedule lacks",
      plan: plan([johvi()]),
    },
    {
      name: "a text that describes no code by number",
      plan: plan([telling(johvi())]),
    },
    {
      name: "every described code has its row, printed with or without its trailing dot",
      plan: plan([
        telling(
          johvi(),
          ["3.5.2.1.1", "KOV-s elava sihtrühma kaasamine", 704],
          ["3.5.2.1.3", "Tõhusa kommunikatsiooni tagamine", 705],
        ),
      ]),
    },
    {
      name: "a described code without its own row but with rows under it (3.5.1.4.2 → 3.5.1.4.2.1)",
      plan: plan([
        telling(elluviija([row("3.5.1.4", "0"), row("3.5.1.4.2.1", "0"), row("3.5.1.4.2.2", "0"), personnel("0")]), [
          "3.5.1.4.2",
          "Koolituste korraldamine",
          186,
        ]),
      ]),
    },
    {
      name: "another implementer's row does not count, nor does it matter for one whose text is fine",
      plan: plan([
        telling(elluviija([row("3.5.1.1", "0"), personnel("0")]), ["3.5.1.1", "KOV-ide tegevusplaanid", 37]),
        johvi(),
      ]),
    },
  ],
  invalid: [
    {
      name: "Jõhvi describes 3.5.2.1.2, its schedule has no such row: the title is quoted, the line named",
      plan: plan([
        telling(
          johvi(),
          ["3.5.2.1.1", "KOV-s elava sihtrühma kaasamine", 704],
          ["3.5.2.1.2", "Vajaduspõhise tugiteenuse pakkumine sihtrühmale", 704],
          ["3.5.2.1.3", "Tõhusa kommunikatsiooni tagamine sihtrühmale", 705],
        ),
      ]),
      findings: [
        {
          rule: "narrative-without-row",
          severity: "warning",
          implementer: "Jõhvi vald",
          code: "3.5.2.1.2",
          line: 704,
          expected: "3.5.2.1.2",
          message:
            /^Tekst kirjeldab tegevust 3\.5\.2\.1\.2 „Vajaduspõhise tugiteenuse pakkumine sihtrühmale“, kuid ajakavas ei ole selle koodiga ega selle all ühtegi rida\.$/,
          messageEn:
            /^The text describes activity 3\.5\.2\.1\.2 "Vajaduspõhise tugiteenuse pakkumine sihtrühmale", but the schedule has no row/,
          related: [],
        },
      ],
    },
    {
      name: "ELVL describes 3.5.1.3.2 and 3.5.1.3.4 beside 3.5.1.3.1's items and 3.5.1.3.3: both, in the text's order",
      plan: plan([
        telling(
          elluviija([
            row("3.5.1.3", "23000"),
            row("3.5.1.3.1.1", "5000"),
            row("3.5.1.3.1.2.", "3000"),
            row("3.5.1.3.3.", "15000"),
            personnel("0"),
          ]),
          ["3.5.1.3.1", "Valdkondliku info kogumine ning analüüsimine", 154],
          ["3.5.1.3.2", "KOV-ide nõustamine", 155],
          ["3.5.1.3.3", "Koordinaatorite võrgustiku arendamine", 155],
          ["3.5.1.3.4", "Koostöö koordineerimine KOV-ide ja sidusrühmade vahel", 155],
        ),
      ]),
      findings: [
        { code: "3.5.1.3.2", line: 155, message: /„KOV-ide nõustamine“/ },
        { code: "3.5.1.3.4", line: 155, message: /„Koostöö koordineerimine KOV-ide ja sidusrühmade vahel“/ },
      ],
    },
    {
      name: "a code that only begins like a row's (3.5.2.1.1 beside 3.5.2.1.10) is not under it",
      plan: plan([
        telling(partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.10", "0"), personnel("0")]), [
          "3.5.2.1.1",
          "Kaasamine",
          227,
        ]),
      ]),
      findings: [{ implementer: "Tartu linn", code: "3.5.2.1.1", line: 227 }],
    },
    {
      name: "a text known to describe codes, over an empty schedule: every code",
      plan: plan([
        telling(partner("Tartu linn", AGREEMENT, []), ["3.5.2.1.1", "Kaasamine", 10], ["3.5.2.1.2", "Tugi", 11]),
      ]),
      findings: [
        { code: "3.5.2.1.1", line: 10 },
        { code: "3.5.2.1.2", line: 11 },
      ],
    },
  ],
});
