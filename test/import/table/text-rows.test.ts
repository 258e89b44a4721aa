import { parseDirectiveText } from "../../../src/import/text";
import { periodToIso } from "../../../src/model/calendar-date";
import { fixtureWithLine } from "../../helpers";

/**
 * The text importer reads its rows' dates with the stage's readers: a plan-period range whose start leaves out the
 * year, as the ministry writes it in other plans, reads in a row of the directive's text as it does in a cell.
 */

describe("the text's rows read dates as the stage's cells do", () => {
  it.each([
    ["01.01.-31.12.2025", "01.01. – 31.12.2025"],
    ["01.01 – 31.12.2025", "01.01 – 31.12.2025"],
    ["01.03.- 30.06.2025", "01.03. – 30.06.2025"],
  ])("the plan range %j", (written, planText) => {
    // Line 248 is the plan period of Tartu's first row, 3.5.2.1 (table 9).
    const result = parseDirectiveText(fixtureWithLine(248, "01.01.2025- 31.12.2025", written));
    const tartu = result.plan.implementers.find((implementer) => implementer.name === "Tartu linn")!;
    const [start, end] = written.includes("03") ? ["2025-03-01", "2025-06-30"] : ["2025-01-01", "2025-12-31"];
    expect(tartu.rows[0]).toMatchObject({ code: "3.5.2.1", planText, amountText: "93 988,53", line: 244 });
    expect(periodToIso(tartu.rows[0].plan)).toEqual({ start, end });
    expect(tartu.rows[0].label).toBe("Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.");
    expect(result.diagnostics).toEqual([]);
  });
});
