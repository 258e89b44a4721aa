/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these probes read unloaded properties on purpose: that Excel refuses it is what they check. */
import { ExcelProbe, ProbeFailure, expectEqual, expectExcelError } from "./probe";

/** The request model: load and sync, values set on proxies, results of methods, a batch that fails part-way. */

const TYPES = "@types/office-js";

/** Runs `read` and returns the error code it throws, or null when it does not throw. */
function thrownCode(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    return String((error as { code?: unknown }).code ?? error);
  }
}

export const REQUEST_PROBES: readonly ExcelProbe[] = [
  {
    id: "load-before-read",
    api: "Range.load, RequestContext.sync",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Range.load: "Queues up a command to load the specified properties of the object. You must call \`context.sync()\` before reading the properties." (OfficeExtension.ErrorCodes.propertyNotLoaded)`,
    expect:
      "Reading values throws PropertyNotLoaded before load, and after load until the sync; after it, values are there.",
    async run(context, scratch) {
      scratch.getRange("A1").values = [[3]];
      await context.sync();
      const range = scratch.getRange("A1");
      const unloaded = thrownCode(() => range.values);
      range.load("values");
      const unsynced = thrownCode(() => range.values);
      await context.sync();
      expectEqual("error before load, before sync", [unloaded, unsynced], ["PropertyNotLoaded", "PropertyNotLoaded"]);
      expectEqual("values after sync", range.values, [[3]]);
    },
  },
  {
    id: "client-result-before-sync",
    api: "Range.getCellProperties (ClientResult.value)",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, ClientResult.value: "The value of the result that is retrieved from the document after \`context.sync()\` is invoked." (OfficeExtension.ErrorCodes.valueNotLoaded)`,
    expect:
      "getCellProperties(...).value throws ValueNotLoaded before the sync and holds one row of one cell after it.",
    async run(context, scratch) {
      const result = scratch.getRange("A1").getCellProperties({ format: { fill: { color: true } } });
      const before = thrownCode(() => result.value);
      await context.sync();
      expectEqual("error before sync", before, "ValueNotLoaded");
      expectEqual("shape after sync", [result.value.length, result.value[0]?.length], [1, 1]);
    },
  },
  {
    id: "null-object-flag-before-sync",
    api: "WorksheetCollection.getItemOrNullObject (isNullObject)",
    set: "ExcelApi 1.4",
    kind: "guess",
    source:
      "isNullObject is documented as set by the sync; that reading it before the sync throws PropertyNotLoaded (rather than giving false) is assumed from Office.js's other properties.",
    expect: "isNullObject read before the sync throws PropertyNotLoaded.",
    async run(context, scratch) {
      const sheet = context.workbook.worksheets.getItemOrNullObject(scratch.id);
      const before = thrownCode(() => sheet.isNullObject);
      await context.sync();
      expectEqual("error before sync", before, "PropertyNotLoaded");
      expectEqual("isNullObject after sync", sheet.isNullObject, false);
    },
  },
  {
    id: "set-value-read-from-proxy",
    api: "Range.values (set, then read without load)",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference is silent; Office.js's proxies keep a value set on them, so reading it back before any load gives what was set, assumed here.",
    expect: "values set on a range proxy read back from the same proxy without a load.",
    async run(context, scratch) {
      const range = scratch.getRange("A1:B1");
      range.values = [[1, "x"]];
      const seen = (() => {
        try {
          return range.values;
        } catch (error) {
          throw new ProbeFailure(`reading a set value threw ${String((error as { code?: unknown }).code ?? error)}`);
        }
      })();
      await context.sync();
      expectEqual("values read from the proxy", seen, [[1, "x"]]);
    },
  },
  {
    id: "batch-stops-at-failure",
    api: "RequestContext.sync",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference does not say what happens to a batch's other operations when one fails; assumed: those before it stay applied, those after it do not run (the adapter's roll-backs are built on this).",
    expect: "In one batch A1 = 1, a wrong-shaped write, B1 = 2: the sync fails, A1 holds 1 and B1 stays empty.",
    async run(context, scratch) {
      await expectExcelError("a batch with a wrong-shaped write", "InvalidArgument", async () => {
        scratch.getRange("A1").values = [[1]];
        scratch.getRange("C1:D1").values = [[1]];
        scratch.getRange("B1").values = [[2]];
        await context.sync();
      });
      const read = scratch.getRange("A1:B1").load("values");
      await context.sync();
      expectEqual("A1:B1 after the failed batch", read.values, [[1, ""]]);
    },
  },
];
