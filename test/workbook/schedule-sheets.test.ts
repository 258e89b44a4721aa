import { analysePlan } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { ImportResult } from "../../src/model/plan";
import { createFakeExcel } from "../../src/workbook/fake";
import { HEADER_ROW, SCHEDULE_COLUMNS, SUMMARY_SHEET, columnLetter } from "../../src/workbook/layout";
import { WorkbookModel } from "../../src/workbook/model";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { readWorkbookBuffer, writeWorkbookBuffer } from "../../src/workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort } from "../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../helpers";

/**
 * The schedule sheets as an officer reads and prints them: headers whole and told apart, frozen, printed landscape
 * one page wide with the header row on every page; and after writing, the workbook shows Koond.
 */

const plan = parseDirectiveText(fixtureText()).plan;
const model = () => planToWorkbook(plan, analysePlan(plan).implementers).workbook;
const schedules = (workbook: WorkbookModel) => workbook.sheets.filter((sheet) => sheet.kind === "schedule");
const VISIBLE = SCHEDULE_COLUMNS.filter((column) => !column.hidden);

function fakeExcel() {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  return { fake, adapter };
}

describe("the schedule sheets' headers and layout", () => {
  it("names the start and end of each range apart, with headers that wrap", () => {
    const headers = VISIBLE.map((column) => column.header);
    expect(headers).toEqual([
      "Kood",
      "Tegevus",
      "Üldajaraami algus",
      "Üldajaraami lõpp",
      "Tegevuskava perioodi algus",
      "Tegevuskava perioodi lõpp",
      "Planeeritav maksumus (EUR)",
      "Dokumendis (EUR)",
      "Vastutaja",
    ]);
    const tartu = model().sheets.find((sheet) => sheet.name === "Tartu")!;
    for (const header of tartu.rows[HEADER_ROW - 1]) expect(header).toMatchObject({ bold: true, wrap: true });
    // No header word is wider than its column: a word does not break, so a cut header would lose letters.
    for (const column of VISIBLE)
      for (const word of column.header.split(" "))
        expect([column.header, word.length <= column.width]).toEqual([column.header, true]);
  });

  it("sums the visible widths to what fits an A4 landscape page at nearly full size", () => {
    // 143 characters of Calibri 11 are about 7 pt each plus the cells' padding: 790 pt against the page's 770.
    expect(VISIBLE.reduce((sum, column) => sum + column.width, 0)).toBe(143);
  });

  it("gives every schedule the print setup of the annex sheets, landscape, with its header row repeated", () => {
    for (const sheet of schedules(model())) {
      expect(sheet.print).toEqual({ orientation: "landscape", repeatRows: [HEADER_ROW, HEADER_ROW] });
      expect(sheet.freezeRows).toBe(HEADER_ROW);
      expect(sheet.rowHeights?.[HEADER_ROW]).toBe(60);
    }
  });

  it("gives a row whose activity wraps the height of its lines", () => {
    const elvl = model().sheets.find((sheet) => sheet.name === "ELVL")!;
    // ELVL's 3.5.1.2 item 3: 354 characters of activity in a column of 40.
    const row = elvl.rows.findIndex((cells) =>
      String(cells[1]?.value ?? "").startsWith("Sihtrühmale tehtud uuringutega"),
    );
    expect(elvl.rows[row][0]?.value).toBe("3.");
    expect(elvl.rowHeights?.[row + 1]).toBeGreaterThanOrEqual(8 * 15);
    // A one-line row keeps the height Excel gives it.
    const short = elvl.rows.findIndex((cells) => cells[1]?.value === "Elluviija otsesed personalikulud");
    expect(elvl.rowHeights?.[short + 1]).toBeUndefined();
  });
});

describe("writing into Excel (the Office adapter against the fake)", () => {
  it("sets the schedules' print setup and frozen header rows, and shows Koond, in the write's 2 syncs", async () => {
    const { fake, adapter } = fakeExcel();
    const workbook = model();
    const before = fake.stats.syncs;
    await adapter.writeWorkbook(workbook);
    expect(fake.stats.syncs - before).toBe(2);
    const state = fake.workbook;
    expect(state.activeSheetName).toBe(SUMMARY_SHEET);
    for (const sheet of schedules(workbook)) {
      expect([sheet.name, state.pageLayout(sheet.name)]).toEqual([
        sheet.name,
        {
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
          margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
          headersFooters: { leftFooter: "&A", rightFooter: "&P / &N" },
        },
      ]);
      expect(state.frozenRows(sheet.name)).toBe(HEADER_ROW);
      expect(state.rowHeight(sheet.name, HEADER_ROW)).toBe(60);
      for (const [index] of VISIBLE.entries()) {
        const format = state.format(sheet.name, `${columnLetter(index)}${HEADER_ROW}`);
        expect([format.wrapText, format.verticalAlignment]).toEqual([true, "Top"]);
      }
    }
  });

  it("shows the written schedule when only a schedule is written", async () => {
    const { fake, adapter } = fakeExcel();
    const tartu = model().sheets.find((sheet) => sheet.name === "Tartu")!;
    await adapter.writeWorkbook({ sheets: [tartu] });
    expect(fake.workbook.activeSheetName).toBe("Tartu");
  });
});

describe("writing a file (the .xlsx port)", () => {
  it("opens on Koond, with the schedules' print setup in the file", async () => {
    const port = XlsxWorkbookPort.empty();
    await port.writeWorkbook(model());
    const names = port.workbook.worksheets.map((sheet) => sheet.name);
    expect(port.workbook.views[0].activeTab).toBe(names.indexOf(SUMMARY_SHEET));
    const tartu = port.workbook.getWorksheet("Tartu")!;
    expect(tartu.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
    expect(tartu.headerFooter.oddFooter).toBe("&L&A&R&P / &N");
  });
});

describe("reading a workbook written by an earlier version", () => {
  /** The workbook as versions before these headers wrote it: the frame's columns headed "Üldajaraam algus" / "… lõpp". */
  function withFormerHeaders(workbook: WorkbookModel): WorkbookModel {
    const former = SCHEDULE_COLUMNS.map((column) => column.formerHeaders?.[0] ?? column.header);
    expect(former.slice(2, 4)).toEqual(["Üldajaraam algus", "Üldajaraam lõpp"]);
    return {
      sheets: workbook.sheets.map((sheet) =>
        sheet.kind !== "schedule"
          ? sheet
          : {
              ...sheet,
              rows: sheet.rows.map((row, index) =>
                index === HEADER_ROW - 1 ? row.map((cell, column) => cell && { ...cell, value: former[column] }) : row,
              ),
              table: { ...sheet.table!, columns: former },
            },
      ),
    };
  }

  const rowsOf = (result: ImportResult) =>
    result.plan.implementers.map((implementer) =>
      implementer.rows.map((row) => [
        row.printedCode,
        row.label,
        row.frame,
        row.plan,
        row.amount?.toFixed(2),
        row.responsible,
      ]),
    );

  it("reads every row of every schedule, as from a workbook of today", async () => {
    const today = workbookToPlan(await readWorkbookBuffer(await writeWorkbookBuffer(model())));
    const old = await readWorkbookBuffer(await writeWorkbookBuffer(withFormerHeaders(model())));
    const tartu = old.find((sheet) => sheet.name === "Tartu")!;
    expect(tartu.rows[HEADER_ROW - 1].slice(2, 4).map((cell) => cell?.value)).toEqual([
      "Üldajaraam algus",
      "Üldajaraam lõpp",
    ]);
    const result = workbookToPlan(old);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(rowsOf(result)).toEqual(rowsOf(today));
    expect(result.plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0)).toBe(134);
  });
});
