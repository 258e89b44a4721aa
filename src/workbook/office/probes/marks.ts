import type { ExcelProbe } from "./probe";
import { expectEqual, ProbeFailure } from "./probe";

/**
 * What the marks rely on (see ../../marks.ts): a custom conditional format is added over a range, keeps the formula
 * it was given (with our marker) for reading back, colours a cell where the formula is true without touching the
 * cell's own fill, moves with inserted rows, and stays in place when the rows under it are sorted.
 */
export const MARK_PROBES: readonly ExcelProbe[] = [
  {
    id: "conditional-format-custom-formula-kept",
    api: "ConditionalFormatCollection.add / ConditionalFormatRule.formula",
    set: "ExcelApi 1.6",
    kind: "documented",
    source:
      '@types/office-js, ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the first/top priority."; ' +
      'ConditionalFormat.customOrNullObject: "Returns the custom conditional format properties if the current ' +
      'conditional format is a custom type." Reading the formula back as written is a guess.',
    expect:
      'A custom rule added over B2:B4 reads back with type "Custom" and its formula, the N("tat-budget") marker in it.',
    async run(context, scratch) {
      const format = scratch.getRange("B2:B4").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=AND(N("tat-budget")=0,$A2="x")';
      format.custom.format.fill.color = "#F8CBAD";
      await context.sync();
      const loaded = scratch.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      expectEqual("count", loaded.items.length, 1);
      expectEqual("type", loaded.items[0].type, "Custom");
      expectEqual("formula", loaded.items[0].customOrNullObject.rule.formula, '=AND(N("tat-budget")=0,$A2="x")');
    },
  },
  {
    id: "conditional-format-leaves-fill",
    api: "CustomConditionalFormat.format.fill",
    set: "ExcelApi 1.6",
    kind: "guess",
    source:
      "The reference does not say that getCellProperties' fill is a cell's own fill, not a conditional format's; the " +
      "Excel UI keeps the two apart (a cell's Format Cells fill is unchanged by a rule).",
    expect: "A cell under a true rule still reports its own fill through Range.getCellProperties.",
    async run(context, scratch) {
      const cell = scratch.getRange("C2");
      cell.format.fill.color = "#00B050";
      const format = cell.conditionalFormats.add("Custom");
      format.custom.rule.formula = '=N("tat-budget")=0';
      format.custom.format.fill.color = "#F8CBAD";
      const properties = cell.getCellProperties({ format: { fill: { color: true } } });
      await context.sync();
      // A ClientResult, filled by the sync: it has no load() for the rule to see.
      // eslint-disable-next-line office-addins/load-object-before-read
      const own = properties.value[0]?.[0]?.format;
      expectEqual("own fill", own?.fill?.color, "#00B050");
    },
  },
  {
    id: "conditional-format-moves-with-inserted-rows",
    api: "Range.insert",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'Range.insert: "Inserts a cell or a range of cells into the worksheet in place of this range, and shifts the ' +
      "other cells to make space.\" That a conditional format's range and references shift too is the Excel UI's " +
      "behaviour, not stated in the reference.",
    expect: 'A rule over D5:D7 with "=$A5=1" applies to D6:D8 with "=$A6=1" after a row is inserted at 3.',
    async run(context, scratch) {
      const format = scratch.getRange("D5:D7").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=AND(N("tat-budget")=0,$A5=1)';
      await context.sync();
      scratch.getRange("3:3").insert("Down");
      await context.sync();
      const moved = scratch.getRange("D6:D8").conditionalFormats.load("items/customOrNullObject/rule/formula");
      const above = scratch.getRange("D5").conditionalFormats.load("items/type");
      await context.sync();
      expectEqual("formats over D6:D8", moved.items.length, 1);
      expectEqual("formula", moved.items[0].customOrNullObject.rule.formula, '=AND(N("tat-budget")=0,$A6=1)');
      expectEqual("formats over D5", above.items.length, 0);
    },
  },
  {
    id: "sort-keeps-conditional-format-range",
    api: "RangeSort.apply",
    set: "ExcelApi 1.2",
    kind: "guess",
    source:
      "The reference says nothing of conditional formats under sorted rows; we believe Excel keeps a rule's applied " +
      "range where it is while the values move, which is why marks are keyed to the row's code.",
    expect: "After sorting A2:B4 by A descending, the rule over B2 still applies to B2 only, and the values moved.",
    async run(context, scratch) {
      scratch.getRange("A1:B4").values = [
        ["Kood", "Summa"],
        ["1", 10],
        ["2", 20],
        ["3", 30],
      ];
      const format = scratch.getRange("B2").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=N("tat-budget")=0';
      await context.sync();
      scratch.getRange("A1:B4").sort.apply([{ key: 0, ascending: false }], false, true);
      const values = scratch.getRange("B2:B4").load("values");
      const onB2 = scratch.getRange("B2").conditionalFormats.load("items/type");
      const onB3B4 = scratch.getRange("B3:B4").conditionalFormats.load("items/type");
      await context.sync();
      expectEqual("values", values.values, [[30], [20], [10]]);
      expectEqual("formats over B2", onB2.items.length, 1);
      if (onB3B4.items.length !== 0) throw new ProbeFailure("A rule moved with the sorted rows", onB3B4.items.length);
    },
  },
];
