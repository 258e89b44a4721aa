import { createFakeExcel } from "../../../src/workbook/fake";

/**
 * Range.insert, Range.sort / Table.sort and conditional formats in the fake: each test names the sentence of the
 * reference it follows, or says that it checks a guess (listed as such in state.ts).
 */
function excel() {
  const fake = createFakeExcel({ sheets: ["Kava", "Koond"] });
  const sheet = fake.context.workbook.worksheets.getItem("Kava");
  return { fake, sheet };
}

describe("Range.insert (ExcelApi 1.1) in the fake", () => {
  it('"shifts the other cells to make space": values, fills, merges, tables and references on every sheet follow', async () => {
    const { fake, sheet } = excel();
    fake.workbook.setCells("Kava", "A1", [
      ["Kood", "Summa"],
      [1, 10],
      [2, 20],
      ["Kokku", "=SUM(B2:B3)"],
    ]);
    fake.workbook.setCells("Koond", "A1", [["=Kava!B4", "=Kava!$B$3"]]);
    sheet.tables.add("A1:B3", true);
    sheet.getRange("C5:D5").merge(false);
    sheet.getRange("B3").format.fill.color = "#00B050";
    await fake.context.sync();

    sheet.getRange("3:3").insert("Down");
    await fake.context.sync();
    expect(fake.workbook.values("Kava", "A1:B5")).toEqual([
      ["Kood", "Summa"],
      [1, 10],
      ["", ""],
      [2, 20],
      ["Kokku", 30],
    ]);
    // "Formulas with cell references automatically adjust after insertion": a range spanning the row grows.
    expect(fake.workbook.formula("Kava", "B5")).toBe("=SUM(B2:B4)");
    expect(fake.workbook.formula("Koond", "A1")).toBe("=Kava!B5");
    expect(fake.workbook.formula("Koond", "B1")).toBe("=Kava!$B$4");
    expect(fake.workbook.format("Kava", "B4").fillColor).toBe("#00B050");
    expect(fake.workbook.format("Kava", "B3").fillColor).toBe("#FFFFFF");
    expect(fake.workbook.tableList()[0].address).toBe("Kava!A1:B4");
    expect(fake.workbook.merges("Kava")).toEqual(["C6:D6"]);
  });

  it("moves a conditional format's range and its formula's references (a guess: the Excel UI's behaviour)", async () => {
    const { fake, sheet } = excel();
    const format = sheet.getRange("B5:B7").conditionalFormats.add("Custom");
    format.custom.rule.formula = '=$A5="x"';
    format.custom.format.fill.color = "#F8CBAD";
    fake.workbook.setCells("Kava", "A6", [["x"]]);
    await fake.context.sync();
    expect(fake.workbook.displayedFill("Kava", "B6")).toBe("#F8CBAD");
    sheet.getRange("2:3").insert("Down");
    await fake.context.sync();
    expect(fake.workbook.conditionalFormatList("Kava")).toEqual([
      { ranges: ["B7:B9"], formula: '=$A7="x"', fill: "#F8CBAD" },
    ]);
    expect(fake.workbook.displayedFill("Kava", "B8")).toBe("#F8CBAD");
    expect(fake.workbook.displayedFill("Kava", "B6")).toBe("#FFFFFF");
  });

  it("refuses to shift part of a merged area (InvalidOperation, a guess at the code), and 'Right' is not modelled", async () => {
    const { fake, sheet } = excel();
    sheet.getRange("A5:C5").merge(false);
    await fake.context.sync();
    sheet.getRange("A2:B2").insert("Down");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheet.getRange("A2").insert("Right");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
  });
});

describe("RangeSort.apply / TableSort.apply (ExcelApi 1.2) in the fake", () => {
  it("reorders rows with their formats and relative references; blanks last; the header stays (guesses: see sortRange)", async () => {
    const { fake, sheet } = excel();
    fake.workbook.setCells("Kava", "A1", [
      ["Kood", "Summa", "Kaks korda"],
      ["b", 2, "=B2*2"],
      ["", 9, "=B3*2"],
      ["a", 1, "=B4*2"],
    ]);
    sheet.getRange("A2").format.fill.color = "#00B050";
    const format = sheet.getRange("A2").conditionalFormats.add("Custom");
    format.custom.rule.formula = "=TRUE";
    await fake.context.sync();
    sheet.getRange("A1:C4").sort.apply([{ key: 0 }], false, true);
    await fake.context.sync();
    expect(fake.workbook.values("Kava", "A1:C4")).toEqual([
      ["Kood", "Summa", "Kaks korda"],
      ["a", 1, 2],
      ["b", 2, 4],
      ["", 9, 18],
    ]);
    expect(fake.workbook.formula("Kava", "C2")).toBe("=B2*2");
    expect(fake.workbook.format("Kava", "A3").fillColor).toBe("#00B050");
    // The rule's applied range stays where it was.
    expect(fake.workbook.conditionalFormatList("Kava")[0].ranges).toEqual(["A2"]);
  });

  it("Table.sort sorts the table's data rows under its header; a protected sheet refuses without allowSort", async () => {
    const { fake, sheet } = excel();
    fake.workbook.setCells("Kava", "A1", [["Kood"], [2], ["'10"], [1]]);
    sheet.tables.add("A1:A4", true);
    await fake.context.sync();
    sheet.tables.getItemAt(0).sort.apply([{ key: 0, ascending: false }]);
    await fake.context.sync();
    // Descending, text comes before numbers (ascending puts numbers first).
    expect(fake.workbook.values("Kava", "A1:A4")).toEqual([["Kood"], ["10"], [2], [1]]);
    sheet.protection.protect();
    await fake.context.sync();
    sheet.tables.getItemAt(0).sort.apply([{ key: 0 }]);
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("conditional formats (ExcelApi 1.6) in the fake", () => {
  it('"The collection of ConditionalFormats that intersect the range"; delete() "Deletes this conditional format."', async () => {
    const { fake, sheet } = excel();
    const first = sheet.getRange("A1:A3").conditionalFormats.add("Custom");
    first.custom.rule.formula = "=A1>1";
    const second = sheet.getRange("C1").conditionalFormats.add("Custom");
    second.custom.rule.formula = "=C1>1";
    await fake.context.sync();
    const onA = sheet.getRange("A2:B2").conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
    const all = sheet.getRange().conditionalFormats.load("items/type");
    await fake.context.sync();
    expect(onA.items.map((item) => item.customOrNullObject.rule.formula)).toEqual(["=A1>1"]);
    // "Adds a new conditional format to the collection at the first/top priority."
    expect(all.items.map((item) => item.type)).toEqual(["Custom", "Custom"]);
    expect(fake.workbook.conditionalFormatList("Kava").map((format) => format.formula)).toEqual(["=C1>1", "=A1>1"]);
    onA.items[0].delete();
    await fake.context.sync();
    expect(fake.workbook.conditionalFormatList("Kava").map((format) => format.formula)).toEqual(["=C1>1"]);
  });

  it("are refused on a protected sheet unless formatting is allowed (a guess, as for other formats)", async () => {
    const { fake, sheet } = excel();
    sheet.protection.protect();
    await fake.context.sync();
    sheet.getRange("A1").conditionalFormats.add("Custom");
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
