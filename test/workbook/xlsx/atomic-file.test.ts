import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeFileAtomically } from "../../../src/workbook/xlsx/atomic-file";
import { readWorkbookFile, writeWorkbookFile } from "../../../src/workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort } from "../../../src/workbook/xlsx/xlsx-port";
import { parseDirectiveText } from "../../../src/import/text";
import { planToWorkbook } from "../../../src/workbook/write-plan";
import { fixtureText } from "../../helpers";

/** Files the CLI writes are the old file or the whole new one, never a truncated mix. */
describe("writing a file atomically", () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), "tat-atomic-"));

  it("replaces an existing file whole and leaves no temporary file", () => {
    const folder = dir();
    const file = path.join(folder, "kava.xlsx");
    writeFileSync(file, "vana sisu, pikem kui uus");
    writeFileAtomically(file, Buffer.from("uus"));
    expect(readFileSync(file, "utf8")).toBe("uus");
    expect(readdirSync(folder)).toEqual(["kava.xlsx"]);
  });

  it("when the rename cannot happen, the target is untouched and the temporary file is gone", () => {
    const folder = dir();
    // A directory where the file should go: the rename fails after the bytes are written.
    const target = path.join(folder, "kava.xlsx");
    mkdirSync(target);
    writeFileSync(path.join(target, "sees.txt"), "kasutaja fail");
    expect(() => writeFileAtomically(target, Buffer.from("uus"))).toThrow();
    expect(readFileSync(path.join(target, "sees.txt"), "utf8")).toBe("kasutaja fail");
    expect(readdirSync(folder)).toEqual(["kava.xlsx"]);
  });

  it("into a folder that does not exist: a clear error, nothing created", () => {
    const folder = dir();
    expect(() => writeFileAtomically(path.join(folder, "puudub", "kava.xlsx"), Buffer.from("x"))).toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a workbook rewritten in place (recalc -o onto its own file) reads back whole", async () => {
    const folder = dir();
    const file = path.join(folder, "kava.xlsx");
    await writeWorkbookFile(planToWorkbook(parseDirectiveText(fixtureText()).plan).workbook, file);
    const before = await readWorkbookFile(file);
    const port = await XlsxWorkbookPort.open(file, { backupSheet: false });
    await port.rewriteFormulas([{ sheet: "Tartu", cell: "J1", formula: "1+1", result: 2 }]);
    await port.save(file);
    const after = await readWorkbookFile(file);
    expect(after.map((sheet) => sheet.name)).toEqual(before.map((sheet) => sheet.name));
    expect(after.find((sheet) => sheet.name === "Tartu")!.rows[0]![9]).toEqual({ value: 2, formula: "1+1" });
    expect(readdirSync(folder)).toEqual(["kava.xlsx"]);
  });
});
