import { createFakeExcel } from "../../../src/workbook/fake";
import { shiftFormula, shiftLocal } from "../../../src/workbook/fake/formula";

/**
 * Range.delete(Up) of whole rows and TableRowCollection.add at a table's end in the fake, and the reference shift
 * both use. Each test names the sentence of the reference it follows, or says it checks a guess (listed in state.ts).
 */
function excel() {
  const fake = createFakeExcel({ sheets: ["Kava", "Koond"] });
  const sheet = fake.context.workbook.worksheets.getItem("Kava");
  fake.workbook.setCells("Kava", "A1", [
    ["Kood", "Summa"],
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
    ["Kokku", "=SUM(B2:B5)"],
  ]);
  fake.workbook.setCells("Koond", "A1", [["=Kava!B6", "=Kava!B3", "=Kava!$B$4+Kava!B5", "=SUM(Kava!B3:B4)"]]);
  return { fake, sheet };
}

describe("Range.delete (ExcelApi 1.1) of whole rows in the fake", () => {
  it('"Deletes the cells associated with the range": the rows below move up, references follow or become #REF!', async () => {
    const { fake, sheet } = excel();
    sheet.tables.add("A1:B5", true);
    sheet.getRange("3:4").format.rowHeight = 30;
    sheet.getRange("5:5").format.rowHeight = 45;
    await fake.context.sync();
    sheet.getRange("3:4").delete("Up");
    await fake.context.sync();
    expect(fake.workbook.values("Kava", "A1:B4")).toEqual([
      ["Kood", "Summa"],
      [1, 10],
      [4, 40],
      ["Kokku", 50],
    ]);
    // A range losing rows shrinks; a reference whose rows are all gone is #REF! (the Excel UI's behaviour).
    expect(fake.workbook.formula("Kava", "B4")).toBe("=SUM(B2:B3)");
    expect(fake.workbook.formula("Koond", "A1")).toBe("=Kava!B4");
    expect(fake.workbook.formula("Koond", "B1")).toBe("=#REF!");
    expect(fake.workbook.formula("Koond", "C1")).toBe("=#REF!+Kava!B3");
    expect(fake.workbook.formula("Koond", "D1")).toBe("=SUM(#REF!)");
    expect(fake.workbook.tableList()[0].address).toBe("Kava!A1:B3");
    expect(fake.workbook.rowHeight("Kava", 3)).toBe(45);
  });

  it("refuses to delete a table's header row or all its data rows (InvalidOperation, a guess), and part of a row", async () => {
    const { fake, sheet } = excel();
    sheet.tables.add("A1:B5", true);
    await fake.context.sync();
    sheet.getRange("1:1").delete("Up");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheet.getRange("2:5").delete("Up");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheet.getRange("A2:B2").delete("Up");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
    expect(fake.workbook.values("Kava", "A2")).toEqual([[1]]);
  });

  it("is refused on a protected sheet unless deleting rows is allowed (allowDeleteRows)", async () => {
    const { fake, sheet } = excel();
    sheet.protection.protect({ allowDeleteRows: false });
    await fake.context.sync();
    sheet.getRange("2:2").delete("Up");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("TableRowCollection.add (ExcelApi 1.1) at the table's end in the fake", () => {
  it('"If null or -1, the addition happens at the end": the table takes a blank row, what stands below moves down', async () => {
    const { fake, sheet } = excel();
    const table = sheet.tables.add("A1:B5", true);
    await fake.context.sync();
    table.rows.add();
    await fake.context.sync();
    expect(fake.workbook.tableList()[0].address).toBe("Kava!A1:B6");
    expect(fake.workbook.values("Kava", "A6:B7")).toEqual([
      ["", ""],
      ["Kokku", 100],
    ]);
    expect(fake.workbook.formula("Kava", "B7")).toBe("=SUM(B2:B5)");
    expect(fake.workbook.formula("Koond", "A1")).toBe("=Kava!B7");
    table.rows.add(1);
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
  });
});

describe("TableRowCollection.count (ExcelApi 1.1) in the fake", () => {
  it('"Returns the number of rows in the table": its data rows, the header not counted, one more after an add', async () => {
    const { fake, sheet } = excel();
    const table = sheet.tables.add("A1:B5", true);
    const before = table.rows.load("count");
    await fake.context.sync();
    expect(before.count).toBe(4);
    table.rows.add();
    const after = table.rows.load("count");
    await fake.context.sync();
    expect(after.count).toBe(5);
    const bare = sheet.tables.add("D1:E3", false).rows.load("count");
    await fake.context.sync();
    expect(bare.count).toBe(3);
  });
});

describe("shiftLocal and shiftFormula", () => {
  it.each([
    ["B5", { kind: "insert", at: 4, count: 1 }, "B6"],
    ["B4", { kind: "insert", at: 4, count: 1 }, "B4"],
    ["B2:B5", { kind: "insert", at: 4, count: 2 }, "B2:B7"],
    ["$B$5", { kind: "insert", at: 0, count: 1 }, "$B$6"],
    ["C:D", { kind: "insert", at: 0, count: 1 }, "C:D"],
    ["4:7", { kind: "delete", first: 4, count: 2 }, "4:5"],
    ["B7", { kind: "delete", first: 2, count: 3 }, "B4"],
    ["B3", { kind: "delete", first: 2, count: 3 }, null],
    ["B2:B4", { kind: "delete", first: 2, count: 3 }, "B2:B2"],
    ["B4:B9", { kind: "delete", first: 2, count: 3 }, "B3:B6"],
    ["B3:B5", { kind: "delete", first: 2, count: 3 }, null],
  ] as const)("%s after %j is %s", (local, shift, expected) => {
    expect(shiftLocal(local, shift)).toBe(expected);
  });

  it("shifts only the references to the sheet, and keeps what it cannot read", () => {
    const shift = { kind: "delete", first: 4, count: 1 } as const;
    const onKava = (sheet: string | null | undefined) => sheet === "Kava";
    expect(shiftFormula("SUM(Kava!G6,'Muu leht'!G6,G6)", onKava, shift)).toBe("SUM(Kava!G5,'Muu leht'!G6,G6)");
    expect(shiftFormula("Kava!G5*2", onKava, shift)).toBe("#REF!*2");
    expect(shiftFormula("Tabel1[Summa]", onKava, shift)).toBe("Tabel1[Summa]");
  });
});
