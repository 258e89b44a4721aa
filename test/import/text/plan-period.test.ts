import { readPlanPeriod } from "../../../src/import/text/preamble";
import { parseDirectiveText } from "../../../src/import/text";
import { fixtureWithLine } from "../../helpers";

/**
 * The plan period as the ministry writes it: in full in the TAT 24 directive (the fixture: "tegevuskava perioodil
 * 01.01.2025 – 31.12.2025"), and with the start's year left out in the plans of other supported activities (TAT 3.4's
 * for 2023, Settle in Estonia's for 2024: "tegevuskava perioodil 01.01 – 31.12.2026").
 */
const iso = (text: string) => {
  const period = readPlanPeriod(text);
  return period ? `${period.start.toIso()}/${period.end.toIso()}` : null;
};

describe("readPlanPeriod", () => {
  it.each([
    ["…pakkumisel“ tegevuskava perioodil\n01.01.2025 – 31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 01.01 – 31.12.2026", "2026-01-01/2026-12-31"],
    ["tegevuskava perioodil 01.01. – 31.12.2026", "2026-01-01/2026-12-31"],
    ["tegevuskava perioodil 1.1–31.12.2026", "2026-01-01/2026-12-31"],
    ["Tegevuskava perioodil 01.07 - 30.06.2027", "2026-07-01/2027-06-30"],
    ["tegevuskava perioodil 01.01.2026 — 31.12.2026", "2026-01-01/2026-12-31"],
  ])("%j is %s", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ["tegevuskava perioodil 31.02 – 31.12.2026"],
    ["tegevuskava perioodil 01.13 – 31.12.2026"],
    ["tegevuskava perioodil 01.01 – 31.12"],
    ["perioodil 01.01 – 31.12.2026"],
  ])("%j is no plan period", (text) => {
    expect(readPlanPeriod(text)).toBeNull();
  });
});

describe("the directive with its plan period written without the start's year", () => {
  it("reads the plan period, so the plan-year check has it", () => {
    const text = fixtureWithLine(36, "01.01.2025 – 31.12.2025", "01.01 – 31.12.2025");
    const result = parseDirectiveText(text);
    expect(result.plan.planPeriod?.start.toIso()).toBe("2025-01-01");
    expect(result.plan.planPeriod?.end.toIso()).toBe("2025-12-31");
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  });
});
