import type { ExcelContext, ExcelWorksheet } from "../excel-api";
import { ExcelProbe, ProbeFailure, expectEqual, expectExcelError } from "./probe";

/**
 * Workbook-wide state the adapter relies on: the protection of the workbook's structure (Excel.WorkbookProtection,
 * ExcelApi 1.7) and manual calculation (Application.calculationMode, ExcelApi 1.1 to read and 1.8 to set;
 * Application.calculate, ExcelApi 1.1). Each probe puts back what it changed: the structure unprotected again, the
 * officer's calculation mode restored.
 */

/** The sheet a structure probe tries to add: if Excel lets it, it is deleted again once unprotected. */
const PROBE_SHEET = "tat-budget proov";

/**
 * Runs `body` with the workbook's structure protected (no password), then unprotects it whatever happened. A workbook
 * the officer has protected already is not touched: its password is not ours.
 */
async function withStructureProtected(context: ExcelContext, body: () => Promise<void>): Promise<void> {
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  if (protection.protected)
    throw new ProbeFailure("The workbook's structure is protected already: unprotect it to run this probe.");
  context.workbook.protection.protect();
  await context.sync();
  try {
    await body();
  } finally {
    context.workbook.protection.unprotect();
    await context.sync();
  }
}

/** Runs `body` in Manual calculation mode, then puts back the mode the workbook had. */
async function withManualCalculation(context: ExcelContext, body: () => Promise<void>): Promise<void> {
  const application = context.application.load("calculationMode");
  await context.sync();
  const mode = application.calculationMode;
  context.application.calculationMode = "Manual";
  await context.sync();
  try {
    await body();
  } finally {
    context.application.calculationMode = mode;
    await context.sync();
  }
}

const SUPPORT_PROTECT_WORKBOOK =
  'Microsoft support, "Protect a workbook": protecting the structure keeps others from "adding, moving, deleting, ' +
  'or hiding worksheets, and renaming worksheets".';

export const WORKBOOK_PROBES: readonly ExcelProbe[] = [
  {
    id: "workbook-protection-protect-twice",
    api: "WorkbookProtection.protect",
    set: "ExcelApi 1.7",
    kind: "documented",
    source:
      '@types/office-js, WorkbookProtection.protect: "Protects the workbook. Fails if the workbook has been ' +
      'protected." The error code, AccessDenied, is a guess.',
    expect: "protected reads true after protect(), and protecting again fails with AccessDenied.",
    async run(context) {
      await withStructureProtected(context, async () => {
        const protection = context.workbook.protection.load("protected");
        await context.sync();
        expectEqual("protected after protect()", protection.protected, true);
        await expectExcelError("protect() on a protected workbook", "AccessDenied", async () => {
          context.workbook.protection.protect();
          await context.sync();
        });
      });
    },
  },
  {
    id: "workbook-protection-refuses-sheet-add",
    api: "WorksheetCollection.add",
    set: "ExcelApi 1.7",
    kind: "guess",
    source: `${SUPPORT_PROTECT_WORKBOOK} That the API refuses it too, and with AccessDenied, is a guess.`,
    expect: "Adding a sheet to a workbook whose structure is protected fails with AccessDenied, and no sheet is added.",
    async run(context) {
      let added = false;
      try {
        await withStructureProtected(context, async () => {
          try {
            await expectExcelError("worksheets.add under structure protection", "AccessDenied", async () => {
              context.workbook.worksheets.add(PROBE_SHEET);
              await context.sync();
            });
          } catch (failure) {
            added = true;
            throw failure;
          }
        });
      } finally {
        if (added) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(PROBE_SHEET);
          await context.sync();
          if (!sheet.isNullObject) sheet.delete();
          await context.sync();
        }
      }
    },
  },
  {
    id: "workbook-protection-refuses-rename-and-hide",
    api: "Worksheet.name, Worksheet.visibility",
    set: "ExcelApi 1.7",
    kind: "guess",
    source: `${SUPPORT_PROTECT_WORKBOOK} That the API refuses it too, and with AccessDenied, is a guess.`,
    expect: "Renaming or hiding a sheet under structure protection fails with AccessDenied; the sheet stays as it was.",
    async run(context, scratch) {
      const before = scratch.load("name,visibility");
      await context.sync();
      const { name, visibility } = before;
      await withStructureProtected(context, async () => {
        await expectExcelError("renaming a sheet under structure protection", "AccessDenied", async () => {
          scratch.name = `${name.slice(0, 25)} uus`;
          await context.sync();
        });
        await expectExcelError("hiding a sheet under structure protection", "AccessDenied", async () => {
          scratch.visibility = "Hidden";
          await context.sync();
        });
      });
      // Put back, should Excel have let either through.
      const after = scratch.load("name,visibility");
      await context.sync();
      if (after.name !== name) scratch.name = name;
      if (after.visibility !== visibility) scratch.visibility = visibility;
      await context.sync();
    },
  },
  {
    id: "workbook-protection-allows-cells",
    api: "Range.values, Range.formulas",
    set: "ExcelApi 1.7",
    kind: "documented",
    source:
      'Microsoft, "Programmatically protect workbooks" (learn.microsoft.com, Office development in Visual Studio): ' +
      '"Protecting a workbook does not stop users from editing ' +
      'cells. To protect the data, you must protect the worksheets."',
    expect: "Under structure protection, values and formulas are written and computed as usual.",
    async run(context, scratch: ExcelWorksheet) {
      await withStructureProtected(context, async () => {
        scratch.getRange("A1:B1").formulas = [[21, "=A1*2"]];
        const range = scratch.getRange("A1:B1").load("values");
        await context.sync();
        expectEqual("values written under structure protection", range.values, [[21, 42]]);
      });
    },
  },
  {
    id: "calculation-manual-keeps-results",
    api: "Application.calculationMode, Application.calculate",
    set: "ExcelApi 1.8",
    kind: "documented",
    source:
      '@types/office-js, Application.calculationMode: "Manual, where calculation is done when the user requests ' +
      'it"; Application.calculate: "Recalculate all currently opened workbooks in Excel."',
    expect:
      'In Manual mode a formula keeps its result when a cell it refers to changes, until calculate("Recalculate"); ' +
      "the mode then still reads Manual.",
    async run(context, scratch) {
      await withManualCalculation(context, async () => {
        scratch.getRange("A1:B1").formulas = [[1, "=A1*2"]];
        context.application.calculate("Recalculate");
        await context.sync();
        scratch.getRange("A1").values = [[5]];
        const stale = scratch.getRange("B1").load("values");
        await context.sync();
        expectEqual("B1 = A1*2 after A1 changed, before calculate", stale.values, [[2]]);
        context.application.calculate("Recalculate");
        const fresh = scratch.getRange("B1").load("values");
        const application = context.application.load("calculationMode");
        await context.sync();
        expectEqual('B1 after calculate("Recalculate")', fresh.values, [[10]]);
        expectEqual("calculationMode after calculate", application.calculationMode, "Manual");
      });
    },
  },
  {
    id: "calculation-manual-computes-entered-formula",
    api: "Range.formulas",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference does not say what a formula written in Manual mode shows; Excel's own manual mode computes a " +
      "formula as it is entered, from what the cells it names show, and not the formulas that depend on it.",
    expect:
      "In Manual mode a newly written formula shows its result at once (from the cells' current values); " +
      "a formula that depends on a changed cell does not.",
    async run(context, scratch) {
      await withManualCalculation(context, async () => {
        scratch.getRange("A1:B1").formulas = [[1, "=A1*2"]];
        context.application.calculate("Recalculate");
        await context.sync();
        scratch.getRange("A1").values = [[7]];
        scratch.getRange("C1:D1").formulas = [["=A1+1", "=B1+1"]];
        const range = scratch.getRange("A1:D1").load("values");
        await context.sync();
        expectEqual("A1:D1 in Manual mode", range.values, [[7, 2, 8, 3]]);
      });
    },
  },
];
