import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { analysePlan } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { FIRST_DATA_ROW, SCHEDULE_COLUMNS, COLUMN, fromExcelSerial } from "../../src/workbook/layout";
import { SheetModel } from "../../src/workbook/model";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { writeWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { fixtureText } from "../helpers";
import {
  CONVERT_TIMEOUT_MS,
  TEST_OUTPUT_DIR,
  convertWithLibreOffice,
  findSoffice,
  pdfPageCount,
  writeRecalcProfile,
} from "../libreoffice";

/**
 * The directive's workbook printed by LibreOffice Calc, an independent engine, to PDF: each schedule keeps every
 * visible column on one page width (a row's dates and responsible party on its code's line), its header row is
 * on every page and every page is numbered. The PDF is left in test-output/ for a person to look at.
 */

const plan = parseDirectiveText(fixtureText()).plan;
const workbook = planToWorkbook(plan, analysePlan(plan).implementers).workbook;
const schedules = workbook.sheets.filter((sheet) => sheet.kind === "schedule");

interface Page {
  number: number;
  /** Width and height in points, as the PDF's page box gives them. */
  size: [number, number];
  total: number;
  sheet: string;
  lines: string[];
}

const dateText = (serial: unknown) =>
  typeof serial === "number" ? (fromExcelSerial(serial)?.toEstonian() ?? null) : null;

describe("LibreOffice prints the schedule sheets one page wide", () => {
  let pages: Page[] = [];
  let count = 0;

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is not installed: `npm run test:deps` installs it.");
    const dir = mkdtempSync(path.join(tmpdir(), "schedule-print-"));
    const file = path.join(dir, "ajakavad.xlsx");
    await writeWorkbookFile(workbook, file);
    const outDir = path.join(TEST_OUTPUT_DIR, "schedule-print");
    mkdirSync(outDir, { recursive: true });
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(dir, "profile")), [file], outDir, "pdf");
    const pdf = path.join(outDir, "ajakavad.pdf");
    count = pdfPageCount(pdf);
    pages = [];
    const info = spawnSync("pdfinfo", ["-f", "1", "-l", String(count), pdf], { encoding: "utf8" }).stdout;
    const sizes = new Map(
      [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => [
        Number(match[1]),
        [Number(match[2]), Number(match[3])] as [number, number],
      ]),
    );
    for (let number = 1; number <= count; number++) {
      const result = spawnSync("pdftotext", ["-layout", "-f", String(number), "-l", String(number), pdf, "-"], {
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(`pdftotext: ${result.stderr}`);
      const lines = result.stdout.split("\n").filter((line) => line.trim() !== "");
      // The footer: the sheet's name on the left, "page / pages" on the right.
      const footer = /^(\S.*?)\s{2,}(\d+) \/ (\d+)\s*$/.exec(lines[lines.length - 1] ?? "");
      pages.push({
        number,
        size: sizes.get(number) ?? [0, 0],
        total: footer ? Number(footer[3]) : 0,
        sheet: footer ? footer[1].trim() : "",
        lines,
      });
      if (footer) expect(Number(footer[2])).toBe(number);
    }
  }, 2 * CONVERT_TIMEOUT_MS);

  it("numbers every page of every schedule, 'page / pages', beside the sheet's name", () => {
    // Koond, Seaded and Näitajad have no print setup of their own, so no footer.
    const numbered = pages.filter((page) => page.total > 0);
    expect(numbered.map((page) => page.total)).toEqual(numbered.map(() => count));
    expect([...new Set(numbered.map((page) => page.sheet))]).toEqual(schedules.map((sheet) => sheet.name));
  });

  it("prints every page of a schedule on A4 landscape", () => {
    const printed = pages.filter((page) => schedules.some((sheet) => sheet.name === page.sheet));
    expect(printed.length).toBeGreaterThanOrEqual(schedules.length);
    for (const page of printed)
      expect([page.number, Math.round(page.size[0]), Math.round(page.size[1])]).toEqual([page.number, 842, 595]);
  });

  it("prints the workbook on fewer pages than when the schedules split their columns (43 then)", () => {
    expect(count).toBeLessThan(43);
  });

  it("repeats the whole header row on every page of a schedule", () => {
    const words = SCHEDULE_COLUMNS.filter((column) => !column.hidden).flatMap((column) => column.header.split(" "));
    for (const sheet of schedules) {
      const printed = pages.filter((page) => page.sheet === sheet.name);
      expect(printed.length).toBeGreaterThan(0);
      for (const page of printed) {
        const text = page.lines.join("\n");
        const missing = [...new Set(words)].filter(
          (word) => text.split(word).length - 1 < words.filter((other) => other === word).length,
        );
        expect([sheet.name, page.number, missing]).toEqual([sheet.name, page.number, []]);
      }
    }
  });

  it("prints each row's dates and responsible party on its code's line, so no column went to another page", () => {
    let checked = 0;
    for (const sheet of schedules) {
      const lines = pages.filter((page) => page.sheet === sheet.name).flatMap((page) => page.lines);
      for (const row of dataRows(sheet)) {
        const code = String(row[COLUMN.code]?.value ?? "");
        if (
          !/^\d+(\.\d+)+\.?$/.test(code) ||
          dataRows(sheet).filter((other) => other[COLUMN.code]?.value === code).length > 1
        )
          continue;
        const line = lines.find((candidate) => candidate.trimStart().startsWith(`${code} `));
        const expected = [
          dateText(row[COLUMN.frameStart]?.value),
          dateText(row[COLUMN.frameEnd]?.value),
          dateText(row[COLUMN.planStart]?.value),
          dateText(row[COLUMN.planEnd]?.value),
          String(row[COLUMN.responsible]?.value ?? "").split(/[ ,]/)[0],
        ].filter((text): text is string => Boolean(text));
        expect([sheet.name, code, expected.filter((text) => !line?.includes(text))]).toEqual([sheet.name, code, []]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

function dataRows(sheet: SheetModel) {
  return sheet.rows.slice(FIRST_DATA_ROW - 1);
}
