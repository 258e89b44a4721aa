import Decimal from "decimal.js";
import { analyse } from "../../src/checks";
import { BudgetLine, Lisa2, buildLisa2, indirectAmount } from "../../src/annex/lisa2";
import { parseDirectiveText } from "../../src/import/text";
import { buildTree } from "../../src/model/hierarchy";
import { Money, sumMoney } from "../../src/model/money";
import { ActionPlan } from "../../src/model/plan";
import { elluviija, partner, personnel, plan, row } from "../checks/plan-builder";
import { fixtureText } from "../helpers";

const fixturePlan = (): ActionPlan => parseDirectiveText(fixtureText()).plan;
const line = (lisa2: Lisa2, number: string): BudgetLine => {
  const found = lisa2.lines.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no line ${number}`);
  return found;
};
const money = (amount: Money) => amount.toFixed(2);

describe("lisa 2 of the directive of 25.03.2025 nr 68, at 7 %", () => {
  const lisa2 = buildLisa2(analyse(fixturePlan()), { indirectRatePercent: new Decimal(7) });

  test("the lines of the house style with the document's money", () => {
    // Established by reading the schedules: personnel rows of the nine implementers, and their sections.
    const expected: Array<[string, string | null, string, string]> = [
      [
        "1",
        null,
        "Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise teenuste pakkumisel",
        "1355541.00",
      ],
      ["1.1", null, "Otsesed kulud", "1266860.75"],
      ["1.1.1", null, "Otsesed personalikulud", "688428.84"],
      ["1.1.1.1", null, "Otsesed personalikulud (elluviija ELVL)", "119582.00"],
      ["1.1.1.2", null, "Otsesed personalikulud (partner Tartu linn)", "84350.84"],
      ["1.1.1.3", null, "Otsesed personalikulud (partner Tallinna linn)", "158000.00"],
      ["1.1.1.9", null, "Otsesed personalikulud (partner Kohtla-Järve linn)", "57180.00"],
      ["1.1.2", null, "Sisutegevuste kulud", "578431.91"],
      ["1.1.2.1", null, "Sisutegevuste kulud (elluviija ELVL)", "81000.00"],
      ["1.1.2.1.1", "3.5.1.1", "KOV-ide tegevusplaanide koostamine ja sisutegevuste toetamine", "0.00"],
      [
        "1.1.2.1.2",
        "3.5.1.2",
        "Lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine KOV-ides",
        "30000.00",
      ],
      ["1.1.2.1.3", "3.5.1.3", "Tõhusa kommunikatsiooni tagamine KOV-dele", "23000.00"],
      ["1.1.2.1.4", "3.5.1.4", "KOV ametnike ja töötajate sihtrühmaga töötamise võimekuse tõstmine.", "28000.00"],
      ["1.1.2.2", null, "Sisutegevuste kulud (partner Tartu linn)", "9637.69"],
      [
        "1.1.2.2.1",
        "3.5.2.1.1",
        "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
        "5660.54",
      ],
      ["1.1.2.2.3", "3.5.2.1.3", "Tõhusa kommunikatsiooni tagamine sihtrühmale.", "3977.15"],
      ["1.1.2.3.3", "3.5.2.1.3", "Tõhusa kommunikatsiooni tagamine sihtrühmale", "60000.00"],
      // Pärnu prints 3.5.2.1.1 and 3.5.2.1.2 twice; the repeats are items of 3.5.2.1.1 (they add up to it).
      [
        "1.1.2.6.1",
        "3.5.2.1.1",
        "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
        "13434.77",
      ],
      ["1.1.2.6.2", "3.5.2.1.2", "Vajaduspõhise tugiteenuse pakkumine sihtrühmale.", "5000.00"],
      // Jõhvi's schedule has no 3.5.2.1.2: the line stands, taken from no row, and counts 0 in the sums.
      ["1.1.2.7.2", "3.5.2.1.2", "Vajaduspõhise tugiteenuse pakkumine sihtrühmale.", "0.00"],
      [
        "1.1.2.8.1",
        "3.5.2.1.1",
        "Haapsalus elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
        "51824.53",
      ],
      ["1.1.2.9", null, "Sisutegevuste kulud (partner Kohtla-Järve linn)", "61460.00"],
      ["1.2", null, "Kaudsed kulud (7 % otsestest kuludest)", "88680.25"],
    ];
    for (const [number, tat, label, amount] of expected) {
      const found = line(lisa2, number);
      expect([found.number, found.tatNumber, found.label, money(found.amount)]).toEqual([number, tat, label, amount]);
    }
    expect(line(lisa2, "1.1.2.7.2").sources).toEqual([]);
    // Jõhvi has no 3.5.2.1.2: absent, shown "–"; ELVL's 3.5.1.1 is a row of its schedule at 0,00, so it is present.
    expect(line(lisa2, "1.1.2.7.2").absent).toBe(true);
    expect(line(lisa2, "1.1.2.1.1").absent).toBe(false);
    expect([money(line(lisa2, "1.1.2.7.5").amount), line(lisa2, "1.1.2.7.5").absent]).toEqual(["0.00", false]);
    expect(money(line(lisa2, "1.1.2.7").amount)).toBe("55485.00");
    expect(
      lisa2.lines
        .filter((candidate) => candidate.absent)
        .map((candidate) => `${lisa2.matrix.columns[candidate.implementer!].name} ${candidate.tatNumber}`),
    ).toEqual(["Jõhvi vald 3.5.2.1.2"]);
    // 1 + 1.1 + 1.1.1 with 9 shares + 1.1.2 with 9 shares, 4 + 8 × 5 activities + 1.2.
    expect(lisa2.lines).toHaveLength(1 + 1 + 1 + 9 + 1 + 9 + 4 + 8 * 5 + 1);
    expect(lisa2.lines.map((candidate) => candidate.number)).toEqual([...new Set(lisa2.lines.map((c) => c.number))]);
  });

  test("every parent line is exactly the sum of its lines, and 1 = 1.1 + 1.2", () => {
    let parents = 0;
    for (const candidate of lisa2.lines) {
      if (candidate.children.length === 0) continue;
      parents++;
      const sum = sumMoney(candidate.children.map((child) => lisa2.lines[child].amount));
      expect(`${candidate.number} ${money(candidate.amount)}`).toBe(`${candidate.number} ${money(sum)}`);
      // Children are numbered under their parent.
      for (const child of candidate.children)
        expect(lisa2.lines[child].number.startsWith(`${candidate.number}.`)).toBe(true);
    }
    expect(parents).toBe(1 + 1 + 1 + 1 + 9);
    expect(line(lisa2, "1").children.map((child) => lisa2.lines[child].number)).toEqual(["1.1", "1.2"]);
  });

  test("each implementer's lines equal its schedule: personnel, each TAT activity, and the total", () => {
    const source = fixturePlan();
    source.implementers.forEach((implementer, index) => {
      const tree = buildTree(implementer);
      const personnelShare = lisa2.lines.find((l) => l.kind === "personnel-share" && l.implementer === index)!;
      const contentShare = lisa2.lines.find((l) => l.kind === "content-share" && l.implementer === index)!;
      const personnelRows = implementer.rows.filter((r) => r.kind === "personnel");
      expect(personnelRows).toHaveLength(1);
      expect(money(personnelShare.amount)).toBe(money(personnelRows[0].amount!));
      // Each activity line is the declared amount of the schedule's row of that TAT number.
      const activities = tree.top ? tree.top.children : tree.roots;
      for (const node of activities.filter((n) => n.row.kind === "activity")) {
        const activity = contentShare.children.map((c) => lisa2.lines[c]).find((l) => l.tatNumber === node.code)!;
        expect(`${implementer.name} ${node.code} ${money(activity.amount)}`).toBe(
          `${implementer.name} ${node.code} ${money(node.row.amount!)}`,
        );
      }
      // The implementer's two shares add up to what its schedule declares in all.
      const declared = tree.top ? tree.top.row.amount! : sumMoney(tree.roots.map((n) => n.row.amount!));
      expect(`${implementer.name} ${money(personnelShare.amount.plus(contentShare.amount))}`).toBe(
        `${implementer.name} ${money(declared)}`,
      );
    });
  });

  test("the indirect line is the rate times the direct costs, rounded to the cent", () => {
    // 1 266 860,75 × 0,07 = 88 680,2525.
    expect(line(lisa2, "1.1").amount.times("0.07").toFixed(4)).toBe("88680.2525");
    expect(money(line(lisa2, "1.2").amount)).toBe("88680.25");
    expect(money(lisa2.indirectRatePercent!)).toBe("7.00");
  });

  test("the matrix: rows by TAT activity and personnel, columns by implementer, totals that agree", () => {
    const { matrix } = lisa2;
    expect(matrix.columns.map((column) => column.name)).toEqual([
      "ELVL",
      "Tartu linn",
      "Tallinna linn",
      "Rakvere linn",
      "Saaremaa vald",
      "Pärnu linn",
      "Jõhvi vald",
      "Haapsalu linn",
      "Kohtla-Järve linn",
    ]);
    expect(matrix.rows.map((r) => r.tatNumber)).toEqual([
      "3.5.1.1",
      "3.5.1.2",
      "3.5.1.3",
      "3.5.1.4",
      "3.5.2.1.1",
      "3.5.2.1.2",
      "3.5.2.1.3",
      "3.5.2.1.4",
      "3.5.2.1.5",
      null,
    ]);
    const byTat = (tat: string | null) => matrix.rows.find((r) => r.tatNumber === tat)!;
    expect(money(byTat("3.5.2.1.1").total)).toBe("250477.75");
    expect(money(byTat("3.5.2.1.2").total)).toBe("141377.77");
    expect(money(byTat(null).total)).toBe("688428.84");
    // A partner has no 3.5.1.x, the implementer no 3.5.2.1.x.
    expect(byTat("3.5.1.2").cells.map((c) => (c ? money(c) : null))).toEqual(["30000.00", ...new Array(8).fill(null)]);
    expect(byTat("3.5.2.1.1").cells[0]).toBeNull();
    // Jõhvi (column 7) has no 3.5.2.1.2: "–" as in the budget lines, not 0,00.
    expect(byTat("3.5.2.1.2").cells[6]).toBeNull();
    expect(byTat("3.5.2.1.2").cells.filter((c) => c === null)).toHaveLength(2);
    expect(money(byTat("3.5.1.1").cells[0]!)).toBe("0.00");
    expect(matrix.columnTotals.map(money)).toEqual([
      "200582.00",
      "93988.53",
      "319392.91",
      "82037.77",
      "129693.24",
      "58174.77",
      "115817.00",
      "148534.53",
      "118640.00",
    ]);
    for (const matrixRow of matrix.rows) {
      const present = matrixRow.cells.filter((c): c is Money => c !== null);
      expect(money(matrixRow.total)).toBe(money(sumMoney(present)));
    }
    const sumOfRows = sumMoney(matrix.rows.map((r) => r.total));
    expect(money(sumOfRows)).toBe("1266860.75");
    expect(money(matrix.total)).toBe("1266860.75");
    expect(money(sumMoney(matrix.columnTotals))).toBe(money(matrix.total));
  });

  test("lisa 2 reconciles with lisa 1; the checks' 18 errors make it a draft", () => {
    expect(money(lisa2.reconciliation.schedulesTotal)).toBe("1266860.75");
    expect(money(lisa2.reconciliation.budgetDirect)).toBe("1266860.75");
    expect(lisa2.reconciliation.difference.isZero()).toBe(true);
    expect(lisa2.draft).toBe(true);
    expect(lisa2.errors).toHaveLength(18);
    expect(lisa2.errors.every((finding) => finding.severity === "error")).toBe(true);
  });

  test("the header: approval line, annex, title with the activity and the plan period", () => {
    expect(lisa2.header).toEqual({
      approval: "KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68",
      annex: "LISA 2",
      title:
        "Toetatava tegevuse „Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise teenuste pakkumisel“ eelarve perioodil 01.01.2025 – 31.12.2025",
      period: "Tegevuskava periood: 01.01.2025 – 31.12.2025",
      implementer: "Elluviija: ELVL",
    });
  });
});

describe("lisa 2 settings and edge cases", () => {
  const small = () =>
    plan([
      elluviija([personnel("1000.00"), row("3.5.1.1", "0.10"), row("3.5.1.2", "0.00")]),
      partner("Tartu linn", "01.01.2023-31.12.2025", [
        row("3.5.2.1", "300.00"),
        row("3.5.2.1.1", "100.00"),
        row("3.5.2.1.3", "150.00"),
        personnel("50.00"),
      ]),
    ]);

  test("no rate by default: no line 1.2, and 1 equals 1.1", () => {
    const lisa2 = buildLisa2(analyse(small()));
    expect(lisa2.indirectRatePercent).toBeNull();
    expect(lisa2.lines.some((l) => l.kind === "indirect")).toBe(false);
    expect(money(line(lisa2, "1").amount)).toBe("1300.10");
    expect(money(line(lisa2, "1.1").amount)).toBe("1300.10");
  });

  test("the plan's own rate (Seaded) is used unless the caller overrides it", () => {
    const withRate = { ...small(), indirectRatePercent: new Decimal("7.5") };
    expect(money(line(buildLisa2(analyse(withRate)), "1.2").amount)).toBe("97.51"); // 1300.10 × 0.075 = 97.5075
    expect(buildLisa2(analyse(withRate), { indirectRatePercent: null }).lines.some((l) => l.kind === "indirect")).toBe(
      false,
    );
  });

  test("a half cent rounds up, as Excel's ROUND does", () => {
    expect(indirectAmount(new Decimal("0.10"), new Decimal(5)).toFixed(2)).toBe("0.01"); // 0.005
    expect(indirectAmount(new Decimal("0.09"), new Decimal(5)).toFixed(2)).toBe("0.00"); // 0.0045
    expect(indirectAmount(new Decimal("1266860.75"), new Decimal(7)).toFixed(2)).toBe("88680.25");
  });

  test("a rate outside 0–100 % is refused with the rate in the message", () => {
    expect(() => buildLisa2(analyse(small()), { indirectRatePercent: new Decimal(120) })).toThrow(/120/);
    expect(() => buildLisa2(analyse(small()), { indirectRatePercent: new Decimal(-1) })).toThrow(/-1/);
  });

  test("a partner's missing section is listed as absent (–) because a peer has it; one it has at 0 is 0,00", () => {
    const lisa2 = buildLisa2(
      analyse(
        plan([
          partner("Tartu linn", "01.01.2023-31.12.2025", [
            row("3.5.2.1", "10.00"),
            row("3.5.2.1.2", "10.00"),
            personnel("0"),
          ]),
          partner("Pärnu linn", "01.01.2023-31.12.2025", [
            row("3.5.2.1", "5.00"),
            row("3.5.2.1.1", "5.00"),
            row("3.5.2.1.2", "0.00"),
            personnel("0"),
          ]),
        ]),
      ),
    );
    const activities = (implementer: number) =>
      lisa2.lines
        .filter((l) => l.kind === "activity" && l.implementer === implementer)
        .map((l) => [l.tatNumber, money(l.amount), l.sources.length, l.absent]);
    expect(activities(0)).toEqual([
      ["3.5.2.1.1", "0.00", 0, true],
      ["3.5.2.1.2", "10.00", 1, false],
    ]);
    expect(activities(1)).toEqual([
      ["3.5.2.1.1", "5.00", 1, false],
      ["3.5.2.1.2", "0.00", 1, false],
    ]);
    expect(lisa2.matrix.rows.map((r) => r.cells.map((c) => (c ? money(c) : null)))).toEqual([
      [null, "5.00"],
      ["10.00", "0.00"],
      ["0.00", "0.00"],
    ]);
    expect(lisa2.matrix.columnTotals.map(money)).toEqual(["10.00", "5.00"]);
  });

  test("a parent's missing amount is summed from its items; a missing leaf counts as 0, as SUM does", () => {
    const lisa2 = buildLisa2(
      analyse(
        plan([
          partner("Tartu linn", "01.01.2023-31.12.2025", [
            row("3.5.2.1", null),
            row("3.5.2.1.1", null),
            row("3.5.2.1.1.1", "40.00"),
            row("3.5.2.1.1.2", null),
            personnel("60.00"),
          ]),
        ]),
      ),
    );
    expect(money(line(lisa2, "1.1.2.1.1").amount)).toBe("40.00");
    expect(money(line(lisa2, "1.1").amount)).toBe("100.00");
    expect(money(lisa2.reconciliation.schedulesTotal)).toBe("100.00");
  });

  test("a plan without errors is not a draft", () => {
    const lisa2 = buildLisa2(analyse(small()));
    expect(lisa2.errors.map((finding) => finding.rule)).toEqual([]);
    expect(lisa2.draft).toBe(false);
  });
});
