import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { analysePlan, planWithLisa2Workbook } from "../../../src/app";
import { implementerTotals } from "../../../src/model/totals";
import { parseDirectiveText } from "../../../src/import/text";
import { CalendarDate } from "../../../src/model/calendar-date";
import { importResultToJson } from "../../../src/model/json";
import { createFakeExcel } from "../../../src/workbook/fake";
import { render, tokenize } from "../../../src/workbook/fake/formula";
import {
  DATE_FORMAT,
  LISA2_MATRIX_SHEET,
  LISA2_SHEET,
  SETTINGS_SHEET,
  toExcelSerial,
} from "../../../src/workbook/layout";
import { RawCell, RawSheet, WorkbookModel, isDate } from "../../../src/workbook/model";
import { isMarkFormula } from "../../../src/workbook/marks";
import { MARKS_SHEET, OfficeWorkbookAdapter } from "../../../src/workbook/office/office-adapter";
import type { CellFinding, WorkbookPort } from "../../../src/workbook/port";
import { workbookToPlan } from "../../../src/workbook/read-plan";
import { rollupFormulas } from "../../../src/workbook/rollups";
import { settingsCellUpdates, settingsOf } from "../../../src/workbook/settings";
import { planToWorkbook } from "../../../src/workbook/write-plan";
import { readWorkbookFile, writeWorkbookFile } from "../../../src/workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort, sheetRenamedIn } from "../../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../../helpers";

// Each test reads and writes the whole canonical workbook a few times.
jest.setTimeout(60_000);

const imported = () => parseDirectiveText(fixtureText());
const canonical = (): WorkbookModel => planToWorkbook(imported().plan).workbook;
const folder = mkdtempSync(path.join(tmpdir(), "tat-xlsx-port-"));
let files = 0;

/** Saves the port's workbook to a new file and reads that file back as the CLI reads a workbook. */
async function savedAndRead(port: XlsxWorkbookPort): Promise<RawSheet[]> {
  const file = path.join(folder, `kava-${++files}.xlsx`);
  await port.save(file);
  return (await readWorkbookFile(file)).filter((sheet) => sheet.name !== MARKS_SHEET);
}

/** The port reads what its saved file reads: the promise the CLI relies on between commands. */
async function expectReadsAsSaved(port: XlsxWorkbookPort): Promise<RawSheet[]> {
  const read = await port.readWorkbook();
  expect(read).toEqual(await savedAndRead(port));
  return read;
}

/** A port over the canonical workbook as the CLI meets it: written, saved, and opened again. */
async function openedCanonical(): Promise<XlsxWorkbookPort> {
  const port = XlsxWorkbookPort.empty();
  await port.writeWorkbook(canonical());
  return XlsxWorkbookPort.load(await port.toBuffer());
}

const sheetOf = (sheets: RawSheet[], name: string) => sheets.find((sheet) => sheet.name === name)!;
const rowOfCode = (sheet: RawSheet, code: string) => sheet.rows.findIndex((row) => row?.[0]?.value === code) + 1;

/** Every cell's own fill, for comparing a workbook's formats before and after. */
function fills(workbook: ExcelJS.Workbook): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const sheet of workbook.worksheets)
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        all[`${sheet.name}!${cell.address}`] = JSON.stringify(cell.fill ?? null);
      }),
    );
  return all;
}

const argbOf = (workbook: ExcelJS.Workbook, sheet: string, cell: string) =>
  (workbook.getWorksheet(sheet)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe("the .xlsx workbook port on the directive of 25.03.2025 nr 68", () => {
  it("writes the canonical workbook, reading as its saved file and as writeWorkbookFile's file read", async () => {
    const port = XlsxWorkbookPort.empty();
    expect(await port.listSheets()).toEqual([]);
    const model = canonical();
    const result = await port.writeWorkbook(model);
    expect(result).toEqual({
      sheets: Object.fromEntries(model.sheets.map((sheet) => [sheet.name, sheet.name])),
      backups: [],
    });
    expect(await port.listSheets()).toEqual(model.sheets.map((sheet) => sheet.name));

    const read = await expectReadsAsSaved(port);
    const file = path.join(folder, "writeWorkbookFile.xlsx");
    await writeWorkbookFile(model, file);
    expect(read).toEqual(await readWorkbookFile(file));
    // Dates are Dates, as in a file read: the plan reads back whole.
    const readBack = workbookToPlan(read);
    expect(readBack.diagnostics).toEqual([]);
    expect(importResultToJson(readBack)).toEqual(importResultToJson(imported()));
    // And a file opened again reads the same.
    expect(await (await XlsxWorkbookPort.open(file)).readWorkbook()).toEqual(read);
  });

  it("never overwrites a sheet silently: refuses, replaces keeping a backup, or imports beside it", async () => {
    const port = XlsxWorkbookPort.empty();
    const mine = port.workbook.addWorksheet("tartu");
    mine.getCell("A1").value = "minu töö";
    mine.getCell("B1").value = 42;
    const summary = port.workbook.addWorksheet("Minu kokkuvõte");
    summary.getCell("A1").value = { formula: "tartu!B1*2", result: 84 } as ExcelJS.CellFormulaValue;
    const before = await port.readWorkbook();

    // Compared as Excel compares sheet names: "tartu" is "Tartu".
    await expect(port.writeWorkbook(canonical())).rejects.toThrow(
      "Leht „Tartu“ on juba olemas: valige, kas see asendada (vana jääb varukoopiaks) või importida teise nimega.",
    );
    expect(await port.readWorkbook()).toEqual(before);
    expect(await port.listSheets()).toEqual(["tartu", "Minu kokkuvõte"]);

    const replaced = await port.writeWorkbook(canonical(), { Tartu: "replace" });
    expect(replaced.backups).toEqual(["Tartu (varu)"]);
    expect(replaced.sheets.Tartu).toBe("Tartu");
    const read = await expectReadsAsSaved(port);
    expect(sheetOf(read, "Tartu (varu)").rows[0]).toEqual([{ value: "minu töö" }, { value: 42 }]);
    expect(sheetOf(read, "Tartu").rows[4]?.[0]).toEqual({ value: "3.5.2.1" });
    // As in Excel, a formula that named the old sheet follows it to its backup.
    expect(sheetOf(read, "Minu kokkuvõte").rows[0]?.[0]).toEqual({ value: 84, formula: "'Tartu (varu)'!B1*2" });

    // A second import, every sheet replaced: the backups keep their tables, the new tables take free names.
    const again = await port.writeWorkbook(
      canonical(),
      Object.fromEntries(canonical().sheets.map((sheet) => [sheet.name, "replace" as const])),
    );
    expect(again.backups).toContain("Tartu (varu) 2");
    expect(again.backups).toContain("Koond (varu)");
    const reopened = await XlsxWorkbookPort.load(await port.toBuffer());
    const tables = reopened.workbook.worksheets.flatMap((sheet) =>
      Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables),
    );
    expect(tables.length).toBe(18);
    expect(new Set(tables.map((name) => name.toLowerCase())).size).toBe(tables.length);
    // The old summary sums the old schedules; the new one the new.
    const reread = await reopened.readWorkbook();
    const koondRow = (name: string) => sheetOf(reread, name).rows.find((row) => row?.[0]?.value === "Tartu linn");
    expect(koondRow("Koond (varu)")?.[3]?.formula).toBe("'Tartu (varu) 2'!G5");
    expect(koondRow("Koond")?.[3]?.formula).toBe("'Tartu'!G5");

    const beside = XlsxWorkbookPort.empty();
    beside.workbook.addWorksheet("Tallinn");
    const kept = await beside.writeWorkbook(canonical(), { Tallinn: "keep-both" });
    expect(kept).toEqual(expect.objectContaining({ backups: [] }));
    expect(kept.sheets.Tallinn).toBe("Tallinn 2");
    const koond = sheetOf(await expectReadsAsSaved(beside), "Koond");
    const tallinn = koond.rows.find((row) => row?.[0]?.value === "Tallinna linn");
    expect(tallinn?.[3]).toEqual({ value: expect.any(Number), formula: "'Tallinn 2'!G5" });
    expect(Math.round((tallinn![3]!.value as number) * 100)).toBe(31939291);
  });

  it("writes cells along with the sheets, or neither", async () => {
    const port = XlsxWorkbookPort.empty();
    port.workbook.addWorksheet("Märkmed");
    port.workbook.addWorksheet("Tartu");
    const cells = { sheet: "Märkmed", updates: [{ cell: "B2", value: "imporditud", numFmt: "@" }] };
    await expect(port.writeWorkbook(canonical(), {}, cells)).rejects.toThrow(/Leht „Tartu“ on juba olemas/);
    expect(await port.listSheets()).toEqual(["Märkmed", "Tartu"]);
    expect(port.workbook.getWorksheet("Märkmed")!.getCell("B2").value).toBeNull();
    await expect(
      port.writeWorkbook(canonical(), { Tartu: "keep-both" }, { sheet: "Puudub", updates: cells.updates }),
    ).rejects.toThrow("Töövihikus pole lehte „Puudub“.");
    await expect(
      port.writeWorkbook(canonical(), { Tartu: "keep-both" }, { sheet: "Märkmed", updates: [{ cell: "B", value: 1 }] }),
    ).rejects.toThrow("„B“ ei ole lahtri aadress.");
    expect(await port.listSheets()).toEqual(["Märkmed", "Tartu"]);

    await port.writeWorkbook(canonical(), { Tartu: "keep-both" }, cells);
    const read = await expectReadsAsSaved(port);
    expect(sheetOf(read, "Märkmed").rows[1]?.[1]).toEqual({ value: "imporditud" });
    expect(port.workbook.getWorksheet("Märkmed")!.getCell("B2").numFmt).toBe("@");
  });

  it("writes the settings into Seaded: text stays text, dates are dates, as after saving", async () => {
    const port = await openedCanonical();
    const seaded = sheetOf(await port.readWorkbook(), SETTINGS_SHEET);
    const settings = {
      ...settingsOf(imported().plan),
      directiveNumber: "0068",
      directiveDate: CalendarDate.of(2025, 4, 1),
      indirectRatePercent: new Decimal("7.5"),
    };
    const updates = settingsCellUpdates(seaded, settings);
    await port.writeCells(SETTINGS_SHEET, updates);
    const read = await expectReadsAsSaved(port);
    const cellOf = (address: string) => {
      const row = Number(address.slice(1)) - 1;
      return sheetOf(read, SETTINGS_SHEET).rows[row]?.[address.charCodeAt(0) - 65];
    };
    const [number, date, , , rate] = updates;
    expect(cellOf(number.cell)).toEqual({ value: "0068" });
    expect(cellOf(date.cell)).toEqual({ value: new Date(Date.UTC(2025, 3, 1)) });
    expect(date.value).toBe(toExcelSerial(CalendarDate.of(2025, 4, 1)!));
    expect(port.workbook.getWorksheet(SETTINGS_SHEET)!.getCell(date.cell).numFmt).toBe(DATE_FORMAT);
    expect(cellOf(rate.cell)).toEqual({ value: 7.5 });
    const plan = workbookToPlan(read).plan;
    expect(plan.directive.number).toBe("0068");
    expect(plan.indirectRatePercent?.toString()).toBe("7.5");

    await expect(port.writeCells("Puudub", updates)).rejects.toThrow("Töövihikus pole lehte „Puudub“.");
  });

  it("marks findings with conditional formats, writing no fill, and clearing takes off only ours", async () => {
    // Opened from a file, as the CLI meets it: there cells of one format share one style object in ExcelJS.
    const port = await openedCanonical();
    const findings = analysePlan(workbookToPlan(await port.readWorkbook()).plan).check.findings;
    const located = findings.filter((finding) => finding.position.sheet && finding.position.cell);
    const cells = [...new Set(located.map((finding) => `${finding.position.sheet}!${finding.position.cell}`))];
    expect(cells.length).toBeGreaterThan(20);
    // A colour and a conditional format of the officer's own.
    const [ownSheet, ownCell] = cells[0].split("!");
    port.workbook.getWorksheet(ownSheet)!.getCell(ownCell).fill = {
      type: "pattern",
      pattern: "lightTrellis",
      fgColor: { argb: "FF00B050" },
      bgColor: { argb: "FF7030A0" },
    };
    const officers = {
      ref: "G5:G20",
      rules: [{ type: "expression" as const, priority: 1, formulae: ["G5>1000"], style: {} }],
    };
    port.workbook.getWorksheet("Tartu")!.addConditionalFormatting(officers);
    const fillsBefore = fills(port.workbook);
    const readBefore = await port.readWorkbook();

    expect(await port.markFindings(findings)).toBe(cells.length);
    // Rakvere's 3.5.2.1.2.1 is marked by its code over column E's coded rows, in the error colour.
    const rakvere = findings.find((f) => f.rule === "plan-outside-year" && f.code === "3.5.2.1.2.1")!;
    expect(rakvere.position.cell).toMatch(/^E\d+$/);
    expect(marksOf(port.workbook, "Rakvere")).toContainEqual({
      ref: expect.stringMatching(/^E5:E\d+$/),
      formula: 'AND(N("tat-budget")=0,$A5="3.5.2.1.2.1.")',
      color: "FFF8CBAD",
    });
    // No fill is written, and the plan reads as before; no marks sheet.
    expect(fills(port.workbook)).toEqual(fillsBefore);
    expect(await port.listSheets()).not.toContain(MARKS_SHEET);
    expect(await port.readWorkbook()).toEqual(readBefore);
    await expectReadsAsSaved(port);

    // Marking again replaces the marks; they survive saving, and clearing in the file takes them all off.
    const marks = allMarks(port.workbook);
    expect(await port.markFindings(findings)).toBe(cells.length);
    expect(allMarks(port.workbook)).toEqual(marks);
    const reopened = await XlsxWorkbookPort.load(await port.toBuffer());
    expect(allMarks(reopened.workbook)).toEqual(marks);
    expect(await reopened.clearMarks()).toBe(marks.length);
    expect(allMarks(reopened.workbook)).toEqual([]);
    expect(fills(reopened.workbook)).toEqual(fillsBefore);
    expect(await port.clearMarks()).toBe(marks.length);
    expect(formattingsOf(port.workbook, "Tartu")).toEqual([officers]);
    expect(fills(port.workbook)).toEqual(fillsBefore);
    expect(await port.readWorkbook()).toEqual(readBefore);
    expect(await port.clearMarks()).toBe(0);
  });

  it("marks the worst finding of a cell, skips protected sheets and findings without a cell", async () => {
    const port = await openedCanonical();
    await port.workbook.getWorksheet("Rakvere")!.protect("", {});
    const findings: CellFinding[] = [
      { severity: "info", position: { sheet: "Tartu", cell: "G6" } },
      { severity: "warning", position: { sheet: "tartu", cell: "G6" } },
      { severity: "info", position: { sheet: "Tartu", cell: "G7" } },
      { severity: "error", position: { sheet: "Rakvere", cell: "G6" } },
      { severity: "error", position: { sheet: "Tartu" } },
      { severity: "error", position: {} },
    ];
    const before = await port.readWorkbook();
    expect(await port.markFindings(findings)).toBe(2);
    expect(marksOf(port.workbook, "Tartu").map(({ color }) => color)).toEqual(["FFFFE699", "FFDDEBF7"]);
    expect(marksOf(port.workbook, "Rakvere")).toEqual([]);
    await expect(port.markFindings([{ severity: "error", position: { sheet: "Puudub", cell: "A1" } }])).rejects.toThrow(
      "Töövihikus pole lehte „Puudub“.",
    );
    expect(await port.clearMarks()).toBe(2);

    // A cell past the data has no code to follow: its mark is on the cell itself, and the sheet reads as before.
    expect(await port.markFindings([{ severity: "error", position: { sheet: "Tartu", cell: "$z$500" } }])).toBe(1);
    expect(marksOf(port.workbook, "Tartu")).toEqual([{ ref: "Z500", formula: 'N("tat-budget")=0', color: "FFF8CBAD" }]);
    expect(await port.clearMarks()).toBe(1);
    expect(await expectReadsAsSaved(port)).toEqual(before);
  });

  it("clears marks that Excel made: its sheet has colours and patterns only", async () => {
    const port = await openedCanonical();
    const marks = port.workbook.addWorksheet(MARKS_SHEET, { state: "veryHidden" });
    marks.addRows([
      ["Leht", "Lahter", "Täide", "Muster"],
      ["Tartu", "G6", "#FFFFFF", "None"],
      ["Tartu", "G7", "#00B050", "Solid"],
    ]);
    port.workbook.getWorksheet("Tartu")!.getCell("G6").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFF8CBAD" },
    };
    expect(await port.clearMarks()).toBe(2);
    expect(port.workbook.getWorksheet("Tartu")!.getCell("G6").fill).toBeUndefined();
    expect(argbOf(port.workbook, "Tartu", "G7")).toBe("FF00B050");
  });

  it("rewrites only the roll-ups that differ, keeping what they held in a very hidden sheet", async () => {
    const port = await openedCanonical();
    const tartu = sheetOf(await port.readWorkbook(), "Tartu");
    const section = rowOfCode(tartu, "3.5.2.1.3");
    await port.writeCells("Tartu", [{ cell: `G${section}`, value: 4000 }]);
    const readBack = workbookToPlan(await port.readWorkbook());
    expect(analysePlan(readBack.plan).check.findings.filter((f) => f.rule === "parent-overridden")).toHaveLength(1);
    const formulas = rollupFormulas(implementerTotals(readBack.plan), () => null);
    expect(formulas.length).toBeGreaterThan(10);
    const before = await port.readWorkbook();

    expect(await port.rewriteFormulas(formulas)).toEqual({ changed: 1, backup: "tat-budget varu" });
    const read = await expectReadsAsSaved(port);
    // The one cell changed, carrying the result its items add up to (for a reader that does not recalculate); every
    // other cell as it was.
    const sum = `SUM(G${section + 1}:G${section + 2})`;
    expect(sheetOf(read, "Tartu").rows[section - 1]?.[6]).toEqual({ value: 3977.15, formula: sum });
    const unchanged = (sheets: RawSheet[]) =>
      sheets
        .filter((sheet) => sheet.name !== "tat-budget varu")
        .map((sheet) => ({
          ...sheet,
          rows: sheet.rows.map((row, index) =>
            sheet.name === "Tartu" && index === section - 1 ? row.filter((_, column) => column !== 6) : row,
          ),
        }));
    expect(unchanged(read)).toEqual(unchanged(before));
    expect(port.workbook.getWorksheet("tat-budget varu")!.state).toBe("veryHidden");
    expect(sheetOf(read, "tat-budget varu").rows).toEqual([
      [{ value: "Leht" }, { value: "Lahter" }, { value: "Enne" }, { value: "Pärast" }],
      [{ value: "Tartu" }, { value: `G${section}` }, { value: "4000" }, { value: `=${sum}` }],
    ]);

    expect(await port.rewriteFormulas(formulas)).toEqual({ changed: 0, backup: null });
    // Formulas compare without their "=": one given with it is the same formula.
    expect(await port.rewriteFormulas([{ sheet: "Tartu", cell: `G${section}`, formula: `=${sum}` }])).toEqual({
      changed: 0,
      backup: null,
    });
    // A second rewrite keeps a second backup.
    await port.writeCells("Tartu", [{ cell: `G${section}`, value: 1 }]);
    expect(await port.rewriteFormulas(formulas)).toEqual({ changed: 1, backup: "tat-budget varu 2" });
  });

  it("writes lisa 2 in place of the old, refusing any sheet that is not an annex", async () => {
    const { workbook } = planWithLisa2Workbook(analysePlan(imported().plan), { indirectRatePercent: new Decimal(7) });
    const schedules: WorkbookModel = { sheets: workbook.sheets.slice(0, -2) };
    const annex: WorkbookModel = { sheets: workbook.sheets.slice(-2) };
    const port = XlsxWorkbookPort.empty();
    await port.writeWorkbook(schedules);
    const sheetsBefore = await port.listSheets();

    await expect(port.writeAnnexSheets({ sheets: [schedules.sheets[0], ...annex.sheets] })).rejects.toThrow(
      "Not annex sheets, not replaced: Koond.",
    );
    expect(await port.listSheets()).toEqual(sheetsBefore);

    expect(await port.writeAnnexSheets(annex)).toEqual({ sheets: [LISA2_SHEET, LISA2_MATRIX_SHEET], replaced: [] });
    expect(await port.listSheets()).toEqual([...sheetsBefore, LISA2_SHEET, LISA2_MATRIX_SHEET]);
    await expectReadsAsSaved(port);

    // Moved between the schedules by the user, lisa 2 is regenerated where it stands.
    const order = port.workbook.worksheets;
    const moved = [...order.slice(0, 2), ...order.slice(-2), ...order.slice(2, -2)];
    moved.forEach((sheet, index) => ((sheet as unknown as { orderNo: number }).orderNo = index + 1));
    const names = moved.map((sheet) => sheet.name);
    await port.goTo({ sheet: "Tartu", cell: "A1" });
    expect(await port.writeAnnexSheets(annex)).toEqual({
      sheets: [LISA2_SHEET, LISA2_MATRIX_SHEET],
      replaced: [LISA2_SHEET, LISA2_MATRIX_SHEET],
    });
    expect(await port.listSheets()).toEqual(names);
    const protection = (port.workbook.getWorksheet(LISA2_SHEET) as unknown as { sheetProtection: unknown })
      .sheetProtection;
    expect(protection).toEqual(expect.objectContaining({ sheet: true }));
    // The file opens on lisa 2.
    expect(port.workbook.views[0].activeTab).toBe(names.indexOf(LISA2_SHEET));
    const read = await expectReadsAsSaved(port);
    const written = XlsxWorkbookPort.empty();
    await written.writeWorkbook(workbook);
    const fresh = await written.readWorkbook();
    expect(sheetOf(read, LISA2_SHEET)).toEqual(sheetOf(fresh, LISA2_SHEET));

    // A protected sheet's cells are not written, as Excel refuses them.
    await expect(port.writeCells(LISA2_SHEET, [{ cell: "A1", value: "x" }])).rejects.toThrow(
      "Leht „Lisa 2“ on kaitstud: lahtrit A1 ei saa muuta.",
    );
  });

  it("goes to a cell by making its sheet the file's active tab; a file has no selection to read", async () => {
    const port = await openedCanonical();
    await port.goTo({ sheet: "rakvere", cell: "E9" });
    const names = await port.listSheets();
    expect(port.workbook.views[0].activeTab).toBe(names.indexOf("Rakvere"));
    const reopened = await XlsxWorkbookPort.load(await port.toBuffer());
    expect(reopened.workbook.views[0].activeTab).toBe(names.indexOf("Rakvere"));
    // One tab selected, the active one: two would open grouped, typing into both. (ExcelJS does not read it back.)
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const selected: number[] = [];
    for (let index = 0; index < names.length; index++) {
      const xml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
      if (xml.includes('tabSelected="1"')) selected.push(index);
    }
    expect(selected).toEqual([names.indexOf("Rakvere")]);
    expect(reopened.workbook.getWorksheet("Rakvere")!.views[0].activeCell).toBe("E9");
    await expect(port.goTo({ sheet: "Puudub", cell: "A1" })).rejects.toThrow("Töövihikus pole lehte „Puudub“.");

    await expect(port.readSelection()).rejects.toThrow(
      "Failil pole valitud vahemikku: vahemiku lugemine käib Excelis.",
    );
  });

  it("keeps a shared formula's other cells when its first cell is rewritten or its sheet renamed", async () => {
    // As Excel saves a formula filled down: the first cell holds it, the others share it.
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet("Andmed");
    sheet.getCell("A1").value = 1;
    sheet.getCell("A2").value = 2;
    sheet.getCell("A3").value = 3;
    const other = source.addWorksheet("Tartu");
    other.getCell("A1").value = 10;
    other.getCell("A2").value = 20;
    other.getCell("A3").value = 30;
    sheet.getCell("B1").value = {
      formula: "A1+Tartu!A1",
      result: 11,
      shareType: "shared",
      ref: "B1:B3",
    } as ExcelJS.CellFormulaValue;
    sheet.getCell("B2").value = { sharedFormula: "B1", result: 22 } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell("B3").value = { sharedFormula: "B1", result: 33 } as ExcelJS.CellSharedFormulaValue;
    const port = await XlsxWorkbookPort.load(Buffer.from(await source.xlsx.writeBuffer()));
    expect(sheetOf(await port.readWorkbook(), "Andmed").rows.map((row) => row[1]?.formula)).toEqual([
      "A1+Tartu!A1",
      "A2+Tartu!A2",
      "A3+Tartu!A3",
    ]);

    await port.writeWorkbook({ sheets: [{ ...canonical().sheets[2], name: "Tartu" }] }, { Tartu: "replace" });
    expect(sheetOf(await expectReadsAsSaved(port), "Andmed").rows.map((row) => row[1])).toEqual([
      { value: 11, formula: "A1+'Tartu (varu)'!A1" },
      { value: 22, formula: "A2+'Tartu (varu)'!A2" },
      { value: 33, formula: "A3+'Tartu (varu)'!A3" },
    ]);

    const again = await XlsxWorkbookPort.load(Buffer.from(await source.xlsx.writeBuffer()));
    await again.rewriteFormulas([{ sheet: "Andmed", cell: "B1", formula: "A1*2" }]);
    expect(sheetOf(await expectReadsAsSaved(again), "Andmed").rows.map((row) => row[1])).toEqual([
      { value: null, formula: "A1*2" },
      { value: 22, formula: "A2+Tartu!A2" },
      { value: 33, formula: "A3+Tartu!A3" },
    ]);
  });
});

describe("formulas following a renamed sheet, as Excel rewrites them", () => {
  it.each([
    ["Tartu!G5+tartu!G6", "'Tartu (varu)'!G5+'Tartu (varu)'!G6"],
    ["SUM('Tartu'!G5:G9)*2", "SUM('Tartu (varu)'!G5:G9)*2"],
    ['Tartu2!G5+"Tartu!G5"', 'Tartu2!G5+"Tartu!G5"'],
    ["Koond!D5", "Koond!D5"],
    // Past what the fake's grammar reads (a structured reference): the sheet's name as written.
    ["SUM(Ajakava3[Summa])+'Tartu'!G5+Tartu!G6", "SUM(Ajakava3[Summa])+'Tartu (varu)'!G5+'Tartu (varu)'!G6"],
  ])("%s → %s", (formula, expected) => {
    expect(sheetRenamedIn(formula, "Tartu", "Tartu (varu)")).toBe(expected);
  });
});

/**
 * A sheet's cells as a map "A1" → cell, empty ones left out, dates as Excel's serials, numbers to 1e-9 and
 * formulas in Excel's spelling (which drops quotes a sheet name does not need: 'Tartu'!G5 is Tartu!G5).
 */
function cellMap(sheet: RawSheet): Map<string, RawCell> {
  const cells = new Map<string, RawCell>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (!cell.formula && (cell.value === null || cell.value === ""))) return;
      let value = cell.value;
      if (isDate(value))
        value = toExcelSerial(CalendarDate.of(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())!);
      // Plus 0: a difference of equal sums is 0 in a file and may be -0 in Excel.
      if (typeof value === "number") value = Math.round(value * 1e9) / 1e9 + 0;
      const formula = cell.formula ? { formula: render(tokenize(cell.formula)) } : {};
      cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, { value, ...formula });
    }),
  );
  return cells;
}

describe("the .xlsx port and the Office adapter, given the same calls", () => {
  it("read the same values and formulas after writeWorkbook, writeCells and rewriteFormulas", async () => {
    const fake = createFakeExcel();
    const office = new OfficeWorkbookAdapter((batch) => batch(fake.context));
    const xlsx = XlsxWorkbookPort.empty();
    // A sheet of the user's that the import replaces, and one whose formula names it.
    fake.workbook.addSheet("Tartu");
    fake.workbook.setCells("Tartu", "A1", [["minu töö", 42]]);
    fake.workbook.addSheet("Minu");
    fake.workbook.setCells("Minu", "A1", [["=Tartu!B1*2"]]);
    const mine = xlsx.workbook.addWorksheet("Tartu");
    mine.getCell("A1").value = "minu töö";
    mine.getCell("B1").value = 42;
    xlsx.workbook.addWorksheet("Minu").getCell("A1").value = { formula: "Tartu!B1*2", result: 84 };

    const ports: WorkbookPort[] = [office as unknown as WorkbookPort, xlsx];
    const rewritten: string[] = [];
    for (const port of ports) {
      const written = await port.writeWorkbook(canonical(), { Tartu: "replace" });
      expect(written.backups).toEqual(["Tartu (varu)"]);
      const seaded = sheetOf(await port.readWorkbook(), SETTINGS_SHEET);
      await port.writeCells(
        SETTINGS_SHEET,
        settingsCellUpdates(seaded, {
          ...settingsOf(imported().plan),
          directiveNumber: "68",
          directiveDate: CalendarDate.of(2025, 4, 1),
          indirectRatePercent: new Decimal(7),
        }),
      );
      const section = rowOfCode(sheetOf(await port.readWorkbook(), "Tartu"), "3.5.2.1.3");
      await port.writeCells("Tartu", [{ cell: `G${section}`, value: 4000 }]);
      const plan = workbookToPlan(await port.readWorkbook()).plan;
      expect(await port.rewriteFormulas(rollupFormulas(implementerTotals(plan), () => null))).toEqual({
        changed: 1,
        backup: "tat-budget varu",
      });
      rewritten.push(`Tartu!G${section}`);
    }
    expect(rewritten[0]).toBe(rewritten[1]);

    const [fromOffice, fromXlsx] = await Promise.all(ports.map((port) => port.readWorkbook()));
    // The fake's own first sheet is Excel's, not the import's.
    expect(fromOffice.map((sheet) => sheet.name)).toEqual(["Sheet1", ...fromXlsx.map((sheet) => sheet.name)]);
    const uncalculated: string[] = [];
    for (const sheet of fromXlsx) {
      const expected = cellMap(sheetOf(fromOffice, sheet.name));
      const actual = cellMap(sheet);
      // A formula without a result in the file (rewritten, or written without one) is calculated once the file is
      // opened; Excel has calculated it already. Its formula is the same.
      for (const [address, cell] of actual) {
        if (!cell.formula || cell.value !== null) continue;
        uncalculated.push(`${sheet.name}!${address}`);
        expect(cell.formula).toBe(expected.get(address)?.formula);
        actual.delete(address);
        expected.delete(address);
      }
      expect({ sheet: sheet.name, cells: [...actual] }).toEqual({ sheet: sheet.name, cells: [...expected] });
    }
    // The rewritten roll-up carries its result, which the fake's calculation agrees with (compared above).
    expect(uncalculated).toEqual(["Koond!D14", "Koond!E14", "Koond!F14"]);
  });
});

/** Our marks on a sheet: each conditional format carrying the marker, as range, formula and fill colour. */
function marksOf(workbook: ExcelJS.Workbook, sheet: string): Array<{ ref: string; formula: string; color: string }> {
  return formattingsOf(workbook, sheet)
    .filter((format) => format.rules.some((rule) => rule.type === "expression" && isMarkFormula(rule.formulae?.[0])))
    .map((format) => {
      const rule = format.rules[0] as ExcelJS.ExpressionRuleType;
      const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
      return { ref: format.ref, formula: String(rule.formulae?.[0]), color: String(fill?.bgColor?.argb) };
    });
}

function allMarks(workbook: ExcelJS.Workbook) {
  return workbook.worksheets
    .map((sheet) => ({ sheet: sheet.name, marks: marksOf(workbook, sheet.name) }))
    .filter((entry) => entry.marks.length > 0)
    .flatMap((entry) => entry.marks.map((mark) => ({ sheet: entry.sheet, ...mark })));
}

/** A sheet's conditional formats, which ExcelJS keeps and its typings leave out. */
const formattingsOf = (workbook: ExcelJS.Workbook, sheet: string) =>
  (
    workbook.getWorksheet(sheet) as ExcelJS.Worksheet & {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    }
  ).conditionalFormattings;
