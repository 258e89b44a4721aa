import { analyse } from "../../src/checks/analyse";
import { parseDirectiveText } from "../../src/import/text";
import { ActionPlan } from "../../src/model/plan";
import { RawSheet } from "../../src/workbook/model";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { rawSheets } from "../checks/fault-injection/generator";
import { fixtureText } from "../helpers";

/**
 * Seaded's block of what the implementers' texts describe: written beside the implementers' table (from column I on
 * its header row), read back with each code's cell; a text known to describe nothing by code stays known, a text
 * not known stays unknown, and a workbook of an earlier version (no block) knows no text.
 */
const seaded = (sheets: RawSheet[]) => sheets.find((sheet) => sheet.name === "Seaded") as RawSheet;
const roundTrip = (plan: ActionPlan) => workbookToPlan(rawSheets(planToWorkbook(plan).workbook));

describe("the described codes on Seaded", () => {
  const text = parseDirectiveText(fixtureText()).plan;
  const sheets = rawSheets(planToWorkbook(text).workbook);
  const back = workbookToPlan(sheets);

  it("stand beside the implementers' table: implementer, code, title, source line", () => {
    const rows = seaded(sheets).rows;
    const header = rows.findIndex((row) => row?.[0]?.value === "Elluviija / partner");
    expect(rows[header]?.slice(8).map((cell) => cell?.value)).toEqual([
      "Tekstis kirjeldab",
      "Kood",
      "Pealkiri tekstis",
      "Allikarida",
    ]);
    // ELVL's fifth described code, 3.5.1.3.2 of line 155, on the fifth row under the header.
    expect(rows[header + 5]?.slice(8).map((cell) => cell?.value)).toEqual([
      "ELVL",
      "3.5.1.3.2",
      "KOV-ide nõustamine",
      155,
    ]);
    // The implementers' table ends where it did: its next row is free for a schedule imported later.
    expect(rows[header + 10]?.[0]?.value ?? null).toBeNull();
  });

  it("read back, every implementer's codes, titles and lines, each at its cell", () => {
    const described = (plan: ActionPlan) =>
      plan.implementers.map((implementer) => [
        implementer.name,
        implementer.narrative?.map(({ code, title, line }) => [code, title, line]),
      ]);
    expect(described(back.plan)).toEqual(described(text));
    const johvi = back.plan.implementers.find((implementer) => implementer.name === "Jõhvi vald")?.narrative;
    expect(johvi?.[1]).toEqual({
      code: "3.5.2.1.2",
      title: "Vajaduspõhise tugiteenuse pakkumine sihtrühmale",
      line: 704,
      sheet: { name: "Seaded", row: 51, cell: "J51" },
    });
  });

  it("a text that describes nothing by code stays known; one not known stays unknown", () => {
    const plan = parseDirectiveText(fixtureText()).plan;
    plan.implementers[1].narrative = [];
    delete plan.implementers[2].narrative;
    const read = roundTrip(plan).plan;
    expect(read.implementers[1].narrative).toEqual([]);
    expect(read.implementers[2].narrative).toBeUndefined();
    expect(read.implementers[3].narrative).toHaveLength(5);
  });

  it("a workbook without the block (an earlier version's) knows no text: the text's rules say nothing", () => {
    const earlier = structuredClone(sheets);
    for (const row of seaded(earlier).rows) row?.splice(8);
    const read = workbookToPlan(earlier).plan;
    expect(read.implementers.every((implementer) => implementer.narrative === undefined)).toBe(true);
    const rules = analyse(read).check.findings.filter((finding) => /narrative/.test(finding.rule));
    expect(rules).toEqual([]);
  });

  it("a code the officer adds to the block is checked as the text's would be", () => {
    const edited = structuredClone(sheets);
    const rows = seaded(edited).rows;
    const header = rows.findIndex((row) => row?.[8]?.value === "Tekstis kirjeldab");
    let last = header + 1;
    while (rows[last]?.[8]?.value) last++;
    const row = (rows[last] ??= []);
    while (row.length < 8) row.push(null);
    row.splice(8, 4, { value: "Tartu linn" }, { value: "3.5.2.1.9" }, { value: "Uus tegevus" }, { value: null });
    const findings = analyse(workbookToPlan(edited).plan).check.findings.filter(
      (finding) => finding.rule === "narrative-without-row" && finding.implementer === "Tartu linn",
    );
    expect(findings.map((finding) => [finding.code, finding.position.sheet, finding.position.cell])).toEqual([
      ["3.5.2.1.9", "Seaded", `J${last + 1}`],
    ]);
  });
});
