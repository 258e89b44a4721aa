import { rowWithoutNarrative } from "../../../src/checks/rules/row-without-narrative";
import { elluviija, partner, personnel, plan, row, telling } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

const tartu = () =>
  partner("Tartu linn", AGREEMENT, [
    row("3.5.2.1", "0", { line: 244 }),
    row("3.5.2.1.1", "0", { line: 250, label: "KOV-s elava sihtrühma kaasamine" }),
    row("3.5.2.1.1.1", "0", { line: 257 }),
    row("3.5.2.1.2", "0", { line: 266, label: "Vajaduspõhise tugiteenuse pakkumine sihtrühmale." }),
    row("3.5.2.1.3.", "0", { line: 280, label: "Tõhusa kommunikatsiooni tagamine sihtrühmale." }),
    personnel("0", { line: 319 }),
  ]);

testRule(rowWithoutNarrative, {
  valid: [
    { name: "no text known: silent", plan: plan([tartu()]) },
    {
      name: "every section described, one by an item under it (3.5.2.1.2.1 describes 3.5.2.1.2)",
      plan: plan([
        telling(
          tartu(),
          ["3.5.2.1.1", "Kaasamine", 227],
          ["3.5.2.1.2.1", "Nõustamine", 227],
          ["3.5.2.1.3", "Kommunikatsioon", 227],
        ),
      ]),
    },
    {
      name: "a text that describes nothing by code (its activities in words only): not judged",
      plan: plan([telling(tartu())]),
    },
    {
      name: "the implementer's own activities are no partner's sections",
      plan: plan([telling(elluviija([row("3.5.1.1", "0"), row("3.5.1.2", "0"), personnel("0")]))]),
    },
    {
      name: "items under the top and items hung there by a code gap are no sections",
      plan: plan([
        telling(
          partner("Tartu linn", AGREEMENT, [
            row("3.5.2.1", "0"),
            row("1.", "0"),
            row("3.5.2.1.1", "0"),
            row("3.5.2.1.4.1", "0"),
            personnel("0"),
          ]),
          ["3.5.2.1.1", "Kaasamine", 227],
        ),
      ]),
    },
  ],
  invalid: [
    {
      name: "a section the partner's text never describes: named with its label, at its row",
      plan: plan([telling(tartu(), ["3.5.2.1.1", "Kaasamine", 227], ["3.5.2.1.3", "Kommunikatsioon", 227])]),
      findings: [
        {
          rule: "row-without-narrative",
          severity: "info",
          implementer: "Tartu linn",
          code: "3.5.2.1.2",
          line: 266,
          message:
            /^Tegevust 3\.5\.2\.1\.2 „Vajaduspõhise tugiteenuse pakkumine sihtrühmale\.“ partneri tekst ei kirjelda\.$/,
          messageEn: /^The partner's text does not describe activity 3\.5\.2\.1\.2 "/,
        },
      ],
    },
    {
      name: "a text describing only an item: the other sections, a description of another partner's code not counted",
      plan: plan([
        telling(tartu(), ["3.5.2.1.1.1", "Lõimumisklubi", 227]),
        telling(partner("Tallinna linn", AGREEMENT, [row("3.5.2.1", "0")]), ["3.5.2.1.2", "Tugi", 324]),
      ]),
      findings: [
        { implementer: "Tartu linn", code: "3.5.2.1.2", line: 266 },
        { implementer: "Tartu linn", code: "3.5.2.1.3", line: 280 },
      ],
    },
  ],
});
