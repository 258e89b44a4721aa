/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read unloaded properties on purpose, and the rules do not know ClientResult.value. */
import { createFakeExcel, FakeExcelError, utf8Length } from "../../../src/workbook/fake";

/** The rejection of a promise or the throw of a function, as a FakeExcelError's code. */
async function codeOf(run: (() => unknown) | Promise<unknown>): Promise<string> {
  try {
    await (typeof run === "function" ? run() : run);
  } catch (error) {
    if (error instanceof FakeExcelError) return error.code;
    throw error;
  }
  return "no error";
}

describe("proxies, load and sync", () => {
  it("throws PropertyNotLoaded before load, and after load until sync", async () => {
    const { context } = createFakeExcel();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => range.values).toThrow(
      "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    );
    range.load("values, address, rowCount, columnCount");
    expect(await codeOf(() => range.address)).toBe("PropertyNotLoaded");
    await context.sync();
    expect(range.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect([range.address, range.rowCount, range.columnCount]).toEqual(["Sheet1!A1:B2", 2, 2]);
    expect(await codeOf(() => range.formulas)).toBe("PropertyNotLoaded");
  });

  it("reads a set value back from the proxy, as Office.js keeps it locally", async () => {
    const { context, workbook } = createFakeExcel();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    range.values = [["=1+1"]];
    expect(range.values).toEqual([["=1+1"]]);
    expect(workbook.value("Sheet1", "A1")).toBe(""); // not before sync
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([[2]]);
  });

  it("writes addresses as Excel returns them, quoting sheet names only where needed", async () => {
    const { context } = createFakeExcel({ sheets: ["Koond", "Tõrva vald", "2024"] });
    const sheets = context.workbook.worksheets;
    const ranges = [
      sheets.getItem("Koond").getRange("g5"),
      sheets.getItem("Tõrva vald").getRange("B2:A1"),
      sheets.getItem("2024").getRange("C:D"),
    ].map((range) => range.load("address"));
    await context.sync();
    expect(ranges.map((range) => range.address)).toEqual(["Koond!G5", "'Tõrva vald'!A1:B2", "'2024'!C:D"]);
  });

  it("rejects an array of the wrong shape at sync; earlier actions stay applied, later ones do not run", async () => {
    const { context, workbook } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [[1]];
    sheet.getRange("A2:B2").values = [[1, 2, 3]];
    sheet.getRange("A3").values = [[3]];
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    expect(workbook.values("Sheet1", "A1:A3")).toEqual([[1], [""], [""]]);
  });

  it("treats null entries as 'leave unchanged'", async () => {
    const { context, workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A1", [["keep", "old"]]);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null as unknown as string, "new"]];
    await context.sync();
    expect(workbook.values("Sheet1", "A1:B1")).toEqual([["keep", "new"]]);
  });
});

describe("formulas", () => {
  const fake = () => {
    const excel = createFakeExcel({ sheets: ["Tallinn", "Sheet name", "Koond"] });
    excel.workbook.setCells("Tallinn", "G5", [[10], [20.5], ["text"], [true]]);
    excel.workbook.setCells("Sheet name", "G5", [[1], [2], [3]]);
    return excel;
  };

  it("evaluates SUM over cells, ranges and lists, across sheets, nested, and + - between references", async () => {
    const { context, workbook } = fake();
    const koond = context.workbook.worksheets.getItem("Koond");
    koond.getRange("A1:A6").formulas = [
      ["=SUM('Tallinn'!G5,'Sheet name'!G5:G7)"],
      ["=SUM(SUM(Tallinn!G5:G8),'Sheet name'!G5,2)"],
      ["='Tallinn'!G5"],
      ["=A1-A3+0.5"],
      ["=FOO(A1)"],
      ["=Tallinn!G9"],
    ];
    const range = koond.getRange("A1:A6").load("values, formulas");
    await context.sync();
    expect(range.values).toEqual([[16], [33.5], [10], [6.5], ["#NAME?"], [0]]);
    expect(range.formulas[0][0]).toBe("=SUM(Tallinn!G5,'Sheet name'!G5:G7)");
    expect(workbook.formula("Koond", "A3")).toBe("=Tallinn!G5");
  });

  it("recalculates on read, follows renamed sheets and turns deleted ones into #REF!", async () => {
    const { context, workbook } = fake();
    workbook.setCells("Koond", "A1", [["=SUM(Tallinn!G5:G6)"], ["='Sheet name'!G5*2"]]);
    const sheets = context.workbook.worksheets;
    sheets.getItem("Tallinn").getRange("G5").values = [[100]];
    sheets.getItem("Tallinn").name = "Tartu linn";
    sheets.getItem("Sheet name").delete();
    await context.sync();
    expect(workbook.formula("Koond", "A1")).toBe("=SUM('Tartu linn'!G5:G6)");
    expect(workbook.value("Koond", "A1")).toBe(120.5);
    expect(workbook.formula("Koond", "A2")).toBe("=#REF!G5*2");
    expect(workbook.value("Koond", "A2")).toBe("#REF!");
  });

  it("keeps results while calculation is suspended, until the next sync (the documented example)", async () => {
    const { context } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C1").values = [[1, 2, "=SUM(A1:B1)"]];
    await context.sync();
    context.application.suspendApiCalculationUntilNextSync();
    sheet.getRange("A1:B1").values = [[10, 20]];
    const during = sheet.getRange("A1:C1").load("values");
    await context.sync();
    expect(during.values).toEqual([[10, 20, 3]]);
    const after = sheet.getRange("A1:C1").load("values");
    await context.sync();
    expect(after.values).toEqual([[10, 20, 30]]);
  });

  it("reads text as Excel reads typed input: numbers, apostrophes, text format, locale", async () => {
    const { workbook } = createFakeExcel();
    // A leading + or - makes a formula, as typing it does: "- kulud" is =- kulud, an unknown name.
    workbook.setCells("Sheet1", "A1", [["1.5", "'1.1", "- kulud", "-", "TRUE", "-3"]]);
    expect(workbook.values("Sheet1", "A1:F1")).toEqual([[1.5, "1.1", "#NAME?", "-", true, -3]]);
    expect([workbook.formula("Sheet1", "B1"), workbook.formula("Sheet1", "C1")]).toEqual(["'1.1", "=- kulud"]);

    const estonian = createFakeExcel({ inputLocale: "et-EE", year: 2025 }).workbook;
    estonian.setCells("Sheet1", "A1", [["1,5", "15.01.2025", "1.1"]]);
    expect(estonian.values("Sheet1", "A1:C1")).toEqual([[1.5, 45672, 45658]]);
    expect(estonian.format("Sheet1", "B1").numberFormat).toBe("d.mm.yyyy");

    const { context, workbook: text } = createFakeExcel();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    range.numberFormat = [["@", "@"]];
    range.values = [["1.1", "=A1"]];
    await context.sync();
    expect(text.values("Sheet1", "A1:B1")).toEqual([["1.1", "=A1"]]);
  });
});

describe("cell properties and formats", () => {
  it("returns getCellProperties only after sync, with Excel's defaults, and round-trips setCellProperties", async () => {
    const { context } = createFakeExcel();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    const options = { format: { fill: { color: true }, font: { color: true, bold: true } } };
    const before = range.getCellProperties(options);
    expect(await codeOf(() => before.value)).toBe("ValueNotLoaded");
    range.setCellProperties([[{ format: { fill: { color: "#ffc000" }, font: { bold: true, color: "red" } } }, {}]]);
    const after = range.getCellProperties(options);
    await context.sync();
    expect(before.value).toEqual([
      [
        { format: { fill: { color: "#FFFFFF" }, font: { color: "#000000", bold: false } } },
        { format: { fill: { color: "#FFFFFF" }, font: { color: "#000000", bold: false } } },
      ],
    ]);
    expect(after.value[0][0]).toEqual({
      format: { fill: { color: "#FFC000" }, font: { color: "#FF0000", bold: true } },
    });
  });

  it("reads a format over a range as null when the cells differ; columns keep width and hidden state", async () => {
    const { context, workbook } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").format.font.bold = true;
    sheet.getRange("A1:A2").format.fill.color = "#DDEBF7";
    sheet.getRange("A2").format.fill.clear();
    sheet.getRange("B:C").format.columnWidth = 90;
    sheet.getRange("C1").columnHidden = true;
    const range = sheet.getRange("A1:A2").load("format/font/bold, format/fill/color");
    const widths = sheet.getRange("B1:C1").load("format/columnWidth, columnHidden");
    await context.sync();
    expect([range.format.font.bold, range.format.fill.color]).toEqual([null, null]);
    expect([widths.format.columnWidth, widths.columnHidden]).toEqual([null, null]);
    expect([workbook.columnWidth("Sheet1", "B"), workbook.columnWidth("Sheet1", "C")]).toEqual([90, 0]);
    expect(workbook.format("Sheet1", "A1")).toMatchObject({ bold: true, fillColor: "#DDEBF7" });
    expect(workbook.format("Sheet1", "A2").fillColor).toBe("#FFFFFF");
  });
});

describe("worksheets, used range, tables, panes and selection", () => {
  it("adds, finds, renames, hides and deletes sheets with Excel's errors", async () => {
    const { context, workbook } = createFakeExcel();
    const sheets = context.workbook.worksheets;
    sheets.add("Tallinn");
    await context.sync();
    sheets.add("TALLINN");
    expect(await codeOf(context.sync())).toBe("ItemAlreadyExists");
    sheets.add("a/b");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    sheets.add("x".repeat(32));
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    sheets.getItem("Tartu");
    expect(await codeOf(context.sync())).toBe("ItemNotFound");

    const missing = sheets.getItemOrNullObject("Tartu");
    const found = sheets.getItemOrNullObject("tallinn");
    expect(await codeOf(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    await context.sync();
    expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);

    found.name = "Tartu";
    found.visibility = "Hidden";
    sheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((sheet) => sheet.name)).toEqual(["Sheet1", "Tartu"]);
    expect(workbook.visibility("Tartu")).toBe("Hidden");
    expect(await codeOf(() => sheets.items[0].visibility)).toBe("PropertyNotLoaded");

    sheets.getItem("Sheet1").visibility = "Hidden";
    expect(await codeOf(context.sync())).toBe("InvalidOperation"); // the last visible sheet
    found.delete();
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("gives the used range from the first to the last used cell, or a null object", async () => {
    const { context, workbook } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const empty = sheet.getUsedRangeOrNullObject(true);
    await context.sync();
    expect(empty.isNullObject).toBe(true);
    workbook.setCells("Sheet1", "B3", [[1, null, "x"]]);
    sheet.getRange("E7").format.font.bold = true;
    const values = sheet.getUsedRangeOrNullObject(true).load("address");
    const all = sheet.getUsedRangeOrNullObject().load("address");
    await context.sync();
    expect([values.isNullObject, values.address, all.address]).toEqual([false, "Sheet1!B3:D3", "Sheet1!B3:E7"]);
  });

  it("adds tables named Table1, Table2 with text headers, refuses overlaps; freezes rows; selects", async () => {
    const { context, workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A4", [
      ["Kood", "", 2024],
      ["1.1", "x", 5],
    ]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const first = sheet.tables.add("A4:C5", true);
    const second = sheet.tables.add("E1:F2", true);
    sheet.freezePanes.freezeRows(4);
    sheet.getRange("B5").select();
    await context.sync();
    expect(await codeOf(() => first.name)).toBe("PropertyNotLoaded");
    expect(workbook.tableList().map((table) => [table.name, table.address])).toEqual([
      ["Table1", "Sheet1!A4:C5"],
      ["Table2", "Sheet1!E1:F2"],
    ]);
    expect(workbook.values("Sheet1", "A4:C4")).toEqual([["Kood", "Column2", "2024"]]);
    second.name = "Ajakava";
    sheet.tables.add("B2:E3", true);
    expect(await codeOf(context.sync())).toBe("MergedRangeConflict");
    expect(workbook.tableList()[1].name).toBe("Ajakava");
    expect([workbook.frozenRows("Sheet1"), workbook.selection, workbook.activeSheetName]).toEqual([
      4,
      "Sheet1!B5",
      "Sheet1",
    ]);
  });
});

describe("instrumentation", () => {
  it("counts syncs, round trips and request bytes; an empty sync sends nothing", async () => {
    const { context, stats } = createFakeExcel();
    await context.sync();
    expect([stats.syncs, stats.roundTrips]).toEqual([1, 0]);
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    range.values = [["ä".repeat(1000)]];
    await context.sync();
    range.values = [["a"]];
    await context.sync();
    expect([stats.syncs, stats.roundTrips]).toEqual([3, 2]);
    const [big, small] = stats.requests;
    // ä is two bytes in UTF-8; the second request also re-sends the range's object path.
    expect(big.requestBytes - small.requestBytes).toBeGreaterThanOrEqual(1998 - 200);
    expect(stats.largestRequestBytes).toBe(big.requestBytes);
    expect(utf8Length("aä€😀")).toBe(10);
  });

  it("fails the n-th sync without applying anything, or after applying part of it", async () => {
    const { context, workbook, control, stats } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [[1]];
    await context.sync();
    const before = workbook.snapshot();
    control.failSync(2);
    sheet.getRange("A2").values = [[2]];
    sheet.getRange("A1").format.font.bold = true;
    context.workbook.worksheets.add("Uus");
    expect(await codeOf(context.sync())).toBe("GeneralException");
    expect(workbook.snapshot()).toEqual(before);
    expect(stats.requests[1].error).toBe("GeneralException");

    // Actions count as in the request: each getRange is an Instantiate action before its SetProperty.
    control.failSync(3, { applied: 2, code: "RequestAborted" });
    sheet.getRange("A3").values = [[3]];
    sheet.getRange("A4").values = [[4]];
    expect(await codeOf(context.sync())).toBe("RequestAborted");
    expect(workbook.values("Sheet1", "A1:A4")).toEqual([[1], [""], [3], [""]]);
  });

  it("refuses a request over 5 MB, as Excel on the web does, and changes nothing", async () => {
    const { context, workbook, control } = createFakeExcel();
    const rows = Array.from({ length: 60000 }, (_, i) => [`rida ${i} ${"x".repeat(80)}`]);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = rows;
    expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.usedRange("Sheet1")).toBeNull();

    control.requestLimitBytes = 1000;
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["y".repeat(1000)]];
    expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    control.requestLimitBytes = null;
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = rows;
    await context.sync();
    expect(workbook.value("Sheet1", "A60000")).toBe(rows[59999][0]);
  });
});
