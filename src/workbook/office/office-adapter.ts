import { Finding, Severity } from "../../checks/types";
import { columnLetter, parseCellAddress } from "../layout";
import { CellValue, RawCell, RawSheet, SheetModel, WorkbookModel } from "../model";
import { ExcelCellProperties, ExcelContext, ExcelRange, ExcelValue, ExcelWorksheet } from "./excel-api";

/**
 * The Office.js adapter. Each `context.sync()` is a round trip to Excel, so every operation batches its work
 * into a fixed number of syncs whatever the number of rows, with 2-D arrays per range and never a sync in a
 * loop; only payloads beyond `requestLimit` (Excel on the web refuses requests over 5 MB) take more:
 *
 * | operation     | syncs                                                               |
 * |---------------|---------------------------------------------------------------------|
 * | listSheets    | 1                                                                   |
 * | writeWorkbook | 2 (names, then everything); beyond 4 MB written, one more per 2–4 MB |
 * | readWorkbook  | 3 (names, sizes, cells); beyond 4 MB read, one more per 2–4 MB       |
 * | markFindings  | 2                                                                   |
 * | clearMarks    | 2                                                                   |
 * | rewriteFormulas | 2                                                                 |
 * | goTo          | 1                                                                   |
 *
 * Calls into Excel are made inside `run`, which the task pane binds to `Excel.run` and tests to the fake.
 */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** What to do with a sheet of the new workbook whose name is taken. */
export type SheetConflict = "replace" | "keep-both";

export interface WriteResult {
  /** The sheets written, by the model's name → the name they got. */
  sheets: Record<string, string>;
  /** Old sheets kept as backups before being replaced: their new names. */
  backups: string[];
}

export interface RewriteResult {
  changed: number;
  /** The hidden sheet holding what the rewritten cells held before, or null when nothing changed. */
  backup: string | null;
}

/** A hidden sheet holding each marked cell's own fill, so that clearing the marks restores it. */
export const MARKS_SHEET = "tat-budget märgid";

const MARK_FILL: Record<Severity, string> = { error: "#F8CBAD", warning: "#FFE699", info: "#DDEBF7" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Under Excel on the web's 5 MB, with room for the envelope of the request. */
export const DEFAULT_REQUEST_LIMIT = 4 * 1024 * 1024;

export class OfficeWorkbookAdapter {
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
   * suspended.
   */
  writeWorkbook(model: WorkbookModel, conflicts: Record<string, SheetConflict> = {}): Promise<WriteResult> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets.load("items/name");
      await context.sync();
      const taken = new Set(collection.items.map((sheet) => sheet.name.toLocaleLowerCase("et")));
      const names: Record<string, string> = {};
      const backups: string[] = [];
      for (const sheet of model.sheets) {
        const key = sheet.name.toLocaleLowerCase("et");
        if (!taken.has(key)) {
          names[sheet.name] = sheet.name;
        } else if (conflicts[sheet.name] === "replace") {
          const backup = freeName(`${sheet.name} (varu)`, taken);
          taken.add(backup.toLocaleLowerCase("et"));
          context.workbook.worksheets.getItem(sheet.name).name = backup;
          backups.push(backup);
          names[sheet.name] = sheet.name;
        } else if (conflicts[sheet.name] === "keep-both") {
          names[sheet.name] = freeName(sheet.name, taken);
        } else {
          throw new Error(
            `Leht „${sheet.name}“ on juba olemas: valige, kas see asendada (vana jääb varukoopiaks) või importida teise nimega.`,
          );
        }
        taken.add(names[sheet.name].toLocaleLowerCase("et"));
      }
      const renamed = renameSheets(model, names);
      context.application.suspendApiCalculationUntilNextSync();
      // Every sheet exists before any formula names it: a reference to a sheet still to come would be #REF!.
      const worksheets = renamed.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
      let pending = 0;
      for (let index = 0; index < renamed.sheets.length; index++) {
        pending = await this.writeSheet(context, worksheets[index], renamed.sheets[index], pending);
      }
      await context.sync();
      return { sheets: names, backups };
    });
  }

  /** Queues one sheet's cells, formats, table and layout; syncs early only when the request would grow too big. */
  private async writeSheet(
    context: ExcelContext,
    worksheet: ExcelWorksheet,
    sheet: SheetModel,
    pending: number,
  ): Promise<number> {
    const width = Math.max(1, ...sheet.rows.map((row) => row.length), sheet.widths.length);
    const chunkRows = Math.max(1, Math.floor(this.requestLimit / (width * 96)));
    for (let start = 0; start < sheet.rows.length; start += chunkRows) {
      const rows = sheet.rows.slice(start, start + chunkRows);
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
          propertyRow.push(
            model && (model.bold || model.italic || model.indent)
              ? {
                  format: {
                    font: { bold: Boolean(model.bold), italic: Boolean(model.italic) },
                    indentLevel: model.indent ?? 0,
                  },
                }
              : {},
          );
        }
        formulas.push(formulaRow);
        formats.push(formatRow);
        properties.push(propertyRow);
      }
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
    return pending + 200;
  }

  /**
   * Reads every sheet's used range, values and formulas, as raw grids for `workbookToPlan`. 2 syncs (names and
   * sizes), then one per `requestLimit` of cells.
   */
  readWorkbook(): Promise<RawSheet[]> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets.load("items/name");
      await context.sync();
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
        const sheet: RawSheet = { name: visible[index].name, rows: [] };
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
   * Colours the cells of the findings by severity, as a temporary layer: a mark changes only a cell's fill, so
   * each cell's own fill (colour and pattern; "None" is no fill) is first saved in a hidden sheet, and
   * `clearMarks` puts it back. Marking again replaces earlier marks,
   * keeping the formats saved the first time. 2 syncs.
   */
  markFindings(findings: Finding[]): Promise<number> {
    return this.run(async (context) => {
      const targets = new Map<string, { sheet: string; cell: string; severity: Severity }>();
      for (const finding of findings) {
        const { sheet, cell } = finding.position;
        if (!sheet || !cell) continue;
        const key = `${sheet}\u0000${cell}`;
        const known = targets.get(key);
        if (!known || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[known.severity]) {
          targets.set(key, { sheet, cell, severity: finding.severity });
        }
      }
      const saved = this.loadSavedFormats(context);
      const current = [...targets.values()].map((target) => {
        const range = context.workbook.worksheets.getItem(target.sheet).getRange(target.cell);
        const properties = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return { target, range, properties };
      });
      await context.sync();

      const previous = savedFormats(saved);
      this.restore(context, previous);
      const originals = new Map(previous.map((entry) => [`${entry.sheet}\u0000${entry.cell}`, entry]));
      const rows: ExcelValue[][] = [["Leht", "Lahter", "Täide", "Muster"]];
      for (const { target, range, properties } of current) {
        const key = `${target.sheet}\u0000${target.cell}`;
        const format = properties.value[0]?.[0]?.format;
        const original = originals.get(key) ?? {
          sheet: target.sheet,
          cell: target.cell,
          fill: format?.fill?.color ?? "#FFFFFF",
          pattern: format?.fill?.pattern ?? "None",
        };
        rows.push([original.sheet, original.cell, original.fill, original.pattern]);
        range.format.fill.color = MARK_FILL[target.severity];
      }
      if (saved.sheet.isNullObject) {
        const sheet = context.workbook.worksheets.add(MARKS_SHEET);
        sheet.visibility = "VeryHidden";
        sheet.getRange(`A1:D${rows.length}`).values = rows;
      } else {
        saved.sheet.getRange(`A1:D${rows.length}`).values = rows;
      }
      await context.sync();
      return targets.size;
    });
  }

  /** Puts back every marked cell's own fill, and removes the saved copy. 2 syncs. */
  clearMarks(): Promise<number> {
    return this.run(async (context) => {
      const saved = this.loadSavedFormats(context);
      await context.sync();
      const entries = savedFormats(saved);
      this.restore(context, entries);
      if (!saved.sheet.isNullObject) saved.sheet.delete();
      await context.sync();
      return entries.length;
    });
  }

  /**
   * Rewrites parents' roll-up formulas (from `rollupFormulas`), keeping first a backup of every cell it
   * rewrites, since Excel cannot undo an add-in's changes: a very hidden sheet "tat-budget varu N" lists each
   * cell's formula or value as it was. Only cells whose content changes are touched. 2 syncs.
   */
  rewriteFormulas(formulas: Array<{ sheet: string; cell: string; formula: string }>): Promise<RewriteResult> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets.load("items/name");
      const current = formulas.map((target) => ({
        target,
        range: context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).load("formulas"),
      }));
      await context.sync();
      const changed = current.filter(({ target, range }) => String(range.formulas[0][0]) !== `=${target.formula}`);
      if (changed.length === 0) return { changed: 0, backup: null };
      const taken = new Set(collection.items.map((sheet) => sheet.name.toLocaleLowerCase("et")));
      const backup = freeName("tat-budget varu", taken);
      const sheet = context.workbook.worksheets.add(backup);
      sheet.visibility = "VeryHidden";
      const rows: ExcelValue[][] = [["Leht", "Lahter", "Enne", "Pärast"]];
      for (const { target, range } of changed) {
        // Kept as text, so that a backed-up formula is not a live one.
        rows.push([target.sheet, target.cell, `'${String(range.formulas[0][0])}`, `'=${target.formula}`]);
        range.formulas = [[`=${target.formula}`]];
      }
      sheet.getRange(`A1:D${rows.length}`).values = rows;
      await context.sync();
      return { changed: changed.length, backup };
    });
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

  /** Queues the load of the saved formats; read them with `savedFormats` after the next sync. */
  private loadSavedFormats(context: ExcelContext): { sheet: ExcelWorksheet; used: ExcelRange } {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    return { sheet, used };
  }

  private restore(context: ExcelContext, entries: SavedFormat[]): void {
    for (const entry of entries) {
      const range = context.workbook.worksheets.getItem(entry.sheet).getRange(entry.cell);
      if (entry.pattern === "None") range.format.fill.clear();
      else range.format.fill.color = entry.fill;
    }
  }
}

/** The formats saved by `markFindings`, from the hidden sheet loaded and synced before. */
function savedFormats({ sheet, used }: { sheet: ExcelWorksheet; used: ExcelRange }): SavedFormat[] {
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

/** The name itself, or with " 2", " 3", … until free, within Excel's 31 characters. */
function freeName(name: string, taken: Set<string>): string {
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
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'!`;
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
