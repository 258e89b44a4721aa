/* eslint-disable office-addins/no-context-sync-in-loop -- each refusal in a batch of its own: a failing operation stops its batch. */
import { ExcelProbe, expectEqual, expectExcelError, expectTrue, withExtraSheet } from "./probe";

/**
 * Ranges: values, formulas and number formats written and read, addresses, the used range, and calculation
 * suspended while the adapter writes.
 */

const TYPES = "@types/office-js";

export const RANGE_PROBES: readonly ExcelProbe[] = [
  {
    id: "range-values-of-formula",
    api: "Range.values, Range.formulas",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.formulas: "Represents the formula in A1-style notation. If a cell has no formula, its value is returned instead."; Range.values: "Represents the raw values of the specified range."`,
    expect: 'For A1 = 2 and B1 = =A1*3+1, values read [2, 7] and formulas read [2, "=A1*3+1"].',
    async run(context, scratch) {
      const range = scratch.getRange("A1:B1");
      range.formulas = [[2, "=A1*3+1"]];
      await context.sync();
      const read = scratch.getRange("A1:B1").load("values,formulas");
      await context.sync();
      expectEqual("values", read.values, [[2, 7]]);
      expectEqual("formulas", read.formulas, [[2, "=A1*3+1"]]);
    },
  },
  {
    id: "range-values-text-as-formula",
    api: "Range.values",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."`,
    expect: 'Writing "=2+3" to values stores a formula whose value is 5.',
    async run(context, scratch) {
      scratch.getRange("A1").values = [["=2+3"]];
      await context.sync();
      const read = scratch.getRange("A1").load("values,formulas");
      await context.sync();
      expectEqual("value", read.values, [[5]]);
      expectEqual("formula", read.formulas, [["=2+3"]]);
    },
  },
  {
    id: "range-error-value-text",
    api: "Range.values",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.values: "Cells that contain an error will return the error string."`,
    expect: 'A cell with =1/0 reads "#DIV/0!".',
    async run(context, scratch) {
      scratch.getRange("A1").formulas = [["=1/0"]];
      await context.sync();
      const read = scratch.getRange("A1").load("values");
      await context.sync();
      expectEqual("value", read.values, [["#DIV/0!"]]);
    },
  },
  {
    id: "range-wrong-shape",
    api: "Range.values, Range.formulas, Range.numberFormat",
    set: "ExcelApi 1.1",
    kind: "documented",
    source:
      'OfficeDev/office-js#1025: setting Range.values with an array of another size fails with InvalidArgument, "The number of rows or columns in the input array doesn\'t match the size or dimensions of the range."',
    expect: "A 1×2 array written to A1:C1 (values, formulas or numberFormat) fails the sync with InvalidArgument.",
    async run(context, scratch) {
      for (const property of ["values", "formulas", "numberFormat"] as const) {
        await expectExcelError(`${property} of the wrong shape`, "InvalidArgument", async () => {
          const range = scratch.getRange("A1:C1");
          if (property === "numberFormat") range.numberFormat = [["0", "0"]];
          else range[property] = [[1, 2]];
          await context.sync();
        });
      }
    },
  },
  {
    id: "range-null-leaves-cell",
    api: "Range.values",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'The reference does not say what a null entry in a written array does; it is assumed to mean "leave this cell as it is" (the fake and the adapter\'s partial writes rely on it).',
    expect: "Writing [[null, 9]] over A1:B1 = [1, 2] leaves A1 at 1 and sets B1 to 9.",
    async run(context, scratch) {
      scratch.getRange("A1:B1").values = [[1, 2]];
      await context.sync();
      scratch.getRange("A1:B1").values = [[null as unknown as number, 9]];
      await context.sync();
      const read = scratch.getRange("A1:B1").load("values");
      await context.sync();
      expectEqual("values", read.values, [[1, 9]]);
    },
  },
  {
    id: "range-number-format-round-trip",
    api: "Range.numberFormat",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.numberFormat: "Represents Excel's number format code for the given range."`,
    expect:
      'A format "0.00" set on A1 reads back "0.00", a cell never formatted reads "General", and the value stays the number.',
    async run(context, scratch) {
      const range = scratch.getRange("A1:B1");
      range.numberFormat = [["0.00", "General"]];
      range.values = [[1.5, 2]];
      await context.sync();
      const read = scratch.getRange("A1:C1").load("numberFormat,values");
      await context.sync();
      expectEqual("numberFormat", read.numberFormat, [["0.00", "General", "General"]]);
      expectEqual("values", read.values, [[1.5, 2, ""]]);
    },
  },
  {
    id: "range-text-format-keeps-text",
    api: "Range.numberFormat, Range.formulas",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'The reference is silent; in Excel a cell formatted as Text ("@") keeps what is typed as text. The adapter formats code cells "@" so that "1.1" and "- kulud" stay text, assumed to hold for values written through the API.',
    expect: 'With numberFormat "@", writing "1.10" and "-x" keeps the strings "1.10" and "-x".',
    async run(context, scratch) {
      const range = scratch.getRange("A1:B1");
      range.numberFormat = [["@", "@"]];
      range.formulas = [["1.10", "-x"]];
      await context.sync();
      const read = scratch.getRange("A1:B1").load("values");
      await context.sync();
      expectEqual("values", read.values, [["1.10", "-x"]]);
    },
  },
  {
    id: "range-address-has-sheet",
    api: "Range.address",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.address: "Specifies the range reference in A1-style. Address value contains the sheet reference (e.g., "Sheet1!A1:B4")."`,
    expect: "The address of B2:C3 names the sheet and ends in !B2:C3.",
    async run(context, scratch) {
      const range = scratch.getRange("b2:c3").load("address");
      await context.sync();
      expectTrue("address ends in !B2:C3", range.address.endsWith("!B2:C3"), range.address);
    },
  },
  {
    id: "range-address-quotes-sheet",
    api: "Range.address",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference shows only an unquoted example; a sheet name with spaces is assumed to be quoted as in formulas ('tat-budget proov'!A1), which the adapter's address parsing expects.",
    expect: "The address on the scratch sheet (its name has spaces) is '<name>'!A1.",
    async run(context, scratch) {
      scratch.load("name");
      const range = scratch.getRange("A1").load("address");
      await context.sync();
      expectEqual("address", range.address, `'${scratch.name.replace(/'/g, "''")}'!A1`);
    },
  },
  {
    id: "used-range-empty-sheet",
    api: "Worksheet.getUsedRangeOrNullObject",
    set: "ExcelApi 1.4",
    kind: "documented",
    source: `${TYPES}, Worksheet.getUsedRangeOrNullObject: "If the entire worksheet is blank, then this method returns an object with its \`isNullObject\` property set to \`true\`."`,
    expect: "On the empty scratch sheet the used range is a null object, with and without valuesOnly.",
    async run(context, scratch) {
      const all = scratch.getUsedRangeOrNullObject();
      const values = scratch.getUsedRangeOrNullObject(true);
      await context.sync();
      expectEqual("isNullObject (any use)", all.isNullObject, true);
      expectEqual("isNullObject (valuesOnly)", values.isNullObject, true);
    },
  },
  {
    id: "used-range-smallest",
    api: "Worksheet.getUsedRangeOrNullObject",
    set: "ExcelApi 1.4",
    kind: "documented",
    source: `${TYPES}, Worksheet.getUsedRangeOrNullObject: "The used range is the smallest range that encompasses any cells that have a value or formatting assigned to them."; valuesOnly: "Considers only cells with values as used cells."`,
    expect: "With values in C3 and D5 and a fill on F8, the used range is C3:F8, and with valuesOnly C3:D5.",
    async run(context, scratch) {
      scratch.getRange("C3").values = [[1]];
      scratch.getRange("D5").values = [["x"]];
      scratch.getRange("F8").format.fill.color = "#FFFF00";
      await context.sync();
      const all = scratch.getUsedRangeOrNullObject().load("address,rowCount,columnCount");
      const values = scratch.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expectTrue("used range ends in !C3:F8", all.address.endsWith("!C3:F8"), all.address);
      expectEqual("rowCount, columnCount", [all.rowCount, all.columnCount], [6, 4]);
      expectTrue("values-only used range ends in !C3:D5", values.address.endsWith("!C3:D5"), values.address);
    },
  },
  {
    id: "suspend-calculation-until-next-sync",
    api: "Application.suspendApiCalculationUntilNextSync",
    set: "ExcelApi 1.6",
    kind: "documented",
    source: `${TYPES}, Application.suspendApiCalculationUntilNextSync: "Suspends calculation until the next \`context.sync()\` is called. Once set, it is the developer's responsibility to re-calc the workbook, to ensure that any dependencies are propagated."`,
    expect:
      "With B1 = =A1*2 and A1 = 1, A1 set to 5 in a suspended batch: B1 read in that batch is still 2; after the next sync it is 10.",
    async run(context, scratch) {
      scratch.getRange("A1:B1").formulas = [[1, "=A1*2"]];
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      scratch.getRange("A1").values = [[5]];
      const during = scratch.getRange("B1").load("values");
      await context.sync();
      const after = scratch.getRange("B1").load("values");
      await context.sync();
      expectEqual("B1 while suspended", during.values, [[2]]);
      expectEqual("B1 after the next sync", after.values, [[10]]);
    },
  },
  {
    id: "formula-follows-renamed-sheet",
    api: "Worksheet.name, Worksheet.delete, Range.formulas",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The API reference is silent; in Excel a formula naming a sheet follows the sheet's rename and turns into #REF! when the sheet is deleted. The adapter's backups and annex replacement rely on both.",
    expect: "A formula naming another sheet follows its rename; after that sheet is deleted it reads #REF!.",
    async run(context, scratch) {
      await withExtraSheet(context, async (sheet, name) => {
        sheet.getRange("A1").values = [[4]];
        scratch.getRange("A1").formulas = [[`='${name}'!A1*2`]];
        await context.sync();
        const renamed = `${name.slice(0, 26)} b`;
        sheet.name = renamed;
        await context.sync();
        const read = scratch.getRange("A1").load("formulas,values");
        await context.sync();
        expectEqual("formula after rename", read.formulas, [[`='${renamed}'!A1*2`]]);
        expectEqual("value after rename", read.values, [[8]]);
        sheet.delete();
        await context.sync();
        const after = scratch.getRange("A1").load("values");
        await context.sync();
        expectEqual("value after delete", after.values, [["#REF!"]]);
      });
    },
  },
];
