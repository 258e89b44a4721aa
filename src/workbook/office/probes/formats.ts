/* eslint-disable office-addins/load-object-before-read -- the rule does not know ClientResult.value, which
   getCellProperties fills at the sync. */
import { ExcelProbe, expectEqual, expectTrue } from "./probe";

/** Cell formats: the fills marks set and restore, setCellProperties for the sheets, widths, heights, merges. */

const TYPES = "@types/office-js";

export const FORMAT_PROBES: readonly ExcelProbe[] = [
  {
    id: "cell-properties-round-trip",
    api: "Range.setCellProperties, Range.getCellProperties",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, Range.setCellProperties: "Updates the range based on a 2D array of cell properties, encapsulating things like font, fill, borders, and alignment."; Range.getCellProperties: "Returns a 2D array, encapsulating the data for each cell's font, fill, borders, alignment, and other properties."`,
    expect:
      "Fill #FFFF00 and bold font #FF0000 set on A1 (B1 left alone) read back per cell: A1 with them, B1 with no fill (pattern None) and a plain font.",
    async run(context, scratch) {
      const range = scratch.getRange("A1:B1");
      range.setCellProperties([
        [{ format: { fill: { color: "#FFFF00" }, font: { color: "#FF0000", bold: true } } }, {}],
      ]);
      await context.sync();
      const read = scratch
        .getRange("A1:B1")
        .getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true, bold: true } } });
      await context.sync();
      const [a1, b1] = read.value[0];
      expectEqual("A1 fill", a1.format?.fill, { color: "#FFFF00", pattern: "Solid" });
      expectEqual("A1 font", a1.format?.font, { color: "#FF0000", bold: true });
      expectEqual("B1 fill pattern", b1.format?.fill?.pattern, "None");
      expectEqual("B1 font bold", b1.format?.font?.bold, false);
    },
  },
  {
    id: "cell-properties-alignment-borders",
    api: "Range.setCellProperties, Range.getCellProperties",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, Excel.CellPropertiesFormat: borders "Represents the format borders.", horizontalAlignment, verticalAlignment, wrapText, indentLevel "An integer from 0 to 250 that indicates the indent level."`,
    expect: "Center/Top alignment, wrapping, indent 2 and a thin continuous bottom border set on A1 read back as set.",
    async run(context, scratch) {
      scratch.getRange("A1").setCellProperties([
        [
          {
            format: {
              horizontalAlignment: "Center",
              verticalAlignment: "Top",
              wrapText: true,
              indentLevel: 2,
              borders: { bottom: { style: "Continuous", weight: "Thin", color: "#000000" } },
            },
          },
        ],
      ]);
      await context.sync();
      const read = scratch.getRange("A1").getCellProperties({
        format: {
          horizontalAlignment: true,
          verticalAlignment: true,
          wrapText: true,
          indentLevel: true,
          borders: { style: true, weight: true },
        },
      });
      await context.sync();
      const format = read.value[0][0].format as Record<string, unknown> & {
        borders?: { bottom?: { style?: string; weight?: string } };
      };
      expectEqual(
        "alignment, wrap, indent",
        [format.horizontalAlignment, format.verticalAlignment, format.wrapText, format.indentLevel],
        ["Center", "Top", true, 2],
      );
      expectEqual(
        "bottom border",
        [format.borders?.bottom?.style, format.borders?.bottom?.weight],
        ["Continuous", "Thin"],
      );
    },
  },
  {
    id: "fill-color-read-form",
    api: "RangeFill.color",
    set: "ExcelApi 1.1",
    kind: "guess",
    source: `${TYPES}, RangeFill.color: "HTML color code representing the color of the background, in the form #RRGGBB (e.g., "FFA500"), or as a named HTML color (e.g., "orange")" — how a colour set in lower case or by name reads back is not stated; assumed "#RRGGBB" in upper case (marks compare fills they saved).`,
    expect: 'Fills set as "#ffa500" and "orange" both read back "#FFA500".',
    async run(context, scratch) {
      scratch.getRange("A1").format.fill.color = "#ffa500";
      scratch.getRange("A2").format.fill.color = "orange";
      await context.sync();
      const a1 = scratch.getRange("A1").load("format/fill/color");
      const a2 = scratch.getRange("A2").load("format/fill/color");
      await context.sync();
      expectEqual("colours", [a1.format.fill.color, a2.format.fill.color], ["#FFA500", "#FFA500"]);
    },
  },
  {
    id: "fill-clear-no-fill",
    api: "RangeFill.clear, Range.getCellProperties",
    set: "ExcelApi 1.9",
    kind: "guess",
    source: `${TYPES}, RangeFill.clear: "Resets the range background." — that a cleared cell then reports color "#FFFFFF" with pattern "None" is assumed (marks restore "no fill" by pattern, since white and none read the same colour).`,
    expect: 'After a fill and clear(), A1 reads color "#FFFFFF" and pattern "None".',
    async run(context, scratch) {
      scratch.getRange("A1").format.fill.color = "#FF0000";
      await context.sync();
      scratch.getRange("A1").format.fill.clear();
      await context.sync();
      const read = scratch.getRange("A1").getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      expectEqual("fill", read.value[0][0].format?.fill, { color: "#FFFFFF", pattern: "None" });
    },
  },
  {
    id: "column-width-points",
    api: "RangeFormat.columnWidth, Range.columnHidden",
    set: "ExcelApi 1.2",
    kind: "guess",
    source: `${TYPES}, RangeFormat.columnWidth: "Specifies the width of all columns within the range. If the column widths are not uniform, \`null\` will be returned." — that a width set in points reads back exactly (Excel may round to whole pixels) and that a hidden column reads 0 are assumed.`,
    expect: "Column B set to 84 points reads 84; B:C (C left at the default) reads null; hidden B reads 0.",
    async run(context, scratch) {
      scratch.getRange("B:B").format.columnWidth = 84;
      await context.sync();
      const b = scratch.getRange("B:B").load("format/columnWidth");
      const bc = scratch.getRange("B:C").load("format/columnWidth");
      await context.sync();
      expectEqual("width of B", b.format.columnWidth, 84);
      expectEqual("width of B:C", bc.format.columnWidth, null);
      scratch.getRange("B:B").columnHidden = true;
      await context.sync();
      const hidden = scratch.getRange("B:B").load("columnHidden,format/columnWidth");
      await context.sync();
      expectEqual("columnHidden", hidden.columnHidden, true);
      expectEqual("width of hidden B", hidden.format.columnWidth, 0);
    },
  },
  {
    id: "row-height-points",
    api: "RangeFormat.rowHeight",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, RangeFormat.rowHeight: "The height of all rows in the range. If the row heights are not uniform, \`null\` will be returned."`,
    expect: "Rows 2:3 set to 30 points read 30; rows 2:4 (4 left alone) read null.",
    async run(context, scratch) {
      scratch.getRange("2:3").format.rowHeight = 30;
      await context.sync();
      const set = scratch.getRange("A2:A3").load("format/rowHeight");
      const mixed = scratch.getRange("A2:A4").load("format/rowHeight");
      await context.sync();
      expectEqual("height of 2:3", set.format.rowHeight, 30);
      expectEqual("height of 2:4", mixed.format.rowHeight, null);
    },
  },
  {
    id: "merge-keeps-top-left",
    api: "Range.merge, Range.unmerge",
    set: "ExcelApi 1.2",
    kind: "guess",
    source: `${TYPES}, Range.merge: "Merge the range cells into one region in the worksheet." and across: "Set \`true\` to merge cells in each row of the specified range as separate merged cells." — that only the top-left value of each merged area stays (as Excel's interface warns) is assumed.`,
    expect:
      "Merging A1:B2 over [1,2;3,4] keeps only A1; merge(true) over D1:E2 keeps D1 and D2; after unmerge B1 takes a new value.",
    async run(context, scratch) {
      scratch.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      scratch.getRange("D1:E2").values = [
        [5, 6],
        [7, 8],
      ];
      scratch.getRange("A1:B2").merge(false);
      scratch.getRange("D1:E2").merge(true);
      await context.sync();
      const square = scratch.getRange("A1:B2").load("values");
      const rows = scratch.getRange("D1:E2").load("values");
      await context.sync();
      expectEqual("A1:B2 after merge", square.values, [
        [1, ""],
        ["", ""],
      ]);
      expectEqual("D1:E2 after merge across", rows.values, [
        [5, ""],
        [7, ""],
      ]);
      scratch.getRange("A1:B2").unmerge();
      scratch.getRange("B1").values = [[9]];
      await context.sync();
      const after = scratch.getRange("A1:B1").load("values");
      await context.sync();
      expectTrue("B1 holds 9 after unmerge", after.values[0][1] === 9, after.values);
    },
  },
];
