/* eslint-disable office-addins/no-context-sync-in-loop -- each refusal or visibility in a batch of its own: a failing operation stops
   its batch, and each step is read back before the next. */
import type { ExcelContext } from "../excel-api";
import { ExcelProbe, expectEqual, expectExcelError, expectRejected, expectTrue, withExtraSheet } from "./probe";

/**
 * Worksheets: adding, finding, naming, hiding, deleting and moving sheets, and which sheet is active. The adapter
 * adds and replaces sheets (writeWorkbook, writeAnnexSheets), keeps very hidden ones (marks, backups) and goes to a
 * finding's cell (goTo).
 */

const TYPES = "@types/office-js";

/** Every sheet's id and visibility, to put back what a probe hid. */
async function visibilities(context: ExcelContext): Promise<Array<{ id: string; visibility: string }>> {
  const sheets = context.workbook.worksheets.load("items/id,visibility");
  await context.sync();
  return sheets.items.map((sheet) => ({ id: sheet.id, visibility: sheet.visibility }));
}

async function activeId(context: ExcelContext): Promise<string> {
  const active = context.workbook.worksheets.getActiveWorksheet().load("id");
  await context.sync();
  return active.id;
}

export const SHEET_PROBES: readonly ExcelProbe[] = [
  {
    id: "worksheets-add-at-end-not-active",
    api: "WorksheetCollection.add",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, WorksheetCollection.add: "The worksheet will be added at the end of existing worksheets. If you wish to activate the newly added worksheet, call \`.activate()\` on it."`,
    expect: "A sheet added is last among all sheets and the active sheet stays the one it was.",
    async run(context) {
      const before = await activeId(context);
      await withExtraSheet(context, async (sheet) => {
        const all = context.workbook.worksheets.load("items/id");
        sheet.load("position,id");
        const active = context.workbook.worksheets.getActiveWorksheet().load("id");
        await context.sync();
        expectEqual("position of the added sheet", sheet.position, all.items.length - 1);
        expectEqual("id of the last sheet", all.items[all.items.length - 1].id, sheet.id);
        expectEqual("active sheet after add", active.id, before);
      });
    },
  },
  {
    id: "worksheets-add-taken-name",
    api: "WorksheetCollection.add",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'The error table of "Error handling with the application-specific JavaScript APIs" (learn.microsoft.com) gives ItemAlreadyExists as "The resource being created already exists."; that adding a sheet under a taken name (in other letter case) raises it is not stated.',
    expect: "Adding a sheet whose name is taken, in other letter case, fails with ItemAlreadyExists.",
    async run(context, scratch) {
      scratch.load("name");
      await context.sync();
      await expectExcelError("add under a taken name", "ItemAlreadyExists", async () => {
        context.workbook.worksheets.add(scratch.name.toUpperCase());
        await context.sync();
      });
    },
  },
  {
    id: "worksheet-name-length",
    api: "Worksheet.name",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Worksheet.name: "The display name of the worksheet. The name must be fewer than 32 characters."`,
    expect: "A name of 31 characters is taken; one of 32 is refused.",
    async run(context, scratch) {
      const stem = `tat-budget proov ${Date.now() % 100000}`;
      const name31 = stem.padEnd(31, "x");
      scratch.name = name31;
      scratch.load("name");
      await context.sync();
      expectEqual("name after renaming to 31 characters", scratch.name, name31);
      await expectRejected("rename to 32 characters", async () => {
        scratch.name = `${name31}y`;
        await context.sync();
      });
    },
  },
  {
    id: "worksheet-name-forbidden-characters",
    api: "Worksheet.name",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The API reference gives only the length limit; Excel's own rule for sheet names (no : \\ / ? * [ ], not blank, no apostrophe at either end) is assumed to hold for the API, with the code InvalidArgument.",
    expect: 'Renaming a sheet to a name with any of : \\ / ? * [ ] fails with InvalidArgument; so does "\'x".',
    async run(context, scratch) {
      for (const bad of ["a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b", "'x"]) {
        await expectExcelError(`rename to ${JSON.stringify(bad)}`, "InvalidArgument", async () => {
          scratch.name = bad;
          await context.sync();
        });
      }
    },
  },
  {
    id: "worksheets-get-item-or-null-missing",
    api: "WorksheetCollection.getItemOrNullObject",
    set: "ExcelApi 1.4",
    kind: "documented",
    source: `${TYPES}, WorksheetCollection.getItemOrNullObject: "If the worksheet does not exist, then this method returns an object with its \`isNullObject\` property set to \`true\`."`,
    expect: "A missing name gives isNullObject true after sync, without an error; a present one gives false.",
    async run(context, scratch) {
      scratch.load("name");
      await context.sync();
      const missing = context.workbook.worksheets.getItemOrNullObject(`${scratch.name} puudub`);
      const present = context.workbook.worksheets.getItemOrNullObject(scratch.name);
      await context.sync();
      expectEqual("isNullObject of a missing sheet", missing.isNullObject, true);
      expectEqual("isNullObject of the scratch sheet", present.isNullObject, false);
    },
  },
  {
    id: "worksheets-null-object-chain",
    api: "Worksheet.getUsedRangeOrNullObject",
    set: "ExcelApi 1.4",
    kind: "guess",
    source:
      'learn.microsoft.com "*OrNullObject methods and properties" describes the null object of the call itself; that a range asked of a null sheet is again a null object, loaded without an error, is assumed (readMarks relies on it).',
    expect:
      "getUsedRangeOrNullObject on a missing sheet's null object, loaded, syncs without error and is a null object.",
    async run(context, scratch) {
      scratch.load("name");
      await context.sync();
      const missing = context.workbook.worksheets.getItemOrNullObject(`${scratch.name} puudub`);
      const used = missing.getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      expectEqual("isNullObject of the range", used.isNullObject, true);
    },
  },
  {
    id: "worksheets-get-item-missing",
    api: "WorksheetCollection.getItem",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'The error table of "Error handling with the application-specific JavaScript APIs" gives ItemNotFound as "The requested resource doesn\'t exist."; that getItem of a missing sheet fails the sync with it is not stated on getItem.',
    expect: "getItem of a missing name fails the sync with ItemNotFound.",
    async run(context, scratch) {
      scratch.load("name");
      await context.sync();
      await expectExcelError("getItem of a missing sheet", "ItemNotFound", async () => {
        context.workbook.worksheets.getItem(`${scratch.name} puudub`).load("name");
        await context.sync();
      });
    },
  },
  {
    id: "worksheet-id-survives-rename",
    api: "Worksheet.id, WorksheetCollection.getItem",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Worksheet.id: "The value of the identifier remains the same even when the worksheet is renamed or moved."; WorksheetCollection.getItem: "Gets a worksheet object using its name or ID."`,
    expect: "After a rename the sheet keeps its id, and getItem(id) finds it under its new name.",
    async run(context, scratch) {
      scratch.load("id,name");
      await context.sync();
      const id = scratch.id;
      const renamed = `${scratch.name.slice(0, 24)} uus`;
      scratch.name = renamed;
      await context.sync();
      const found = context.workbook.worksheets.getItem(id).load("id,name");
      await context.sync();
      expectEqual("id after rename", found.id, id);
      expectEqual("name found by id", found.name, renamed);
    },
  },
  {
    id: "worksheet-delete-very-hidden",
    api: "Worksheet.delete",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Worksheet.delete: "Note that if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an \`InvalidOperation\` exception." (OfficeDev/office-js#365 saw GeneralException on Mac in 2019.)`,
    expect: "Deleting a very hidden sheet fails with InvalidOperation and the sheet stays.",
    async run(context) {
      await withExtraSheet(context, async (sheet, name) => {
        sheet.visibility = "VeryHidden";
        await context.sync();
        await expectExcelError("delete of a very hidden sheet", "InvalidOperation", async () => {
          sheet.delete();
          await context.sync();
        });
        const still = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        expectEqual("sheet still there (isNullObject)", still.isNullObject, false);
      });
    },
  },
  {
    id: "worksheet-delete-very-hidden-made-hidden",
    api: "Worksheet.delete, Worksheet.visibility",
    set: "ExcelApi 1.2",
    kind: "documented",
    source: `${TYPES}, Worksheet.delete: "You should first change its visibility to hidden or visible before deleting it."; OfficeDev/office-js#365 (by design): setting visibility to hidden and deleting in the same batch works.`,
    expect: "A very hidden sheet made Hidden and deleted in the same batch is gone.",
    async run(context) {
      await withExtraSheet(context, async (sheet, name) => {
        sheet.visibility = "VeryHidden";
        await context.sync();
        sheet.visibility = "Hidden";
        sheet.delete();
        await context.sync();
        const gone = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        expectEqual("sheet gone (isNullObject)", gone.isNullObject, true);
      });
    },
  },
  {
    id: "worksheet-visibility-round-trip",
    api: "Worksheet.visibility",
    set: "ExcelApi 1.2",
    kind: "documented",
    source: `${TYPES}, Worksheet.visibility: "The visibility of the worksheet." [ExcelApi 1.1 for reading visibility; 1.2 for setting it.]`,
    expect: "Hidden, VeryHidden and Visible set on a sheet read back as set.",
    async run(context, scratch) {
      for (const visibility of ["Hidden", "VeryHidden", "Visible"] as const) {
        scratch.visibility = visibility;
        await context.sync();
        const read = context.workbook.worksheets.getItem(scratch.id).load("visibility");
        await context.sync();
        expectEqual(`visibility after setting ${visibility}`, read.visibility, visibility);
      }
    },
  },
  {
    id: "worksheets-items-include-hidden",
    api: "WorksheetCollection.load, Worksheet.position",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      'Worksheet.position is "The zero-based position of the worksheet within the workbook"; that hidden and very hidden sheets are listed in worksheets.items and counted by position is not stated (the adapter puts replaced annex sheets back at their positions).',
    expect: "A very hidden sheet is listed in worksheets.items, and every sheet's position is its index there.",
    async run(context) {
      await withExtraSheet(context, async (sheet) => {
        sheet.visibility = "VeryHidden";
        await context.sync();
        const all = context.workbook.worksheets.load("items/id,position");
        await context.sync();
        const index = all.items.findIndex((item) => item.id === sheet.id);
        expectTrue("the very hidden sheet is listed", index >= 0);
        all.items.forEach((item, i) => expectEqual(`position of sheet ${i}`, item.position, i));
      });
    },
  },
  {
    id: "worksheet-position-moves",
    api: "Worksheet.position",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Worksheet.position: "The zero-based position of the worksheet within the workbook."`,
    expect: "Setting a sheet's position to the scratch sheet's moves it there and the scratch sheet one place on.",
    async run(context, scratch) {
      scratch.load("position");
      await context.sync();
      const at = scratch.position;
      await withExtraSheet(context, async (sheet) => {
        sheet.position = at;
        await context.sync();
        sheet.load("position");
        const again = context.workbook.worksheets.getItem(scratch.id).load("position");
        await context.sync();
        expectEqual("position of the moved sheet", sheet.position, at);
        expectEqual("position of the scratch sheet", again.position, at + 1);
      });
    },
  },
  {
    id: "worksheet-hide-last-visible",
    api: "Worksheet.visibility, Worksheet.delete",
    set: "ExcelApi 1.2",
    kind: "guess",
    source:
      'The reference is silent; Excel\'s interface refuses to hide or delete the only visible sheet ("A workbook must contain at least one visible worksheet"), assumed here for the API with InvalidOperation.',
    expect:
      "With the scratch sheet the only visible one (the others hidden for a moment and put back), hiding it and deleting it both fail with InvalidOperation.",
    async run(context, scratch) {
      const before = await visibilities(context);
      const previousActive = await activeId(context);
      scratch.activate();
      await context.sync();
      try {
        for (const { id, visibility } of before)
          if (id !== scratch.id && visibility === "Visible")
            context.workbook.worksheets.getItem(id).visibility = "Hidden";
        await context.sync();
        await expectExcelError("hiding the last visible sheet", "InvalidOperation", async () => {
          scratch.visibility = "Hidden";
          await context.sync();
        });
        await expectExcelError("deleting the last visible sheet", "InvalidOperation", async () => {
          scratch.delete();
          await context.sync();
        });
      } finally {
        for (const { id, visibility } of before)
          if (id !== scratch.id && visibility === "Visible")
            context.workbook.worksheets.getItem(id).visibility = "Visible";
        await context.sync();
        if (previousActive !== scratch.id) {
          context.workbook.worksheets.getItem(previousActive).activate();
          await context.sync();
        }
      }
    },
  },
  {
    id: "worksheet-activate-and-select",
    api: "Worksheet.activate, Range.select, Workbook.getSelectedRange, Range.worksheet",
    set: "ExcelApi 1.1",
    kind: "documented",
    source: `${TYPES}, Worksheet.activate: "Activate the worksheet in the Excel UI."; Range.select: "Selects the specified range in the Excel UI."; Workbook.getSelectedRange: "Gets the currently selected single range from the workbook."; Range.worksheet: "The worksheet containing the current range."`,
    expect:
      "After activate and select of B2 on the scratch sheet, it is the active sheet and the selected range is its B2; the sheet active before is active again afterwards.",
    async run(context, scratch) {
      const before = await activeId(context);
      try {
        scratch.activate();
        scratch.getRange("B2").select();
        await context.sync();
        const active = context.workbook.worksheets.getActiveWorksheet().load("id");
        const selected = context.workbook.getSelectedRange().load("address");
        const on = selected.worksheet.load("id");
        await context.sync();
        expectEqual("active sheet", active.id, scratch.id);
        expectEqual("sheet of the selected range", on.id, scratch.id);
        expectTrue("selected address ends in !B2", selected.address.endsWith("!B2"), selected.address);
      } finally {
        context.workbook.worksheets.getItem(before).activate();
        await context.sync();
      }
    },
  },
  {
    id: "worksheet-activate-hidden",
    api: "Worksheet.activate",
    set: "ExcelApi 1.1",
    kind: "guess",
    source:
      "The reference is silent on activating a hidden sheet; Excel's interface cannot show one, so the API is assumed to refuse it with InvalidOperation.",
    expect: "Activating a hidden sheet fails with InvalidOperation.",
    async run(context) {
      const before = await activeId(context);
      try {
        await withExtraSheet(context, async (sheet) => {
          sheet.visibility = "Hidden";
          await context.sync();
          await expectExcelError("activating a hidden sheet", "InvalidOperation", async () => {
            sheet.activate();
            await context.sync();
          });
        });
      } finally {
        const now = await activeId(context);
        if (now !== before) {
          context.workbook.worksheets.getItem(before).activate();
          await context.sync();
        }
      }
    },
  },
];
