import { createFakeExcel } from "../../src/workbook/fake";
import type { ExcelRunner } from "../../src/workbook/office/office-adapter";
import { ExcelProbe, PROBES, expectEqual, probeReportText, runProbes } from "../../src/workbook/office/probes";

/** The self-test's runner over the Excel fake: scratch sheets made and removed, failures reported, nothing else touched. */

function workbook(sheets = ["Eelarve", "Koond"]) {
  const fake = createFakeExcel({ sheets });
  fake.workbook.setCells("Eelarve", "A1", [["kood", 12]]);
  const run: ExcelRunner = (batch) => batch(fake.context);
  return { fake, run };
}

const probe = (id: string, run: ExcelProbe["run"]): ExcelProbe => ({
  id,
  api: "Range.values",
  set: "ExcelApi 1.1",
  kind: "guess",
  source: "a test probe",
  expect: "A1 of the scratch sheet reads back 5.",
  run,
});

const passes = probe("writes-and-reads", async (context, scratch) => {
  scratch.getRange("A1").values = [[5]];
  const range = scratch.getRange("A1").load("values");
  await context.sync();
  expectEqual("A1", range.values, [[5]]);
});

const fails = probe("sees-something-else", async (context, scratch) => {
  scratch.getRange("A1").values = [[4]];
  const range = scratch.getRange("A1").load("values");
  await context.sync();
  expectEqual("A1", range.values, [[5]]);
});

const throws = probe("throws", async (context, scratch) => {
  scratch.visibility = "VeryHidden";
  await context.sync();
  throw new Error("the probe itself broke");
});

const excelRefuses = probe("excel-refuses", async (context, scratch) => {
  scratch.getRange("A1:B1").values = [[1]];
  await context.sync();
});

describe("runProbes", () => {
  it("runs each probe in a scratch sheet it removes, and reports passes, failures and throws", async () => {
    const { fake, run } = workbook();
    const before = fake.workbook.snapshot();
    const scratchNames: string[] = [];
    const spy = probe("sees-its-sheet", async (context, scratch) => {
      scratch.load("name");
      const all = context.workbook.worksheets.load("items/name");
      await context.sync();
      scratchNames.push(scratch.name);
      expectEqual(
        "sheets",
        all.items.map((sheet) => sheet.name),
        ["Eelarve", "Koond", scratch.name],
      );
    });
    const progress: string[] = [];
    const reports = await runProbes(run, [passes, fails, throws, excelRefuses, spy], (report, index, total) =>
      progress.push(`${index + 1}/${total} ${report.id} ${report.passed}`),
    );
    expect(reports.map(({ id, passed }) => [id, passed])).toEqual([
      ["writes-and-reads", true],
      ["sees-something-else", false],
      ["throws", false],
      ["excel-refuses", false],
      ["sees-its-sheet", true],
    ]);
    expect(reports[1].seen).toBe("A1: expected [[5]], saw [[4]]");
    expect(reports[2].seen).toBe("the probe itself broke");
    expect(reports[3].seen).toMatch(/^InvalidArgument: The number of rows or columns/);
    expect(reports[0]).toMatchObject({ api: "Range.values", set: "ExcelApi 1.1", kind: "guess", seen: "" });
    expect(reports.every((report) => report.ms >= 0)).toBe(true);
    expect(progress).toEqual([
      "1/5 writes-and-reads true",
      "2/5 sees-something-else false",
      "3/5 throws false",
      "4/5 excel-refuses false",
      "5/5 sees-its-sheet true",
    ]);
    expect(scratchNames).toEqual(["tat-budget proov 5"]);
    // The very hidden scratch sheet of the probe that threw went too; the officer's sheets are as they were.
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("takes a free name and never touches a sheet that has the scratch sheet's name", async () => {
    const { fake, run } = workbook(["Eelarve", "tat-budget proov 1"]);
    fake.workbook.setCells("tat-budget proov 1", "B2", [["the officer's"]]);
    const before = fake.workbook.snapshot();
    let used = "";
    const [report] = await runProbes(run, [
      probe("names", async (context, scratch) => {
        scratch.load("name");
        await context.sync();
        used = scratch.name;
      }),
    ]);
    expect(report.passed).toBe(true);
    expect(used).toBe("tat-budget proov 1-2");
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("reports a scratch sheet that cannot be made as the probe's failure", async () => {
    const { fake, run } = workbook();
    fake.control.failSync(2, { code: "AccessDenied", message: "The workbook's structure is protected." });
    const [report] = await runProbes(run, [passes]);
    expect(report).toMatchObject({ passed: false, seen: "AccessDenied: The workbook's structure is protected." });
    expect(fake.workbook.sheetNames()).toEqual(["Eelarve", "Koond"]);
  });

  it("leaves the workbook's sheets exactly as they were after every probe of PROBES", async () => {
    const { fake, run } = workbook();
    fake.workbook.addSheet("Peidus");
    const hide = fake.context.workbook.worksheets.getItem("Peidus");
    hide.visibility = "Hidden";
    await fake.context.sync();
    const before = fake.workbook.snapshot();
    const reports = await runProbes(run, PROBES);
    expect(reports.filter((report) => !report.passed)).toEqual([]);
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});

describe("probeReportText", () => {
  it("gives the environment, the counts, a line per probe and what a failure saw", async () => {
    const { run } = workbook();
    const reports = (await runProbes(run, [passes, fails])).map((report) => ({ ...report, ms: 7 }));
    expect(
      probeReportText(reports, { host: "Excel", platform: "PC", version: "16.0.18129.20000", excelApi: "1.17" }),
    ).toBe(
      [
        "tat-budget: Exceli enesetest",
        "Rakendus: Excel",
        "Platvorm: PC",
        "Versioon: 16.0.18129.20000",
        "ExcelApi: 1.17",
        "Proove: 2, läbis: 1, ei läbinud: 1",
        "",
        "OK   writes-and-reads (ExcelApi 1.1, guess) 7 ms",
        "VIGA sees-something-else (ExcelApi 1.1, guess) 7 ms",
        "     oodati: A1 of the scratch sheet reads back 5.",
        "     nähti:  A1: expected [[5]], saw [[4]]",
        "",
      ].join("\n"),
    );
    expect(probeReportText([])).toBe("tat-budget: Exceli enesetest\nProove: 0, läbis: 0, ei läbinud: 0\n\n");
  });
});
