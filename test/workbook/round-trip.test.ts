import { analysePlan } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { importResultToJson } from "../../src/model/json";
import { ImportResult } from "../../src/model/plan";
import { COLUMN, DATE_FORMAT, HEADER_ROW, cellAddress, fromExcelSerial } from "../../src/workbook/layout";
import { RawSheet } from "../../src/workbook/model";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { readWorkbookBuffer, writeWorkbookBuffer } from "../../src/workbook/xlsx/exceljs-adapter";
import { fixtureText } from "../helpers";

describe("the canonical workbook of the directive of 25.03.2025 nr 68", () => {
  let imported: ImportResult;
  let sheets: RawSheet[];
  let readBack: ImportResult;
  const sheet = (name: string) => sheets.find((candidate) => candidate.name === name) as RawSheet;
  /** The sheet row of the row that starts at `line` of the text. */
  const rowOfLine = (name: string, line: number) =>
    sheet(name).rows.findIndex((row) => row?.[COLUMN.line]?.value === line) + 1;

  beforeAll(async () => {
    imported = parseDirectiveText(fixtureText());
    sheets = await readWorkbookBuffer(await writeWorkbookBuffer(planToWorkbook(imported.plan).workbook));
    readBack = workbookToPlan(sheets);
  });

  it("has a summary, a sheet per implementer, the settings and the indicators", () => {
    expect(sheets.map((candidate) => candidate.name)).toEqual([
      "Koond",
      "ELVL",
      "Tartu",
      "Tallinn",
      "Rakvere",
      "Saaremaa",
      "Pärnu",
      "Jõhvi",
      "Haapsalu",
      "Kohtla-Järve",
      "Seaded",
      "Näitajad",
    ]);
    expect(
      sheet("Tartu")
        .rows[HEADER_ROW - 1]?.slice(0, 9)
        .map((c) => c?.value),
    ).toEqual([
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
  });

  it("reads back the same plan: every row's code, label, amount, periods and responsible", () => {
    expect(readBack.diagnostics).toEqual([]);
    expect(importResultToJson(readBack)).toEqual(importResultToJson(imported));
    expect(readBack.plan.directive.number).toBe("68");
    expect(readBack.plan.directive.tat?.date?.toIso()).toBe("2023-01-26");
    const printed = (result: ImportResult) =>
      result.plan.implementers.flatMap((i) => i.rows.map((row) => [row.printedCode, row.amountText, row.table]));
    expect(printed(readBack)).toEqual(printed(imported));
  });

  it("makes every parent amount a live SUM of its items and keeps the declared amount beside it", () => {
    const tartu = sheet("Tartu");
    const section = rowOfLine("Tartu", 280); // 3.5.2.1.3 3 977,15
    const items = [rowOfLine("Tartu", 286), rowOfLine("Tartu", 293)];
    expect(tartu.rows[section - 1]?.[COLUMN.amount]).toEqual({
      value: 3977.15,
      formula: `SUM(G${items[0]}:G${items[1]})`,
    });
    expect(tartu.rows[section - 1]?.[COLUMN.declared]?.value).toBe(3977.15);
    const top = tartu.rows[rowOfLine("Tartu", 244) - 1]?.[COLUMN.amount];
    // Sections 3.5.2.1.1–3.5.2.1.5 and personnel, not the items under them.
    expect(top?.formula).toBe(
      `SUM(${[250, 266, 280, 297, 308].map((line) => `G${rowOfLine("Tartu", line)}`).join(",")},G${rowOfLine("Tartu", 319)})`,
    );
    const leaf = tartu.rows[items[0] - 1]?.[COLUMN.amount];
    expect(leaf).toEqual({ value: 2400 });
  });

  it("reads a formula whose result is 0 as 0, not as empty", () => {
    const elvl = readBack.plan.implementers[0].rows.find((row) => row.code === "3.5.1.1");
    expect(elvl?.sheet).toMatchObject({ name: "ELVL", amountIsFormula: true });
    expect(elvl?.sheet?.shownAmount?.toFixed(2)).toBe("0.00");
  });

  it("writes dates as real dates and sums the implementers on Koond", () => {
    const frame = sheet("Rakvere").rows[rowOfLine("Rakvere", 471) - 1]?.[COLUMN.planStart]?.value;
    const date = frame instanceof Date ? frame : fromExcelSerial(frame as number);
    expect(date instanceof Date ? date.toISOString().slice(0, 10) : date?.toIso()).toBe("2023-01-01");
    expect(DATE_FORMAT).toBe("dd.mm.yyyy");
    const koond = sheet("Koond");
    const total = koond.rows.find((row) => row?.[0]?.value === "Kokku");
    expect(total?.[3]).toEqual({ value: null, formula: "SUM(D5:D13)" });
    const tallinn = koond.rows.find((row) => row?.[0]?.value === "Tallinna linn");
    expect(tallinn?.[3]).toEqual({ value: 319392.91, formula: `'Tallinn'!G${rowOfLine("Tallinn", 341)}` });
    const elvl = koond.rows.find((row) => row?.[0]?.value === "ELVL");
    expect(elvl?.[3]?.value).toBe(200582);
    expect(elvl?.[3]?.formula).toMatch(/^SUM\('ELVL'!G\d+,'ELVL'!G\d+,'ELVL'!G\d+,'ELVL'!G\d+,'ELVL'!G\d+\)$/);
  });

  it("gives the same findings as the text, placed at sheet and cell", () => {
    const fromText = analysePlan(imported.plan).check.findings;
    const fromWorkbook = analysePlan(readBack.plan).check.findings;
    const key = (f: (typeof fromText)[number]) => [f.rule, f.implementer, f.code, f.message];
    expect(fromWorkbook.map(key)).toEqual(fromText.map(key));
    // The workbook's findings stand at their cells: the document's lines cannot be found in Excel.
    expect(fromWorkbook.filter((f) => f.position.line !== null)).toEqual([]);
    const rakvere = fromWorkbook.find((f) => f.rule === "plan-outside-year" && f.code === "3.5.2.1.2.1");
    expect(rakvere?.position).toEqual({
      line: null,
      sheet: "Rakvere",
      row: rowOfLine("Rakvere", 471),
      column: "planStart",
      cell: `E${rowOfLine("Rakvere", 471)}`,
    });
    const tallinn = fromWorkbook.find((f) => f.rule === "frame-vs-partnership");
    expect(tallinn?.position).toEqual({
      line: null,
      sheet: "Tallinn",
      row: rowOfLine("Tallinn", 412),
      column: "frameStart",
      cell: cellAddress("frameStart", rowOfLine("Tallinn", 412)),
    });
  });

  describe("what the user changed", () => {
    const edited = (edit: (copy: RawSheet[]) => void) => {
      const copy: RawSheet[] = structuredClone(sheets);
      edit(copy);
      return workbookToPlan(copy);
    };

    it("an edited item's amount is read, and its parent's declared amount no longer matches", () => {
      const result = edited((copy) => {
        const tartu = copy.find((s) => s.name === "Tartu") as RawSheet;
        tartu.rows[rowOfLine("Tartu", 286) - 1]![COLUMN.amount] = { value: 2500 };
      });
      const findings = analysePlan(result.plan).check.findings.filter((f) => f.rule === "sum-mismatch");
      expect(findings.map((f) => [f.code, f.declared?.toFixed(2), f.computed?.toFixed(2), f.position.cell])).toEqual([
        ["3.5.2.1.3", "3977.15", "4077.15", `G${rowOfLine("Tartu", 280)}`],
      ]);
    });

    it("a number typed over a parent's formula is a parent-overridden warning", () => {
      const result = edited((copy) => {
        const tartu = copy.find((s) => s.name === "Tartu") as RawSheet;
        tartu.rows[rowOfLine("Tartu", 280) - 1]![COLUMN.amount] = { value: 4000 };
      });
      const findings = analysePlan(result.plan).check.findings.filter((f) => f.rule === "parent-overridden");
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: "warning", implementer: "Tartu linn", code: "3.5.2.1.3" });
      expect(findings[0].message).toBe(
        "Rea 3.5.2.1.3 summa on käsitsi sisestatud arv 4\u00a0000,00 €, mitte alamridade summa valem (alamread annavad kokku 3\u00a0977,15 €). Käsk „Arvuta uuesti“ taastab valemi.",
      );
      // The declared amount stays what the document said: no sum-mismatch from the typed number.
      expect(analysePlan(result.plan).check.findings.filter((f) => f.rule === "sum-mismatch")).toEqual([]);
    });

    it("a date the user typed as text is read; one that does not exist is reported", () => {
      const result = edited((copy) => {
        const tartu = copy.find((s) => s.name === "Tartu") as RawSheet;
        tartu.rows[rowOfLine("Tartu", 286) - 1]![COLUMN.planEnd] = { value: "31.02.2025" };
      });
      const row = result.plan.implementers[1].rows.find((r) => r.line === 286);
      expect([row?.plan, row?.planText]).toEqual([null, "01.01.2025 – 31.02.2025"]);
      const invalid = analysePlan(result.plan).check.findings.filter((f) => f.rule === "invalid-date");
      expect(invalid.map((f) => [f.actual, f.position.cell])).toEqual([["31.02.2025", `E${rowOfLine("Tartu", 286)}`]]);
    });
  });
});
