import { cellAt, quotedSheetName } from "../../model/a1";
import { LISA2_SHEET, columnLetter, fromExcelSerial, parseCellAddress, sheetToShow } from "../layout";
import { StructureProtectedError, WorkbookWriteError } from "../errors";
import { CellModel, CellValue, RawCell, RawSheet, SheetModel, WorkbookModel, isGeneratedSheet } from "../model";
import { isMarkFormula, MARK_FILL, markRules, MarkRule } from "../marks";
import type { CellUpdate } from "../settings";
import type {
  AnnexResult,
  CellFinding,
  CellWrites,
  FormulaWrite,
  RewriteResult,
  RowsChange,
  RowsEdit,
  SelectionCells,
  SheetConflict,
  WorkbookPort,
  WriteResult,
} from "../port";
import {
  ExcelCellBorder,
  ExcelCellProperties,
  ExcelConditionalFormatCollection,
  ExcelContext,
  ExcelRange,
  ExcelValue,
  ExcelWorksheet,
} from "./excel-api";

/**
 * The Office.js adapter. Each `context.sync()` is a round trip to Excel, so every operation batches its work
 * into a fixed number of syncs whatever the number of rows, with 2-D arrays per range and never a sync in a
 * loop; only payloads beyond `requestLimit` (Excel on the web refuses requests over 5 MB) take more:
 *
 * | operation        | syncs                                                                |
 * |------------------|----------------------------------------------------------------------|
 * | listSheets       | 1                                                                    |
 * | writeWorkbook    | 2 (names, then everything); beyond 4 MB written, one more per 2–4 MB |
 * | writeAnnexSheets | 2 (names, then everything); beyond 4 MB written, one more per 2–4 MB |
 * | writeCells       | 2 (what the cells hold, then the values)                             |
 * | readWorkbook     | 3 (names, sizes, cells); beyond 4 MB read, one more per 2–4 MB       |
 * | readAndMark      | 3 (names, the used ranges whole and the conditional formats, marks); |
 * |                  | when they do not fit in one response, readWorkbook's then 3          |
 * | markFindings     | 3 (as readAndMark: a mark is keyed to its row's code, read first)    |
 * | clearMarks       | 3 (names, the conditional formats, their removal)                    |
 * | rewriteFormulas  | 2                                                                    |
 * | goTo             | 1                                                                    |
 * | readSelection    | 2 (selection and used range, then the cells); 1 when nothing is used |
 *
 * A write that Excel fails part-way costs 2 more, in a batch of its own that puts the workbook back (or finishes the
 * write where that is the safe way): see `atomically`.
 *
 * The officer's workbook may be in a state Excel keeps for the whole workbook, read in the first sync each write
 * already makes (`loadWorkbookState`): with its structure protected, a write that adds, renames, deletes or hides
 * sheets is refused before anything changes (StructureProtectedError); in Manual calculation mode, a write of
 * formulas ends with `application.calculate("Recalculate")` in its last batch, so that the totals shown are current.
 * The calculation mode itself is never changed: it is the officer's setting.
 *
 * Calls into Excel are made inside `run`, which the task pane binds to `Excel.run` and tests to the fake.
 */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

export type { AnnexResult, CellWrites, RewriteResult, SheetConflict, WriteResult } from "../port";

/**
 * The very hidden sheet in which the earlier design saved each marked cell's own fill. Marks are conditional formats
 * now; a workbook still holding this sheet gets those fills back, and loses the sheet, at its next marking or clearing.
 */
export const MARKS_SHEET = "tat-budget märgid";

export { MARK_FILL, SEVERITY_RANK } from "../marks";

/** The refusal to write over a sheet without being told how; the .xlsx port refuses in the same words. */
export const sheetTakenError = (name: string) =>
  new Error(
    `Leht „${name}“ on juba olemas: valige, kas see asendada (vana jääb varukoopiaks) või importida teise nimega.`,
  );

/** The refusal to replace sheets that are not generated annex sheets, shared with the .xlsx port. */
export const notAnnexError = (names: string[]) => new Error(`Not annex sheets, not replaced: ${names.join(", ")}.`);

/** Under Excel on the web's 5 MB, with room for the envelope of the request. */
export const DEFAULT_REQUEST_LIMIT = 4 * 1024 * 1024;

export class OfficeWorkbookAdapter implements WorkbookPort {
  /** Cells placed since the last flush of a read, for sizing the next blocks. */
  private cellsLoaded = 0;

  constructor(
    private readonly run: ExcelRunner,
    private readonly requestLimit = DEFAULT_REQUEST_LIMIT,
  ) {}

  /** The workbook's sheet names. 1 sync. */
  listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  /**
   * Writes the canonical workbook. A sheet whose name is taken is replaced only as `conflicts` says: the old
   * one is then renamed and kept as a backup; "keep-both" writes the new one under a free name (and rewrites
   * the formulas that refer to it). Values are written before the tables are added over them, with calculation
   * suspended. `cells`, when given, are written in the same batch (a pasted table's row on Seaded), so that a sheet
   * and its listing land together or not at all. The written Koond (or first schedule) is shown: 2 syncs in all.
   *
   * If Excel fails part-way, the sheets added are deleted, the renamed ones take their names back and the cells
   * their contents: the workbook is as it was, and a WorkbookWriteError says so.
   */
  writeWorkbook(
    model: WorkbookModel,
    conflicts: Record<string, SheetConflict> = {},
    cells?: CellWrites,
  ): Promise<WriteResult> {
    let before: WorkbookSheets = { sheets: [], activeId: "" };
    let previous: RunContent[] = [];
    return atomically<WriteResult>(
      (started) =>
        this.run(async (context) => {
          const collection = context.workbook.worksheets.load("items/name,id");
          const active = context.workbook.worksheets.getActiveWorksheet().load("id");
          const workbookState = loadWorkbookState(context);
          const old = cells ? loadCellContents(context, cells.sheet, cells.updates) : null;
          await context.sync();
          const { structureProtected, manual } = workbookState();
          if (structureProtected) throw new StructureProtectedError("write");
          before = sheetsOf(collection.items, active);
          previous = old ? old() : [];
          const { names, backups } = settleSheetNames(
            model,
            collection.items.map((sheet) => sheet.name),
            conflicts,
          );
          const renamed = renameSheets(model, names);
          started();
          for (const { from, to } of backups) context.workbook.worksheets.getItem(from).name = to;
          suspendOrCalculateLater(context, manual);
          // Every sheet exists before any formula names it: a reference to a sheet still to come would be #REF!.
          const worksheets = renamed.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
          let pending = 0;
          for (let index = 0; index < renamed.sheets.length; index++) {
            pending = await this.writeSheet(context, worksheets[index], renamed.sheets[index], pending);
          }
          if (cells) writeCellContents(context, cells.sheet, cells.updates);
          // In the same batch: the officer sees what was written, with no sync of its own.
          const shown = sheetToShow(renamed.sheets);
          if (shown >= 0) worksheets[shown].activate();
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
          return { sheets: names, backups: backups.map(({ to }) => to) };
        }),
      () =>
        this.run(async (context) => {
          const collection = context.workbook.worksheets.load("items/name,id");
          await context.sync();
          putSheetsBack(context, collection.items, before);
          if (cells) restoreCellContents(context, cells.sheet, previous);
          await context.sync();
          return { outcome: "rolled-back" };
        }),
      () => model.sheets.map((sheet) => sheet.name),
    );
  }

  /**
   * Writes the generated annex sheets (lisa 2), replacing any sheet of the same name and nothing else, and shows
   * the first of them ("Lisa 2"). Only sheets of kind "annex" are accepted: a replaced sheet is deleted without a
   * backup, which is right for a generated, protected sheet and wrong for anything a person typed.
   *
   * The new sheets are written before the old ones go, under temporary names with their formulas following, then
   * take the old names and places. So the workbook never lacks a visible sheet. Deleting a protected sheet needs no
   * unprotecting: sheet protection guards cells, not the sheet's existence. Formulas elsewhere that named an old
   * annex sheet turn into #REF!, as with any deleted sheet.
   *
   * If Excel fails part-way: while every old annex sheet is still there, the new ones may be half-written, so they
   * go and the workbook is as it was (a WorkbookWriteError says so); once an old one is gone, which the batch does
   * only after writing every new sheet whole, the rest is finished and the call succeeds.
   */
  writeAnnexSheets(model: WorkbookModel): Promise<AnnexResult> {
    const foreign = model.sheets.filter((sheet) => !isGeneratedSheet(sheet.kind)).map((sheet) => sheet.name);
    if (foreign.length > 0) return Promise.reject(notAnnexError(foreign));
    let before: WorkbookSheets = { sheets: [], activeId: "" };
    let temporary: Record<string, string> = {};
    let replaced: ReplacedSheet[] = [];
    let manual = false;
    const result = (): AnnexResult => ({
      sheets: model.sheets.map((sheet) => sheet.name),
      replaced: replaced.map(({ name }) => name),
    });
    return atomically<AnnexResult>(
      (started) =>
        this.run(async (context) => {
          const collection = context.workbook.worksheets.load("items/name,id");
          const active = context.workbook.worksheets.getActiveWorksheet().load("id");
          const workbookState = loadWorkbookState(context);
          await context.sync();
          const state = workbookState();
          if (state.structureProtected) throw new StructureProtectedError("annex");
          manual = state.manual;
          before = sheetsOf(collection.items, active);
          // A run that failed half-way and could not clean up leaves its "Lisa 2 (uus)" behind: ours, so it goes.
          const leftovers = new Set(model.sheets.map((sheet) => lower(`${sheet.name} (uus)`)));
          const isLeftover = (name: string) => leftovers.has(lower(name).replace(/ \d+$/, ""));
          const kept = collection.items.filter((sheet) => !isLeftover(sheet.name));
          const existing = new Map(
            kept.map((sheet) => [lower(sheet.name), { sheet, position: collection.items.indexOf(sheet) }]),
          );
          const taken = new Set(existing.keys());
          temporary = {};
          replaced = [];
          model.sheets.forEach((sheet, index) => {
            const old = existing.get(lower(sheet.name));
            temporary[sheet.name] = old ? freeName(`${sheet.name} (uus)`, taken) : sheet.name;
            taken.add(lower(temporary[sheet.name]));
            if (old) replaced.push({ name: old.sheet.name, id: old.sheet.id, position: old.position, index });
          });
          const renamed = renameSheets(model, temporary);
          started();
          for (const sheet of collection.items) if (isLeftover(sheet.name)) sheet.delete();
          suspendOrCalculateLater(context, manual);
          const worksheets = renamed.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
          let pending = 0;
          for (let index = 0; index < renamed.sheets.length; index++) {
            pending = await this.writeSheet(context, worksheets[index], renamed.sheets[index], pending);
          }
          const olds = new Map(collection.items.map((sheet) => [sheet.id, sheet]));
          finishAnnex(
            model,
            worksheets.map((worksheet, index) => ({ worksheet, name: renamed.sheets[index].name })),
            replaced.map(({ id }) => olds.get(id)!),
            replaced,
          );
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
          return result();
        }),
      () =>
        this.run(async (context) => {
          const collection = context.workbook.worksheets.load("items/name,id");
          await context.sync();
          const present = new Map(collection.items.map((sheet) => [sheet.id, sheet]));
          if (replaced.every(({ id }) => present.has(id))) {
            putSheetsBack(context, collection.items, before);
            await context.sync();
            return { outcome: "rolled-back" };
          }
          const known = new Set(before.sheets.map(({ id }) => id));
          const added = collection.items.filter((sheet) => !known.has(sheet.id));
          const fresh = model.sheets.map((sheet) =>
            added.find((item) => [lower(temporary[sheet.name]), lower(sheet.name)].includes(lower(item.name))),
          );
          if (fresh.some((sheet) => !sheet)) throw new Error("A new annex sheet is missing: nothing to finish.");
          finishAnnex(
            model,
            fresh.map((worksheet) => ({ worksheet: worksheet!, name: worksheet!.name })),
            replaced.flatMap(({ id }) => present.get(id) ?? []),
            replaced,
          );
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
          return { outcome: "completed", result: result() };
        }),
      () => [...model.sheets.map((sheet) => sheet.name), ...Object.values(temporary)],
    );
  }

  /**
   * Queues one sheet's cells, formats, table, layout, merges, print setup and protection; syncs early only when the
   * request would grow too big.
   */
  private async writeSheet(
    context: ExcelContext,
    worksheet: ExcelWorksheet,
    sheet: SheetModel,
    pending: number,
  ): Promise<number> {
    // A loop, not Math.max(...rows): spreading 200 000 rows' lengths as arguments overflows the stack.
    const width = sheet.rows.reduce((widest, row) => Math.max(widest, row.length), Math.max(1, sheet.widths.length));
    const chunkRows = Math.max(1, Math.floor(this.requestLimit / (width * 96)));
    for (let start = 0; start < sheet.rows.length; start += chunkRows) {
      const rows = sheet.rows.slice(start, start + chunkRows);
      const { formulas, formats, properties } = cellsPayload(rows, width);
      const bytes =
        JSON.stringify(formulas).length + JSON.stringify(formats).length + JSON.stringify(properties).length;
      if (pending > 0 && pending + bytes > this.requestLimit) {
        // Only past the request limit: one sync per 4 MB written, which Excel on the web requires.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        pending = 0;
      }
      const address = `A${start + 1}:${columnLetter(width - 1)}${start + rows.length}`;
      const range = worksheet.getRange(address);
      range.numberFormat = formats;
      range.formulas = formulas;
      range.setCellProperties(properties);
      pending += bytes;
    }
    sheet.widths.forEach((width, column) => {
      const range = worksheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`);
      // Widths are kept in characters, as ExcelJS writes them; Office.js takes points.
      range.format.columnWidth = Math.round(width * 5.6);
      if (sheet.hiddenColumns.includes(column)) range.columnHidden = true;
    });
    if (sheet.table && sheet.table.lastRow > sheet.table.headerRow) {
      const last = columnLetter(sheet.table.columns.length - 1);
      worksheet.tables.add(`A${sheet.table.headerRow}:${last}${sheet.table.lastRow}`, true);
    }
    if (sheet.freezeRows) worksheet.freezePanes.freezeRows(sheet.freezeRows);
    // A run of rows of one height takes one range ("4:6"), not one per row: each range adds actions to the request.
    const heights = Object.entries(sheet.rowHeights ?? {})
      .map(([row, height]) => [Number(row), height])
      .sort(([a], [b]) => a - b);
    for (let at = 0; at < heights.length;) {
      let end = at;
      while (
        end + 1 < heights.length &&
        heights[end + 1][0] === heights[end][0] + 1 &&
        heights[end + 1][1] === heights[at][1]
      )
        end++;
      worksheet.getRange(`${heights[at][0]}:${heights[end][0]}`).format.rowHeight = heights[at][1];
      at = end + 1;
    }
    // After the values: Excel keeps only a merged area's top-left value, which is where the model puts it.
    for (const merged of sheet.merges ?? []) worksheet.getRange(merged).merge(false);
    if (sheet.print) printSetup(worksheet, sheet.print);
    // Last: a protected sheet refuses further changes to its cells and formats.
    if (sheet.protect) worksheet.protection.protect({ allowFormatColumns: true, selectionMode: "Normal" });
    return pending + 200 + 40 * (heights.length + (sheet.merges?.length ?? 0));
  }

  /**
   * Writes a few values into one sheet (the settings on Seaded), each with its number format, so that a date stays
   * a date and a number typed as text stays text. 2 syncs: what the cells hold is read first, so that a failure
   * half-way puts it back (a WorkbookWriteError says so).
   */
  writeCells(sheetName: string, updates: CellUpdate[]): Promise<void> {
    return this.writeCellsOnSheets([{ sheet: sheetName, updates }]);
  }

  /**
   * Writes cells of several sheets (an edit's amounts on two schedules and Koond) in the same 2 syncs as
   * `writeCells`: what they all hold is read first, so that a failure half-way puts every one of them back. In
   * Manual calculation mode the batch ends with a recalculation, as `writeWorkbook`'s does.
   */
  writeCellsOnSheets(writes: readonly CellWrites[]): Promise<void> {
    let previous: RunContent[] = [];
    // One batch in all but the largest edits (a spread over thousands of items): then one more sync per batch, to
    // read and to write, each under the request limit.
    const batches = batchesOf(
      writes.flatMap(({ sheet, updates }) => runsOf(sheet, updates)),
      this.requestLimit,
    );
    return atomically<void>(
      (started) =>
        this.run(async (context) => {
          const reads: Array<() => RunContent[]> = [];
          for (const [index, batch] of batches.entries()) {
            // Only past the request limit: one sync per 4 MB, which Excel on the web requires.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            if (index > 0) await context.sync();
            reads.push(loadRuns(context, batch));
          }
          const workbookState = loadWorkbookState(context);
          await context.sync();
          previous = reads.flatMap((read) => read());
          const { manual } = workbookState();
          started();
          for (const [index, batch] of batches.entries()) {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            if (index > 0) await context.sync();
            writeRuns(context, batch);
          }
          // In Manual mode the SUMs above an edited amount would show the old totals until F9.
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
        }),
      () =>
        this.run(async (context) => {
          // Put back in batches under the limit too: what fitted to be written fits to be restored.
          let pending = 0;
          for (const content of previous) {
            const bytes = contentBytes(content);
            if (pending > 0 && pending + bytes > this.requestLimit) {
              // eslint-disable-next-line office-addins/no-context-sync-in-loop
              await context.sync();
              pending = 0;
            }
            restoreRuns(context, [content]);
            pending += bytes;
          }
          await context.sync();
          return { outcome: "rolled-back" };
        }),
    );
  }

  /**
   * Inserts or deletes whole rows of a sheet with the cells around them, in 2 syncs: what the cells to be written
   * hold is read first (and where the sheet's used range ends), then the batch writes `before`, changes the rows
   * (Range.insert(Down) of whole rows, or TableRowCollection.add at the table's end; Range.delete(Up)), writes the new
   * rows' cells and `after`, and recalculates in Manual mode. Excel moves every reference to the rows below, on any
   * sheet, as it does for rows a person inserts or deletes.
   *
   * If Excel fails part-way, an insertion that happened (seen by the used range's end, or at a table's end by the
   * table's row count) is deleted again and every written cell gets its contents back (a WorkbookWriteError says so). A deletion is the batch's last change, so once it happened there is nothing
   * left to undo, and the call succeeds.
   */
  editRows(edit: RowsEdit): Promise<void> {
    const { change } = edit;
    if (change.kind === "delete" && edit.after.length > 0)
      return Promise.reject(new Error("editRows: after a deletion nothing is written (write it before)."));
    let previous: Array<{ sheet: string; contents: RunContent[] }> = [];
    let usedBefore = 0;
    let tableRowsBefore = 0;
    // A row added at a table's end is blank until its cells are written, and a blank row need not reach the used
    // range: whether it was added is read from the table's row count.
    const appending = change.kind === "insert" && change.appendToTable;
    const tableRows = (worksheet: ExcelWorksheet) => worksheet.tables.getItemAt(0).rows.load("count");
    const restorable = [
      ...edit.before,
      ...edit.after.map(({ sheet, updates }) => ({
        sheet,
        updates: updates.flatMap((update) => {
          const cell = addressBefore(change, sheet, update.cell);
          return cell === null ? [] : [{ ...update, cell }];
        }),
      })),
    ].filter(({ updates }) => updates.length > 0);
    return atomically<void>(
      (started) =>
        this.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(change.sheet);
          const used = worksheet.getUsedRangeOrNullObject().load("address");
          const rows = appending ? tableRows(worksheet) : null;
          const old = restorable.map(({ sheet, updates }) => ({
            sheet,
            read: loadCellContents(context, sheet, updates),
          }));
          const workbookState = loadWorkbookState(context);
          await context.sync();
          usedBefore = lastRowOf(used);
          tableRowsBefore = rows?.count ?? 0;
          previous = old.map(({ sheet, read }) => ({ sheet, contents: read() }));
          const { manual } = workbookState();
          started();
          for (const { sheet, updates } of edit.before) writeCellContents(context, sheet, updates);
          if (change.kind === "insert") {
            if (change.appendToTable) {
              // One table row at a time: TableRowCollection.add without values adds one.
              for (let row = 0; row < change.count; row++) worksheet.tables.getItemAt(0).rows.add();
            } else {
              worksheet.getRange(`${change.at}:${change.at + change.count - 1}`).insert("Down");
            }
            const width = change.rows.reduce((widest, row) => Math.max(widest, row.length), 1);
            const { formulas, formats, properties } = cellsPayload(change.rows, width);
            const range = worksheet.getRange(`A${change.at}:${columnLetter(width - 1)}${change.at + change.count - 1}`);
            range.numberFormat = formats;
            range.formulas = formulas;
            range.setCellProperties(properties);
            for (const [row, height] of Object.entries(change.heights))
              worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
            for (const { sheet, updates } of edit.after) writeCellContents(context, sheet, updates);
          } else {
            worksheet.getRange(`${change.first}:${change.first + change.count - 1}`).delete("Up");
          }
          // In Manual mode the SUMs above the rows would show the old totals until F9.
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
        }),
      () =>
        this.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(change.sheet);
          const used = worksheet.getUsedRangeOrNullObject().load("address");
          const rows = appending ? tableRows(worksheet) : null;
          await context.sync();
          const usedNow = lastRowOf(used);
          if (change.kind === "delete") {
            if (usedNow < usedBefore) return { outcome: "completed", result: undefined };
          } else {
            const added = rows ? rows.count - tableRowsBefore : usedNow > usedBefore ? change.count : 0;
            if (added > 0) worksheet.getRange(`${change.at}:${change.at + added - 1}`).delete("Up");
          }
          for (const { sheet, contents } of previous) restoreCellContents(context, sheet, contents);
          await context.sync();
          return { outcome: "rolled-back" };
        }),
    );
  }

  /**
   * Reads every sheet's used range, values and formulas, as raw grids for `workbookToPlan`. 2 syncs (names and
   * sizes), then one per `requestLimit` of cells.
   *
   * In Manual calculation mode a formula's value may be stale, and the plan takes a parent's shown amount (lisa 2's
   * money, the check of a typed-over parent) from its SUM's value: so the sizes' sync asks Excel to
   * `calculate("Recalculate")` first, as F9 would, and the values read after it are current. Recomputing the amounts
   * from the plan instead would trust that every formula is ours, which an officer's edit may not be. Only the
   * results change; the mode stays Manual.
   */
  readWorkbook(): Promise<RawSheet[]> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets.load("items/name,visibility");
      const application = context.application.load("calculationMode");
      await context.sync();
      if (application.calculationMode === "Manual") context.application.calculate("Recalculate");
      // The marks' hidden sheet is ours, not the plan's.
      const visible = collection.items.filter((sheet) => sheet.name !== MARKS_SHEET);
      const used = visible.map((sheet) => sheet.getUsedRangeOrNullObject().load("address,rowCount,columnCount"));
      await context.sync();
      const sheets: RawSheet[] = [];
      // Blocks of rows are sized from what a cell has been taking so far: a guess at first, then the size of
      // what came back, so that each response fills most of the limit without passing it.
      let bytesPerCell = 64;
      let loads: Array<() => number> = [];
      let pending = 0;
      const flush = async () => {
        await context.sync();
        let bytes = 0;
        for (const apply of loads) bytes += apply();
        if (this.cellsLoaded > 0 && bytes > 0) bytesPerCell = Math.max(8, Math.ceil((bytes / this.cellsLoaded) * 1.25));
        this.cellsLoaded = 0;
        loads = [];
        pending = 0;
      };
      for (let index = 0; index < visible.length; index++) {
        const sheet: RawSheet = { name: visible[index].name, rows: [], ...hiddenFlag(visible[index]) };
        sheets.push(sheet);
        const range = used[index];
        if (range.isNullObject) continue;
        const { row: top, column: left } = parseCellAddress(range.address) ?? { row: 1, column: 0 };
        for (let start = 0; start < range.rowCount;) {
          const rowsFit = Math.floor((this.requestLimit - pending) / (range.columnCount * bytesPerCell));
          if (rowsFit < 1 && pending > 0) {
            // Only past the request limit: one sync per few MB read.
            await flush();
            continue;
          }
          const count = Math.max(1, Math.min(rowsFit, range.rowCount - start));
          const first = top + start;
          const block = visible[index]
            .getRange(`${columnLetter(left)}${first}:${columnLetter(left + range.columnCount - 1)}${first + count - 1}`)
            .load("values,formulas");
          const cells = count * range.columnCount;
          loads.push(() => {
            this.cellsLoaded += cells;
            placeBlock(sheet, block, first - 1, left);
            return utf8Estimate(JSON.stringify(block.values)) + utf8Estimate(JSON.stringify(block.formulas));
          });
          pending += cells * bytesPerCell;
          start += count;
        }
      }
      if (loads.length > 0) await flush();
      return sheets;
    });
  }

  /**
   * Marks the findings' cells by severity: reads the workbook, then marks, as `readAndMark` does (3 syncs). The
   * number of cells marked.
   */
  async markFindings(findings: readonly CellFinding[]): Promise<number> {
    return (await this.readAndMark(() => findings)).marked;
  }

  /**
   * Reads every sheet, as `readWorkbook`, and marks the findings `findingsOf` gives for what was read, in one
   * Excel.run of 3 syncs: (1) the sheets' names and protection, and the saved fills of the earlier design's hidden
   * sheet; (2) each used range's values and formulas, loaded whole, and the sheets' conditional formats; (3) our old
   * marks off, the new ones on. A mark is a conditional format (see `markRules` in ../marks.ts): it never writes a
   * cell's fill, and it moves with the cells. Sheets that are protected are not marked (Excel refuses formats there);
   * marks left on one protected since stay until it is not. Marking again replaces the earlier marks.
   *
   * When the used ranges are too big to come back in one response (Excel on the web's 5 MB, or Excel's limit of
   * cells per range), the blocked reading of `readWorkbook` is used instead, then the marking: 3 syncs more.
   * If Excel fails part-way through the marking, it is done again from what was read, in a batch of its own.
   */
  async readAndMark(
    findingsOf: (sheets: RawSheet[]) => readonly CellFinding[],
  ): Promise<{ sheets: RawSheet[]; marked: number }> {
    let planned: MarkPlan | null = null;
    let read: RawSheet[] = [];
    const direct = await atomically<{ sheets: RawSheet[]; marked: number } | null>(
      (started) =>
        this.run(async (context) => {
          const state = this.loadMarkState(context);
          const application = context.application.load("calculationMode");
          await context.sync();
          // As readWorkbook: in Manual mode the SUMs' values may be stale, so Excel recalculates (as F9) before they
          // are read, in the same sync.
          if (application.calculationMode === "Manual") context.application.calculate("Recalculate");
          const worksheets = plainSheets(state.collection.items);
          const used = worksheets.map((sheet) => sheet.getUsedRangeOrNullObject().load("address,values,formulas"));
          const formats = loadConditionalFormats(worksheets);
          try {
            await context.sync();
          } catch (error) {
            if (tooLargeToRead(error)) return null;
            throw error;
          }
          const sheets = worksheets.map((sheet, index) => ({
            ...rawSheetOf(sheet.name, used[index]),
            ...hiddenFlag(sheet),
          }));
          read = sheets;
          planned = planMarks(findingsOf(sheets), sheets, state.collection.items);
          started();
          writeMarks(context, state, worksheets, formats, planned);
          await context.sync();
          return { sheets, marked: planned.cells };
        }),
      async () => ({ outcome: "completed", result: { sheets: read, marked: await this.remark(planned!) } }),
      () => [MARKS_SHEET],
    );
    if (direct) return direct;
    const sheets = await this.readWorkbook();
    const findings = findingsOf(sheets);
    const marked = await atomically<number>(
      (started) =>
        this.run(async (context) => {
          planned = await this.mark(context, (items) => planMarks(findings, sheets, items), started);
          return planned.cells;
        }),
      async () => ({ outcome: "completed", result: await this.remark(planned!) }),
      () => [MARKS_SHEET],
    );
    return { sheets, marked };
  }

  /** Does a planned marking again, whole, after a failure part-way: its own 3 syncs. */
  private remark(plan: MarkPlan): Promise<number> {
    return this.run(async (context) => (await this.mark(context, () => plan, null)).cells);
  }

  /**
   * Marks what `planOf` plans for the sheets as they are now, in 3 syncs: the sheets and their protection, then their
   * conditional formats, then our old rules off and the new on. Rules on a sheet protected since the plan are left
   * out (Excel refuses formats there). `started` is called just before the first change.
   */
  private async mark(
    context: ExcelContext,
    planOf: (items: ExcelWorksheet[]) => MarkPlan,
    started: (() => void) | null,
  ): Promise<MarkPlan> {
    const state = this.loadMarkState(context);
    await context.sync();
    const plan = planOf(state.collection.items);
    const worksheets = plainSheets(state.collection.items);
    const formats = loadConditionalFormats(worksheets);
    await context.sync();
    const locked = protectionBySheet(state.collection.items);
    started?.();
    writeMarks(context, state, worksheets, formats, {
      ...plan,
      rules: plan.rules.filter((rule) => locked.get(lower(rule.sheet)) === false),
    });
    await context.sync();
    return plan;
  }

  /**
   * Takes off our marks, the conditional formats that carry the marker, and nothing else: every fill is the
   * officer's. A workbook marked by the earlier design gets its saved fills back and loses the hidden sheet that held
   * them. Marks on a sheet protected since stay until it is not. 3 syncs (names, the conditional formats, their
   * removal); the number of marks taken off (rules, and cells of the earlier design). If Excel fails part-way, the
   * clearing is done again.
   */
  clearMarks(): Promise<number> {
    let cleared = 0;
    const clear = async (context: ExcelContext, started: (() => void) | null): Promise<void> => {
      const state = this.loadMarkState(context);
      await context.sync();
      const worksheets = plainSheets(state.collection.items);
      const formats = loadConditionalFormats(worksheets);
      await context.sync();
      const count = writeMarks(context, state, worksheets, formats, { rules: [], cells: 0 });
      // Counted by the first attempt only: one finishing it may find some marks already gone.
      if (started) {
        cleared = count;
        started();
      }
      await context.sync();
    };
    return atomically<number>(
      (started) =>
        this.run(async (context) => {
          await clear(context, started);
          return cleared;
        }),
      () =>
        this.run(async (context) => {
          await clear(context, null);
          return { outcome: "completed", result: cleared };
        }),
      () => [MARKS_SHEET],
    );
  }

  /**
   * Rewrites parents' roll-up formulas (from `rollupFormulas`), keeping first a backup of every cell it
   * rewrites, since Excel cannot undo an add-in's changes: a very hidden sheet "tat-budget varu N" lists each
   * cell's formula or value as it was. Only cells whose content changes are touched. 2 syncs. If Excel fails
   * part-way, the cells get their old contents back and the backup goes (a WorkbookWriteError says so).
   */
  rewriteFormulas(formulas: FormulaWrite[]): Promise<RewriteResult> {
    let changed: Array<{ sheet: string; cell: string; before: ExcelValue; after: string }> = [];
    let backup = "";
    return atomically<RewriteResult>(
      (started) =>
        this.run(async (context) => {
          const collection = context.workbook.worksheets.load("items/name");
          const workbookState = loadWorkbookState(context);
          const current = formulas.map((target) => ({
            target,
            range: context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).load("formulas"),
          }));
          await context.sync();
          changed = current
            .map(({ target, range }) => ({ ...target, before: range.formulas[0][0], after: `=${target.formula}` }))
            .filter(({ before, after }) => String(before) !== after);
          if (changed.length === 0) return { changed: 0, backup: null };
          const { structureProtected, manual } = workbookState();
          // The backup is a sheet, and adding one is what a protected structure refuses; without it, no rewrite.
          if (structureProtected) throw new StructureProtectedError("recalc");
          backup = freeName("tat-budget varu", new Set(collection.items.map((sheet) => lower(sheet.name))));
          started();
          const sheet = context.workbook.worksheets.add(backup);
          sheet.visibility = "VeryHidden";
          // Kept as text, so that a backed-up formula is not a live one; and written first, so that no cell is
          // changed before what it held is kept.
          const rows: ExcelValue[][] = [["Leht", "Lahter", "Enne", "Pärast"]];
          for (const { sheet: name, cell, before, after } of changed)
            rows.push([name, cell, `'${String(before)}`, `'${after}`]);
          sheet.getRange(`A1:D${rows.length}`).values = rows;
          for (const { sheet: name, cell, after } of changed)
            context.workbook.worksheets.getItem(name).getRange(cell).formulas = [[after]];
          // The rewritten cells compute as they are entered; the totals above them wait for a calculation.
          if (manual) context.application.calculate("Recalculate");
          await context.sync();
          return { changed: changed.length, backup };
        }),
      () =>
        this.run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(backup).load("name");
          const now = changed.map(({ sheet: name, cell }) =>
            context.workbook.worksheets.getItem(name).getRange(cell).load("formulas"),
          );
          await context.sync();
          // Only cells that did change are written back: writing a cell's text again could retype it.
          changed.forEach(({ before }, index) => {
            if (String(now[index].formulas[0][0]) !== String(before)) now[index].formulas = [[before]];
          });
          if (!sheet.isNullObject) deleteHiddenSheet(sheet);
          await context.sync();
          return { outcome: "rolled-back" };
        }),
      () => [backup],
    );
  }

  /** Shows a finding's cell: activates its sheet and selects the cell. 1 sync. */
  goTo(position: { sheet?: string; cell?: string }): Promise<void> {
    return this.run(async (context) => {
      if (!position.sheet || !position.cell) return;
      const sheet = context.workbook.worksheets.getItem(position.sheet);
      sheet.activate();
      sheet.getRange(position.cell).select();
      await context.sync();
    });
  }

  /**
   * Reads the selected range (a schedule table pasted from the directive) for `mapPastedRange`: values and formulas
   * as `RawCell`s, with numbers that Excel shows as dates (a pasted "01.01.2025" in an Estonian Excel) as Dates.
   * The selection is first clipped to the sheet's used range, since selecting whole columns ("A:E") is the
   * natural way to take a table and reading a million empty rows is not. `address` is the part read, without the
   * sheet ("D5:H40"), or the selection's own when nothing in it is used (then `cells` is empty). `refuse` sees the
   * number of cells to read and may throw. 2 syncs; 1 then.
   */
  readSelection(refuse: (cells: number) => void = () => {}): Promise<SelectionCells> {
    return this.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const worksheet = selected.worksheet.load("name");
      const used = worksheet.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      const area = boundsOf(selected.address);
      const clipped = used.isNullObject ? null : intersect(area, boundsOf(used.address));
      if (!clipped) return { sheet: worksheet.name, address: formatArea(area), cells: [] };
      // Before the cells are loaded: a selection too big to map is refused without Excel handing it over.
      refuse((clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1));
      const block = worksheet.getRange(formatArea(clipped)).load("values,formulas,numberFormat");
      await context.sync();
      const cells = block.values.map((values, r) =>
        values.map((value, c): RawCell | null => {
          const formula = block.formulas[r]?.[c];
          if (typeof formula === "string" && formula.startsWith("="))
            return { value: value === "" ? null : value, formula: formula.slice(1) };
          if (value === "" || value === null) return null;
          if (typeof value === "number" && isDateFormat(block.numberFormat[r]?.[c] ?? "")) {
            const date = excelSerialToDate(value);
            if (date) return { value: date };
          }
          return { value };
        }),
      );
      return { sheet: worksheet.name, address: formatArea(clipped), cells };
    });
  }

  /** Queues what marking and clearing read first: the sheets and their protection, and the earlier design's sheet. */
  private loadMarkState(context: ExcelContext): MarkState {
    // Visibility too: an officer's own workbook is read for its visible sheets only (readAndMark's sheets).
    const collection = context.workbook.worksheets.load("items/name,visibility,protection/protected");
    const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET).load("visibility");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    const structure = context.workbook.protection.load("protected");
    return { collection, saved: { sheet, used }, structure };
  }
}

/**
 * `hidden` for a sheet the officer does not see: `Worksheet.visibility` (read since ExcelApi 1.1), loaded with the
 * names in the same sync; the fake's values are the probe `worksheet-visibility-round-trip`'s (docs/excel-reference.md).
 */
function hiddenFlag(sheet: ExcelWorksheet): { hidden?: true } {
  return sheet.visibility === "Visible" ? {} : { hidden: true };
}

/** The sheets to read and mark: all but the earlier design's hidden sheet. */
function plainSheets(items: ExcelWorksheet[]): ExcelWorksheet[] {
  return items.filter((sheet) => lower(sheet.name) !== lower(MARKS_SHEET));
}

/**
 * Queues the load of each sheet's conditional formats: their type, and a custom one's formula, by which ours are
 * known. `customOrNullObject`, not `custom`: the officer's own formats of other types have no custom part.
 */
function loadConditionalFormats(worksheets: ExcelWorksheet[]): ExcelConditionalFormatCollection[] {
  return worksheets.map((sheet) =>
    sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
  );
}

/** Whether a read failed only for being too big to come back at once. */
function tooLargeToRead(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}

/** A used range loaded with address, values and formulas as a `RawSheet`. */
function rawSheetOf(name: string, used: ExcelRange): RawSheet {
  const sheet: RawSheet = { name, rows: [] };
  if (used.isNullObject) return sheet;
  const { row, column } = parseCellAddress(used.address) ?? { row: 1, column: 0 };
  placeBlock(sheet, used, row - 1, column);
  return sheet;
}

/** The marks to add, for sheets not protected. */
function planMarks(findings: readonly CellFinding[], sheets: RawSheet[], items: ExcelWorksheet[]): MarkPlan {
  const locked = protectionBySheet(items);
  return markRules(findings, sheets, (sheet) => locked.get(lower(sheet)) !== false);
}

/**
 * Queues the marking: on every sheet not protected, our old marks off and `plan`'s on; the earlier design's saved
 * fills back where they can go, and its sheet deleted once empty. The number of marks taken off.
 */
function writeMarks(
  context: ExcelContext,
  state: MarkState,
  worksheets: ExcelWorksheet[],
  formats: ExcelConditionalFormatCollection[],
  plan: MarkPlan,
): number {
  const locked = protectionBySheet(state.collection.items);
  let removed = 0;
  worksheets.forEach((sheet, index) => {
    if (locked.get(lower(sheet.name)) !== false) return;
    for (const format of formats[index].items) {
      if (format.type !== "Custom" || format.customOrNullObject.isNullObject) continue;
      // A custom rule without a formula is ours too: one that a failed batch added and never got to write the
      // formula of (Excel's own UI makes no custom rule without one; that it reads back empty is a guess).
      const formula = format.customOrNullObject.rule.formula;
      if (formula && !isMarkFormula(formula)) continue;
      format.delete();
      removed++;
    }
  });
  removed += settleSavedFormats(context, state.saved, locked, state.structure.protected);
  for (const rule of plan.rules) {
    const format = context.workbook.worksheets
      .getItem(rule.sheet)
      .getRange(rule.address)
      .conditionalFormats.add("Custom");
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = MARK_FILL[rule.severity];
  }
  return removed;
}

/**
 * The earlier design's marks: each cell's own fill was saved in a very hidden sheet and the mark written over it.
 * Those fills go back (not on sheets protected since, which stay listed until they are not), and the sheet goes
 * once empty. The number of cells put back.
 */
function settleSavedFormats(
  context: ExcelContext,
  saved: SavedFormatsSheet,
  locked: Map<string, boolean>,
  structureProtected: boolean,
): number {
  if (saved.sheet.isNullObject) return 0;
  const entries = savedFormats(saved);
  const restorable = entries.filter((entry) => locked.get(lower(entry.sheet)) === false);
  // Entries of a sheet deleted since have nothing to go back to; those of a protected one wait.
  const waiting = entries.filter((entry) => locked.get(lower(entry.sheet)) === true);
  for (const entry of restorable) {
    const range = context.workbook.worksheets.getItem(entry.sheet).getRange(entry.cell);
    if (entry.pattern === "None") range.format.fill.clear();
    else range.format.fill.color = entry.fill;
  }
  // Under a protected structure the emptied list stays, very hidden, until a clearing may delete it.
  if (waiting.length === 0 && !structureProtected) deleteHiddenSheet(saved.sheet);
  else writeSavedFormats(context, saved, waiting);
  return restorable.length;
}

/** What marking and clearing read in their first sync. */
interface MarkState {
  collection: { items: ExcelWorksheet[] };
  saved: SavedFormatsSheet;
  /** Workbook structure protection (ExcelApi 1.7): the earlier design's sheet cannot be deleted under it. */
  structure: { protected: boolean };
}

type MarkPlan = { rules: MarkRule[]; cells: number };

/** The formats saved by `markFindings`, from the hidden sheet loaded and synced before. */
function savedFormats({ sheet, used }: SavedFormatsSheet): SavedFormat[] {
  if (sheet.isNullObject || used.isNullObject) return [];
  return used.values.slice(1).map((row) => ({
    sheet: String(row[0]),
    cell: String(row[1]),
    fill: String(row[2]),
    pattern: String(row[3]),
  }));
}

interface SavedFormat {
  sheet: string;
  cell: string;
  fill: string;
  pattern: string;
}

/** The hidden sheet of saved formats (a null object when there is none) and its used range, loaded. */
interface SavedFormatsSheet {
  sheet: ExcelWorksheet;
  used: ExcelRange;
}

/** Writes the list of saved formats into the hidden sheet, making it when there is none. */
function writeSavedFormats(context: ExcelContext, saved: SavedFormatsSheet, entries: SavedFormat[]): void {
  // Hidden only when it is not (made now, or left visible by a batch that failed before hiding it): setting a
  // sheet's visibility is refused under a protected structure.
  const sheet = saved.sheet.isNullObject ? context.workbook.worksheets.add(MARKS_SHEET) : saved.sheet;
  if (saved.sheet.isNullObject || saved.sheet.visibility !== "VeryHidden") sheet.visibility = "VeryHidden";
  const rows: ExcelValue[][] = [
    ["Leht", "Lahter", "Täide", "Muster"],
    ...entries.map((entry) => [entry.sheet, entry.cell, entry.fill, entry.pattern]),
  ];
  // Rows of an earlier, longer list are blanked: a stale one would later "restore" a cell the user has filled since.
  const before = saved.sheet.isNullObject || saved.used.isNullObject ? 0 : saved.used.values.length;
  while (rows.length < before) rows.push(["", "", "", ""]);
  sheet.getRange(`A1:D${rows.length}`).values = rows;
}

/** Sheet name (lower-cased) → whether it is protected, from a collection loaded with "protection/protected". */
function protectionBySheet(sheets: ExcelWorksheet[]): Map<string, boolean> {
  return new Map(sheets.map((sheet) => [lower(sheet.name), sheet.protection.protected]));
}

// ---- The workbook's own state ----------------------------------------------------------------------------

/**
 * Queues the load of the workbook-wide state a write must know before it changes anything; call the result after
 * the sync. `structureProtected`: Workbook.protection.protected (ExcelApi 1.7). `manual`: Application.calculationMode
 * (ExcelApi 1.1 to read) is "Manual", "where calculation is done when the user requests it".
 */
function loadWorkbookState(context: ExcelContext): () => { structureProtected: boolean; manual: boolean } {
  const protection = context.workbook.protection.load("protected");
  const application = context.application.load("calculationMode");
  return () => ({ structureProtected: protection.protected, manual: application.calculationMode === "Manual" });
}

/**
 * Before a batch writes many cells: in automatic calculation, calculation waits until the batch is done
 * (`suspendApiCalculationUntilNextSync`, ExcelApi 1.6, "until the next `context.sync()`"). In Manual mode nothing is
 * calculated meanwhile anyway, and the batch ends with `calculate("Recalculate")` instead: whether a calculation
 * asked for in a suspended batch happens, the reference does not say, so the two are never queued together.
 */
function suspendOrCalculateLater(context: ExcelContext, manual: boolean): void {
  if (!manual) context.application.suspendApiCalculationUntilNextSync();
}

// ---- Putting the workbook back --------------------------------------------------------------------------

/** The sheets of a workbook by id, and which was active: enough to put its sheets back after a failed write. */
interface WorkbookSheets {
  sheets: Array<{ id: string; name: string }>;
  activeId: string;
}

function sheetsOf(items: ExcelWorksheet[], active: ExcelWorksheet): WorkbookSheets {
  return { sheets: items.map((sheet) => ({ id: sheet.id, name: sheet.name })), activeId: active.id };
}

/**
 * Queues what makes the workbook's sheets what they were: deletes those added since (by id, whatever their names
 * now), gives the others their names back, and shows the sheet that was active. `items` are the sheets now, loaded
 * with "items/name,id".
 */
function putSheetsBack(context: ExcelContext, items: ExcelWorksheet[], before: WorkbookSheets): void {
  const names = new Map(before.sheets.map(({ id, name }) => [id, name]));
  // The new ones go first, so that an old sheet can take back a name a new one had.
  for (const sheet of items) if (!names.has(sheet.id)) sheet.delete();
  for (const sheet of items) {
    const name = names.get(sheet.id);
    if (name !== undefined && name !== sheet.name) sheet.name = name;
  }
  if (names.has(before.activeId)) context.workbook.worksheets.getItem(before.activeId).activate();
}

interface ReplacedSheet {
  name: string;
  id: string;
  /** Its place among the sheets when the write began. */
  position: number;
  /** The model's sheet that replaces it. */
  index: number;
}

/**
 * The end of an annex write, the same whether it runs in the write's own batch or finishes one that failed: the old
 * sheets go, the new ones take their names and places, and "Lisa 2" is shown.
 */
function finishAnnex(
  model: WorkbookModel,
  written: Array<{ worksheet: ExcelWorksheet; name: string }>,
  olds: ExcelWorksheet[],
  replaced: ReplacedSheet[],
): void {
  for (const old of olds) old.delete();
  model.sheets.forEach((sheet, index) => {
    if (written[index].name !== sheet.name) written[index].worksheet.name = sheet.name;
  });
  // Each new sheet takes its old one's place, so that the other sheets keep their order. Placing them in
  // ascending order leaves every earlier one where it was put.
  for (const { position, index } of [...replaced].sort((a, b) => a.position - b.position))
    written[index].worksheet.position = position;
  const budget = model.sheets.findIndex((sheet) => sheet.name === LISA2_SHEET);
  if (written.length > 0) written[Math.max(0, budget)].worksheet.activate();
}

type Recovered<T> = { outcome: "rolled-back" } | { outcome: "completed"; result: T };

/**
 * Runs a writing operation so that a failure half-way never leaves the workbook half-changed. `work` calls
 * `started` just before it queues its first change; a failure before that changed nothing and is passed on as it
 * is. After it, `recover` runs in a batch of its own and either puts the workbook back (a WorkbookWriteError
 * "rolled-back" follows) or finishes the operation (its result is returned). If recovering fails too, the error
 * says so and names the sheets to look at.
 */
async function atomically<T>(
  work: (started: () => void) => Promise<T>,
  recover: () => Promise<Recovered<T>>,
  sheetsToCheck: () => string[] = () => [],
): Promise<T> {
  let writing = false;
  try {
    return await work(() => {
      writing = true;
    });
  } catch (error) {
    if (!writing) throw error;
    let recovered: Recovered<T>;
    try {
      recovered = await recover();
    } catch {
      throw new WorkbookWriteError("unknown", error, sheetsToCheck());
    }
    if (recovered.outcome === "completed") return recovered.result;
    throw new WorkbookWriteError("rolled-back", error);
  }
}

/** A block of cell models as Excel takes them: formulas (or values), number formats and formats, `width` wide. */
function cellsPayload(
  rows: ReadonlyArray<ReadonlyArray<CellModel | null>>,
  width: number,
): { formulas: ExcelValue[][]; formats: string[][]; properties: ExcelCellProperties[][] } {
  const formulas: ExcelValue[][] = [];
  const formats: string[][] = [];
  const properties: ExcelCellProperties[][] = [];
  for (const row of rows) {
    const formulaRow: ExcelValue[] = [];
    const formatRow: string[] = [];
    const propertyRow: ExcelCellProperties[] = [];
    for (let column = 0; column < width; column++) {
      const model = row[column] ?? null;
      formulaRow.push(model?.formula ? `=${model.formula}` : toExcelValue(model?.value ?? null));
      // Text stays text: typed into Excel, "1." would become a number and "- kulud" a formula.
      formatRow.push(model?.numFmt ?? (typeof model?.value === "string" && !model.formula ? "@" : "General"));
      propertyRow.push(cellProperties(model));
    }
    formulas.push(formulaRow);
    formats.push(formatRow);
    properties.push(propertyRow);
  }
  return { formulas, formats, properties };
}

/**
 * Where a cell written after a row change stood before it, for reading what it held; null for a cell of a new row,
 * which held nothing.
 */
export function addressBefore(change: RowsChange, sheet: string, cell: string): string | null {
  if (change.kind !== "insert" || sheet.toLocaleLowerCase("et") !== change.sheet.toLocaleLowerCase("et")) return cell;
  // A range's top-left cell is not the range: only a single cell is followed.
  const at = cell.includes(":") ? null : parseCellAddress(cell);
  if (!at || at.row < change.at) return cell;
  if (at.row < change.at + change.count) return null;
  return `${cell.slice(0, cell.lastIndexOf("!") + 1)}${cellAt(at.column, at.row - change.count)}`;
}

/** The last row of a used range's address ("Tartu!A1:N40" → 40); 0 for none. */
function lastRowOf(used: ExcelRange): number {
  return used.isNullObject ? 0 : boundsOf(used.address).bottom;
}

// ---- Cells written by runs --------------------------------------------------------------------------------

/**
 * Cells to write, grouped into runs: consecutive rows of one column, all constants or all formulas, each run one
 * range in the request. A spread writes the amounts of a section's items, which stand one under another: a range per
 * run rather than per cell keeps a large edit's request a fraction of the size (Excel on the web refuses one over
 * 5 MB).
 */
interface CellRun {
  sheet: string;
  column: number;
  first: number;
  updates: CellUpdate[];
}

/** What a run of cells held: formulas or constants, and number formats, one row per cell. */
interface RunContent {
  sheet: string;
  address: string;
  formulas: ExcelValue[][];
  numberFormats: string[][];
}

/** Cells per run at most, so that no single run outgrows a request. */
const RUN_CELLS = 5_000;

function runsOf(sheet: string, updates: readonly CellUpdate[]): CellRun[] {
  const placed = updates.map((update, index) => ({ update, index, at: parseCellAddress(update.cell) }));
  // A cell that is not one address ("A1:B2") is a run of its own, written as given.
  const single = placed.filter(({ at, update }) => !at || update.cell.includes(":"));
  const cells = placed
    .filter((entry) => !single.includes(entry))
    .sort((a, b) => a.at!.column - b.at!.column || a.at!.row - b.at!.row || a.index - b.index);
  const runs: CellRun[] = [];
  let run: CellRun | null = null;
  for (const { update, at } of cells) {
    const formula = update.formula !== undefined;
    const continues =
      run &&
      run.column === at!.column &&
      run.first + run.updates.length === at!.row &&
      (run.updates[0].formula !== undefined) === formula &&
      run.updates.length < RUN_CELLS;
    if (continues) run!.updates.push(update);
    else runs.push((run = { sheet, column: at!.column, first: at!.row, updates: [update] }));
  }
  for (const { update } of single) runs.push({ sheet, column: -1, first: 0, updates: [update] });
  return runs;
}

const runAddress = (run: CellRun): string =>
  run.column < 0
    ? run.updates[0].cell
    : `${columnLetter(run.column)}${run.first}:${columnLetter(run.column)}${run.first + run.updates.length - 1}`;

/** What a run adds to a request or its response, reckoned high: the range's actions, then each cell's value. */
function runBytes(run: CellRun): number {
  let bytes = 600;
  for (const { value, numFmt, formula } of run.updates) {
    bytes += 24 + (numFmt ?? "General").length * 2 + (formula ?? String(value ?? "")).length * 2;
  }
  return bytes;
}

/** What restoring a run's content adds to a request, reckoned as `runBytes` does. */
function contentBytes(content: RunContent): number {
  let bytes = 600;
  content.formulas.forEach((row, index) => {
    bytes += 24 + String(content.numberFormats[index]?.[0] ?? "").length * 2 + String(row[0] ?? "").length * 2;
  });
  return bytes;
}

/** Runs split into batches that each stay under `limit` bytes: one request (and one response) per batch. */
function batchesOf(runs: readonly CellRun[], limit: number): CellRun[][] {
  const batches: CellRun[][] = [[]];
  let pending = 0;
  for (const run of runs) {
    const bytes = runBytes(run);
    if (pending > 0 && pending + bytes > limit) {
      batches.push([]);
      pending = 0;
    }
    batches[batches.length - 1].push(run);
    pending += bytes;
  }
  return batches;
}

/** Queues the load of what the runs' cells hold; call the result after the sync to read it. */
function loadRuns(context: ExcelContext, runs: readonly CellRun[]): () => RunContent[] {
  const ranges = runs.map((run) => ({
    run,
    range: context.workbook.worksheets.getItem(run.sheet).getRange(runAddress(run)).load("formulas,numberFormat"),
  }));
  return () =>
    ranges.map(({ run, range }) => ({
      sheet: run.sheet,
      address: runAddress(run),
      formulas: range.formulas,
      numberFormats: range.numberFormat,
    }));
}

function writeRuns(context: ExcelContext, runs: readonly CellRun[]): void {
  for (const run of runs) {
    const range = context.workbook.worksheets.getItem(run.sheet).getRange(runAddress(run));
    // The format first: "@" makes Excel keep "68" as the text it is.
    range.numberFormat = run.updates.map(({ numFmt }) => [numFmt ?? "General"]);
    // Excel computes a formula's result itself; `value` is only for files no engine recalculates.
    if (run.updates[0].formula !== undefined) range.formulas = run.updates.map(({ formula }) => [`=${formula}`]);
    else range.values = run.updates.map(({ value }) => [toExcelValue(value)]);
  }
}

function restoreRuns(context: ExcelContext, contents: readonly RunContent[]): void {
  for (const { sheet, address, formulas, numberFormats } of contents) {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.numberFormat = numberFormats;
    range.formulas = formulas;
  }
}

/** Queues the load of what the cells hold; call the result after the sync to read it. */
function loadCellContents(context: ExcelContext, sheetName: string, cells: readonly CellUpdate[]): () => RunContent[] {
  return loadRuns(context, runsOf(sheetName, cells));
}

function writeCellContents(context: ExcelContext, sheetName: string, updates: readonly CellUpdate[]): void {
  writeRuns(context, runsOf(sheetName, updates));
}

function restoreCellContents(context: ExcelContext, _sheetName: string, contents: readonly RunContent[]): void {
  restoreRuns(context, contents);
}

const ALIGNMENT = { left: "Left", center: "Center", right: "Right" } as const;
const THIN: ExcelCellBorder = { style: "Continuous", weight: "Thin", color: "#000000" };

/**
 * A cell's formats as `setCellProperties` takes them (Excel.CellPropertiesFormat), only what differs from a new
 * sheet's defaults, so that plain cells cost nothing in the request.
 */
export function cellProperties(model: CellModel | null): ExcelCellProperties {
  if (!model) return {};
  const format: NonNullable<ExcelCellProperties["format"]> = {};
  const font: NonNullable<typeof format.font> = {};
  if (model.bold) font.bold = true;
  if (model.italic) font.italic = true;
  if (model.color) font.color = model.color;
  if (model.size) font.size = model.size;
  if (Object.keys(font).length > 0) format.font = font;
  if (model.indent) format.indentLevel = model.indent;
  if (model.wrap) format.wrapText = true;
  if (model.align) format.horizontalAlignment = ALIGNMENT[model.align];
  // Table cells of several lines read from the top, like the Word tables they stand for.
  if (model.wrap || model.border) format.verticalAlignment = "Top";
  if (model.border) format.borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  if (model.fill) format.fill = { color: model.fill };
  return Object.keys(format).length > 0 ? { format } : {};
}

/** A4, as wide as one page and as long as it takes, with the header rows on every page; as the .xlsx adapter. */
function printSetup(worksheet: ExcelWorksheet, print: NonNullable<SheetModel["print"]>): void {
  const layout = worksheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // 0 pages tall: as many as the rows need.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintMargins("Inches", { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
  // The sheet's name on the left, "page / pages" on the right.
  layout.headersFooters.defaultForAllPages.leftFooter = "&A";
  layout.headersFooters.defaultForAllPages.rightFooter = "&P / &N";
}

const lower = (name: string) => name.toLocaleLowerCase("et");

/** UTF-8 bytes of a JSON text, near enough: Estonian letters take two. */
function utf8Estimate(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) bytes++;
  return bytes;
}

function toExcelValue(value: CellValue): ExcelValue {
  return value === null ? "" : value;
}

function placeBlock(sheet: RawSheet, block: ExcelRange, rowOffset: number, columnOffset: number): void {
  block.values.forEach((values, r) => {
    const row: Array<RawCell | null> = (sheet.rows[rowOffset + r] ??= []);
    values.forEach((value, c) => {
      const formula = block.formulas[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if (!isFormula && (value === "" || value === null)) return;
      row[columnOffset + c] = isFormula ? { value: value === "" ? null : value, formula: formula.slice(1) } : { value };
    });
  });
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "Tartu!D5:H40", "'Lisa 2'!B3", "Sheet1!A:E" → 1-based rows and 0-based columns; whole rows or columns run to the end. */
function boundsOf(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [first, last = first] = local.split(":");
  const part = (text: string, end: boolean) => {
    const match = /^([A-Z]*)(\d*)$/.exec(text) ?? ["", "", ""];
    const column = match[1] ? (parseCellAddress(`${match[1]}1`)?.column ?? 0) : end ? EXCEL_COLUMNS - 1 : 0;
    const row = match[2] ? Number(match[2]) : end ? EXCEL_ROWS : 1;
    return { row, column };
  };
  const start = part(first, false);
  const end = part(last, true);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

function intersect(a: Area, b: Area): Area | null {
  const area = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return area.top > area.bottom || area.left > area.right ? null : area;
}

function formatArea(area: Area): string {
  const first = `${columnLetter(area.left)}${area.top}`;
  const last = `${columnLetter(area.right)}${area.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

/** A number format that shows a date: day, month or year codes outside quoted text, brackets and escapes. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dy]|m(?!.*[hs])/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A date serial as a UTC midnight Date, which `RawCell` carries as ExcelJS does. */
function excelSerialToDate(serial: number): Date | null {
  const date = fromExcelSerial(serial);
  return date ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : null;
}

/**
 * Deletes a sheet of ours that is very hidden (the saved fills, a backup). Excel refuses to delete a "VeryHidden"
 * sheet (ExcelApi 1.1, `Worksheet.delete()`: "if the worksheet's visibility is set to "VeryHidden", the delete
 * operation will fail with an `InvalidOperation` exception. You should first change its visibility to hidden or
 * visible before deleting it."), so it is made merely hidden first, in the same batch.
 */
function deleteHiddenSheet(sheet: ExcelWorksheet): void {
  sheet.visibility = "Hidden";
  sheet.delete();
}

/**
 * The names the model's sheets get in a workbook that has `existing` sheets: a taken name (compared as Excel does,
 * whatever the case) is settled only as `conflicts` says: "replace" keeps the old sheet as a free "<name> (varu)"
 * backup (`from` is the old sheet's name as the workbook spells it), "keep-both" gives the new one a free name;
 * otherwise the write is refused. Shared by the Office adapter and the .xlsx port, so both name alike.
 */
export function settleSheetNames(
  model: WorkbookModel,
  existing: readonly string[],
  conflicts: Record<string, SheetConflict>,
): { names: Record<string, string>; backups: Array<{ from: string; to: string }> } {
  const taken = new Set(existing.map(lower));
  const names: Record<string, string> = {};
  const backups: Array<{ from: string; to: string }> = [];
  for (const sheet of model.sheets) {
    const key = lower(sheet.name);
    if (!taken.has(key)) {
      names[sheet.name] = sheet.name;
    } else if (conflicts[sheet.name] === "replace") {
      const backup = freeName(`${sheet.name} (varu)`, taken);
      taken.add(lower(backup));
      backups.push({ from: existing.find((name) => lower(name) === key) ?? sheet.name, to: backup });
      names[sheet.name] = sheet.name;
    } else if (conflicts[sheet.name] === "keep-both") {
      names[sheet.name] = freeName(sheet.name, taken);
    } else {
      throw sheetTakenError(sheet.name);
    }
    taken.add(lower(names[sheet.name]));
  }
  return { names, backups };
}

/** The name itself, or with " 2", " 3", … until free, within Excel's 31 characters. `taken` is lower-cased ("et"). */
export function freeName(name: string, taken: Set<string>): string {
  let candidate = name.slice(0, 31);
  for (let suffix = 2; taken.has(candidate.toLocaleLowerCase("et")); suffix++) {
    candidate = `${name.slice(0, 31 - String(suffix).length - 1)} ${suffix}`;
  }
  return candidate;
}

/** The model with sheets renamed, and the formulas that refer to them ('Tallinn'!G5) following. */
export function renameSheets(model: WorkbookModel, names: Record<string, string>): WorkbookModel {
  const changed = Object.entries(names).filter(([from, to]) => from !== to);
  if (changed.length === 0) return model;
  const quote = (name: string) => `${quotedSheetName(name)}!`;
  const rewrite = (formula: string) =>
    changed.reduce((text, [from, to]) => text.split(quote(from)).join(quote(to)), formula);
  return {
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      name: names[sheet.name] ?? sheet.name,
      rows: sheet.rows.map((row) =>
        row.map((cell) => (cell?.formula ? { ...cell, formula: rewrite(cell.formula) } : cell)),
      ),
    })),
  };
}
