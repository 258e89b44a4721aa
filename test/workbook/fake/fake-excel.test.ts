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

  it("loads several paths through one navigation together (load takes a comma-delimited list of paths)", async () => {
    const { context } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.pageLayout.headersFooters.defaultForAllPages.leftFooter = "&A";
    sheet.pageLayout.headersFooters.defaultForAllPages.rightFooter = "&P";
    const read = context.workbook.worksheets
      .getItem("Sheet1")
      .load(
        "pageLayout/orientation, pageLayout/headersFooters/defaultForAllPages/leftFooter, pageLayout/headersFooters/defaultForAllPages/rightFooter",
      );
    await context.sync();
    const footers = read.pageLayout.headersFooters.defaultForAllPages;
    expect([read.pageLayout.orientation, footers.leftFooter, footers.rightFooter]).toEqual(["Portrait", "&A", "&P"]);
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

  it("refuses to delete a very hidden sheet until it is made hidden or visible", async () => {
    // @types/office-js, Worksheet.delete() (ExcelApi 1.1): "if the worksheet's visibility is set to "VeryHidden", the
    // delete operation will fail with an `InvalidOperation` exception. You should first change its visibility to
    // hidden or visible before deleting it."
    const { context, workbook } = createFakeExcel({ sheets: ["Koond"] });
    const sheets = context.workbook.worksheets;
    sheets.add("varu").visibility = "VeryHidden";
    await context.sync();
    sheets.getItem("varu").delete();
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
    expect(workbook.sheetNames()).toEqual(["Koond", "varu"]);
    const varu = sheets.getItem("varu");
    varu.visibility = "Hidden";
    varu.delete();
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["Koond"]);
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

describe("the annex's formulas: ROUND, IF, comparisons, absolute references, quoted sheet names", () => {
  it("evaluates them as Excel does", async () => {
    const { context, workbook } = createFakeExcel({ sheets: ["Tartu", "Lisa 2", "Lisa 2 maatriks"] });
    workbook.setCells("Tartu", "G19", [[2400], [1577.15]]);
    workbook.setCells("Lisa 2", "D7", [[7]]);
    workbook.setCells("Lisa 2", "D12", [
      ["=SUM('Tartu'!G19,Tartu!G20)"],
      ["=ROUND(D12*$D$7/100,2)"],
      ["=SUM(D12,D13)"],
      ["=D14-D12-D13"],
      ['=IF(ROUND(D15,2)=0,"Klapib","EI KLAPI")'],
      ['=IF(D12=1,"Klapib","EI KLAPI")'],
      ["=0"],
    ]);
    const matrix = context.workbook.worksheets.getItem("Lisa 2 maatriks");
    matrix.getRange("C5:D5").formulas = [["='Lisa 2'!D13", "='lisa 2'!$D$12*2"]];
    const range = matrix.getRange("C5:D5").load("values, formulas");
    await context.sync();
    expect(workbook.values("Lisa 2", "D12:D18")).toEqual([
      [3977.15],
      [278.4],
      [4255.55],
      [expect.closeTo(0, 10)],
      ["Klapib"],
      ["EI KLAPI"],
      [0],
    ]);
    expect(workbook.formula("Lisa 2", "D12")).toBe("=SUM(Tartu!G19,Tartu!G20)");
    expect(range.values).toEqual([[278.4, 7954.3]]);
    // Sheet names are spelled as the sheet is, and quoted where they must be.
    expect(range.formulas).toEqual([["='Lisa 2'!D13", "='Lisa 2'!$D$12*2"]]);
  });

  it("rounds halves away from zero on the decimal shown, to any number of digits", () => {
    const { workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A1", [
      ["=ROUND(1.005,2)", "=ROUND(2.5,0)", "=ROUND(-2.5,0)", "=ROUND(1234.5678,-2)", "=ROUND(88680.2525,2)"],
      ["=ROUND(63343.0375,2)", "=ROUND(-0.4,0)", "=ROUND(1.25,1.9)", '=ROUND("x",2)', "=ROUND(1)"],
    ]);
    expect(workbook.values("Sheet1", "A1:E2")).toEqual([
      [1.01, 3, -3, 1200, 88680.25],
      [63343.04, 0, 1.3, "#VALUE!", "#VALUE!"],
    ]);
  });

  it("evaluates only IF's branch taken; text and blank conditions as Excel reads them", () => {
    const { workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A1", [
      ['=IF(1>2,1/0,"ei")', '=IF(TRUE,"jah")', "=IF(FALSE,1)", "=IF(A9,1,2)", '=IF("x",1,2)', '=IF("true",1,2)'],
      ["=IF(1/0,1,2)", "=IF(1,,2)", '=IF(A1="EI",1,2)', '=IF(2<>2,"a","b")', "=IF(1)", "=IF(D1>=2,D1,0)"],
    ]);
    expect(workbook.values("Sheet1", "A1:F2")).toEqual([
      ["ei", "jah", false, 2, "#VALUE!", 1],
      ["#DIV/0!", 0, 1, "b", "#VALUE!", 2],
    ]);
  });
});

describe("formats the annex uses: alignment, wrapping, borders, font size, row heights, merges", () => {
  it("round-trips setCellProperties' alignment, wrapping, borders and font size, and refuses what Excel refuses", async () => {
    const { context, workbook } = createFakeExcel();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    const thin = { style: "Continuous" as const, weight: "Thin" as const };
    range.setCellProperties([
      [
        {
          format: {
            wrapText: true,
            horizontalAlignment: "Center",
            verticalAlignment: "Top",
            font: { size: 8 },
            borders: { top: thin, bottom: thin, left: thin, right: { ...thin, color: "red" } },
          },
        },
        { format: { horizontalAlignment: "Right" } },
      ],
    ]);
    const read = range.getCellProperties({
      format: {
        wrapText: true,
        horizontalAlignment: true,
        verticalAlignment: true,
        font: { size: true },
        borders: { style: true, weight: true, color: true },
      },
    });
    await context.sync();
    const black = { style: "Continuous", weight: "Thin", color: "#000000" };
    const none = { style: "None", weight: "Thin", color: "#000000" };
    expect(read.value[0][0]).toEqual({
      format: {
        wrapText: true,
        horizontalAlignment: "Center",
        verticalAlignment: "Top",
        font: { size: 8 },
        borders: {
          top: black,
          bottom: black,
          left: black,
          right: { ...black, color: "#FF0000" },
          diagonalDown: none,
          diagonalUp: none,
        },
      },
    });
    expect(read.value[0][1].format).toMatchObject({ horizontalAlignment: "Right", verticalAlignment: "Bottom" });
    // Excel.CellPropertiesBorderLoadOptions picks the fields of every edge: style alone gives each edge's style.
    const styles = range.getCellProperties({ format: { borders: { style: true } } });
    await context.sync();
    expect(styles.value[0][0].format?.borders).toEqual({
      top: { style: "Continuous" },
      bottom: { style: "Continuous" },
      left: { style: "Continuous" },
      right: { style: "Continuous" },
      diagonalDown: { style: "None" },
      diagonalUp: { style: "None" },
    });
    expect(workbook.format("Sheet1", "B1")).toMatchObject({ wrapText: false, fontSize: 11, borders: {} });

    // "None" removes an edge; the range format's own properties read the common value.
    range.setCellProperties([[{ format: { borders: { top: { style: "None" } } } }, {}]]);
    const format = range.format.load("wrapText, horizontalAlignment");
    await context.sync();
    expect(Object.keys(workbook.format("Sheet1", "A1").borders)).toEqual(["bottom", "left", "right"]);
    expect([format.wrapText, format.horizontalAlignment]).toEqual([null, null]);

    for (const bad of [
      { horizontalAlignment: "Middle" },
      { verticalAlignment: "Centre" },
      { wrapText: "yes" },
      { font: { size: 0 } },
      { borders: { top: { style: "Solid" } } },
      { borders: { outline: thin } },
    ]) {
      range.setCellProperties([[{ format: bad } as never, {}]]);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per case, to see each one's error
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    }
  });

  it("sets row heights in points, reads 15 where none is set and null where rows differ", async () => {
    const { context, workbook } = createFakeExcel();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("4:4").format.rowHeight = 34;
    sheet.getRange("A6:C7").format.rowHeight = 20.25;
    const heights = ["A4", "A5", "6:7", "4:5"].map((address) => sheet.getRange(address).format.load("rowHeight"));
    await context.sync();
    expect(heights.map((format) => format.rowHeight)).toEqual([34, 15, 20.25, null]);
    expect([workbook.rowHeight("Sheet1", 4), workbook.rowHeight("Sheet1", 7)]).toEqual([34, 20.25]);
    sheet.getRange("A1").format.rowHeight = 410;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it("merges keeping the top-left value, per row with `across`, grows over merged areas, and unmerges", async () => {
    const { context, workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A1", [
      ["pealkiri", "kaob", 3],
      ["a", "b", "c"],
    ]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C1").merge(false);
    sheet.getRange("A2:C3").merge(true);
    await context.sync();
    expect(workbook.merges("Sheet1")).toEqual(["A1:C1", "A2:C2", "A3:C3"]);
    expect(workbook.values("Sheet1", "A1:C2")).toEqual([
      ["pealkiri", "", ""],
      ["a", "", ""],
    ]);
    // A merge overlapping merged areas takes them in whole.
    sheet.getRange("B2:B4").merge();
    await context.sync();
    expect(workbook.merges("Sheet1")).toEqual(["A1:C1", "A2:C4"]);
    sheet.getRange("B3").unmerge();
    await context.sync();
    expect(workbook.merges("Sheet1")).toEqual(["A1:C1"]);
  });

  it("refuses a merge over a table and a table over merged cells", async () => {
    const { context, workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A4", [
      ["Kood", "Summa"],
      ["1", 2],
    ]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.tables.add("A4:B5", true);
    await context.sync();
    sheet.getRange("A3:B4").merge();
    expect(await codeOf(context.sync())).toBe("MergedRangeConflict");
    sheet.getRange("D1:E1").merge();
    await context.sync();
    sheet.tables.add("D1:E3", true);
    expect(await codeOf(context.sync())).toBe("MergedRangeConflict");
    expect(workbook.merges("Sheet1")).toEqual(["D1:E1"]);
  });
});

describe("page layout, protection and sheet position", () => {
  it("sets orientation, paper, zoom, print title rows, margins and footers, with Excel's checks", async () => {
    const { context, workbook } = createFakeExcel();
    const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
    expect(workbook.pageLayout("Sheet1")).toMatchObject({
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
    });
    expect(createFakeExcel({ inputLocale: "et-EE" }).workbook.pageLayout("Sheet1").paperSize).toBe("A4");
    layout.orientation = "Landscape";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintTitleRows("$9:$10");
    layout.setPrintMargins("Centimeters", { left: 2.54 });
    layout.headersFooters.defaultForAllPages.rightFooter = "&P / &N";
    layout.load("orientation, paperSize, zoom, leftMargin, headersFooters/defaultForAllPages/rightFooter");
    await context.sync();
    expect([
      layout.orientation,
      layout.paperSize,
      layout.zoom,
      layout.headersFooters.defaultForAllPages.rightFooter,
    ]).toEqual(["Landscape", "A4", { horizontalFitToPages: 1, verticalFitToPages: 0 }, "&P / &N"]);
    expect(workbook.pageLayout("Sheet1")).toMatchObject({ printTitleRows: "$9:$10", margins: { left: 72, top: 54 } });

    const refused: Array<() => void> = [
      () => (layout.orientation = "Sideways" as never),
      () => (layout.paperSize = "A6"),
      () => (layout.zoom = { scale: 5 }),
      () => layout.setPrintTitleRows("A9:D10"),
      () => layout.setPrintMargins("Miles" as never, { left: 1 }),
    ];
    for (const set of refused) {
      set();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per case, to see each one's error
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    }
  });

  it("protects a sheet: cells, formats, rows and tables are refused with AccessDenied, the rest stays allowed", async () => {
    const { context, workbook } = createFakeExcel({ sheets: ["Koond", "Lisa 2"] });
    workbook.setCells("Lisa 2", "A1", [[1]]);
    const sheet = context.workbook.worksheets.getItem("Lisa 2");
    const protection = sheet.protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(false);
    sheet.protection.protect({ allowFormatColumns: true });
    await context.sync();
    expect(workbook.protection("Lisa 2")).toEqual({ options: { allowFormatColumns: true }, hasPassword: false });

    const refused: Array<() => void> = [
      () => (sheet.getRange("A1").values = [[2]]),
      () => (sheet.getRange("A1").formulas = [["=1+1"]]),
      () => (sheet.getRange("A1").numberFormat = [["0.00"]]),
      () => (sheet.getRange("A1").format.font.bold = true),
      () => sheet.getRange("A1").setCellProperties([[{ format: { wrapText: true } }]]),
      () => (sheet.getRange("1:1").format.rowHeight = 30),
      () => sheet.getRange("A1:B1").merge(),
      () => sheet.tables.add("C1:D2", true),
      () => sheet.protection.protect(),
    ];
    for (const change of refused) {
      change();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per case, to see each one's error
      expect(await codeOf(context.sync())).toBe("AccessDenied");
    }
    expect(await codeOf(() => workbook.setCells("Lisa 2", "A1", [[3]]))).toBe("AccessDenied");
    expect(workbook.value("Lisa 2", "A1")).toBe(1);

    // Allowed: widening columns (by the options), freezing, page layout, renaming, moving, activating.
    sheet.getRange("B:B").format.columnWidth = 100;
    sheet.freezePanes.freezeRows(1);
    sheet.pageLayout.orientation = "Landscape";
    sheet.name = "Lisa 2 vana";
    sheet.position = 0;
    sheet.activate();
    sheet.protection.load("protected, options");
    await context.sync();
    expect(sheet.protection.protected).toBe(true);
    expect(sheet.protection.options).toMatchObject({ allowFormatColumns: true, allowFormatCells: false });
    expect(workbook.sheetNames()).toEqual(["Lisa 2 vana", "Koond"]);

    sheet.protection.unprotect();
    sheet.getRange("A1").values = [[2]];
    sheet.protection.unprotect(); // nothing to do: no error
    await context.sync();
    expect([workbook.protection("Lisa 2 vana"), workbook.value("Lisa 2 vana", "A1")]).toEqual([null, 2]);

    sheet.protection.protect({}, "salajane");
    await context.sync();
    sheet.protection.unprotect("vale");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    sheet.protection.protect({ allowSort: "yes" } as never);
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    // A protected sheet can be deleted: sheet protection guards cells, not the sheet.
    sheet.delete();
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["Koond"]);
  });

  it("moves a sheet to a position, counting hidden sheets, and refuses one out of range", async () => {
    const { context, workbook } = createFakeExcel({ sheets: ["A", "B", "C", "D"] });
    const sheets = context.workbook.worksheets;
    sheets.getItem("B").visibility = "Hidden";
    sheets.getItem("D").position = 1;
    const d = sheets.getItem("D").load("position");
    await context.sync();
    expect([workbook.sheetNames(), d.position]).toEqual([["A", "D", "B", "C"], 1]);
    sheets.getItem("A").position = 4;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });
});
