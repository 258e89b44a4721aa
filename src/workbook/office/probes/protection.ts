import { ExcelProbe, expectEqual, expectExcelError, expectRejected, withExtraSheet } from "./probe";

/**
 * Sheet protection: lisa 2's sheets are protected (allowing column widths), marks skip protected sheets, and
 * regenerating lisa 2 deletes the protected old sheets.
 */

const TYPES = "@types/office-js";

export const PROTECTION_PROBES: readonly ExcelProbe[] = [
  {
    id: "protection-protected-flag",
    api: "WorksheetProtection.protect, WorksheetProtection.unprotect, WorksheetProtection.protected",
    set: "ExcelApi 1.2",
    kind: "documented",
    source: `${TYPES}, WorksheetProtection.protected: "Specifies if the worksheet is protected."; WorksheetProtection.unprotect: "Unprotects a worksheet."`,
    expect: "protected reads false, true after protect() and false after unprotect().",
    async run(context, scratch) {
      const seen: boolean[] = [];
      const read = async () => {
        const protection = scratch.protection.load("protected");
        await context.sync();
        seen.push(protection.protected);
      };
      await read();
      scratch.protection.protect();
      await context.sync();
      await read();
      scratch.protection.unprotect();
      await context.sync();
      await read();
      expectEqual("protected", seen, [false, true, false]);
    },
  },
  {
    id: "protection-loaded-with-sheets",
    api: "WorksheetCollection.load (items/protection/protected)",
    set: "ExcelApi 1.2",
    kind: "documented",
    source: `${TYPES}, WorksheetProtection.protected: "Specifies if the worksheet is protected."; load's propertyNames: "A comma-delimited string or an array of strings that specify the properties to load." (marks load "items/name,protection/protected" in one go)`,
    expect: "Loading the sheets with items/name,protection/protected shows the protected scratch sheet as protected.",
    async run(context, scratch) {
      scratch.protection.protect();
      await context.sync();
      try {
        const sheets = context.workbook.worksheets.load("items/name,protection/protected");
        scratch.load("name");
        await context.sync();
        const found = sheets.items.find((sheet) => sheet.name === scratch.name);
        expectEqual("protected, read through the collection", found?.protection.protected, true);
      } finally {
        scratch.protection.unprotect();
        await context.sync();
      }
    },
  },
  {
    id: "protection-protect-twice",
    api: "WorksheetProtection.protect",
    set: "ExcelApi 1.2",
    kind: "documented",
    source: `${TYPES}, WorksheetProtection.protect: "Protects a worksheet. Fails if the worksheet has already been protected."`,
    expect: "protect() on a protected sheet fails (the error code is not documented; the fake gives AccessDenied).",
    async run(context, scratch) {
      scratch.protection.protect();
      await context.sync();
      try {
        await expectRejected("protect() on a protected sheet", async () => {
          scratch.protection.protect();
          await context.sync();
        });
      } finally {
        scratch.protection.unprotect();
        await context.sync();
      }
    },
  },
  {
    id: "protection-refuses-cell-writes",
    api: "Range.values, RangeFill.color (on a protected sheet)",
    set: "ExcelApi 1.2",
    kind: "guess",
    source:
      'The reference does not say what a write into a locked cell of a protected sheet gives; Excel (and Microsoft Graph\'s workbook API) answer AccessDenied, "You cannot perform the requested operation.", assumed here for values and fills (marks skip protected sheets because of it).',
    expect: "On a protected sheet, writing a value and setting a fill both fail with AccessDenied.",
    async run(context, scratch) {
      scratch.protection.protect();
      await context.sync();
      try {
        await expectExcelError("a value on a protected sheet", "AccessDenied", async () => {
          scratch.getRange("A1").values = [[1]];
          await context.sync();
        });
        await expectExcelError("a fill on a protected sheet", "AccessDenied", async () => {
          scratch.getRange("A1").format.fill.color = "#FFFF00";
          await context.sync();
        });
      } finally {
        scratch.protection.unprotect();
        await context.sync();
      }
    },
  },
  {
    id: "protection-allow-format-columns",
    api: "WorksheetProtection.protect (allowFormatColumns)",
    set: "ExcelApi 1.2",
    kind: "guess",
    source:
      'Excel.WorksheetProtectionOptions.allowFormatColumns "Represents the worksheet protection option allowing formatting columns."; that a column width set through the API is then accepted is assumed (lisa 2\'s sheets are protected this way).',
    expect: "With allowFormatColumns, a column width set on the protected sheet is taken and reads back.",
    async run(context, scratch) {
      scratch.protection.protect({ allowFormatColumns: true, selectionMode: "Normal" });
      await context.sync();
      try {
        scratch.getRange("C:C").format.columnWidth = 90;
        await context.sync();
        const read = scratch.getRange("C:C").load("format/columnWidth");
        await context.sync();
        expectEqual("width of C", read.format.columnWidth, 90);
      } finally {
        scratch.protection.unprotect();
        await context.sync();
      }
    },
  },
  {
    id: "protection-delete-protected-sheet",
    api: "Worksheet.delete (protected sheet)",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference is silent; in Excel sheet protection guards a sheet's cells, not its existence (workbook structure protection guards that), so a protected sheet is assumed deletable without unprotecting. Regenerating lisa 2 relies on it.",
    expect: "A protected sheet is deleted without unprotecting it.",
    async run(context) {
      await withExtraSheet(context, async (sheet, name) => {
        sheet.protection.protect();
        await context.sync();
        sheet.delete();
        await context.sync();
        const gone = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        expectEqual("sheet gone (isNullObject)", gone.isNullObject, true);
      });
    },
  },
];
