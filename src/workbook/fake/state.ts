import type { ExcelCellBorder, ExcelCellProperties, ExcelProtectionOptions, ExcelValue } from "../office/excel-api";
import {
  Bounds,
  cellCount,
  columnIndex,
  columnName,
  formatBounds,
  intersects,
  isWholeColumns,
  isWholeRows,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  quoteSheetName,
} from "../../model/a1";
import { excelError, SHAPE_MISMATCH } from "./errors";
import {
  CellError,
  ERROR_TEXTS,
  evaluate,
  FormulaHost,
  FormulaSyntaxError,
  Node,
  parse,
  moveReferences,
  MoveIndex,
  referencedSheets,
  render,
  replaceSheet,
  Scalar,
  SheetRef,
  RowShift,
  shiftFormula,
  shiftLocal,
  tokenize,
} from "./formula";

/**
 * The workbook behind the fake: sheets of sparse cells with their formats, tables, the active sheet and the
 * selection. The fake's executor changes it through the operations below, which throw Excel's errors; tests
 * read it through the inspection helpers at the end, which bypass the API and its counters.
 */

export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type InputLocale = "en-US" | "et-EE";
/** Excel.CalculationMode. */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";
const CALCULATION_MODES: readonly string[] = ["Automatic", "AutomaticExceptTables", "Manual"];
/** Excel.CalculationType. */
const CALCULATION_TYPES: readonly string[] = ["Recalculate", "Full", "FullRebuild"];

export interface Style {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  /** Absent: no fill, which Excel reports as "#FFFFFF". */
  fillColor?: string;
  indentLevel?: number;
  /** In points; absent: 11, Calibri's default. */
  fontSize?: number;
  wrapText?: boolean;
  /** Absent: "General". */
  horizontalAlignment?: string;
  /** Absent: "Bottom". */
  verticalAlignment?: string;
  /** The edges that have a line; kept per cell, as a cell's own format (a neighbour's edge is not shared). */
  borders?: Partial<Record<BorderEdge, Required<ExcelCellBorder>>>;
}

/** A cell's formats as the inspection API reports them, defaults filled in. */
export type CellFormat = Required<Omit<Style, "borders">> & { borders: NonNullable<Style["borders"]> };

export const BORDER_EDGES = ["top", "bottom", "left", "right", "diagonalDown", "diagonalUp"] as const;
export type BorderEdge = (typeof BORDER_EDGES)[number];

/** Worksheet.pageLayout as the fake keeps it; margins in points. */
export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** "$9:$10", or null when no rows repeat. */
  printTitleRows: string | null;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** The default header and footer for all pages: leftFooter, rightFooter, … (absent: empty). */
  headersFooters: Record<string, string>;
}

export interface ProtectionState {
  options: ExcelProtectionOptions;
  password: string | null;
}

export interface Cell {
  /** A constant; absent with a formula or when the cell only carries formats. */
  value?: Scalar;
  /** Normalized as Excel shows it, with the leading "=". */
  formula?: string;
  /** Text typed with a leading apostrophe ("'1.1"). */
  prefixed?: boolean;
  /** Sheets (lower-cased) the formula named before they existed: such references stay #REF!. */
  unbound?: string[];
  cached?: Scalar;
  cachedAt?: number;
  style: Style;
}

export interface SheetState {
  readonly id: string;
  name: string;
  visibility: Visibility;
  /** Keyed by row * MAX_COLUMNS + column (0-based), so key order is row-major. */
  cells: Map<number, Cell>;
  /** Formats set on whole columns. */
  columnStyles: Map<number, Style>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  frozenRows: number;
  /** Heights in points by 0-based row, where set; others have the default. */
  rowHeights: Map<number, number>;
  merges: Bounds[];
  pageLayout: PageLayoutState;
  /** Null while the sheet is not protected. */
  protection: ProtectionState | null;
  /** The sheet's conditional formats, highest priority first. */
  conditionalFormats: ConditionalFormatState[];
}

/**
 * A conditional format (ExcelApi 1.6). Only the "Custom" type (a formula) is modelled, with a fill: what the marks
 * use. Its formula is kept as Excel shows it for `anchor`, the top-left cell of its applied ranges; for another cell
 * of the ranges its relative references move by that cell's offset from the anchor, as in the Excel UI's rule.
 */
export interface ConditionalFormatState {
  readonly id: string;
  type: "Custom";
  ranges: Bounds[];
  anchor: { row: number; column: number };
  /** With its "="; null until the rule is set. */
  formula: string | null;
  /** Null: the format sets no fill. */
  fill: string | null;
}

export interface TableState {
  readonly id: string;
  name: string;
  sheetId: string;
  bounds: Bounds;
  hasHeaders: boolean;
}

export interface WorkbookOptions {
  /** The workbook's sheets, the first one active. Default: ["Sheet1"]. */
  sheets?: string[];
  /**
   * How text written to `values`/`formulas` is read, as if typed in that Excel locale: "1.5" is a number in
   * en-US and a date (1 May) in et-EE. Default en-US.
   */
  inputLocale?: InputLocale;
  /** The year given to dates typed without one ("1.5", "5/1"). Default: the current year. */
  year?: number;
  /** Application.calculationMode to start with. Default "Automatic", Excel's own default. */
  calculationMode?: CalculationMode;
}

/** Excel's default column width for Calibri 11: 8.43 characters = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
/** A range read through the API is limited to 5,000,000 cells (Resource limits, "Excel add-ins"). */
export const READ_CELL_LIMIT = 5_000_000;

const DEFAULTS = {
  numberFormat: "General",
  bold: false,
  italic: false,
  fontColor: "#000000",
  fillColor: "#FFFFFF",
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
};

/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's limit for a row's height, in points. */
const MAX_ROW_HEIGHT = 409;

const HORIZONTAL_ALIGNMENTS = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL_ALIGNMENTS = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
/** Excel.PaperType's values. */
const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
];
const PROTECTION_FLAGS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
];
/** Excel.ConditionalFormatType's values. */
const CONDITIONAL_FORMAT_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];
const HEADER_FOOTER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
const POINTS_PER: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
};

/** "#ffa500", "FFA500" and named colors, as Excel stores them: "#FFA500". */
export function normalizeColor(color: unknown, location: string): string {
  if (typeof color === "string") {
    const named = NAMED_COLORS[color.toLowerCase()];
    if (named) return named;
    const hex = /^#?([0-9a-fA-F]{6})$/.exec(color);
    if (hex) return `#${hex[1].toUpperCase()}`;
  }
  throw excelError("InvalidArgument", location);
}

const key = (row: number, column: number) => row * MAX_COLUMNS + column;
const rowOf = (cellKey: number) => Math.floor(cellKey / MAX_COLUMNS);
const columnOf = (cellKey: number) => cellKey % MAX_COLUMNS;

const isEmptyStyle = (style: Style) => Object.keys(style).length === 0;
const hasContent = (cell: Cell) => cell.value !== undefined || cell.formula !== undefined;

type Input =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "constant"; value: Scalar; prefixed?: boolean; numberFormat?: string }
  | { kind: "formula"; text: string };

export class FakeWorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  activeSheetId = "";
  selected: { sheetId: string; bounds: Bounds } | null = null;
  calculationSuspended = false;
  /**
   * Application.calculationMode. In "Manual" a formula keeps its last result until Application.calculate; the fake
   * has no data tables, so "AutomaticExceptTables" calculates as "Automatic" does.
   */
  private mode: CalculationMode = "Automatic";
  /** True while Application.calculate runs: every formula is computed afresh, whatever the mode. */
  private calculating = false;
  /** Workbook.protection: null while the structure is not protected, else its password (null for none). */
  workbookProtection: { password: string | null } | null = null;
  /** Bumped by every change of cell content; formula results are cached per version. */
  private version = 0;
  private evaluating = new Set<Cell>();
  private parsed = new Map<string, Node>();
  private sheetCounter = 0;
  private formatCounter = 0;
  private tableCounter = 0;
  readonly inputLocale: InputLocale;
  private readonly year: number;

  constructor(options: WorkbookOptions = {}) {
    this.inputLocale = options.inputLocale ?? "en-US";
    this.year = options.year ?? new Date().getFullYear();
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheetOp(name);
    this.activeSheetId = this.sheets[0]?.id ?? "";
    if (options.calculationMode) this.setCalculationMode(options.calculationMode);
  }

  // ---- Sheets ------------------------------------------------------------------------------------------

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  private validateSheetName(name: unknown, location: string): asserts name is string {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    )
      throw excelError("InvalidArgument", location);
  }

  /** Worksheets.add: at the end of the sheets, not activated; "SheetN" when no name is given. */
  addSheetOp(name?: unknown): SheetState {
    const location = "WorksheetCollection.add";
    this.guardStructure(location);
    if (name === undefined || name === null) {
      let n = 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this.validateSheetName(name, location);
    if (this.sheetByName(name)) throw excelError("ItemAlreadyExists", location);
    this.sheetCounter++;
    const sheet: SheetState = {
      id: `{00000000-0001-0000-${String(this.sheetCounter).padStart(4, "0")}-000000000000}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      columnStyles: new Map(),
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      frozenRows: 0,
      rowHeights: new Map(),
      merges: [],
      pageLayout: {
        orientation: "Portrait",
        // A new workbook's paper follows the locale: Letter in the US, A4 in Estonia.
        paperSize: this.inputLocale === "et-EE" ? "A4" : "Letter",
        zoom: { scale: 100 },
        printTitleRows: null,
        // Excel's "Normal" margins: 0.75" top and bottom, 0.7" left and right, 0.3" header and footer.
        margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
        headersFooters: {},
      },
      protection: null,
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    this.version++;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: unknown): void {
    this.validateSheetName(name, "Worksheet.name");
    this.guardStructure("Worksheet.name");
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw excelError("ItemAlreadyExists", "Worksheet.name");
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas(old, name);
  }

  deleteSheet(sheet: SheetState): void {
    // @types/office-js, Worksheet.delete() (ExcelApi 1.1): "if the worksheet's visibility is set to "VeryHidden", the
    // delete operation will fail with an `InvalidOperation` exception. You should first change its visibility to
    // hidden or visible before deleting it."
    if (sheet.visibility === "VeryHidden") throw excelError("InvalidOperation", "Worksheet.delete");
    this.guardStructure("Worksheet.delete");
    const visible = this.sheets.filter((other) => other.visibility === "Visible");
    if (sheet.visibility === "Visible" && visible.length === 1)
      throw excelError("InvalidOperation", "Worksheet.delete");
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.tables = this.tables.filter((table) => table.sheetId !== sheet.id);
    if (this.selected?.sheetId === sheet.id) this.selected = null;
    if (this.activeSheetId === sheet.id) this.activateNeighbour(index);
    this.rewriteFormulas(sheet.name, null);
  }

  setVisibility(sheet: SheetState, visibility: unknown): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden")
      throw excelError("InvalidArgument", "Worksheet.visibility");
    this.guardStructure("Worksheet.visibility");
    if (visibility !== "Visible" && sheet.visibility === "Visible") {
      const visible = this.sheets.filter((other) => other.visibility === "Visible");
      if (visible.length === 1) throw excelError("InvalidOperation", "Worksheet.visibility");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) this.activateNeighbour(this.sheets.indexOf(sheet));
  }

  /** After the active sheet went away or was hidden: the next visible sheet, else the previous one. */
  private activateNeighbour(index: number): void {
    const after = this.sheets
      .slice(index)
      .find((sheet) => sheet.visibility === "Visible" && sheet.id !== this.activeSheetId);
    const before = this.sheets
      .slice(0, index)
      .reverse()
      .find((sheet) => sheet.visibility === "Visible");
    this.activeSheetId = (after ?? before)?.id ?? "";
  }

  activate(sheet: SheetState): void {
    if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", "Worksheet.activate");
    this.activeSheetId = sheet.id;
  }

  select(sheet: SheetState, bounds: Bounds): void {
    if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", "Range.select");
    this.activeSheetId = sheet.id;
    this.selected = { sheetId: sheet.id, bounds };
  }

  freezeRows(sheet: SheetState, count: unknown): void {
    const rows = count === undefined || count === null ? 1 : count;
    if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS)
      throw excelError("InvalidArgument", "WorksheetFreezePanes.freezeRows");
    sheet.frozenRows = rows;
  }

  /** Worksheet.position set: the sheet moves to that 0-based place among all sheets, hidden ones included. */
  moveSheet(sheet: SheetState, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length)
      throw excelError("InvalidArgument", "Worksheet.position");
    this.guardStructure("Worksheet.position");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  // ---- Workbook protection -----------------------------------------------------------------------------

  /**
   * Refuses a change of the workbook's structure while it is protected. Microsoft's "Protect a workbook" (Excel
   * support): protecting the structure keeps others from "viewing hidden worksheets, adding, moving, deleting, or
   * hiding worksheets, and renaming worksheets". The error code is a guess: the reference names none for this, and
   * AccessDenied ("You cannot perform the requested operation.") is what Excel answers to other changes that
   * protection forbids (a protected sheet's locked cells; WorksheetProtection, OfficeDev/office-js #6784).
   * Setting a sheet's visibility to what it already is counts as a change too (a guess: Excel may let it pass).
   */
  private guardStructure(location: string): void {
    if (this.workbookProtection) throw excelError("AccessDenied", location);
  }

  /** WorkbookProtection.protect (ExcelApi 1.7): "Protects the workbook. Fails if the workbook has been protected." */
  protectWorkbook(password: unknown): void {
    const location = "WorkbookProtection.protect";
    if (password !== undefined && password !== null && typeof password !== "string")
      throw excelError("InvalidArgument", location);
    // Which error the documented failure is, the reference does not say: AccessDenied is a guess, as for a sheet
    // protected twice (WorksheetProtection.protect, OfficeDev/office-js #6784).
    if (this.workbookProtection) throw excelError("AccessDenied", location);
    this.workbookProtection = { password: password ? password : null };
  }

  /**
   * WorkbookProtection.unprotect (ExcelApi 1.7): "Unprotects the workbook." A guess where the reference is silent:
   * nothing to do when it is not protected, and a wrong password fails with InvalidArgument, as the fake's sheet
   * protection does.
   */
  unprotectWorkbook(password: unknown): void {
    if (!this.workbookProtection) return;
    if (this.workbookProtection.password !== null && password !== this.workbookProtection.password)
      throw excelError("InvalidArgument", "WorkbookProtection.unprotect");
    this.workbookProtection = null;
  }

  // ---- Calculation -------------------------------------------------------------------------------------

  get calculationMode(): CalculationMode {
    return this.mode;
  }

  /**
   * Application.calculationMode set (ExcelApi 1.8). Going to "Manual", every formula keeps the result it has now
   * ("Manual, where calculation is done when the user requests it"); leaving it, results are computed afresh when
   * read, as Excel recalculates on switching back to automatic (a guess: the reference does not say so).
   */
  setCalculationMode(mode: unknown): void {
    if (typeof mode !== "string" || !CALCULATION_MODES.includes(mode))
      throw excelError("InvalidArgument", "Application.calculationMode");
    if (mode === "Manual" && this.mode !== "Manual") this.computeAll();
    this.mode = mode as CalculationMode;
  }

  /**
   * Application.calculate (ExcelApi 1.1): "Recalculate all currently opened workbooks in Excel." The fake keeps no
   * dirty cells, so "Recalculate" computes every formula as "Full" and "FullRebuild" do: the results are the same.
   * Called while calculation is suspended in the same batch, it still calculates (a guess; the adapter never does
   * both in one batch).
   */
  calculate(type: unknown): void {
    if (typeof type !== "string" || !CALCULATION_TYPES.includes(type))
      throw excelError("InvalidArgument", "Application.calculate");
    this.version++;
    this.calculating = true;
    try {
      this.computeAll();
    } finally {
      this.calculating = false;
    }
  }

  /** Every formula's result, as content() gives it now. */
  private computeAll(): void {
    for (const sheet of this.sheets) for (const cell of sheet.cells.values()) this.content(sheet, cell);
  }

  // ---- Protection --------------------------------------------------------------------------------------

  /**
   * A protected sheet refuses, with AccessDenied, every change its options do not allow. Every cell counts as
   * locked (the fake keeps no per-cell `locked` flag); renaming, moving, deleting, activating the sheet, freezing
   * panes and page layout stay allowed, as in Excel.
   */
  private guard(sheet: SheetState, location: string, allowedBy?: keyof ExcelProtectionOptions): void {
    if (!sheet.protection) return;
    if (allowedBy && sheet.protection.options[allowedBy] === true) return;
    throw excelError("AccessDenied", location);
  }

  /** WorksheetProtection.protect: documented to fail on a sheet already protected. */
  protect(sheet: SheetState, options: unknown, password: unknown): void {
    const location = "WorksheetProtection.protect";
    const checked: ExcelProtectionOptions = {};
    if (options !== undefined && options !== null) {
      if (typeof options !== "object") throw excelError("InvalidArgument", location);
      for (const [name, value] of Object.entries(options)) {
        if (value === null || value === undefined) continue;
        if (PROTECTION_FLAGS.includes(name) && typeof value === "boolean")
          (checked as Record<string, unknown>)[name] = value;
        else if (name === "selectionMode" && ["Normal", "Unlocked", "None"].includes(value as string))
          checked.selectionMode = value as ExcelProtectionOptions["selectionMode"];
        else throw excelError("InvalidArgument", location);
      }
    }
    if (password !== undefined && password !== null && typeof password !== "string")
      throw excelError("InvalidArgument", location);
    if (sheet.protection) throw excelError("AccessDenied", location);
    sheet.protection = { options: checked, password: password ? password : null };
  }

  /** WorksheetProtection.unprotect: nothing to do on a sheet that is not protected; a wrong password fails. */
  unprotect(sheet: SheetState, password: unknown): void {
    if (!sheet.protection) return;
    if (sheet.protection.password !== null && password !== sheet.protection.password)
      throw excelError("InvalidArgument", "WorksheetProtection.unprotect");
    sheet.protection = null;
  }

  /** WorksheetProtection.options as Excel reports them: every flag, false unless allowed. */
  protectionOptions(sheet: SheetState): ExcelProtectionOptions {
    const options: Record<string, unknown> = Object.fromEntries(PROTECTION_FLAGS.map((flag) => [flag, false]));
    return { ...options, selectionMode: "Normal", ...sheet.protection?.options } as ExcelProtectionOptions;
  }

  // ---- Page layout -------------------------------------------------------------------------------------

  setPageLayout(sheet: SheetState, property: "orientation" | "paperSize" | "zoom", value: unknown): void {
    const location = `PageLayout.${property}`;
    const layout = sheet.pageLayout;
    if (property === "orientation") {
      if (value !== "Portrait" && value !== "Landscape") throw excelError("InvalidArgument", location);
      layout.orientation = value;
    } else if (property === "paperSize") {
      if (typeof value !== "string" || !PAPER_TYPES.includes(value)) throw excelError("InvalidArgument", location);
      layout.paperSize = value;
    } else {
      if (typeof value !== "object" || value === null) throw excelError("InvalidArgument", location);
      const zoom: PageLayoutState["zoom"] = {};
      for (const [name, raw] of Object.entries(value)) {
        if (raw === null || raw === undefined) continue;
        const valid =
          typeof raw === "number" &&
          Number.isInteger(raw) &&
          (name === "scale"
            ? raw >= 10 && raw <= 400
            : (name === "horizontalFitToPages" || name === "verticalFitToPages") && raw >= 0 && raw <= 32767);
        if (!valid) throw excelError("InvalidArgument", location);
        zoom[name as keyof PageLayoutState["zoom"]] = raw;
      }
      // Fitting to pages replaces the percentage; 0 pages tall or wide is "automatic".
      if (zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined) delete zoom.scale;
      if (Object.keys(zoom).length === 0) throw excelError("InvalidArgument", location);
      layout.zoom = zoom;
    }
  }

  /** PageLayout.setPrintTitleRows: whole rows only, as the documentation says. */
  setPrintTitleRows(sheet: SheetState, bounds: Bounds): void {
    if (!isWholeRows(bounds)) throw excelError("InvalidArgument", "PageLayout.setPrintTitleRows");
    sheet.pageLayout.printTitleRows = `$${bounds.r1 + 1}:$${bounds.r2 + 1}`;
  }

  /** PageLayout.setPrintMargins: the margins given, in `unit`; the others stay. */
  setPrintMargins(sheet: SheetState, unit: unknown, options: unknown): void {
    const location = "PageLayout.setPrintMargins";
    const factor = typeof unit === "string" ? POINTS_PER[unit] : undefined;
    if (!factor || typeof options !== "object" || options === null) throw excelError("InvalidArgument", location);
    const margins = { ...sheet.pageLayout.margins };
    for (const [name, value] of Object.entries(options)) {
      if (value === null || value === undefined) continue;
      if (!(name in margins) || typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw excelError("InvalidArgument", location);
      // To a millionth of a point, so that 0.6 inches reads 43.2 and not 43.199999999999996.
      margins[name as keyof typeof margins] = Math.round(value * factor * 1e6) / 1e6;
    }
    sheet.pageLayout.margins = margins;
  }

  /** HeaderFooter.leftFooter and the like, of `headersFooters.defaultForAllPages`. */
  setHeaderFooter(sheet: SheetState, part: string, text: unknown): void {
    if (!HEADER_FOOTER_PARTS.includes(part) || typeof text !== "string")
      throw excelError("InvalidArgument", `HeaderFooter.${part}`);
    if (text === "") delete sheet.pageLayout.headersFooters[part];
    else sheet.pageLayout.headersFooters[part] = text;
  }

  // ---- Content -----------------------------------------------------------------------------------------

  private cellAt(sheet: SheetState, row: number, column: number, create: true): Cell;
  private cellAt(sheet: SheetState, row: number, column: number, create?: false): Cell | undefined;
  private cellAt(sheet: SheetState, row: number, column: number, create = false): Cell | undefined {
    let cell = sheet.cells.get(key(row, column));
    if (!cell && create) {
      cell = { style: {} };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  private dropIfEmpty(sheet: SheetState, row: number, column: number): void {
    const cell = sheet.cells.get(key(row, column));
    if (cell && !hasContent(cell) && isEmptyStyle(cell.style)) sheet.cells.delete(key(row, column));
  }

  private effectiveStyle(sheet: SheetState, row: number, column: number): Style {
    return { ...sheet.columnStyles.get(column), ...sheet.cells.get(key(row, column))?.style };
  }

  /** Excel requires a 2-D array of exactly the range's shape. */
  private checkShape(rows: unknown, bounds: Bounds, location: string): asserts rows is unknown[][] {
    const height = bounds.r2 - bounds.r1 + 1;
    const width = bounds.c2 - bounds.c1 + 1;
    if (
      !Array.isArray(rows) ||
      rows.length !== height ||
      rows.some((row) => !Array.isArray(row) || row.length !== width)
    )
      throw excelError("InvalidArgument", location, SHAPE_MISMATCH);
  }

  private checkReadable(bounds: Bounds, location: string): void {
    if (cellCount(bounds) > READ_CELL_LIMIT) throw excelError("RangeExceedsLimit", location);
  }

  /** Range.values / Range.formulas / Range.numberFormat set. Null entries leave their cell as it is. */
  write(sheet: SheetState, bounds: Bounds, rows: unknown, property: "values" | "formulas" | "numberFormat"): void {
    const location = `Range.${property}`;
    this.checkShape(rows, bounds, location);
    this.guard(sheet, location, property === "numberFormat" ? "allowFormatCells" : undefined);
    if (property === "numberFormat") {
      for (const row of rows)
        for (const format of row)
          if (format !== null && typeof format !== "string") throw excelError("InvalidArgument", location);
      rows.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format === null) return;
          const cell = this.cellAt(sheet, bounds.r1 + i, bounds.c1 + j, true);
          if (format === "" || format === "General") delete cell.style.numberFormat;
          else cell.style.numberFormat = format as string;
          this.dropIfEmpty(sheet, bounds.r1 + i, bounds.c1 + j);
        }),
      );
      return;
    }
    const inputs = rows.map((row, i) =>
      row.map((raw, j) => {
        const numberFormat = this.effectiveStyle(sheet, bounds.r1 + i, bounds.c1 + j).numberFormat;
        return this.parseInput(raw, numberFormat === "@", location);
      }),
    );
    const entered: Array<[SheetState, Cell]> = [];
    inputs.forEach((row, i) =>
      row.forEach((input, j) => {
        if (input.kind === "skip") return;
        const [r, c] = [bounds.r1 + i, bounds.c1 + j];
        const cell = this.cellAt(sheet, r, c, true);
        delete cell.value;
        delete cell.formula;
        delete cell.prefixed;
        delete cell.unbound;
        delete cell.cached;
        delete cell.cachedAt;
        if (input.kind === "constant") {
          cell.value = input.value;
          if (input.prefixed) cell.prefixed = true;
          if (input.numberFormat && cell.style.numberFormat === undefined) cell.style.numberFormat = input.numberFormat;
        } else if (input.kind === "formula") {
          cell.formula = input.text;
          const missing = referencedSheets(tokenize(input.text.slice(1)))
            .filter((name) => !this.sheetByName(name))
            .map((name) => name.toLowerCase());
          if (missing.length) cell.unbound = missing;
          entered.push([sheet, cell]);
        }
        this.dropIfEmpty(sheet, r, c);
      }),
    );
    this.version++;
    // Under suspended calculation a newly entered formula is still calculated once, from the cached results
    // of the cells it refers to; its dependents wait for the next sync. In manual calculation mode likewise, until
    // Application.calculate: Excel computes a formula as it is entered, not the formulas that depend on it (a
    // guess from Excel's own manual mode; the reference does not say what a formula written through the API shows).
    if (this.calculationSuspended || this.mode === "Manual")
      for (const [target, cell] of entered) {
        cell.cached = evaluate(this.ast(cell.formula!), this.host(target, cell));
        cell.cachedAt = -1;
      }
  }

  /** A written value as Excel reads it when typed into the cell. */
  private parseInput(raw: unknown, asText: boolean, location: string): Input {
    if (raw === null || raw === undefined) return { kind: "skip" };
    if (typeof raw === "number") return { kind: "constant", value: raw === 0 ? 0 : raw };
    if (typeof raw === "boolean") return { kind: "constant", value: raw };
    if (typeof raw !== "string") throw excelError("InvalidArgument", location);
    if (raw === "") return { kind: "clear" };
    if (asText) return { kind: "constant", value: raw };
    if (raw.startsWith("'")) return { kind: "constant", value: raw.slice(1), prefixed: true };
    if (raw.startsWith("=") || raw.startsWith("+") || raw.startsWith("-")) {
      const number = raw.startsWith("=") ? null : this.readNumber(raw);
      if (number) return { kind: "constant", ...number };
      try {
        return { kind: "formula", text: this.normalizeFormula(raw.startsWith("=") ? raw : `=${raw}`) };
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        // "=1+" is refused like Excel refuses it; a label such as "-" or "--- ---" stays text.
        if (raw.startsWith("=")) throw excelError("InvalidArgument", location);
        return { kind: "constant", value: raw };
      }
    }
    const error = ERROR_TEXTS.find((text) => text === raw.toUpperCase());
    if (error) return { kind: "constant", value: new CellError(error) };
    const [yes, no] = this.inputLocale === "et-EE" ? ["TÕENE", "VÄÄR"] : ["TRUE", "FALSE"];
    if (raw.toUpperCase() === yes || raw.toUpperCase() === no)
      return { kind: "constant", value: raw.toUpperCase() === yes };
    const number = this.readNumber(raw) ?? this.readDate(raw);
    if (number) return { kind: "constant", ...number };
    return { kind: "constant", value: raw };
  }

  /** "12", "-1.5", "1e3", "7%" (en-US) or "1,5" (et-EE); null for anything else. */
  private readNumber(text: string): { value: number; numberFormat?: string } | null {
    const decimal = this.inputLocale === "et-EE" ? "," : ".";
    const trimmed = text.trim();
    const pattern = new RegExp(`^[+-]?(\\d+\\${decimal}?\\d*|\\${decimal}\\d+)([eE][+-]?\\d+)?(%?)$`);
    const match = pattern.exec(trimmed);
    if (!match) return null;
    const number = Number(trimmed.replace("%", "").replace(decimal, "."));
    if (!Number.isFinite(number)) return null;
    if (!match[3]) return { value: number };
    return { value: number / 100, numberFormat: /[.,]\d/.test(trimmed) ? "0.00%" : "0%" };
  }

  /** ISO dates everywhere; m/d/yyyy and m/d in en-US; d.m.yyyy and d.m in et-EE. As a 1900-system serial. */
  private readDate(text: string): { value: number; numberFormat: string } | null {
    const trimmed = text.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
    const local =
      this.inputLocale === "et-EE"
        ? /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/.exec(trimmed)
        : /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(trimmed);
    let year: number, month: number, day: number;
    let withYear = true;
    if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (local) {
      const [a, b] = [Number(local[1]), Number(local[2])];
      [day, month] = this.inputLocale === "et-EE" ? [a, b] : [b, a];
      withYear = local[3] !== undefined;
      year = local[3] === undefined ? this.year : Number(local[3]);
      if (local[3]?.length === 2) year += year < 30 ? 2000 : 1900;
    } else return null;
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    const serial = Math.round((time - Date.UTC(1899, 11, 30)) / 86400000);
    const numberFormat =
      this.inputLocale === "et-EE" ? (withYear ? "d.mm.yyyy" : "d. mmm") : withYear ? "m/d/yyyy" : "d-mmm";
    return { value: serial, numberFormat };
  }

  /** The formula as Excel keeps it: function names and references upper-cased, sheets spelled and quoted. */
  normalizeFormula(text: string): string {
    const tokens = tokenize(text.slice(1));
    parse(tokens);
    return `=${render(tokens, (name) => this.sheetByName(name)?.name ?? name)}`;
  }

  private ast(formula: string): Node {
    let node = this.parsed.get(formula);
    if (!node) {
      node = parse(tokenize(formula.slice(1)));
      this.parsed.set(formula, node);
    }
    return node;
  }

  /** Formulas follow a renamed sheet; those on a deleted sheet turn into #REF! references. */
  private rewriteFormulas(from: string, to: string | null): void {
    const lower = from.toLowerCase();
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values()) {
        if (!cell.formula || cell.unbound?.includes(lower)) continue;
        const tokens = tokenize(cell.formula.slice(1));
        if (!referencedSheets(tokens).some((name) => name.toLowerCase() === lower)) continue;
        cell.formula = `=${render(replaceSheet(tokens, from, to), (name) => this.sheetByName(name)?.name ?? name)}`;
      }
    this.version++;
  }

  private host(sheet: SheetState, cell: Cell): FormulaHost {
    const resolve = (ref: SheetRef): SheetState | CellError => {
      if (ref === undefined) return sheet;
      if (ref === null || cell.unbound?.includes(ref.toLowerCase())) return new CellError("#REF!");
      return this.sheetByName(ref) ?? new CellError("#REF!");
    };
    return {
      sheetError: (ref) => {
        const target = resolve(ref);
        return target instanceof CellError ? target : null;
      },
      valueAt: (ref, row, column) => {
        const target = resolve(ref);
        if (target instanceof CellError) return target;
        const other = target.cells.get(key(row, column));
        return other ? this.content(target, other) : null;
      },
      valuesIn: (ref, bounds) => {
        const target = resolve(ref);
        if (target instanceof CellError) return [target];
        return this.cellsIn(target, bounds).flatMap(([, other]) => {
          const value = this.content(target, other);
          return value === null ? [] : [value];
        });
      },
    };
  }

  /** The existing cells inside `bounds`, row by row. */
  private cellsIn(sheet: SheetState, bounds: Bounds): Array<[number, Cell]> {
    if (cellCount(bounds) <= sheet.cells.size) {
      const found: Array<[number, Cell]> = [];
      for (let r = bounds.r1; r <= bounds.r2; r++)
        for (let c = bounds.c1; c <= bounds.c2; c++) {
          const cell = sheet.cells.get(key(r, c));
          if (cell) found.push([key(r, c), cell]);
        }
      return found;
    }
    return [...sheet.cells.entries()]
      .filter(([cellKey]) => {
        const [r, c] = [rowOf(cellKey), columnOf(cellKey)];
        return r >= bounds.r1 && r <= bounds.r2 && c >= bounds.c1 && c <= bounds.c2;
      })
      .sort(([a], [b]) => a - b);
  }

  /** A cell's value: its constant, or its formula's result (recalculated unless calculation is suspended). */
  private content(sheet: SheetState, cell: Cell): Scalar | null {
    if (cell.formula === undefined) return cell.value ?? null;
    const held = this.calculationSuspended || this.mode === "Manual";
    if (held && !this.calculating && cell.cached !== undefined) return cell.cached;
    if (cell.cachedAt === this.version) return cell.cached!;
    if (this.evaluating.has(cell)) return 0; // A circular reference: Excel shows 0 and warns.
    this.evaluating.add(cell);
    try {
      cell.cached = evaluate(this.ast(cell.formula), this.host(sheet, cell));
      cell.cachedAt = this.version;
    } finally {
      this.evaluating.delete(cell);
    }
    return cell.cached;
  }

  /** Application.suspendApiCalculationUntilNextSync: results stay as they are until the batch ends. */
  suspendCalculation(): void {
    this.computeAll();
    this.calculationSuspended = true;
  }

  /** The end of a sync: calculation resumes. */
  endBatch(): void {
    this.calculationSuspended = false;
  }

  read(sheet: SheetState, bounds: Bounds, property: "values" | "formulas" | "numberFormat"): ExcelValue[][] {
    this.checkReadable(bounds, `Range.${property}`);
    const rows: ExcelValue[][] = [];
    for (let r = bounds.r1; r <= bounds.r2; r++) {
      const row: ExcelValue[] = [];
      for (let c = bounds.c1; c <= bounds.c2; c++) row.push(this.readCell(sheet, r, c, property));
      rows.push(row);
    }
    return rows;
  }

  private readCell(sheet: SheetState, row: number, column: number, property: string): ExcelValue {
    if (property === "numberFormat")
      return this.effectiveStyle(sheet, row, column).numberFormat ?? DEFAULTS.numberFormat;
    const cell = sheet.cells.get(key(row, column));
    if (!cell || !hasContent(cell)) return "";
    if (property === "formulas") {
      if (cell.formula !== undefined) return cell.formula;
      if (cell.prefixed) return `'${cell.value as string}`;
    }
    const value = this.content(sheet, cell);
    return value === null ? "" : value instanceof CellError ? value.text : value;
  }

  // ---- Formats -----------------------------------------------------------------------------------------

  /** Sets (or, with undefined, removes) one format on every cell of the range; whole columns keep it per column. */
  setStyle<K extends keyof Style>(sheet: SheetState, bounds: Bounds, name: K, value: Style[K] | undefined): void {
    this.guard(sheet, "RangeFormat", "allowFormatCells");
    if (isWholeRows(bounds)) throw excelError("NotImplemented", "RangeFormat", "The fake keeps no row formats.");
    const assign = (style: Style) => {
      if (value === undefined) delete style[name];
      else style[name] = value;
    };
    if (isWholeColumns(bounds)) {
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        const style = { ...sheet.columnStyles.get(c) };
        assign(style);
        if (isEmptyStyle(style)) sheet.columnStyles.delete(c);
        else sheet.columnStyles.set(c, style);
      }
      for (const [cellKey, cell] of this.cellsIn(sheet, bounds)) {
        delete cell.style[name];
        this.dropIfEmpty(sheet, rowOf(cellKey), columnOf(cellKey));
      }
      return;
    }
    for (let r = bounds.r1; r <= bounds.r2; r++)
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        assign(this.cellAt(sheet, r, c, true).style);
        this.dropIfEmpty(sheet, r, c);
      }
  }

  /** RangeFormat.horizontalAlignment / verticalAlignment set. */
  setAlignment(
    sheet: SheetState,
    bounds: Bounds,
    name: "horizontalAlignment" | "verticalAlignment",
    value: unknown,
  ): void {
    const allowed = name === "horizontalAlignment" ? HORIZONTAL_ALIGNMENTS : VERTICAL_ALIGNMENTS;
    if (typeof value !== "string" || !allowed.includes(value))
      throw excelError("InvalidArgument", `RangeFormat.${name}`);
    this.setStyle(sheet, bounds, name, value);
  }

  /** One format over the range as Excel reports it: the common value, or null when the cells differ. */
  readStyle(sheet: SheetState, bounds: Bounds, name: keyof typeof DEFAULTS): ExcelValue | null {
    const found = new Set<unknown>();
    const fallback = DEFAULTS[name];
    if (isWholeColumns(bounds) || isWholeRows(bounds)) {
      for (let c = bounds.c1; c <= bounds.c2; c++) found.add(sheet.columnStyles.get(c)?.[name] ?? fallback);
      for (const [cellKey] of this.cellsIn(sheet, bounds))
        found.add(this.effectiveStyle(sheet, rowOf(cellKey), columnOf(cellKey))[name] ?? fallback);
    } else
      for (let r = bounds.r1; r <= bounds.r2 && found.size < 2; r++)
        for (let c = bounds.c1; c <= bounds.c2 && found.size < 2; c++)
          found.add(this.effectiveStyle(sheet, r, c)[name] ?? fallback);
    return found.size === 1 ? ([...found][0] as ExcelValue) : null;
  }

  setColumnWidth(sheet: SheetState, bounds: Bounds, width: unknown): void {
    if (typeof width !== "number" || !Number.isFinite(width) || width < 0)
      throw excelError("InvalidArgument", "RangeFormat.columnWidth");
    this.guard(sheet, "RangeFormat.columnWidth", "allowFormatColumns");
    for (let c = bounds.c1; c <= bounds.c2; c++) sheet.columnWidths.set(c, width);
  }

  /** In points; a hidden column reads 0. Null when the columns differ. */
  readColumnWidth(sheet: SheetState, bounds: Bounds): number | null {
    const widths = new Set<number>();
    for (let c = bounds.c1; c <= bounds.c2; c++)
      widths.add(sheet.hiddenColumns.has(c) ? 0 : (sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH));
    return widths.size === 1 ? [...widths][0] : null;
  }

  setColumnHidden(sheet: SheetState, bounds: Bounds, hidden: unknown): void {
    if (typeof hidden !== "boolean") throw excelError("InvalidArgument", "Range.columnHidden");
    this.guard(sheet, "Range.columnHidden", "allowFormatColumns");
    for (let c = bounds.c1; c <= bounds.c2; c++) {
      if (hidden) sheet.hiddenColumns.add(c);
      else sheet.hiddenColumns.delete(c);
    }
  }

  /** True when every column of the range is hidden, false when none is, null otherwise. */
  readColumnHidden(sheet: SheetState, bounds: Bounds): boolean | null {
    let hidden = 0;
    for (let c = bounds.c1; c <= bounds.c2; c++) if (sheet.hiddenColumns.has(c)) hidden++;
    return hidden === 0 ? false : hidden === bounds.c2 - bounds.c1 + 1 ? true : null;
  }

  /** RangeFormat.rowHeight set: every row of the range, in points. */
  setRowHeight(sheet: SheetState, bounds: Bounds, height: unknown): void {
    const location = "RangeFormat.rowHeight";
    if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > MAX_ROW_HEIGHT)
      throw excelError("InvalidArgument", location);
    this.guard(sheet, location, "allowFormatRows");
    if (isWholeColumns(bounds)) throw excelError("NotImplemented", location, "The fake keeps no default row height.");
    for (let r = bounds.r1; r <= bounds.r2; r++) sheet.rowHeights.set(r, height);
  }

  /** In points; null when the rows differ. */
  readRowHeight(sheet: SheetState, bounds: Bounds): number | null {
    const heights = new Set<number>();
    const rows = bounds.r2 - bounds.r1 + 1;
    let set = 0;
    for (const [row, height] of sheet.rowHeights)
      if (row >= bounds.r1 && row <= bounds.r2) {
        heights.add(height);
        set++;
      }
    if (set < rows) heights.add(DEFAULT_ROW_HEIGHT);
    return heights.size === 1 ? [...heights][0] : null;
  }

  // ---- Merged cells ------------------------------------------------------------------------------------

  /**
   * Range.merge: the range becomes one merged area, or one per row with `across`. A merged area it overlaps
   * joins the new one (the area grows to hold it). Only the top-left cell keeps its content, as in Excel, which
   * drops the others' values. A merge over a table is refused, as a table over merged cells is.
   */
  merge(sheet: SheetState, bounds: Bounds, across: unknown): void {
    const location = "Range.merge";
    if (across !== undefined && across !== null && typeof across !== "boolean")
      throw excelError("InvalidArgument", location);
    this.guard(sheet, location);
    const areas: Bounds[] = [];
    if (across === true) for (let r = bounds.r1; r <= bounds.r2; r++) areas.push({ ...bounds, r1: r, r2: r });
    else areas.push({ ...bounds });
    const wanted = areas.filter((area) => cellCount(area) > 1);
    for (const area of wanted)
      if (this.tables.some((table) => table.sheetId === sheet.id && intersects(table.bounds, area)))
        throw excelError("MergedRangeConflict", location);
    for (let area of wanted) {
      for (let grown = true; grown;) {
        const overlapping = sheet.merges.filter((merged) => intersects(merged, area));
        const next = overlapping.reduce(
          (box, merged) => ({
            r1: Math.min(box.r1, merged.r1),
            c1: Math.min(box.c1, merged.c1),
            r2: Math.max(box.r2, merged.r2),
            c2: Math.max(box.c2, merged.c2),
          }),
          area,
        );
        grown = cellCount(next) !== cellCount(area);
        area = next;
      }
      const kept = area;
      sheet.merges = sheet.merges.filter((merged) => !intersects(merged, kept));
      sheet.merges.push(kept);
      for (const [cellKey, cell] of this.cellsIn(sheet, kept)) {
        if (rowOf(cellKey) === kept.r1 && columnOf(cellKey) === kept.c1) continue;
        for (const field of ["value", "formula", "prefixed", "unbound", "cached", "cachedAt"] as const)
          delete cell[field];
        this.dropIfEmpty(sheet, rowOf(cellKey), columnOf(cellKey));
      }
    }
    this.version++;
  }

  /** Range.unmerge: every merged area the range touches is split again. */
  unmerge(sheet: SheetState, bounds: Bounds): void {
    this.guard(sheet, "Range.unmerge");
    sheet.merges = sheet.merges.filter((merged) => !intersects(merged, bounds));
  }

  /** Range.getCellProperties: per cell, only what the load options ask for. */
  cellProperties(sheet: SheetState, bounds: Bounds, options: unknown): Array<Array<Record<string, unknown>>> {
    const location = "Range.getCellProperties";
    this.checkReadable(bounds, location);
    if (typeof options !== "object" || options === null) throw excelError("InvalidArgument", location);
    const want = options as {
      address?: boolean;
      format?: {
        fill?: { color?: boolean; pattern?: boolean };
        font?: { color?: boolean; bold?: boolean; italic?: boolean; size?: boolean };
        indentLevel?: boolean;
        wrapText?: boolean;
        horizontalAlignment?: boolean;
        verticalAlignment?: boolean;
        /** Excel.CellPropertiesBorderLoadOptions: the fields wanted of every edge (true: all of them). */
        borders?: boolean | { style?: boolean; weight?: boolean; color?: boolean };
      };
    };
    const rows: Array<Array<Record<string, unknown>>> = [];
    for (let r = bounds.r1; r <= bounds.r2; r++) {
      const row: Array<Record<string, unknown>> = [];
      for (let c = bounds.c1; c <= bounds.c2; c++) {
        const style = this.effectiveStyle(sheet, r, c);
        const item: Record<string, unknown> = {};
        if (want.address) item.address = `${this.qualified(sheet)}!${columnName(c)}${r + 1}`;
        if (want.format) {
          const format: Record<string, unknown> = {};
          if (want.format.fill?.color || want.format.fill?.pattern) {
            const fill: Record<string, unknown> = {};
            if (want.format.fill.color) fill.color = style.fillColor ?? DEFAULTS.fillColor;
            // Excel.FillPattern: a colour set through the API is a solid fill; no fill is "None".
            if (want.format.fill.pattern) fill.pattern = style.fillColor === undefined ? "None" : "Solid";
            format.fill = fill;
          }
          const font: Record<string, unknown> = {};
          if (want.format.font?.color) font.color = style.fontColor ?? DEFAULTS.fontColor;
          if (want.format.font?.bold) font.bold = style.bold ?? DEFAULTS.bold;
          if (want.format.font?.italic) font.italic = style.italic ?? DEFAULTS.italic;
          if (want.format.font?.size) font.size = style.fontSize ?? DEFAULTS.fontSize;
          if (Object.keys(font).length) format.font = font;
          if (want.format.indentLevel) format.indentLevel = style.indentLevel ?? 0;
          for (const name of ["wrapText", "horizontalAlignment", "verticalAlignment"] as const)
            if (want.format[name]) format[name] = style[name] ?? DEFAULTS[name];
          if (want.format.borders) {
            // @types/office-js, Excel.CellPropertiesFormatLoadOptions.borders is a CellPropertiesBorderLoadOptions
            // ({ color, style, weight, tintAndShade }): it picks the fields of each edge, and every edge is returned.
            const fields =
              want.format.borders === true
                ? ["style", "weight", "color"]
                : ["style", "weight", "color"].filter(
                    (field) => (want.format!.borders as Record<string, unknown>)[field],
                  );
            format.borders = Object.fromEntries(
              BORDER_EDGES.map((edge) => {
                const line: Record<string, unknown> = style.borders?.[edge] ?? {
                  style: "None",
                  weight: "Thin",
                  color: "#000000",
                };
                return [edge, Object.fromEntries(fields.map((field) => [field, line[field]]))];
              }),
            );
          }
          item.format = format;
        }
        row.push(item);
      }
      rows.push(row);
    }
    return rows;
  }

  /** Range.setCellProperties: a 2-D array of the range's shape; null entries leave their cell as it is. */
  setCellProperties(sheet: SheetState, bounds: Bounds, rows: unknown): void {
    const location = "Range.setCellProperties";
    this.checkShape(rows, bounds, location);
    this.guard(sheet, location, "allowFormatCells");
    const invalid = () => excelError("InvalidArgument", location);
    /** A border edge: a line to draw, or null for "None" (which removes the edge). */
    const edge = (raw: unknown): Required<ExcelCellBorder> | null => {
      if (typeof raw !== "object" || raw === null) throw invalid();
      const { style = "Continuous", weight = "Thin", color = "#000000" } = raw as ExcelCellBorder;
      if (!BORDER_STYLES.includes(style) || !BORDER_WEIGHTS.includes(weight)) throw invalid();
      return style === "None" ? null : { style, weight, color: normalizeColor(color, location) };
    };
    const patches = rows.map((row) =>
      row.map((item): { style: Style; borders: Array<[BorderEdge, Required<ExcelCellBorder> | null]> } | null => {
        if (item === null) return null;
        if (typeof item !== "object") throw invalid();
        const { format } = item as ExcelCellProperties;
        const style: Style = {};
        if (format?.fill?.color !== undefined) style.fillColor = normalizeColor(format.fill.color, location);
        if (format?.font?.color !== undefined) style.fontColor = normalizeColor(format.font.color, location);
        for (const flag of ["bold", "italic"] as const) {
          const value = format?.font?.[flag];
          if (value === undefined) continue;
          if (typeof value !== "boolean") throw invalid();
          style[flag] = value;
        }
        if (format?.font?.size !== undefined) {
          const size = format.font.size;
          if (typeof size !== "number" || !(size >= 1 && size <= 409)) throw invalid();
          style.fontSize = size;
        }
        if (format?.indentLevel !== undefined) {
          const level = format.indentLevel;
          if (typeof level !== "number" || !Number.isInteger(level) || level < 0 || level > 250) throw invalid();
          style.indentLevel = level;
        }
        if (format?.wrapText !== undefined) {
          if (typeof format.wrapText !== "boolean") throw invalid();
          style.wrapText = format.wrapText;
        }
        if (format?.horizontalAlignment !== undefined) {
          if (!HORIZONTAL_ALIGNMENTS.includes(format.horizontalAlignment)) throw invalid();
          style.horizontalAlignment = format.horizontalAlignment;
        }
        if (format?.verticalAlignment !== undefined) {
          if (!VERTICAL_ALIGNMENTS.includes(format.verticalAlignment)) throw invalid();
          style.verticalAlignment = format.verticalAlignment;
        }
        const borders: Array<[BorderEdge, Required<ExcelCellBorder> | null]> = [];
        if (format?.borders !== undefined) {
          if (typeof format.borders !== "object" || format.borders === null) throw invalid();
          for (const [name, raw] of Object.entries(format.borders)) {
            // Inside lines (horizontal, vertical) mean nothing for a single cell: Excel ignores them there.
            if (name === "horizontal" || name === "vertical") continue;
            if (!(BORDER_EDGES as readonly string[]).includes(name)) throw invalid();
            borders.push([name as BorderEdge, edge(raw)]);
          }
        }
        return { style, borders };
      }),
    );
    patches.forEach((row, i) =>
      row.forEach((patch, j) => {
        if (!patch) return;
        const cell = this.cellAt(sheet, bounds.r1 + i, bounds.c1 + j, true);
        Object.assign(cell.style, patch.style);
        if (cell.style.indentLevel === 0) delete cell.style.indentLevel;
        if (patch.borders.length) {
          const borders = { ...cell.style.borders };
          for (const [name, line] of patch.borders) {
            if (line) borders[name] = line;
            else delete borders[name];
          }
          if (Object.keys(borders).length) cell.style.borders = borders;
          else delete cell.style.borders;
        }
        this.dropIfEmpty(sheet, bounds.r1 + i, bounds.c1 + j);
      }),
    );
  }

  // ---- Conditional formats (ExcelApi 1.6) --------------------------------------------------------------

  /**
   * ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the first/top priority."
   * (@types/office-js). Refused on a protected sheet unless formatting cells is allowed: a guess, as for every other
   * format the fake refuses there (the reference does not list conditional formats among protection's refusals).
   */
  addConditionalFormat(sheet: SheetState, bounds: Bounds, type: unknown): ConditionalFormatState {
    const location = "ConditionalFormatCollection.add";
    if (typeof type !== "string" || !CONDITIONAL_FORMAT_TYPES.includes(type))
      throw excelError("InvalidArgument", location);
    if (type !== "Custom")
      throw excelError("NotImplemented", location, "The fake models custom conditional formats only.");
    this.guard(sheet, location, "allowFormatCells");
    this.formatCounter++;
    const format: ConditionalFormatState = {
      id: `{CF-${this.formatCounter}}`,
      type: "Custom",
      ranges: [{ ...bounds }],
      anchor: { row: bounds.r1, column: bounds.c1 },
      formula: null,
      fill: null,
    };
    sheet.conditionalFormats.unshift(format);
    return format;
  }

  /** ConditionalFormatRule.formula set: a formula Excel accepts, kept normalized; without "=" one is added (a guess). */
  setConditionalFormula(sheet: SheetState, format: ConditionalFormatState, formula: unknown): void {
    const location = "ConditionalFormatRule.formula";
    if (typeof formula !== "string" || formula.trim() === "") throw excelError("InvalidArgument", location);
    this.guard(sheet, location, "allowFormatCells");
    const text = formula.startsWith("=") ? formula : `=${formula}`;
    try {
      format.formula = this.normalizeFormula(text);
    } catch (error) {
      if (error instanceof FormulaSyntaxError) throw excelError("InvalidArgument", location);
      throw error;
    }
  }

  /** ConditionalRangeFill.color set; "" (or clear()) takes the fill away, as RangeFill's does. */
  setConditionalFill(sheet: SheetState, format: ConditionalFormatState, color: unknown): void {
    const location = "ConditionalRangeFill.color";
    this.guard(sheet, location, "allowFormatCells");
    format.fill = color === "" || color === null ? null : normalizeColor(color, location);
  }

  /** ConditionalFormat.delete: "Deletes this conditional format." Refused on a protected sheet (a guess, as add). */
  deleteConditionalFormat(sheet: SheetState, format: ConditionalFormatState): void {
    this.guard(sheet, "ConditionalFormat.delete", "allowFormatCells");
    sheet.conditionalFormats = sheet.conditionalFormats.filter((other) => other !== format);
  }

  /** Range.conditionalFormats: "The collection of `ConditionalFormats` that intersect the range." */
  conditionalFormatsIn(sheet: SheetState, bounds: Bounds): ConditionalFormatState[] {
    return sheet.conditionalFormats.filter((format) => format.ranges.some((range) => intersects(range, bounds)));
  }

  conditionalFormatById(sheet: SheetState, id: string): ConditionalFormatState | undefined {
    return sheet.conditionalFormats.find((format) => format.id === id);
  }

  /**
   * The fill a cell shows: that of the highest-priority conditional format over it whose formula is true there,
   * else the cell's own. A guess in two parts the reference leaves to the Excel UI's documentation: the first true
   * rule in priority order wins a conflict, and a rule's relative references move with the cell it is evaluated for.
   */
  shownFill(sheet: SheetState, row: number, column: number): string {
    for (const format of sheet.conditionalFormats) {
      if (format.fill === null || format.formula === null) continue;
      if (!format.ranges.some((r) => row >= r.r1 && row <= r.r2 && column >= r.c1 && column <= r.c2)) continue;
      const dr = row - format.anchor.row;
      const dc = column - format.anchor.column;
      const tokens = moveReferences(
        tokenize(format.formula.slice(1)),
        () => true,
        (index, absolute, axis) => (absolute ? index : index + (axis === "row" ? dr : dc)),
      );
      const result = evaluate(parse(tokens), this.host(sheet, { style: {} }));
      if (result === true || (typeof result === "number" && result !== 0)) return format.fill;
    }
    return this.effectiveStyle(sheet, row, column).fillColor ?? DEFAULTS.fillColor;
  }

  // ---- Inserting and sorting ---------------------------------------------------------------------------

  /**
   * Range.insert(Down) (ExcelApi 1.1): "Inserts a cell or a range of cells into the worksheet in place of this
   * range, and shifts the other cells to make space." The cells of the range's columns at and below it move down
   * with their formats; references to them follow, on every sheet ("Formulas with cell references automatically
   * adjust after insertion", learn.microsoft.com, "Insert a range using the Excel JavaScript API"). Tables, merged
   * areas and conditional formats in those columns move or grow with them: the conditional formats' applied ranges
   * and their formulas' references too, as Excel does with any formula (a guess for conditional formats: the
   * reference says nothing of them; it is what the Excel UI does with inserted rows). Something that straddles the
   * range's columns cannot be shifted in part: refused with InvalidOperation (a guess at the error code). "Right" is
   * not modelled (NotImplemented).
   */
  insertCells(sheet: SheetState, bounds: Bounds, shift: unknown): Bounds {
    const location = "Range.insert";
    if (shift !== "Down" && shift !== "Right") throw excelError("InvalidArgument", location);
    if (shift === "Right") throw excelError("NotImplemented", location, "The fake shifts cells down only.");
    const wholeRows = isWholeRows(bounds);
    this.guard(sheet, location, wholeRows ? "allowInsertRows" : undefined);
    const count = bounds.r2 - bounds.r1 + 1;
    const at = bounds.r1;
    const inColumns = (area: Bounds) => area.c1 >= bounds.c1 && area.c2 <= bounds.c2;
    const below = (area: Bounds) => area.r2 >= at;
    const blocks: Bounds[] = [
      ...this.tables.filter((table) => table.sheetId === sheet.id).map((table) => table.bounds),
      ...sheet.merges,
    ];
    if (blocks.some((area) => below(area) && !inColumns(area) && area.c2 >= bounds.c1 && area.c1 <= bounds.c2))
      throw excelError("InvalidOperation", location);
    for (const [cellKey, cell] of sheet.cells)
      if (
        rowOf(cellKey) + count >= MAX_ROWS &&
        hasContent(cell) &&
        columnOf(cellKey) >= bounds.c1 &&
        columnOf(cellKey) <= bounds.c2
      )
        throw excelError("InvalidOperation", location);
    const moveRow = (row: number) => (row >= at ? row + count : row);
    const moving = this.cellsIn(sheet, { r1: at, c1: bounds.c1, r2: MAX_ROWS - 1, c2: bounds.c2 }).reverse();
    for (const [cellKey] of moving) sheet.cells.delete(cellKey);
    for (const [cellKey, cell] of moving) {
      const row = rowOf(cellKey) + count;
      if (row < MAX_ROWS) sheet.cells.set(key(row, columnOf(cellKey)), cell);
    }
    if (wholeRows) sheet.rowHeights = new Map([...sheet.rowHeights].map(([row, height]) => [moveRow(row), height]));
    const grow = (area: Bounds) => {
      if (!inColumns(area) || !below(area)) return;
      area.r1 = moveRow(area.r1);
      area.r2 = Math.min(MAX_ROWS - 1, area.r2 + count);
    };
    for (const table of this.tables) if (table.sheetId === sheet.id) grow(table.bounds);
    for (const merged of sheet.merges) grow(merged);
    const move: MoveIndex = (index, _, axis) => (axis === "row" && index >= at ? index + count : index);
    const applies = (ref: SheetRef, area: Bounds, own: SheetState) =>
      (ref === undefined ? own === sheet : ref !== null && this.sheetByName(ref) === sheet) && inColumns(area);
    for (const format of sheet.conditionalFormats) {
      format.ranges.forEach(grow);
      if (format.formula !== null)
        format.formula = `=${render(moveReferences(tokenize(format.formula.slice(1)), (ref, area) => applies(ref, area, sheet), move))}`;
      if (format.anchor.column >= bounds.c1 && format.anchor.column <= bounds.c2)
        format.anchor = { ...format.anchor, row: moveRow(format.anchor.row) };
    }
    for (const other of this.sheets)
      for (const cell of other.cells.values()) {
        if (!cell.formula) continue;
        const tokens = tokenize(cell.formula.slice(1));
        const moved = moveReferences(tokens, (ref, area) => applies(ref, area, other), move);
        if (moved.some((token, index) => token !== tokens[index]))
          cell.formula = `=${render(moved, (name) => this.sheetByName(name)?.name ?? name)}`;
      }
    this.version++;
    return { ...bounds };
  }

  /**
   * Range.delete(Up) (ExcelApi 1.1) of whole rows: "Deletes the cells associated with the range" and shifts the cells
   * below up. The rows' cells go; those below move up with their formats and heights; references to them follow on
   * every sheet, a range that loses rows shrinks and a reference whose rows are all gone becomes #REF! (Excel UI
   * behaviour; the reference says only that references adjust: see `shiftLocal`). A table loses those rows; a table
   * whose header row is deleted, or all of whose data rows are, is refused (InvalidOperation, a guess at the code:
   * the Excel UI refuses to delete a table's header row). Merged areas and conditional formats shrink or go. Only
   * whole rows are modelled; shifting part of a row up is NotImplemented.
   */
  deleteRows(sheet: SheetState, bounds: Bounds, shift: unknown): void {
    const location = "Range.delete";
    if (shift !== "Up" && shift !== "Left") throw excelError("InvalidArgument", location);
    if (shift === "Left" || !isWholeRows(bounds))
      throw excelError("NotImplemented", location, "The fake deletes whole rows only.");
    this.guard(sheet, location, "allowDeleteRows");
    const first = bounds.r1;
    const count = bounds.r2 - bounds.r1 + 1;
    const last = bounds.r2;
    const tables = this.tables.filter((table) => table.sheetId === sheet.id);
    for (const table of tables) {
      const overlaps = table.bounds.r1 <= last && table.bounds.r2 >= first;
      if (!overlaps) continue;
      const header = table.hasHeaders ? table.bounds.r1 : -1;
      const dataFirst = table.hasHeaders ? table.bounds.r1 + 1 : table.bounds.r1;
      if ((header >= first && header <= last) || (first <= dataFirst && last >= table.bounds.r2))
        throw excelError("InvalidOperation", location);
    }
    const moveRow = (row: number) => (row > last ? row - count : row);
    const kept: Array<[number, Cell]> = [];
    for (const [cellKey, cell] of sheet.cells) {
      const row = rowOf(cellKey);
      if (row < first) continue;
      if (row > last) kept.push([key(row - count, columnOf(cellKey)), cell]);
      sheet.cells.delete(cellKey);
    }
    for (const [cellKey, cell] of kept) sheet.cells.set(cellKey, cell);
    sheet.rowHeights = new Map(
      [...sheet.rowHeights].filter(([row]) => row < first || row > last).map(([row, h]) => [moveRow(row), h]),
    );
    const shrink = (area: Bounds): boolean => {
      const local = shiftLocal(`A${area.r1 + 1}:A${area.r2 + 1}`, { kind: "delete", first, count });
      if (local === null) return false;
      const rows = local.split(":").map((part) => Number(part.slice(1)) - 1);
      area.r1 = rows[0];
      area.r2 = rows[rows.length - 1];
      return true;
    };
    for (const table of tables) shrink(table.bounds);
    sheet.merges = sheet.merges.filter(shrink).filter((area) => area.r1 !== area.r2 || area.c1 !== area.c2);
    const rowShift: RowShift = { kind: "delete", first, count };
    for (const format of sheet.conditionalFormats) {
      format.ranges = format.ranges.filter(shrink);
      if (format.formula !== null)
        format.formula = `=${shiftFormula(format.formula.slice(1), (ref) => ref === undefined, rowShift)}`;
      if (format.anchor.row > last) format.anchor = { ...format.anchor, row: format.anchor.row - count };
    }
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.ranges.length > 0);
    for (const other of this.sheets)
      for (const cell of other.cells.values()) {
        if (!cell.formula) continue;
        const applies = (ref: SheetRef) =>
          ref === undefined ? other === sheet : ref !== null && this.sheetByName(ref) === sheet;
        const body = cell.formula.slice(1);
        const shifted = shiftFormula(body, applies, rowShift);
        if (shifted !== body) cell.formula = `=${shifted}`;
      }
    this.version++;
  }

  /**
   * TableRowCollection.add (ExcelApi 1.1) at the end ("If null or -1, the addition happens at the end"): the table
   * takes `count` blank rows below its last, and what stands below the table in its columns moves down ("Any rows
   * below the inserted row are shifted downwards"). Adding in the middle is not modelled (NotImplemented); the
   * Office adapter inserts whole rows there.
   */
  addTableRows(table: TableState, index: unknown, count: number): Bounds {
    const location = "TableRowCollection.add";
    if (index !== undefined && index !== null && index !== -1)
      throw excelError("NotImplemented", location, "The fake adds table rows at the end only.");
    const sheet = this.sheets.find((candidate) => candidate.id === table.sheetId)!;
    const at = table.bounds.r2 + 1;
    const bounds = { r1: at, c1: table.bounds.c1, r2: at + count - 1, c2: table.bounds.c2 };
    this.insertCells(sheet, bounds, "Down");
    table.bounds.r2 += count;
    return bounds;
  }

  /**
   * RangeSort.apply (ExcelApi 1.2), by rows and by value: the rows of the range (without the first, with
   * `hasHeaders`) reordered by the fields' columns ("key": the column's offset in the range). Each row's cells move
   * with their formats, and a moved formula's relative references move with it, as a copied formula's do (a guess:
   * the reference does not say; it is what the Excel UI does, and why a formula that names another row breaks when
   * sorted). Order, ascending (a guess after the Excel UI's documented sort order): numbers, then text (case ignored
   * unless `matchCase`), then FALSE, TRUE, then errors; blank cells last in either direction; ties keep their order.
   * Conditional formats stay where they are: their applied ranges are not changed by a sort (a guess: the
   * reference is silent, and the Excel UI keeps a rule's "Applies to" range when its cells are sorted).
   * Merged cells in the rows sorted are refused (InvalidOperation, a guess at the code); sorting columns and by
   * colour or icon are not modelled (NotImplemented).
   */
  sortRange(
    sheet: SheetState,
    bounds: Bounds,
    fields: unknown,
    matchCase: unknown,
    hasHeaders: unknown,
    orientation: unknown,
  ): void {
    const location = "RangeSort.apply";
    if (orientation !== undefined && orientation !== null && orientation !== "Rows")
      throw excelError("NotImplemented", location, "The fake sorts rows only.");
    const width = bounds.c2 - bounds.c1 + 1;
    if (!Array.isArray(fields) || fields.length === 0) throw excelError("InvalidArgument", location);
    const keys = fields.map((field: unknown) => {
      const {
        key: column,
        ascending,
        sortOn,
      } = (field ?? {}) as { key?: unknown; ascending?: unknown; sortOn?: unknown };
      if (typeof column !== "number" || !Number.isInteger(column) || column < 0 || column >= width)
        throw excelError("InvalidArgument", location);
      if (sortOn !== undefined && sortOn !== null && sortOn !== "Value")
        throw excelError("NotImplemented", location, "The fake sorts on values only.");
      return { column: bounds.c1 + column, ascending: ascending !== false };
    });
    this.guard(sheet, location, "allowSort");
    const first = hasHeaders === true ? bounds.r1 + 1 : bounds.r1;
    if (first > bounds.r2) return;
    const area: Bounds = {
      ...bounds,
      r1: first,
      r2: isWholeColumns(bounds) ? (this.usedBounds(sheet, false)?.r2 ?? first) : bounds.r2,
    };
    if (sheet.merges.some((merged) => intersects(merged, area))) throw excelError("InvalidOperation", location);
    const rows: number[] = [];
    for (let r = area.r1; r <= area.r2; r++) rows.push(r);
    const rank = (value: Scalar | null): number =>
      value === null
        ? 5
        : typeof value === "number"
          ? 0
          : typeof value === "string"
            ? 1
            : typeof value === "boolean"
              ? value
                ? 3
                : 2
              : 4;
    const valueAt = (row: number, column: number) => {
      const cell = sheet.cells.get(key(row, column));
      const value = cell ? this.content(sheet, cell) : null;
      return value === "" ? null : value;
    };
    const text = (value: string) => (matchCase === true ? value : value.toLocaleLowerCase());
    const order = [...rows].sort((a, b) => {
      for (const { column, ascending } of keys) {
        const [x, y] = [valueAt(a, column), valueAt(b, column)];
        const [rx, ry] = [rank(x), rank(y)];
        if (rx === 5 || ry === 5) {
          if (rx !== ry) return rx === 5 ? 1 : -1;
          continue;
        }
        let difference = rx - ry;
        if (difference === 0 && rx === 0) difference = (x as number) - (y as number);
        if (difference === 0 && rx === 1) difference = text(x as string).localeCompare(text(y as string));
        if (difference !== 0) return ascending ? difference : -difference;
      }
      return 0;
    });
    const taken = new Map<number, Cell>();
    for (const [cellKey, cell] of this.cellsIn(sheet, area)) {
      taken.set(cellKey, cell);
      sheet.cells.delete(cellKey);
    }
    order.forEach((from, index) => {
      const to = area.r1 + index;
      for (let column = area.c1; column <= area.c2; column++) {
        const cell = taken.get(key(from, column));
        if (!cell) continue;
        if (cell.formula && to !== from) {
          const moved = moveReferences(
            tokenize(cell.formula.slice(1)),
            () => true,
            (position, absolute, axis) => (absolute || axis === "column" ? position : position + to - from),
          );
          cell.formula = `=${render(moved, (name) => this.sheetByName(name)?.name ?? name)}`;
        }
        sheet.cells.set(key(to, column), cell);
      }
    });
    this.version++;
  }

  // ---- Used range and tables ---------------------------------------------------------------------------

  /**
   * Excel's used range: the smallest rectangle holding every used cell, which starts at the first used row
   * and column (not necessarily A1). With valuesOnly only values and formulas count; without it, cell formats
   * count too (column widths, hidden columns and whole-column formats do not).
   */
  usedBounds(sheet: SheetState, valuesOnly: boolean): Bounds | null {
    let bounds: Bounds | null = null;
    for (const [cellKey, cell] of sheet.cells) {
      if (!hasContent(cell) && (valuesOnly || isEmptyStyle(cell.style))) continue;
      const [r, c] = [rowOf(cellKey), columnOf(cellKey)];
      bounds = bounds
        ? {
            r1: Math.min(bounds.r1, r),
            c1: Math.min(bounds.c1, c),
            r2: Math.max(bounds.r2, r),
            c2: Math.max(bounds.c2, c),
          }
        : { r1: r, c1: c, r2: r, c2: c };
    }
    return bounds;
  }

  /**
   * Worksheet.tables.add. With headers, the first row becomes the header: blank headers turn into "ColumnN"
   * and repeated ones get a number, all stored as text. Without headers Excel inserts a header row above the
   * data, shifting the cells below down by one (formulas elsewhere are not adjusted in this fake).
   */
  addTable(sheet: SheetState, requested: Bounds, hasHeaders: unknown): TableState {
    const location = "TableCollection.add";
    if (typeof hasHeaders !== "boolean" || isWholeColumns(requested) || isWholeRows(requested))
      throw excelError("InvalidArgument", location);
    const bounds = { ...requested };
    if (!hasHeaders || bounds.r1 === bounds.r2) bounds.r2 += 1;
    if (bounds.r2 >= MAX_ROWS) throw excelError("InvalidArgument", location);
    this.guard(sheet, location);
    if (
      this.tables.some((table) => table.sheetId === sheet.id && intersects(table.bounds, bounds)) ||
      sheet.merges.some((merged) => intersects(merged, bounds))
    )
      throw excelError("MergedRangeConflict", location);
    if (!hasHeaders) {
      const moving = this.cellsIn(sheet, { r1: bounds.r1, c1: bounds.c1, r2: MAX_ROWS - 1, c2: bounds.c2 }).reverse();
      for (const [cellKey, cell] of moving) {
        sheet.cells.delete(cellKey);
        sheet.cells.set(cellKey + MAX_COLUMNS, cell);
      }
    }
    const used = new Set<string>();
    for (let c = bounds.c1; c <= bounds.c2; c++) {
      const header = hasHeaders ? this.readCell(sheet, bounds.r1, c, "values") : "";
      const base = header === "" ? `Column${c - bounds.c1 + 1}` : String(header);
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}${n}`;
      used.add(name.toLowerCase());
      const cell = this.cellAt(sheet, bounds.r1, c, true);
      delete cell.formula;
      delete cell.cached;
      delete cell.cachedAt;
      cell.value = name;
    }
    let n = 1;
    while (this.tables.some((table) => table.name.toLowerCase() === `table${n}`)) n++;
    this.tableCounter++;
    const table: TableState = {
      id: String(this.tableCounter),
      name: `Table${n}`,
      sheetId: sheet.id,
      bounds,
      hasHeaders,
    };
    this.tables.push(table);
    this.version++;
    return table;
  }

  renameTable(table: TableState, name: unknown): void {
    if (
      typeof name !== "string" ||
      name.length > 255 ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      parseA1(name) ||
      /^(R|C)$/i.test(name)
    )
      throw excelError("InvalidArgument", "Table.name");
    if (this.tables.some((other) => other !== table && other.name.toLowerCase() === name.toLowerCase()))
      throw excelError("ItemAlreadyExists", "Table.name");
    table.name = name;
  }

  /** "Sheet1", "'Sheet name'": a sheet as addresses write it. */
  qualified(sheet: SheetState): string {
    return quoteSheetName(sheet.name);
  }

  address(sheet: SheetState, bounds: Bounds): string {
    return `${this.qualified(sheet)}!${formatBounds(bounds)}`;
  }

  // ---- Inspection helpers for tests (not part of the Excel API; no syncs, no payload) -------------------

  private mustSheet(name: string): SheetState {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`No sheet "${name}" in the fake workbook.`);
    return sheet;
  }

  private mustBounds(address: string): Bounds {
    const bounds = parseA1(address);
    if (!bounds) throw new Error(`"${address}" is no A1 address.`);
    return bounds;
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  get activeSheetName(): string | undefined {
    return this.sheetById(this.activeSheetId)?.name;
  }

  /** The selected range as Excel's address ("Koond!A5"), or null before any select(). */
  get selection(): string | null {
    const sheet = this.selected && this.sheetById(this.selected.sheetId);
    return sheet && this.selected ? this.address(sheet, this.selected.bounds) : null;
  }

  visibility(sheet: string): Visibility {
    return this.mustSheet(sheet).visibility;
  }

  /** A cell's value as Range.values reads it: a formula's result, "" when empty, errors as "#NAME?". */
  value(sheet: string, cell: string): ExcelValue {
    const { r1, c1 } = this.mustBounds(cell);
    return this.readCell(this.mustSheet(sheet), r1, c1, "values");
  }

  /** A range's values, as Range.values reads them. */
  values(sheet: string, range: string): ExcelValue[][] {
    return this.read(this.mustSheet(sheet), this.mustBounds(range), "values");
  }

  /** A cell as Range.formulas reads it: the formula, else the constant ("" when empty). */
  formula(sheet: string, cell: string): ExcelValue {
    const { r1, c1 } = this.mustBounds(cell);
    return this.readCell(this.mustSheet(sheet), r1, c1, "formulas");
  }

  /** A cell's formats with Excel's defaults filled in; `borders` holds only the edges that have a line. */
  format(sheet: string, cell: string): CellFormat {
    const { r1, c1 } = this.mustBounds(cell);
    const style = this.effectiveStyle(this.mustSheet(sheet), r1, c1);
    return {
      numberFormat: style.numberFormat ?? DEFAULTS.numberFormat,
      bold: style.bold ?? false,
      italic: style.italic ?? false,
      fontColor: style.fontColor ?? DEFAULTS.fontColor,
      fillColor: style.fillColor ?? DEFAULTS.fillColor,
      indentLevel: style.indentLevel ?? 0,
      fontSize: style.fontSize ?? DEFAULTS.fontSize,
      wrapText: style.wrapText ?? DEFAULTS.wrapText,
      horizontalAlignment: style.horizontalAlignment ?? DEFAULTS.horizontalAlignment,
      verticalAlignment: style.verticalAlignment ?? DEFAULTS.verticalAlignment,
      borders: { ...style.borders },
    };
  }

  /**
   * The fill a cell shows, conditional formats applied (see `shownFill`); `format(…).fillColor` is the cell's own.
   */
  displayedFill(sheet: string, cell: string): string {
    const { r1, c1 } = this.mustBounds(cell);
    return this.shownFill(this.mustSheet(sheet), r1, c1);
  }

  /** The sheet's conditional formats, highest priority first: applied ranges ("D5:D40"), formula and fill. */
  conditionalFormatList(sheet: string): Array<{ ranges: string[]; formula: string | null; fill: string | null }> {
    return this.mustSheet(sheet).conditionalFormats.map((format) => ({
      ranges: format.ranges.map(formatBounds),
      formula: format.formula,
      fill: format.fill,
    }));
  }

  /** Height in points of a 1-based row. */
  rowHeight(sheet: string, row: number): number {
    return this.readRowHeight(this.mustSheet(sheet), { r1: row - 1, c1: 0, r2: row - 1, c2: 0 })!;
  }

  /** The merged areas ("A1:D1"), in the order they were merged. */
  merges(sheet: string): string[] {
    return this.mustSheet(sheet).merges.map(formatBounds);
  }

  /** Orientation, paper, zoom, print title rows, margins (points), headers and footers. */
  pageLayout(sheet: string): PageLayoutState {
    return structuredClone(this.mustSheet(sheet).pageLayout);
  }

  /** Null when the sheet is not protected; else what the protection allows, and whether it has a password. */
  protection(sheet: string): { options: ExcelProtectionOptions; hasPassword: boolean } | null {
    const { protection } = this.mustSheet(sheet);
    return protection && { options: { ...protection.options }, hasPassword: protection.password !== null };
  }

  /** Width in points of a column ("B"), 0 when hidden. */
  columnWidth(sheet: string, column: string): number {
    const c = columnIndex(column);
    return this.readColumnWidth(this.mustSheet(sheet), { r1: 0, c1: c, r2: 0, c2: c })!;
  }

  isColumnHidden(sheet: string, column: string): boolean {
    return this.mustSheet(sheet).hiddenColumns.has(columnIndex(column));
  }

  frozenRows(sheet: string): number {
    return this.mustSheet(sheet).frozenRows;
  }

  tableList(): Array<{ name: string; sheet: string; address: string; hasHeaders: boolean }> {
    return this.tables.map((table) => {
      const sheet = this.sheetById(table.sheetId)!;
      return {
        name: table.name,
        sheet: sheet.name,
        address: this.address(sheet, table.bounds),
        hasHeaders: table.hasHeaders,
      };
    });
  }

  /** The used range's address, or null for an empty sheet. */
  usedRange(sheet: string, valuesOnly = false): string | null {
    const target = this.mustSheet(sheet);
    const bounds = this.usedBounds(target, valuesOnly);
    return bounds ? this.address(target, bounds) : null;
  }

  /** Test setup: adds a sheet directly. */
  addSheet(name: string): void {
    this.addSheetOp(name);
  }

  /** Test setup: writes rows from `topLeft` as Range.formulas would (text parsed as typed), directly. */
  setCells(sheet: string, topLeft: string, rows: unknown[][]): void {
    const { r1, c1 } = this.mustBounds(topLeft);
    const width = Math.max(0, ...rows.map((row) => row.length));
    const padded = rows.map((row) => [...row, ...Array<null>(width - row.length).fill(null)]);
    if (!rows.length || !width) return;
    this.write(this.mustSheet(sheet), { r1, c1, r2: r1 + rows.length - 1, c2: c1 + width - 1 }, padded, "formulas");
  }

  /**
   * Everything a user could see, as plain data: for asserting that a failed sync changed nothing. A copy, not the
   * live objects: a snapshot taken before an operation must not change with the workbook.
   */
  snapshot(): unknown {
    return structuredClone({
      sheets: this.sheets.map((sheet) => ({
        name: sheet.name,
        visibility: sheet.visibility,
        frozenRows: sheet.frozenRows,
        rowHeights: [...sheet.rowHeights].sort(([a], [b]) => a - b),
        merges: sheet.merges.map(formatBounds),
        pageLayout: sheet.pageLayout,
        protection: sheet.protection,
        conditionalFormats: sheet.conditionalFormats.map(({ ranges, formula, fill }) => ({
          ranges: ranges.map(formatBounds),
          formula,
          fill,
        })),
        columnWidths: [...sheet.columnWidths].sort(([a], [b]) => a - b),
        hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
        columnStyles: [...sheet.columnStyles].sort(([a], [b]) => a - b),
        cells: [...sheet.cells]
          .sort(([a], [b]) => a - b)
          .map(([cellKey, cell]) => ({
            address: `${columnName(columnOf(cellKey))}${rowOf(cellKey) + 1}`,
            value: cell.value instanceof CellError ? { error: cell.value.text } : cell.value,
            formula: cell.formula,
            prefixed: cell.prefixed,
            style: cell.style,
          })),
      })),
      tables: this.tableList(),
      active: this.activeSheetName,
      selection: this.selection,
      structureProtected: this.workbookProtection !== null,
      calculationMode: this.mode,
    });
  }
}
