import { createFakeExcel, FakeExcelError } from "../../../src/workbook/fake";

/**
 * Workbook-wide state of the Excel fake: the protection of the workbook's structure (Excel.WorkbookProtection,
 * ExcelApi 1.7) and the calculation mode (Application.calculationMode, ExcelApi 1.1 to read, 1.8 to set;
 * Application.calculate, ExcelApi 1.1). Each test names the sentence it follows or says it is a guess.
 */

/** The rejection of a promise, as a FakeExcelError's code and where it happened. */
async function failure(run: Promise<unknown>): Promise<{ code: string; location?: string } | "no error"> {
  try {
    await run;
  } catch (error) {
    if (error instanceof FakeExcelError) return { code: error.code, location: error.debugInfo.errorLocation };
    throw error;
  }
  return "no error";
}

describe("Workbook.protection", () => {
  it("reports whether the structure is protected, and protect/unprotect change it (WorkbookProtection.protected)", async () => {
    const { context, workbook } = createFakeExcel();
    const protection = context.workbook.protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(false);
    context.workbook.protection.protect();
    protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    expect(workbook.workbookProtection).toEqual({ password: null });
    context.workbook.protection.unprotect();
    protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(false);
  });

  it('"Protects the workbook. Fails if the workbook has been protected." (code AccessDenied: a guess)', async () => {
    const { context, workbook } = createFakeExcel();
    context.workbook.protection.protect("salasõna");
    await context.sync();
    context.workbook.protection.protect();
    expect(await failure(context.sync())).toEqual({ code: "AccessDenied", location: "WorkbookProtection.protect" });
    expect(workbook.workbookProtection).toEqual({ password: "salasõna" });
  });

  it("unprotect needs the password it was protected with (a guess, as the fake's sheet protection)", async () => {
    const { context, workbook } = createFakeExcel();
    context.workbook.protection.protect("salasõna");
    await context.sync();
    context.workbook.protection.unprotect("vale");
    expect(await failure(context.sync())).toEqual({
      code: "InvalidArgument",
      location: "WorkbookProtection.unprotect",
    });
    expect(workbook.workbookProtection).not.toBeNull();
    context.workbook.protection.unprotect("salasõna");
    await context.sync();
    expect(workbook.workbookProtection).toBeNull();
  });

  it("can be loaded through the workbook, as workbook.load('protection/protected')", async () => {
    const { context } = createFakeExcel();
    context.workbook.protection.protect();
    context.workbook.load("protection/protected");
    await context.sync();
    expect(context.workbook.protection.protected).toBe(true);
  });

  // Microsoft's "Protect a workbook": structure protection keeps others from "adding, moving, deleting, or hiding
  // worksheets, and renaming worksheets". The error code is a guess (AccessDenied).
  describe("refuses every change of the sheets' structure while protected, and changes nothing", () => {
    const protectedWorkbook = async () => {
      const excel = createFakeExcel({ sheets: ["Koond", "Tartu", "Peidus"] });
      excel.workbook.setCells("Koond", "A1", [[1, "=A1*2"]]);
      const hidden = excel.context.workbook.worksheets.getItem("Peidus");
      hidden.visibility = "Hidden";
      excel.context.workbook.protection.protect();
      await excel.context.sync();
      return excel;
    };

    it.each([
      ["adding a sheet", "WorksheetCollection.add", (sheets: ReturnType<typeof sheetsOf>) => sheets.add("Uus")],
      [
        "renaming a sheet",
        "Worksheet.name",
        (sheets: ReturnType<typeof sheetsOf>) => (sheets.getItem("Tartu").name = "Tartu linn"),
      ],
      [
        "deleting a sheet",
        "Worksheet.delete",
        (sheets: ReturnType<typeof sheetsOf>) => sheets.getItem("Tartu").delete(),
      ],
      [
        "hiding a sheet",
        "Worksheet.visibility",
        (sheets: ReturnType<typeof sheetsOf>) => (sheets.getItem("Tartu").visibility = "Hidden"),
      ],
      [
        "showing a hidden sheet",
        "Worksheet.visibility",
        (sheets: ReturnType<typeof sheetsOf>) => (sheets.getItem("Peidus").visibility = "Visible"),
      ],
      [
        "moving a sheet",
        "Worksheet.position",
        (sheets: ReturnType<typeof sheetsOf>) => (sheets.getItem("Tartu").position = 0),
      ],
    ])("%s", async (_, location, change) => {
      const { context, workbook } = await protectedWorkbook();
      const before = workbook.snapshot();
      change(sheetsOf(context));
      expect(await failure(context.sync())).toEqual({ code: "AccessDenied", location });
      expect(workbook.snapshot()).toEqual(before);
    });

    it("the same changes succeed once it is unprotected", async () => {
      const { context, workbook } = await protectedWorkbook();
      context.workbook.protection.unprotect();
      const sheets = sheetsOf(context);
      sheets.add("Uus");
      sheets.getItem("Tartu").name = "Tartu linn";
      sheets.getItem("Peidus").visibility = "Visible";
      sheets.getItem("Koond").position = 2;
      await context.sync();
      expect(workbook.sheetNames()).toEqual(["Tartu linn", "Peidus", "Koond", "Uus"]);
    });
  });

  // Microsoft's "Programmatically protect workbooks": "Protecting a workbook does not stop users from editing cells.
  // To protect the data, you must protect the worksheets."
  it("lets cells, formats, tables, sheet protection and activation change while the structure is protected", async () => {
    const { context, workbook } = createFakeExcel({ sheets: ["Koond", "Tartu"] });
    context.workbook.protection.protect();
    await context.sync();
    const sheet = context.workbook.worksheets.getItem("Tartu");
    sheet.getRange("A1:B2").values = [
      ["Kood", "Summa"],
      ["1", 5],
    ];
    sheet.getRange("B3").formulas = [["=SUM(B2)"]];
    sheet.getRange("A1").format.font.bold = true;
    sheet.tables.add("A1:B2", true);
    sheet.activate();
    sheet.protection.protect();
    await context.sync();
    expect(workbook.value("Tartu", "B3")).toBe(5);
    expect(workbook.format("Tartu", "A1").bold).toBe(true);
    expect(workbook.activeSheetName).toBe("Tartu");
    expect(workbook.protection("Tartu")).not.toBeNull();
  });
});

const sheetsOf = (context: ReturnType<typeof createFakeExcel>["context"]) => context.workbook.worksheets;

describe("Application.calculationMode and Application.calculate", () => {
  it('is "Automatic" by default and settable to each Excel.CalculationMode; anything else is InvalidArgument', async () => {
    const { context, workbook } = createFakeExcel();
    const application = context.application.load("calculationMode");
    await context.sync();
    expect(application.calculationMode).toBe("Automatic");
    for (const mode of ["Manual", "AutomaticExceptTables", "Automatic"] as const) {
      context.application.calculationMode = mode;
      application.load("calculationMode");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one mode per round trip, on purpose
      await context.sync();
      expect(application.calculationMode).toBe(mode);
    }
    context.application.calculationMode = "Sometimes" as "Manual";
    expect(await failure(context.sync())).toEqual({ code: "InvalidArgument", location: "Application.calculationMode" });
    expect(workbook.calculationMode).toBe("Automatic");
  });

  it('"Manual, where calculation is done when the user requests it": results stay until calculate()', async () => {
    const { context, workbook } = createFakeExcel({ calculationMode: "Manual" });
    workbook.setCells("Sheet1", "A1", [[1, 2, "=SUM(A1:B1)", "=C1*10"]]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").values = [[10, 20]];
    const stale = sheet.getRange("A1:D1").load("values");
    await context.sync();
    expect(stale.values).toEqual([[10, 20, 3, 30]]);
    // Later syncs do not calculate either: only a request does.
    const still = sheet.getRange("C1:D1").load("values");
    await context.sync();
    expect(still.values).toEqual([[3, 30]]);

    context.application.calculate("Recalculate");
    const fresh = sheet.getRange("C1:D1").load("values");
    await context.sync();
    expect(fresh.values).toEqual([[30, 300]]);
    expect(workbook.calculationMode).toBe("Manual");
  });

  it('calculates in the batch that asks: values loaded after calculate("Recalculate") are current', async () => {
    const { context, workbook } = createFakeExcel({ calculationMode: "Manual" });
    workbook.setCells("Sheet1", "A1", [[1, "=A1+1"]]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [[41]];
    context.application.calculate("Recalculate");
    const range = sheet.getRange("B1").load("values");
    await context.sync();
    expect(range.values).toEqual([[42]]);
  });

  it.each(["Full", "FullRebuild"] as const)('calculate("%s") computes every formula too', async (type) => {
    const { context, workbook } = createFakeExcel({ calculationMode: "Manual" });
    workbook.setCells("Sheet1", "A1", [[1, "=A1+1"]]);
    workbook.setCells("Sheet1", "A1", [[5]]);
    expect(workbook.value("Sheet1", "B1")).toBe(2);
    context.application.calculate(type);
    await context.sync();
    expect(workbook.value("Sheet1", "B1")).toBe(6);
  });

  it("refuses a calculation type that is not an Excel.CalculationType", async () => {
    const { context } = createFakeExcel();
    context.application.calculate("Sometimes" as "Full");
    expect(await failure(context.sync())).toEqual({ code: "InvalidArgument", location: "Application.calculate" });
  });

  it("computes a formula as it is entered in Manual mode, from the results its cells show (a guess)", async () => {
    const { context, workbook } = createFakeExcel({ calculationMode: "Manual" });
    workbook.setCells("Sheet1", "A1", [[1, "=A1*2"]]);
    workbook.setCells("Sheet1", "A1", [[7]]);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    // The new formula reads A1 as it is (7) and B1 as it shows (2, not yet recalculated).
    sheet.getRange("C1:D1").formulas = [["=A1+1", "=B1+1"]];
    await context.sync();
    expect(workbook.values("Sheet1", "A1:D1")).toEqual([[7, 2, 8, 3]]);
  });

  it("keeps the results a formula had when the mode became Manual", async () => {
    const { context, workbook } = createFakeExcel();
    workbook.setCells("Sheet1", "A1", [[1, "=A1*3"]]);
    context.application.calculationMode = "Manual";
    await context.sync();
    workbook.setCells("Sheet1", "A1", [[2]]);
    expect(workbook.value("Sheet1", "B1")).toBe(3);
  });

  it("calculates afresh once the mode is Automatic again (a guess: Excel recalculates on switching back)", async () => {
    const { context, workbook } = createFakeExcel({ calculationMode: "Manual" });
    workbook.setCells("Sheet1", "A1", [[1, "=A1*3"]]);
    workbook.setCells("Sheet1", "A1", [[2]]);
    expect(workbook.value("Sheet1", "B1")).toBe(3);
    context.application.calculationMode = "Automatic";
    await context.sync();
    expect(workbook.value("Sheet1", "B1")).toBe(6);
  });

  it('"AutomaticExceptTables" calculates like Automatic: the fake has no data tables', async () => {
    const { workbook } = createFakeExcel({ calculationMode: "AutomaticExceptTables" });
    workbook.setCells("Sheet1", "A1", [[1, "=A1*3"]]);
    workbook.setCells("Sheet1", "A1", [[2]]);
    expect(workbook.value("Sheet1", "B1")).toBe(6);
  });

  it("is part of the snapshot, and so is the structure's protection", async () => {
    const { context, workbook } = createFakeExcel();
    const before = workbook.snapshot();
    context.application.calculationMode = "Manual";
    await context.sync();
    expect(workbook.snapshot()).not.toEqual(before);
    const manual = workbook.snapshot();
    context.workbook.protection.protect();
    await context.sync();
    expect(workbook.snapshot()).not.toEqual(manual);
  });
});
