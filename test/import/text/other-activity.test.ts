import * as fs from "fs";
import { analyse } from "../../../src/checks/analyse";
import { parseDirectiveText } from "../../../src/import/text";
import {
  OTHER_ACTIVITY,
  OTHER_ACTIVITY_PATH,
  YEAR,
  expectedSummary,
  iso,
  planSummary,
} from "./other-activity-expected";

describe("a directive of another supported activity (3.4.4, foundations as partners, 2023)", () => {
  const text = fs.readFileSync(OTHER_ACTIVITY_PATH, "utf8");
  const result = parseDirectiveText(text);

  it("reads without a diagnostic", () => {
    expect(result.diagnostics).toEqual([]);
  });

  it("reads the plan period written without the start's year, and the directive", () => {
    expect(iso(result.plan.planPeriod)).toBe(YEAR);
    expect(result.plan.directive.number).toBe("41");
    expect(result.plan.directive.date?.toIso()).toBe("2023-03-14");
    expect(result.plan.directive.tat?.number).toBe("301");
    expect(result.plan.directive.activityName).toBe("Uussisserändajate kohanemise toetamine");
  });

  it("reads every implementer's rows, amounts, periods and responsible parties", () => {
    expect(planSummary(result)).toEqual(expectedSummary());
    expect(result.plan.implementers.flatMap((i) => i.rows.map((row) => row.line))).toEqual(
      OTHER_ACTIVITY.flatMap((i) => i.rows.map(([line]) => line)),
    );
  });

  it("reads the same plan from a PDF's text that left Word's heading numbers out", () => {
    const unnumbered = text
      .replace("1. Elluviija tegevused 1.1 3.4.4.1", "Elluviija tegevused\n3.4.4.1")
      .replace("2. Partnerite tegevused 2.1 3.4.4.2", "Partnerite tegevused 3.4.4.2")
      .replace("2.2 3.4.4.2", "3.4.4.2");
    const onePartner = text
      .replace("2. Partnerite tegevused 2.1 3.4.4.2", "2. Partneri tegevused 3.4.4.2")
      .replace("2.2 3.4.4.2", "3.4.4.2");
    expect(unnumbered).not.toMatch(/^\d\.(\d )?\s/mu);
    const again = parseDirectiveText(unnumbered);
    expect(again.diagnostics).toEqual([]);
    expect(planSummary(again)).toEqual(expectedSummary());
    // The singular heading of a plan with one partner.
    expect(planSummary(parseDirectiveText(onePartner))).toEqual(expectedSummary());
  });

  it("knows the partners by the short names the directive and the tables use", () => {
    const [, insa, pagulasabi] = result.plan.implementers;
    expect(insa.aliases).toEqual(expect.arrayContaining(["INSA", "partner INSA", "Integratsiooni Sihtasutus"]));
    expect(pagulasabi.aliases).toEqual(expect.arrayContaining(["MTÜ Eesti Pagulasabi", "Eesti Pagulasabi"]));
  });

  it("reads the indicator tables", () => {
    expect(result.plan.indicators.map((i) => [i.table, i.name, i.unit, i.target, i.target2029, i.line])).toEqual([
      [2, "Uuendatud moodulite arv", "Arv", "4", "8", 43],
      [5, "Keelekursustel osalejad", "Osalejat", "240", "900", 107],
      [5, "Nõustatud rahvusvahelise kaitse saajad", "Inimest", "150", "500", 109],
    ]);
  });

  it("checks with exactly the two inconsistencies written into it", () => {
    const { check } = analyse(result.plan);
    expect(
      check.findings.map((f) => [f.rule, f.implementer, f.code, f.position.line, f.declared?.toFixed(2) ?? null]),
    ).toEqual([
      ["total-mismatch", "Integratsiooni Sihtasutus", "3.4.4.2", 61, "40000.00"],
      ["responsible-mismatch", "MTÜ Eesti Pagulasabi", "3.4.4.2.2", 94, null],
    ]);
    const totals = check.totals.map((t) => [t.implementer, t.declared?.toFixed(2), t.computed?.toFixed(2)]);
    expect(totals).toEqual([
      ["EKS", "70100.00", "70100.00"],
      ["Integratsiooni Sihtasutus", "40000.00", "38000.00"],
      ["MTÜ Eesti Pagulasabi", "26450.50", "26450.50"],
    ]);
  });
});
