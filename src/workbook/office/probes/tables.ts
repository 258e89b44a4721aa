import { ExcelProbe, expectEqual, expectExcelError, expectRejected, expectTrue } from "./probe";

/** Tables: each schedule is written as values and then made an Excel table over them (writeSheet). */

const TYPES = "@types/office-js";
const ADD = `${TYPES}, TableCollection.add: "Creates a new table. The range object or source address determines the worksheet under which the table will be added. If the table cannot be added (e.g., because the address is invalid, or the table would overlap with another table), an error will be thrown."`;

export const TABLE_PROBES: readonly ExcelProbe[] = [
  {
    id: "tables-add-with-headers",
    api: "TableCollection.add",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: ADD,
    expect: "A table added over A1:B3 with headers keeps the header texts and the values under them where they were.",
    async run(context, scratch) {
      scratch.getRange("A1:B3").values = [
        ["Kood", "Summa"],
        ["1.1", 10],
        ["1.2", 20],
      ];
      scratch.getRange("A2:A3").numberFormat = [["@"], ["@"]];
      scratch.getRange("A2:A3").values = [["1.1"], ["1.2"]];
      scratch.tables.add("A1:B3", true);
      await context.sync();
      const read = scratch.getRange("A1:B4").load("values");
      await context.sync();
      expectEqual("values", read.values, [
        ["Kood", "Summa"],
        ["1.1", 10],
        ["1.2", 20],
        ["", ""],
      ]);
    },
  },
  {
    id: "tables-add-default-name",
    api: "TableCollection.add",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'The reference does not name a new table; Excel\'s interface calls them "Table1", "Table2", … (in an English Excel), assumed for the API.',
    expect: 'A new table\'s name is "Table" and a number.',
    async run(context, scratch) {
      scratch.getRange("A1:A2").values = [["x"], [1]];
      const table = scratch.tables.add("A1:A2", true).load("name");
      await context.sync();
      expectTrue('name is "Table<n>"', /^Table\d+$/.test(table.name), table.name);
    },
  },
  {
    id: "tables-add-overlap",
    api: "TableCollection.add",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: ADD,
    expect: "A second table overlapping the first is refused.",
    async run(context, scratch) {
      scratch.getRange("A1:B3").values = [
        ["a", "b"],
        [1, 2],
        [3, 4],
      ];
      scratch.tables.add("A1:B3", true);
      await context.sync();
      await expectRejected("an overlapping table", async () => {
        scratch.tables.add("B2:C4", true);
        await context.sync();
      });
    },
  },
  {
    id: "tables-add-without-headers-shifts",
    api: "TableCollection.add",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, TableCollection.add, hasHeaders: "If the source does not contain headers (i.e., when this property set to \`false\`), Excel will automatically generate a header and shift the data down by one row."`,
    expect: "A table without headers over A1:A2 = [5; 6] puts a header in A1 and the data in A2:A3.",
    async run(context, scratch) {
      scratch.getRange("A1:A2").values = [[5], [6]];
      scratch.tables.add("A1:A2", false);
      await context.sync();
      const read = scratch.getRange("A1:A3").load("values");
      await context.sync();
      expectTrue(
        "A1 holds a header text",
        typeof read.values[0][0] === "string" && read.values[0][0] !== "",
        read.values,
      );
      expectEqual("data moved down", [read.values[1][0], read.values[2][0]], [5, 6]);
    },
  },
  {
    id: "tables-add-over-merged",
    api: "TableCollection.add",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference is silent; Excel.ErrorCodes has MergedRangeConflict and Excel's message is \"A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.\", assumed to be what tables.add over merged cells gives.",
    expect: "A table over a range with merged cells fails with MergedRangeConflict.",
    async run(context, scratch) {
      scratch.getRange("A1:B1").values = [["a", "b"]];
      scratch.getRange("A2:B2").merge(false);
      await context.sync();
      await expectExcelError("table over merged cells", "MergedRangeConflict", async () => {
        scratch.tables.add("A1:B3", true);
        await context.sync();
      });
    },
  },
];
