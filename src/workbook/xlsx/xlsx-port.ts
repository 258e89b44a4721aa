import ExcelJS from "exceljs";
import { LISA2_SHEET, parseCellAddress, sheetToShow } from "../layout";
import { RawSheet, SheetModel, WorkbookModel, isDate, isGeneratedSheet } from "../model";
import { isMarkFormula, MARK_FILL, markRules } from "../marks";
import { MARKS_SHEET, freeName, notAnnexError, renameSheets, settleSheetNames } from "../office/office-adapter";
import {
  FormulaSyntaxError,
  RowShift,
  render,
  replaceSheet,
  referencedSheets,
  shiftFormula,
  shiftLocal,
  tokenize,
} from "../fake/formula";
import type {
  FormulaWrite,
  AnnexResult,
  CellFinding,
  CellWrites,
  RewriteResult,
  RowsEdit,
  SelectionCells,
  SheetConflict,
  WorkbookPort,
  WriteResult,
} from "../port";
import type { CellUpdate } from "../settings";
import { open as openFile } from "fs/promises";
import { writeFileAtomically } from "./atomic-file";
import { noWorkbookInPackage, unreadableWorkbook } from "./unreadable";
import { protectSheets, readSheets, renderSheet, styleCell, toExcelValue } from "./exceljs-adapter";

/**
 * The workbook port over an .xlsx file, for the command line: the file is loaded whole into an ExcelJS workbook,
 * the use cases change it as they would change the open workbook in Excel, and `save` writes it back whole.
 *
 * It keeps the Office adapter's semantics wherever a file can have them: the same refusals in the same words, the
 * same backup sheets and marks sheet (so that a file marked here can be cleared in Excel, and the other way round),
 * and formulas that follow a sheet renamed to a backup, as Excel's do. Each operation checks everything it can
 * refuse before it changes anything, so a refusal leaves the workbook as it was; nothing is on disk before `save`.
 *
 * Where a file differs from Excel: formulas are not calculated (a rewritten formula has no result until Excel or
 * LibreOffice opens the file, which `fullCalcOnLoad` makes them do), a file has no selection, and a replaced annex
 * sheet's references elsewhere keep naming it (as `replaceSheetsInCopy` always did) rather than turning into #REF!.
 */
export interface XlsxPortOptions {
  /**
   * Whether `rewriteFormulas` keeps what it overwrites in a very hidden backup sheet, as in Excel (default), where an
   * add-in's changes cannot be undone. The command line writes a copy and leaves the file it read as it was: that
   * file is the backup, and the copy gets nothing but the formulas.
   */
  backupSheet?: boolean;
}

export class XlsxWorkbookPort implements WorkbookPort {
  /**
   * The workbook itself, for what the port has no call for (a cell's format, say). Changes made through it skip the
   * port's checks.
   */
  readonly workbook: ExcelJS.Workbook;
  private readonly options: XlsxPortOptions;

  private constructor(workbook: ExcelJS.Workbook, options: XlsxPortOptions = {}) {
    this.workbook = workbook;
    this.options = options;
  }

  /**
   * Opens an .xlsx file. A file that is not one, or is damaged, is refused with an ImportError worded for the
   * officer (`unreadableWorkbook`); a missing or unreadable file keeps the system's error.
   */
  static async open(file: string, options: XlsxPortOptions = {}): Promise<XlsxWorkbookPort> {
    const workbook = new ExcelJS.Workbook();
    // Its first bytes are read before ExcelJS has the file, so a file that cannot be read at all fails here.
    const head = await readHead(file);
    try {
      await workbook.xlsx.readFile(file);
    } catch {
      throw unreadableWorkbook(head);
    }
    return XlsxWorkbookPort.opened(workbook, options);
  }

  /** As `open`, from the file's bytes. */
  static async load(buffer: Buffer, options: XlsxPortOptions = {}): Promise<XlsxWorkbookPort> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buffer);
    } catch {
      throw unreadableWorkbook(buffer.subarray(0, 8));
    }
    return XlsxWorkbookPort.opened(workbook, options);
  }

  private static opened(workbook: ExcelJS.Workbook, options: XlsxPortOptions): XlsxWorkbookPort {
    // ExcelJS opens any zip, a Word document too, as a workbook of no sheets; Excel's own files always have one.
    if (workbook.worksheets.length === 0) throw noWorkbookInPackage();
    return new XlsxWorkbookPort(workbook, options);
  }

  /** A workbook with no sheets, as `writeWorkbookFile` starts from. */
  static empty(): XlsxWorkbookPort {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "tat-budget";
    workbook.calcProperties.fullCalcOnLoad = true;
    return new XlsxWorkbookPort(workbook);
  }

  /**
   * The workbook as .xlsx bytes. Refused when no sheet is visible, which Excel cannot open. Formulas are marked for
   * recalculation: those the port wrote carry no result, or the one the model expected.
   */
  async toBuffer(): Promise<Buffer> {
    if (!this.workbook.worksheets.some((sheet) => sheet.state !== "hidden" && sheet.state !== "veryHidden"))
      throw new Error("Töövihikus pole ühtegi nähtavat lehte: sellist faili Excel ei ava.");
    this.workbook.calcProperties.fullCalcOnLoad = true;
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  /** Writes the file whole or not at all: rendered in memory first, then put in place atomically. */
  async save(file: string): Promise<void> {
    writeFileAtomically(file, await this.toBuffer());
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((sheet) => sheet.name);
  }

  /**
   * Writes the canonical workbook, as the Office adapter does: a sheet whose name is taken (compared as Excel does,
   * whatever the case) is replaced only as `conflicts` says: "replace" renames the old one to a free "<name> (varu)"
   * and keeps it, and formulas anywhere that named it follow it, as in Excel, so a backed-up summary still sums the
   * backed-up schedules; "keep-both" writes the new one under a free name, its model's formulas renamed with it.
   * `cells` go to the sheet of that name once the sheets are written. The file opens on the written Koond (or first
   * schedule), as Excel shows it after the Office adapter's write.
   */
  async writeWorkbook(
    model: WorkbookModel,
    conflicts: Record<string, SheetConflict> = {},
    cells?: CellWrites,
  ): Promise<WriteResult> {
    const existing = this.workbook.worksheets;
    const settled = settleSheetNames(
      model,
      existing.map((sheet) => sheet.name),
      conflicts,
    );
    const { names } = settled;
    const backups = settled.backups.map(({ from, to }) => ({
      sheet: existing.find((candidate) => candidate.name === from)!,
      to,
    }));
    const renamed = renameSheets(model, names);
    renamed.sheets.forEach((sheet) => checkSheetName(sheet.name));
    // The backups keep their tables, so a new sheet's table takes a free name: Excel refuses two tables of one name.
    const tables = tablesRenamed(renamed, existing);
    // Checked against the workbook as it will be: the cells may go to a sheet this write replaces.
    const cellTarget = cells ? this.checkCellWrites(cells.sheet, cells.updates, renamed, backups) : null;

    const active = this.activeSheet();
    const follow = backups.map(({ sheet, to }) => ({ from: sheet.name, to }));
    for (const { sheet, to } of backups) sheet.name = to;
    followRenames(this.workbook, follow);
    for (const sheet of tables.sheets) renderSheet(this.workbook, sheet);
    await protectSheets(this.workbook, tables);
    if (cells && cellTarget) writeCellUpdates(this.sheetNamed(cellTarget)!, cells.updates);
    const shown = sheetToShow(tables.sheets);
    if (shown >= 0) this.activate(this.sheetNamed(tables.sheets[shown].name)!);
    else this.keepActive(active);
    return { sheets: names, backups: backups.map(({ to }) => to) };
  }

  /**
   * Writes the generated annex sheets (lisa 2), each replacing the sheet of its name, without a backup (a generated,
   * protected sheet), in the old one's place among the sheets; shows "Lisa 2". Only sheets of kind "annex" are taken,
   * as in the Office adapter. Sheets "<name> (uus)" that an interrupted write in Excel left behind go too.
   */
  async writeAnnexSheets(model: WorkbookModel): Promise<AnnexResult> {
    const foreign = model.sheets.filter((sheet) => !isGeneratedSheet(sheet.kind)).map((sheet) => sheet.name);
    if (foreign.length > 0) throw notAnnexError(foreign);
    model.sheets.forEach((sheet) => checkSheetName(sheet.name));
    const before = this.workbook.worksheets;
    const leftovers = new Set(model.sheets.map((sheet) => lower(`${sheet.name} (uus)`)));
    const isLeftover = (sheet: ExcelJS.Worksheet) => leftovers.has(lower(sheet.name).replace(/ \d+$/, ""));
    const replaced = model.sheets.flatMap((sheet, index) => {
      const old = before.find((candidate) => !isLeftover(candidate) && lower(candidate.name) === lower(sheet.name));
      return old ? [{ old, index, position: before.indexOf(old) }] : [];
    });
    const gone = new Set([...before.filter(isLeftover), ...replaced.map(({ old }) => old)]);
    const written = tablesRenamed(
      model,
      before.filter((sheet) => !gone.has(sheet)),
    );

    for (const sheet of gone) this.workbook.removeWorksheet(sheet.id);
    for (const sheet of written.sheets) renderSheet(this.workbook, sheet);
    await protectSheets(this.workbook, written);
    // As the Office adapter places them: each where its old one stood, in ascending order of those places.
    const order = this.workbook.worksheets;
    const fresh = written.sheets.map((sheet) => this.sheetNamed(sheet.name)!);
    for (const { index, position } of [...replaced].sort((a, b) => a.position - b.position)) {
      order.splice(order.indexOf(fresh[index]), 1);
      order.splice(Math.min(position, order.length), 0, fresh[index]);
    }
    order.forEach((sheet, index) => ((sheet as OrderedWorksheet).orderNo = index + 1));
    const budget = model.sheets.findIndex((sheet) => sheet.name === LISA2_SHEET);
    if (fresh.length > 0) this.activate(fresh[Math.max(0, budget)]);
    return { sheets: model.sheets.map((sheet) => sheet.name), replaced: replaced.map(({ old }) => old.name) };
  }

  /** Writes values with their number formats (a date is its serial under a date format, "@" keeps text as text). */
  async writeCells(sheet: string, updates: CellUpdate[]): Promise<void> {
    return this.writeCellsOnSheets([{ sheet, updates }]);
  }

  /** Every sheet and cell is checked writable before any is written: all land, or none. */
  async writeCellsOnSheets(writes: readonly CellWrites[]): Promise<void> {
    const targets = writes.map(({ sheet, updates }) => {
      const worksheet = this.requireSheet(sheet);
      for (const { cell } of updates) checkWritable(worksheet, cell);
      return { worksheet, updates };
    });
    for (const { worksheet, updates } of targets) writeCellUpdates(worksheet, updates);
  }

  /**
   * Inserts or deletes whole rows as Excel does: every cell to be written is checked writable first (so a refusal
   * changes nothing); then `before` is written, the rows move (ExcelJS's spliceRows moves the cells, their styles
   * and heights), and every formula in the workbook, the sheet's tables and its conditional formats follow the rows
   * as Excel's do (`shiftFormula`); then the new rows' cells and `after` are written. The sheet's merged areas are
   * not moved (the canonical schedules have none).
   */
  async editRows(edit: RowsEdit): Promise<void> {
    const { change } = edit;
    const worksheet = this.requireSheet(change.sheet);
    if (isProtected(worksheet)) throw protectedError(worksheet.name, "A1");
    for (const { sheet, updates } of [...edit.before, ...edit.after]) {
      const target = this.requireSheet(sheet);
      for (const { cell } of updates) checkWritable(target, cell);
    }
    for (const { sheet, updates } of edit.before) writeCellUpdates(this.requireSheet(sheet), updates);
    const shift: RowShift =
      change.kind === "insert"
        ? { kind: "insert", at: change.at - 1, count: change.count }
        : { kind: "delete", first: change.first - 1, count: change.count };
    followRowShift(this.workbook, worksheet, shift);
    if (change.kind === "insert") {
      worksheet.spliceRows(change.at, 0, ...Array.from({ length: change.count }, () => []));
      growTables(worksheet, change.at, change.count, change.appendToTable);
      change.rows.forEach((cells, offset) =>
        cells.forEach((model, column) => {
          const target = worksheet.getCell(change.at + offset, column + 1);
          target.value = toExcelValue(model);
          target.style = {};
          if (model) styleCell(target, model);
        }),
      );
      for (const [row, height] of Object.entries(change.heights)) worksheet.getRow(Number(row)).height = height;
      for (const { sheet, updates } of edit.after) writeCellUpdates(this.requireSheet(sheet), updates);
    } else {
      worksheet.spliceRows(change.first, change.count);
    }
  }

  /**
   * Every sheet's cells, read as the saved file would read them with `readWorkbookFile`; the marks' hidden sheet is
   * left out, as the Office adapter leaves it out.
   */
  async readWorkbook(): Promise<RawSheet[]> {
    return readSheets(this.workbook, { asSaved: true }).filter((sheet) => sheet.name !== MARKS_SHEET);
  }

  /**
   * Marks the cells of the findings by severity with conditional formats, as the Office adapter does (the same
   * rules, `markRules` in ../marks.ts, with the same marker), so a file marked here is cleared in Excel and the other
   * way round; no cell's own fill is touched. Cells on a protected sheet are left alone, as Excel refuses their
   * formats. Marking again replaces the earlier marks. The number of cells marked.
   */
  async markFindings(findings: readonly CellFinding[]): Promise<number> {
    return (await this.readAndMark(() => findings)).marked;
  }

  /** Reads the workbook and marks what `findingsOf` finds in it: `readWorkbook`, then the marking. */
  async readAndMark(
    findingsOf: (sheets: RawSheet[]) => readonly CellFinding[],
  ): Promise<{ sheets: RawSheet[]; marked: number }> {
    const sheets = await this.readWorkbook();
    const findings = findingsOf(sheets);
    // Refusals first: a finding on a sheet or cell that is not there changes nothing.
    for (const finding of findings) {
      const { sheet, cell } = finding.position;
      if (!sheet || !cell) continue;
      this.requireSheet(sheet);
      checkAddress(cell);
    }
    const { rules, cells } = markRules(findings, sheets, (sheet) => this.protectionOf(sheet) !== false);
    this.takeMarksOff();
    for (const rule of rules) {
      this.requireSheet(rule.sheet).addConditionalFormatting({
        ref: rule.address,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [rule.formula.replace(/^=/, "")],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(MARK_FILL[rule.severity]) } } },
          },
        ],
      });
    }
    return { sheets, marked: cells };
  }

  /**
   * Takes off our marks, the conditional formats carrying the marker, and nothing else; a file marked by the earlier
   * design gets its saved fills back and loses the marks sheet. Not on protected sheets, whose marks wait. The number
   * of marks taken off.
   */
  async clearMarks(): Promise<number> {
    return this.takeMarksOff();
  }

  private takeMarksOff(): number {
    let removed = 0;
    for (const worksheet of this.workbook.worksheets) {
      if (worksheet.name === MARKS_SHEET || isProtected(worksheet)) continue;
      worksheet.removeConditionalFormatting((format: ExcelJS.ConditionalFormattingOptions) => {
        const ours = format.rules.length > 0 && format.rules.every((rule) => isMarkRule(rule));
        if (ours) removed++;
        return !ours;
      });
    }
    const sheet = this.sheetNamed(MARKS_SHEET);
    if (!sheet) return removed;
    const entries = this.savedFills();
    // Entries of a sheet deleted since have nothing to go back to; those of a protected one wait.
    const restorable = entries.filter((entry) => this.protectionOf(entry.sheet) === false);
    const waiting = entries.filter((entry) => this.protectionOf(entry.sheet) === true);
    const active = this.activeSheet();
    for (const entry of restorable) this.restoreFill(entry);
    if (waiting.length === 0) this.workbook.removeWorksheet(sheet.id);
    else this.writeSavedFills(waiting);
    this.keepActive(active);
    return removed + restorable.length;
  }

  /**
   * Sets roll-up formulas (from `rollupFormulas`) where a cell holds anything else, keeping first what each such
   * cell held in a very hidden sheet "tat-budget varu" (" 2", " 3", … when taken), laid out as the Office adapter
   * lays it out: sheet, cell, before, after, all as text, formulas with their "=" (unless the port was opened without
   * backups). A formula carries the result it was given, for a reader that does not recalculate (the command line
   * reading its own copy); without one it has none until the file is opened in Excel or LibreOffice.
   */
  async rewriteFormulas(formulas: FormulaWrite[]): Promise<RewriteResult> {
    const changed = formulas
      .map((target) => {
        const worksheet = this.requireSheet(target.sheet);
        const address = checkAddress(target.cell);
        const current = existingCell(worksheet, address);
        const formula = target.formula.replace(/^=/, "");
        return { ...target, worksheet, address, current, formula, before: formulaText(current, this.date1904) };
      })
      .filter(({ current, formula }) => (current?.formula ?? "").replace(/^=/, "") !== formula);
    if (changed.length === 0) return { changed: 0, backup: null };
    for (const { worksheet, address } of changed) checkWritable(worksheet, address);
    const active = this.activeSheet();
    let backup: string | null = null;
    if (this.options.backupSheet !== false) {
      backup = freeName("tat-budget varu", new Set(this.workbook.worksheets.map((sheet) => lower(sheet.name))));
      const sheet = this.workbook.addWorksheet(backup, { state: "veryHidden" });
      // Text, so that a backed-up formula is not a live one.
      sheet.addRow(["Leht", "Lahter", "Enne", "Pärast"]);
      for (const { sheet: name, cell, before, formula } of changed) sheet.addRow([name, cell, before, `=${formula}`]);
    }
    for (const { worksheet, address, formula, result } of changed) {
      const cell = worksheet.getCell(address);
      detachSharedFormula(cell);
      cell.value = (
        result === undefined || result === null ? { formula } : { formula, result }
      ) as ExcelJS.CellFormulaValue;
    }
    this.keepActive(active);
    return { changed: changed.length, backup };
  }

  /** Makes the finding's sheet the one the file opens on, with its cell selected. */
  async goTo(position: { sheet?: string; cell?: string }): Promise<void> {
    if (!position.sheet || !position.cell) return;
    const worksheet = this.requireSheet(position.sheet);
    const cell = checkAddress(position.cell);
    if (worksheet.state === "hidden" || worksheet.state === "veryHidden")
      throw new Error(`Leht „${worksheet.name}“ on peidetud.`);
    this.activate(worksheet);
    // ExcelJS writes a view's selection only for a view with a state.
    const [view, ...rest] = worksheet.views?.length ? worksheet.views : [{ state: "normal" as const }];
    worksheet.views = [{ ...view, activeCell: cell }, ...rest];
  }

  async readSelection(): Promise<SelectionCells> {
    throw new Error("Failil pole valitud vahemikku: vahemiku lugemine käib Excelis.");
  }

  // ---- Sheets -------------------------------------------------------------------------------------------

  private get date1904(): boolean {
    return Boolean(this.workbook.properties?.date1904);
  }

  /** The sheet of that name, compared as Excel compares sheet names. */
  private sheetNamed(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((sheet) => lower(sheet.name) === lower(name));
  }

  private requireSheet(name: string): ExcelJS.Worksheet {
    const sheet = this.sheetNamed(name);
    if (!sheet) throw new Error(`Töövihikus pole lehte „${name}“.`);
    return sheet;
  }

  /** Whether the sheet of that name is protected; undefined when there is no such sheet. */
  private protectionOf(name: string): boolean | undefined {
    const sheet = this.sheetNamed(name);
    return sheet ? isProtected(sheet) : undefined;
  }

  /**
   * Checks that `cells` can be written once `model` is: their sheet exists now (as the Office adapter reads it
   * before writing) and their cells are addresses that can be written. The name of the sheet they then go to.
   */
  private checkCellWrites(
    sheet: string,
    updates: CellUpdate[],
    model: WorkbookModel,
    backups: Array<{ sheet: ExcelJS.Worksheet }>,
  ): string {
    const now = this.requireSheet(sheet);
    const replacedBy = backups.some((backup) => backup.sheet === now)
      ? model.sheets.find((candidate) => lower(candidate.name) === lower(sheet))
      : undefined;
    for (const { cell } of updates) {
      checkAddress(cell);
      // A replacing sheet is checked once written: only generated annex sheets are protected.
      if (!replacedBy) checkWritable(now, cell);
      else if (replacedBy.protect) throw protectedError(replacedBy.name, cell);
    }
    return replacedBy ? replacedBy.name : now.name;
  }

  private activeSheet(): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets[this.workbook.views?.[0]?.activeTab ?? 0];
  }

  /** After sheets came or went: the same sheet stays active, or the first visible one when it went. */
  private keepActive(previous: ExcelJS.Worksheet | undefined): void {
    const sheets = this.workbook.worksheets;
    const index = previous ? sheets.indexOf(previous) : -1;
    if (index >= 0) {
      if ((this.workbook.views?.[0]?.activeTab ?? 0) !== index) this.setActiveTab(index);
      return;
    }
    const visible = sheets.find((sheet) => sheet.state !== "hidden" && sheet.state !== "veryHidden");
    if (visible) this.activate(visible);
  }

  /**
   * Makes the sheet the active tab and the only selected one: a tab left selected besides it would open the file
   * with the sheets grouped, where typing into one sheet types into both.
   */
  private activate(target: ExcelJS.Worksheet): void {
    this.setActiveTab(this.workbook.worksheets.indexOf(target));
    for (const sheet of this.workbook.worksheets) {
      // A loaded sheet may have no views at all.
      const views: SheetView[] = sheet.views ?? [];
      const selected = sheet === target;
      const first: SheetView = { ...(views[0] ?? { state: "normal" }), tabSelected: selected };
      if (views.length > 0 || selected) sheet.views = [first, ...views.slice(1)];
    }
  }

  private setActiveTab(index: number): void {
    const [view, ...rest] = this.workbook.views ?? [];
    const base: ExcelJS.WorkbookView = view ?? {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      firstSheet: 0,
      activeTab: 0,
      visibility: "visible",
    };
    this.workbook.views = [{ ...base, activeTab: index, firstSheet: Math.min(base.firstSheet ?? 0, index) }, ...rest];
  }

  // ---- Marks --------------------------------------------------------------------------------------------

  /** The fills saved by earlier marking, from the marks sheet; none when there is no such sheet. */
  private savedFills(): SavedFill[] {
    const sheet = this.sheetNamed(MARKS_SHEET);
    if (!sheet) return [];
    const entries: SavedFill[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const text = (column: number) => {
        const value = row.getCell(column).value;
        return value === null || value === undefined ? "" : String(value);
      };
      // Rows Excel blanked when its list got shorter.
      if (!text(1) || !text(2)) return;
      entries.push({ sheet: text(1), cell: text(2), fill: text(3), pattern: text(4), exact: text(5) });
    });
    return entries;
  }

  private writeSavedFills(entries: SavedFill[]): void {
    const sheet = this.sheetNamed(MARKS_SHEET) ?? this.workbook.addWorksheet(MARKS_SHEET);
    sheet.state = "veryHidden";
    const rows = [
      ["Leht", "Lahter", "Täide", "Muster", "Täide (ExcelJS)"],
      ...entries.map((entry) => [entry.sheet, entry.cell, entry.fill, entry.pattern, entry.exact]),
    ];
    rows.forEach((values, index) => {
      const row = sheet.getRow(index + 1);
      values.forEach((value, column) => (row.getCell(column + 1).value = value));
    });
    // Rows of an earlier, longer list go: a stale one would later "restore" a cell the user has filled since.
    if (sheet.rowCount > rows.length) sheet.spliceRows(rows.length + 1, sheet.rowCount - rows.length);
  }

  /** Gives a marked cell its own fill back: the whole fill saved here, or what Excel saved (a colour or none). */
  private restoreFill(entry: SavedFill): void {
    const sheet = this.sheetNamed(entry.sheet);
    const address = parseCellAddress(entry.cell) ? entry.cell.replace(/\$/g, "").toUpperCase() : null;
    if (!sheet || !address) return;
    const exact = exactFill(entry);
    if (exact !== undefined) setFill(sheet.getCell(address), exact ?? undefined);
    else if (entry.pattern === "None") setFill(sheet.getCell(address), undefined);
    else setFill(sheet.getCell(address), solidFill(entry.fill));
  }
}

// ---- Helpers ----------------------------------------------------------------------------------------------

/**
 * The model with its tables renamed where a sheet that stays has a table of that name: table names are the
 * workbook's, not the sheet's, and Excel drops a table whose name another one has.
 */
function tablesRenamed(model: WorkbookModel, staying: ExcelJS.Worksheet[]): WorkbookModel {
  const taken = new Set(
    staying.flatMap((sheet) =>
      Object.values((sheet as TabledWorksheet).tables ?? {}).map((table) => table.name.toLowerCase()),
    ),
  );
  return {
    sheets: model.sheets.map((sheet): SheetModel => {
      if (!sheet.table) return sheet;
      let name = sheet.table.name;
      for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${sheet.table.name}_${suffix}`;
      taken.add(name.toLowerCase());
      return name === sheet.table.name ? sheet : { ...sheet, table: { ...sheet.table, name } };
    }),
  };
}

/** The cell if it exists: reading must not make cells, which would lengthen the rows read back. */
function existingCell(sheet: ExcelJS.Worksheet, address: string): ExcelJS.Cell | undefined {
  const { row, column } = parseCellAddress(address)!;
  return sheet.findCell(row, column + 1);
}

/** Sheet names compare as the Office adapter compares them. */
const lower = (name: string) => name.toLocaleLowerCase("et");

/** Worksheet fields ExcelJS has and its typings leave out. */
/** ExcelJS writes `tabSelected` of a sheet's first view, which its typings leave out. */
type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };
type TabledWorksheet = ExcelJS.Worksheet & { tables?: Record<string, { name: string }> };
type ProtectedWorksheet = ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } | null };

/** A row of the marks sheet: the Office adapter's four columns and the exact ExcelJS fill (JSON). */
interface SavedFill {
  sheet: string;
  cell: string;
  /** "#RRGGBB", as Excel reports a fill's colour. */
  fill: string;
  /** Excel's pattern name: "None" for no fill. */
  pattern: string;
  /** JSON of { sheet, cell, fill }, the fill as ExcelJS holds it (null for none); "" when Excel wrote the row. */
  exact: string;
}

/** The saved ExcelJS fill (null for none) if it is for this row and still agrees with its colour and pattern. */
function exactFill(entry: SavedFill): ExcelJS.Fill | null | undefined {
  if (!entry.exact) return undefined;
  try {
    const saved = JSON.parse(entry.exact) as { sheet?: unknown; cell?: unknown; fill?: ExcelJS.Fill | null };
    if (saved.sheet !== entry.sheet || saved.cell !== entry.cell) return undefined;
    const fill = saved.fill ?? null;
    const described = describeFill(fill ?? undefined);
    return described.fill === entry.fill && described.pattern === entry.pattern ? fill : undefined;
  } catch {
    return undefined;
  }
}

const PATTERNS: Partial<Record<ExcelJS.FillPatterns, string>> = {
  none: "None",
  solid: "Solid",
  darkGray: "Gray75",
  mediumGray: "Gray50",
  lightGray: "Gray25",
  gray125: "Gray16",
  gray0625: "Gray8",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
};

/** A fill as Excel's range format reports it: its colour and pattern name. Theme colours read as white. */
function describeFill(fill: ExcelJS.Fill | undefined): { fill: string; pattern: string } {
  if (!fill || (fill.type === "pattern" && fill.pattern === "none")) return { fill: "#FFFFFF", pattern: "None" };
  const hex = (color: Partial<ExcelJS.Color> | undefined) =>
    color?.argb && /^[0-9A-F]{8}$/i.test(color.argb) ? `#${color.argb.slice(2).toUpperCase()}` : "#FFFFFF";
  if (fill.type === "pattern") return { fill: hex(fill.fgColor), pattern: PATTERNS[fill.pattern] ?? "Solid" };
  return {
    fill: hex(fill.stops?.[0]?.color),
    pattern: fill.gradient === "path" ? "RectangularGradient" : "LinearGradient",
  };
}

const solidFill = (color: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: `FF${color.replace("#", "").toUpperCase()}` },
});

/** "#F8CBAD" → "FFF8CBAD", ExcelJS's opaque ARGB. */
const argb = (color: string) => `FF${color.replace("#", "").toUpperCase()}`;

/** One of our marks: an expression rule whose formula carries the marker (see ../marks.ts). */
const isMarkRule = (rule: ExcelJS.ConditionalFormattingRule) =>
  rule.type === "expression" && (rule.formulae ?? []).some((formula: unknown) => isMarkFormula(formula));

/**
 * Sets one cell's fill. The cell gets a style of its own first: cells loaded from a file share one style object per
 * format, and changing it in place would colour every cell of that format.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  restyle(cell, (style) => {
    if (fill) style.fill = fill;
    else delete style.fill;
  });
}

/** Changes a cell's style on a copy of its own, for the reason in setFill. */
function restyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const own: Partial<ExcelJS.Style> = { ...cell.style };
  change(own);
  cell.style = own as ExcelJS.Style;
}

function isProtected(sheet: ExcelJS.Worksheet): boolean {
  return Boolean((sheet as ProtectedWorksheet).sheetProtection?.sheet);
}

const protectedError = (sheet: string, cell: string) =>
  new Error(`Leht „${sheet}“ on kaitstud: lahtrit ${cell} ei saa muuta.`);

/** Excel refuses to change a locked cell of a protected sheet, so the port refuses too (every cell is locked unless unlocked). */
function checkWritable(sheet: ExcelJS.Worksheet, cell: string): void {
  if (isProtected(sheet) && existingCell(sheet, checkAddress(cell))?.protection?.locked !== false)
    throw protectedError(sheet.name, cell);
}

/** "b7", "$B$7" → "B7"; an address Excel would not take is refused before anything is written. */
function checkAddress(cell: string): string {
  const address = cell.replace(/\$/g, "").toUpperCase();
  const parsed = /^[A-Z]{1,3}\d{1,7}$/.test(address) ? parseCellAddress(address) : null;
  if (!parsed || parsed.row < 1 || parsed.row > 1_048_576 || parsed.column > 16_383)
    throw new Error(`„${cell}“ ei ole lahtri aadress.`);
  return address;
}

/** Excel's rules for a sheet name, checked before writing so that no sheet is refused half-way through a write. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || name === "History")
    throw new Error(
      `Lehe nimi „${name}“ ei sobi Excelile: 1–31 märki, ilma märkideta : \\ / ? * [ ] ja ülakomata alguses või lõpus.`,
    );
}

function writeCellUpdates(sheet: ExcelJS.Worksheet, updates: CellUpdate[]): void {
  for (const { cell, value, numFmt, formula } of updates) {
    const written = sheet.getCell(checkAddress(cell));
    detachSharedFormula(written);
    restyle(written, (style) => (style.numFmt = numFmt ?? "General"));
    written.value = formula !== undefined ? ({ formula, result: value ?? undefined } as ExcelJS.CellValue) : value;
  }
}

/**
 * Before a cell's content changes: if it is the master of a shared formula (as Excel saves a formula filled down),
 * its clones get formulas of their own, for ExcelJS would otherwise write them as copies of whatever replaces it.
 */
function detachSharedFormula(cell: ExcelJS.Cell): void {
  const value = cell.value as (ExcelJS.CellFormulaValue & { shareType?: string }) | null;
  // A loaded master says so; only then is there anything to scan for.
  if (!value || typeof value !== "object" || value.shareType !== "shared") return;
  const clones: ExcelJS.Cell[] = [];
  cell.worksheet.eachRow((row) =>
    row.eachCell((other) => {
      const shared = other.value as ExcelJS.CellSharedFormulaValue | null;
      if (shared && typeof shared === "object" && "sharedFormula" in shared && shared.sharedFormula === cell.address)
        clones.push(other);
    }),
  );
  const own = clones.map((clone) => ({ clone, formula: clone.formula, result: clone.result }));
  for (const { clone, formula, result } of own) clone.value = { formula, result } as ExcelJS.CellFormulaValue;
}

/** What Excel's `range.formulas` gives for a cell, as text: its formula with "=", else its value. */
function formulaText(cell: ExcelJS.Cell | undefined, date1904: boolean): string {
  if (!cell) return "";
  if (cell.formula) return `=${cell.formula}`;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (isDate(value)) return String(25569 + value.getTime() / 86_400_000 - (date1904 ? 1462 : 0));
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("error" in value) return String(value.error);
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/**
 * Formulas anywhere in the workbook that named a renamed sheet name its new name, as Excel rewrites them on a
 * rename. All are read before any is written: a clone of a shared formula is read through its master.
 */
function followRenames(workbook: ExcelJS.Workbook, renames: Array<{ from: string; to: string }>): void {
  if (renames.length === 0) return;
  const rewrites: Array<{ cell: ExcelJS.Cell; value: ExcelJS.CellValue }> = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.formula;
        if (!formula) return;
        const rewritten = renames.reduce((text, { from, to }) => sheetRenamedIn(text, from, to), formula);
        if (rewritten === formula) return;
        const value = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        // An array formula stays one, over the same cells.
        const array = value.shareType === "array" ? { shareType: "array", ref: value.ref } : {};
        rewrites.push({ cell, value: { ...array, formula: rewritten, result: cell.result } as ExcelJS.CellValue });
      }),
    );
  // A shared formula's cells each get a formula of their own: they all name the same sheets, so all are here.
  for (const { cell, value } of rewrites) cell.value = value;
}

/**
 * Every formula of the workbook, and the conditional formats and tables of `shifted`, made to follow whole rows of
 * `shifted` inserted or deleted, before the cells move: references are text, which ExcelJS does not adjust. Every
 * formula cell of a shared formula gets its own (its master may move away from it).
 */
function followRowShift(workbook: ExcelJS.Workbook, shifted: ExcelJS.Worksheet, shift: RowShift): void {
  const rewrites: Array<{ cell: ExcelJS.Cell; value: ExcelJS.CellValue }> = [];
  for (const sheet of workbook.worksheets) {
    const applies = (ref: string | null | undefined) =>
      ref === undefined ? sheet === shifted : typeof ref === "string" && lower(ref) === lower(shifted.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.formula;
        if (!formula) return;
        const value = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const moved = shiftFormula(formula, applies, shift);
        if (moved === formula && value.shareType !== "shared" && !("sharedFormula" in value)) return;
        const array = value.shareType === "array" ? { shareType: "array", ref: value.ref } : {};
        rewrites.push({ cell, value: { ...array, formula: moved, result: cell.result } as ExcelJS.CellValue });
      }),
    );
  }
  for (const { cell, value } of rewrites) cell.value = value;
  const formats = (shifted as FormattedWorksheet).conditionalFormattings ?? [];
  for (const format of formats) {
    const ranges = format.ref
      .split(/\s+/)
      .map((range) => shiftLocal(range, shift))
      .filter((range): range is string => range !== null);
    format.ref = ranges.join(" ");
    for (const rule of format.rules)
      if (rule.formulae)
        rule.formulae = rule.formulae.map((text) => shiftFormula(text, (ref) => ref === undefined, shift));
  }
  (shifted as FormattedWorksheet).conditionalFormattings = formats.filter((format) => format.ref !== "");
  if (shift.kind === "delete")
    for (const table of tablesOf(shifted)) {
      table.tableRef = shiftLocal(table.tableRef, shift) ?? table.tableRef;
      if (table.autoFilterRef) table.autoFilterRef = shiftLocal(table.autoFilterRef, shift) ?? table.autoFilterRef;
    }
}

/**
 * The tables of a sheet after `count` rows were inserted at `at`: one they fall inside grows, one below moves down;
 * with `append`, the table ending just above takes them in.
 */
function growTables(sheet: ExcelJS.Worksheet, at: number, count: number, append: boolean): void {
  for (const table of tablesOf(sheet)) {
    const grow = (ref: string) => {
      const [first, last = first] = ref.split(":");
      const top = Number(/\d+$/.exec(first)![0]);
      const bottom = Number(/\d+$/.exec(last)![0]);
      const withRow = (part: string, row: number) => part.replace(/\d+$/, String(row));
      const newTop = top >= at ? top + count : top;
      const newBottom = bottom >= at || (append && bottom === at - 1) ? bottom + count : bottom;
      return `${withRow(first, newTop)}:${withRow(last, newBottom)}`;
    };
    table.tableRef = grow(table.tableRef);
    if (table.autoFilterRef) table.autoFilterRef = grow(table.autoFilterRef);
  }
}

/** ExcelJS keeps a loaded or added table's range in its model, which is what it writes. */
function tablesOf(sheet: ExcelJS.Worksheet): Array<{ tableRef: string; autoFilterRef?: string }> {
  const tables = (
    sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; autoFilterRef?: string } }> }
  ).tables;
  return Object.values(tables ?? {}).flatMap((table) =>
    table.table?.tableRef ? [table.table as { tableRef: string; autoFilterRef?: string }] : [],
  );
}

type FormattedWorksheet = ExcelJS.Worksheet & {
  conditionalFormattings?: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }>;
};

/** The formula with references to sheet `from` made references to `to`; the same text when it has none. */
export function sheetRenamedIn(formula: string, from: string, to: string): string {
  try {
    const tokens = tokenize(formula);
    if (!referencedSheets(tokens).some((name) => lower(name) === lower(from))) return formula;
    return render(replaceSheet(tokens, from, to));
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    // What the fake's grammar does not know (structured references, array constants): the names as written.
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return formula
      .replace(new RegExp(quoted(escaped), "giu"), quoted(to))
      .replace(new RegExp(`(?<![\\p{L}\\p{N}_.'])${escaped}!`, "giu"), quoted(to));
  }
}

/** The first bytes of a file, which say what kind of file it is. */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await openFile(file, "r");
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
