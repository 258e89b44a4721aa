import { ExcelProbe, expectEqual, expectRejected } from "./probe";

/**
 * Rows inserted and deleted, as an added or removed activity moves a schedule's rows (OfficeWorkbookAdapter.editRows):
 * references elsewhere must follow, and the schedule's Excel table must take a row added at its end.
 */

const TYPES = "@types/office-js";

export const ROW_PROBES: readonly ExcelProbe[] = [
  {
    id: "delete-rows-moves-references",
    api: "Range.delete",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      `${TYPES}, Range.delete: "Deletes the cells associated with the range." That references to the rows below ` +
      "move up, a range losing rows shrinks and a reference to a deleted cell becomes #REF! is the Excel UI's " +
      "behaviour, not stated in the reference.",
    expect:
      'After rows 3:4 of A1:A6 are deleted, "=SUM(A1:A6)" reads "=SUM(A1:A4)", "=A6" reads "=A4", "=A3" "=#REF!".',
    async run(context, scratch) {
      scratch.getRange("A1:A6").values = [[1], [2], [3], [4], [5], [6]];
      scratch.getRange("C1:E1").formulas = [["=SUM(A1:A6)", "=A6", "=A3"]];
      await context.sync();
      scratch.getRange("3:4").delete("Up");
      const read = scratch.getRange("C1:E1").load("formulas");
      const left = scratch.getRange("A1:A4").load("values");
      await context.sync();
      expectEqual("formulas", read.formulas, [["=SUM(A1:A4)", "=A4", "=#REF!"]]);
      expectEqual("values", left.values, [[1], [2], [5], [6]]);
    },
  },
  {
    id: "table-rows-add-at-end-grows-table",
    api: "TableRowCollection.add",
    set: "ExcelApi 1.1",
    kind: "documented",
    source:
      `${TYPES}, TableRowCollection.add: "Adds one or more rows to the table." and of its index: "If null or -1, ` +
      'the addition happens at the end." That the table then covers the row is checked by TableCollection.add, ' +
      'which refuses a table that "would overlap with another table".',
    expect: "After a row is added to a table over A1:B3, a new table over A4:B5 is refused: row 4 is the first one's.",
    async run(context, scratch) {
      scratch.getRange("A1:B3").values = [
        ["Kood", "Summa"],
        ["1", 10],
        ["2", 20],
      ];
      scratch.tables.add("A1:B3", true);
      await context.sync();
      scratch.tables.getItemAt(0).rows.add();
      await context.sync();
      await expectRejected("a table over the added row", async () => {
        scratch.tables.add("A4:B5", true);
        await context.sync();
      });
    },
  },
];
