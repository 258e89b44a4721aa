import Decimal from "decimal.js";
import {
  WorkbookPort,
  checkWorkbook,
  clearMarks,
  generateLisa2,
  importPlan,
  importResultToJson,
  importSelection,
  lisa2DocxOfWorkbook,
  previewImport,
  readSettings,
  readWorkbookPlan,
  recalc,
  writeSettings,
} from "../../src/app";
import { mapPastedRange } from "../../src/import/range/map-range";
import { createFakeExcel, FakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { XlsxWorkbookPort } from "../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../helpers";

/**
 * Each use case of src/app over two workbook ports: the Office adapter over the Excel fake (what the pane does in
 * Excel) and an .xlsx file through ExcelJS (what the command line does). Both must give the same results and leave
 * the same plan in the workbook; the figures are the sample directive's (käskkiri 25.03.2025 nr 68).
 */
jest.setTimeout(120_000);

interface Subject {
  name: string;
  port: WorkbookPort;
  /** The cell's value (a formula's result) as the workbook holds it. */
  numberAt(sheet: string, cell: string): Promise<number | null>;
}

function overFake(): Subject & { fake: FakeExcel } {
  const fake = createFakeExcel();
  const port = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  return {
    name: "Office adapter over the Excel fake",
    fake,
    port,
    numberAt: async (sheet, cell) => {
      const value = fake.workbook.values(sheet, cell)[0][0];
      return typeof value === "number" ? value : null;
    },
  };
}

function overFile(): Subject {
  const port = XlsxWorkbookPort.empty();
  return {
    name: ".xlsx through ExcelJS",
    port,
    numberAt: async (sheet, cell) => {
      // Through a saved file and back, as the command line's next run would read it.
      const reread = await XlsxWorkbookPort.load(await port.toBuffer());
      const sheets = await reread.readWorkbook();
      const raw = sheets.find((candidate) => candidate.name === sheet);
      const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const column = match[1].charCodeAt(0) - 65;
      const value = raw?.rows[Number(match[2]) - 1]?.[column]?.value;
      return typeof value === "number" ? value : null;
    },
  };
}

/** What a plan in the workbook reads as, port-neutral: the JSON the command line prints. */
async function planIn(port: WorkbookPort): Promise<unknown> {
  return importResultToJson((await readWorkbookPlan(port)).result);
}

/** Runs the use cases in an officer's order and collects what each returned, in plain values. */
async function session(subject: Subject): Promise<Record<string, unknown>> {
  const { port } = subject;
  const log: Record<string, unknown> = {};
  const preview = await previewImport(port, { kind: "text", text: fixtureText() });
  log.preview = { sheets: preview.sheets, conflicts: preview.conflicts };
  log.imported = await importPlan(port, preview, {});
  log.planAfterImport = await planIn(port);

  const settings = await readSettings(port);
  await writeSettings(port, { ...settings, indirectRatePercent: new Decimal(9) });
  log.rate = (await readSettings(port)).indirectRatePercent?.toString();

  const checked = await checkWorkbook(port, { mark: true });
  log.counts = checked.result.counts;
  log.places = checked.result.findings.map((finding) => [finding.rule, finding.position.sheet, finding.position.cell]);
  log.marked = checked.marked;
  log.cleared = await clearMarks(port);

  // A number typed over Tartu's 3.5.2.1.3 (the SUM of its items): recalculating puts the formula back.
  const tartu = (await port.readWorkbook()).find((sheet) => sheet.name === "Tartu")!;
  const row = tartu.rows.findIndex((cells) => cells?.[0]?.value === "3.5.2.1.3") + 1;
  await port.writeCells("Tartu", [{ cell: `G${row}`, value: 4000 }]);
  const recalculated = await recalc(port);
  log.recalc = { formulas: recalculated.formulas, changed: recalculated.changed };
  log.tartuSection = await subject.numberAt("Tartu", `G${row}`);

  const lisa2 = await generateLisa2(port);
  log.lisa2 = {
    sheets: lisa2.sheets,
    lines: lisa2.lisa2.lines.map((line) => [line.number, line.amount.toFixed(2)]),
    draft: lisa2.lisa2.draft,
  };
  log.docxBytes = (await lisa2DocxOfWorkbook(port)).byteLength > 0;

  // A schedule pasted into Excel and mapped (here from the canonical sheet's own cells), written as a new partner.
  const pasted = tartu.rows.slice(3, 12).map((cells) => (cells ?? []).slice(0, 9));
  const mapping = mapPastedRange(pasted, { topLeft: "A4", sheet: "Kleebitud" });
  log.selection = await importSelection(
    port,
    { sheet: "Kleebitud", address: "A4:I12", mapping },
    { name: "Viljandi linn", role: "partner" },
  );
  log.planAtEnd = await planIn(port);
  return log;
}

describe("the use cases over the Excel fake and over an .xlsx file", () => {
  let fake: Record<string, unknown>;
  let file: Record<string, unknown>;
  beforeAll(async () => {
    fake = await session(overFake());
    file = await session(overFile());
  });

  test("give the same results, step by step", () => {
    for (const step of Object.keys(fake)) expect({ step, value: file[step] }).toEqual({ step, value: fake[step] });
  });

  test("and the results are the sample's", () => {
    expect(fake.counts).toEqual({ error: 18, warning: 10, info: 4 });
    expect(fake.rate).toBe("9");
    // Clearing counts marks (rules), marking cells: one rule per cell, Rakvere's code 3.5.2.1.1.1 on two rows included
    // (a repeated code keys no mark), the two indicators' 2029 targets on Näitajad (E5, E10), which have cells now, and
    // the three codes the text describes without a row, on Seaded (J18, J20, J51).
    expect([fake.marked, fake.cleared]).toEqual([26, 26]);
    expect((fake.places as string[][]).filter(([rule]) => rule === "narrative-without-row")).toEqual([
      ["narrative-without-row", "Seaded", "J18"],
      ["narrative-without-row", "Seaded", "J20"],
      ["narrative-without-row", "Seaded", "J51"],
    ]);
    expect((fake.places as string[][]).filter(([rule]) => rule === "indicator-target-decrease")).toEqual([
      ["indicator-target-decrease", "Näitajad", "E5"],
      ["indicator-target-decrease", "Näitajad", "E10"],
    ]);
    expect(fake.recalc).toMatchObject({ formulas: 45, changed: [{ sheet: "Tartu", before: null }] });
    // 3.5.2.1.3 of Tartu: its items add up to 3 977,15.
    expect(fake.tartuSection).toBeCloseTo(3977.15, 2);
    const lines = new Map((fake.lisa2 as { lines: Array<[string, string]> }).lines);
    expect(lines.get("1.1")).toBe("1266860.75");
    // 9 % of the direct costs, rounded half up to the cent.
    expect(lines.get("1.2")).toBe("114017.47");
    expect(fake.selection).toMatchObject({ sheet: "Viljandi", newWorkbook: false });
    const names = (fake.planAtEnd as { implementers: Array<{ name: string }> }).implementers.map((i) => i.name);
    expect(names).toHaveLength(10);
    expect(names).toContain("Viljandi linn");
  });
});
