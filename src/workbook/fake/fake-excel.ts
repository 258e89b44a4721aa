import type {
  ExcelCellProperties,
  ExcelCellPropertiesLoadOptions,
  ExcelContext,
  ExcelPageLayout,
  ExcelProtectionOptions,
  ExcelRange,
  ExcelValue,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetCollection,
  ExcelWorkbookProtection,
  ExcelWorksheetProtection,
} from "../office/excel-api";
import { Bounds, MAX_COLUMNS, MAX_ROWS, parseA1 } from "../../model/a1";
import { excelError, FakeExcelError, MESSAGES, propertyNotLoaded } from "./errors";
import {
  CalculationMode,
  ConditionalFormatState,
  FakeWorkbookState,
  normalizeColor,
  SheetState,
  TableState,
} from "./state";

/**
 * Proxy objects and the request they build, after Office.js: creating a proxy queues an Instantiate action,
 * setting a property a SetProperty action, calling a method a Method action, load() a Query action. Nothing
 * touches the workbook until context.sync(), which serializes the batch as Office.js's JSON request
 * ({"Actions": [...], "ObjectPaths": {...}}), runs it in order against the workbook and hands the loaded values
 * back to the proxies. Like Excel, a failing action stops the batch: the actions before it stay applied.
 */

// ---- Statistics and faults ---------------------------------------------------------------------------

export interface SyncRecord {
  /** Which context.sync() call sent it (1-based, counting every call). */
  sync: number;
  actions: number;
  /** UTF-8 bytes of the JSON request, as Office.js sends it. */
  requestBytes: number;
  /** UTF-8 bytes of the JSON response with the loaded values (0 when the request failed). */
  responseBytes: number;
  /** The error code when the sync rejected. */
  error?: string;
}

export class FakeExcelStats {
  /** context.sync() calls, including those with nothing queued (which Office.js answers without a round trip). */
  syncs = 0;
  /** One record per request actually sent. */
  requests: SyncRecord[] = [];

  get roundTrips(): number {
    return this.requests.length;
  }

  get totalRequestBytes(): number {
    return this.requests.reduce((sum, record) => sum + record.requestBytes, 0);
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.requests.map((record) => record.requestBytes));
  }

  get largestResponseBytes(): number {
    return Math.max(0, ...this.requests.map((record) => record.responseBytes));
  }

  reset(): void {
    this.syncs = 0;
    this.requests = [];
  }
}

export interface SyncFault {
  /**
   * How many of the batch's actions run before it fails: 0 (the default) applies nothing, as when the request
   * never reaches Excel; a number applies that many, as when an action in the middle fails; "all" applies the
   * whole batch and loses the response.
   */
  applied?: number | "all";
  code?: string;
  message?: string;
}

/** Excel on the web limits requests and responses to 5 MB ("Resource limits", Excel add-ins). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcelControl {
  /** null: no limit, as on Excel for Windows and Mac. */
  requestLimitBytes: number | null = PAYLOAD_LIMIT_BYTES;
  responseLimitBytes: number | null = PAYLOAD_LIMIT_BYTES;
  private faults = new Map<number, SyncFault>();

  /** Makes the n-th context.sync() call (1-based, as counted in stats.syncs) reject. */
  failSync(n: number, fault: SyncFault = {}): void {
    this.faults.set(n, fault);
  }

  /** @internal */
  takeFault(n: number): SyncFault | undefined {
    const fault = this.faults.get(n);
    this.faults.delete(n);
    return fault;
  }
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ---- The request ------------------------------------------------------------------------------------

/** Office.js's ActionType and ObjectPathType numbers. */
const ActionType = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 } as const;
type ActionType = (typeof ActionType)[keyof typeof ActionType];

const PathType = { GlobalObject: 1, Method: 3, Property: 4, Indexer: 5 } as const;
type PathType = (typeof PathType)[keyof typeof PathType];

interface QueuedAction {
  id: number;
  type: ActionType;
  name: string;
  target: ClientObject<unknown>;
  /** Live references: serialized at sync time, as Office.js builds the request then. */
  args?: unknown[];
  query?: { Select: string[]; Expand: string[] };
  /** Runs the action with its arguments as they came through JSON. */
  run(tx: Batch, args: unknown[]): void;
}

/** One sync's execution: objects resolved in this request, results to return, what to do on success. */
class Batch {
  private resolved = new Map<ClientObject<unknown>, unknown>();
  results: Array<{ actionId: number; value: unknown; apply(value: unknown): void }> = [];
  onSuccess: Array<() => void> = [];

  constructor(readonly state: FakeWorkbookState) {}

  resolve<T>(object: ClientObject<T>): T | null {
    if (!this.resolved.has(object)) this.resolved.set(object, object._bind(this));
    return this.resolved.get(object) as T | null;
  }
}

interface PathSpec {
  type: PathType;
  name: string;
  args?: unknown[];
}

// ---- Property tables for load() -----------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetState;
  bounds: Bounds;
}

interface FormatTarget {
  sheet: SheetState;
  format: ConditionalFormatState;
}

const formatReader = (read: (target: FormatTarget, state: FakeWorkbookState) => unknown) => read as Reader;

type Reader = (target: never, state: FakeWorkbookState) => unknown;

interface EntityMeta {
  scalars: Record<string, Reader>;
  navigations: Record<string, string>;
}

const rangeReaders = (read: (target: RangeTarget, state: FakeWorkbookState) => unknown) => read as Reader;

const ENTITIES: Record<string, EntityMeta> = {
  Workbook: { scalars: {}, navigations: { protection: "WorkbookProtection", application: "Application" } },
  Application: {
    scalars: { calculationMode: ((_: true, state: FakeWorkbookState) => state.calculationMode) as Reader },
    navigations: {},
  },
  WorkbookProtection: {
    scalars: { protected: ((_: true, state: FakeWorkbookState) => state.workbookProtection !== null) as Reader },
    navigations: {},
  },
  WorksheetCollection: { scalars: {}, navigations: {} },
  TableCollection: { scalars: {}, navigations: {} },
  WorksheetFreezePanes: { scalars: {}, navigations: {} },
  Worksheet: {
    scalars: {
      name: ((sheet: SheetState) => sheet.name) as Reader,
      visibility: ((sheet: SheetState) => sheet.visibility) as Reader,
      id: ((sheet: SheetState) => sheet.id) as Reader,
      position: ((sheet: SheetState, state: FakeWorkbookState) => state.sheets.indexOf(sheet)) as Reader,
    },
    navigations: { protection: "WorksheetProtection", pageLayout: "PageLayout" },
  },
  WorksheetProtection: {
    scalars: {
      protected: ((sheet: SheetState) => sheet.protection !== null) as Reader,
      options: ((sheet: SheetState, state: FakeWorkbookState) => state.protectionOptions(sheet)) as Reader,
    },
    navigations: {},
  },
  PageLayout: {
    scalars: {
      orientation: ((sheet: SheetState) => sheet.pageLayout.orientation) as Reader,
      paperSize: ((sheet: SheetState) => sheet.pageLayout.paperSize) as Reader,
      zoom: ((sheet: SheetState) => ({ ...sheet.pageLayout.zoom })) as Reader,
      topMargin: ((sheet: SheetState) => sheet.pageLayout.margins.top) as Reader,
      bottomMargin: ((sheet: SheetState) => sheet.pageLayout.margins.bottom) as Reader,
      leftMargin: ((sheet: SheetState) => sheet.pageLayout.margins.left) as Reader,
      rightMargin: ((sheet: SheetState) => sheet.pageLayout.margins.right) as Reader,
      headerMargin: ((sheet: SheetState) => sheet.pageLayout.margins.header) as Reader,
      footerMargin: ((sheet: SheetState) => sheet.pageLayout.margins.footer) as Reader,
    },
    navigations: { headersFooters: "HeaderFooterGroup" },
  },
  HeaderFooterGroup: { scalars: {}, navigations: { defaultForAllPages: "HeaderFooter" } },
  HeaderFooter: {
    scalars: Object.fromEntries(
      ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"].map((part) => [
        part,
        ((sheet: SheetState) => sheet.pageLayout.headersFooters[part] ?? "") as Reader,
      ]),
    ),
    navigations: {},
  },
  Table: { scalars: { name: ((table: TableState) => table.name) as Reader }, navigations: {} },
  TableRowCollection: {
    scalars: {
      // Every table here has its header row on top (one without gets it added): the rest are its rows.
      count: ((table: TableState) => table.bounds.r2 - table.bounds.r1) as Reader,
    },
    navigations: {},
  },
  Range: {
    scalars: {
      address: rangeReaders((t, state) => state.address(t.sheet, t.bounds)),
      rowCount: rangeReaders((t) => t.bounds.r2 - t.bounds.r1 + 1),
      columnCount: rangeReaders((t) => t.bounds.c2 - t.bounds.c1 + 1),
      values: rangeReaders((t, state) => state.read(t.sheet, t.bounds, "values")),
      formulas: rangeReaders((t, state) => state.read(t.sheet, t.bounds, "formulas")),
      numberFormat: rangeReaders((t, state) => state.read(t.sheet, t.bounds, "numberFormat")),
      columnHidden: rangeReaders((t, state) => state.readColumnHidden(t.sheet, t.bounds)),
    },
    navigations: { format: "RangeFormat" },
  },
  RangeFormat: {
    scalars: {
      columnWidth: rangeReaders((t, state) => state.readColumnWidth(t.sheet, t.bounds)),
      rowHeight: rangeReaders((t, state) => state.readRowHeight(t.sheet, t.bounds)),
      wrapText: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "wrapText")),
      horizontalAlignment: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "horizontalAlignment")),
      verticalAlignment: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "verticalAlignment")),
    },
    navigations: { font: "RangeFont", fill: "RangeFill" },
  },
  RangeFont: {
    scalars: {
      bold: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "bold")),
      italic: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "italic")),
      color: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "fontColor")),
      size: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "fontSize")),
    },
    navigations: {},
  },
  RangeFill: {
    scalars: { color: rangeReaders((t, state) => state.readStyle(t.sheet, t.bounds, "fillColor")) },
    navigations: {},
  },
  ConditionalFormatCollection: { scalars: {}, navigations: {} },
  ConditionalFormat: {
    scalars: {
      id: formatReader((t) => t.format.id),
      type: formatReader((t) => t.format.type),
      priority: formatReader((t) => t.sheet.conditionalFormats.indexOf(t.format)),
    },
    navigations: { custom: "CustomConditionalFormat", customOrNullObject: "CustomConditionalFormat" },
  },
  CustomConditionalFormat: {
    scalars: {},
    navigations: { rule: "ConditionalFormatRule", format: "ConditionalRangeFormat" },
  },
  ConditionalFormatRule: { scalars: { formula: formatReader((t) => t.format.formula ?? "") }, navigations: {} },
  ConditionalRangeFormat: { scalars: {}, navigations: { fill: "ConditionalRangeFill" } },
  // An unset fill reads as null: a guess (the reference does not say what an unset conditional fill reports).
  ConditionalRangeFill: { scalars: { color: formatReader((t) => t.format.fill) }, navigations: {} },
};

/** load()'s argument as property paths: "values, address", ["items/name"], or nothing for every scalar. */
function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((part) => loadPaths(part));
  if (typeof arg === "object" && "select" in arg) return loadPaths((arg as { select: unknown }).select);
  throw excelError("InvalidArgument", "load");
}

function queryInfo(paths: string[]): { Select: string[]; Expand: string[] } {
  const expand = new Set<string>();
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) expand.add(parts.slice(0, i).join("/"));
  }
  return { Select: paths, Expand: [...expand] };
}

/** The values a Query returns for `paths` on an entity: nested objects for navigation paths. */
function queryEntity(
  entity: string,
  target: unknown,
  paths: string[],
  state: FakeWorkbookState,
): Record<string, unknown> {
  const meta = ENTITIES[entity];
  const result: Record<string, unknown> = {};
  const wanted = paths.length ? paths : Object.keys(meta.scalars);
  for (const path of wanted) {
    const [head, ...rest] = path.split("/");
    const navigation = meta.navigations[head];
    if (navigation) {
      const nested = queryEntity(navigation, target, rest.length ? [rest.join("/")] : [], state);
      // Several paths through one navigation ("pageLayout/a/x, pageLayout/a/y") load together: merged deeply, as
      // load takes "A comma-delimited string or an array of strings that specify the properties to load."
      result[head] = mergeDeep(result[head] as Record<string, unknown> | undefined, nested);
    } else if (head in meta.scalars && rest.length === 0) {
      result[head] = (meta.scalars[head] as (target: unknown, state: FakeWorkbookState) => unknown)(target, state);
    } else throw excelError("InvalidArgument", `${entity}.load`, `The property '${path}' does not exist on ${entity}.`);
  }
  return result;
}

function mergeDeep(into: Record<string, unknown> | undefined, from: Record<string, unknown>): Record<string, unknown> {
  const isObject = (item: unknown): item is Record<string, unknown> =>
    typeof item === "object" && item !== null && !Array.isArray(item);
  const merged: Record<string, unknown> = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const existing = merged[key];
    merged[key] = isObject(existing) && isObject(value) ? mergeDeep(existing, value) : value;
  }
  return merged;
}

// ---- Proxies ----------------------------------------------------------------------------------------

abstract class ClientObject<T> {
  readonly _id: number;
  /** Set from a sync's results: whether Excel found the object. Undefined until then. */
  _isNull: boolean | undefined;
  protected readonly _cache = new Map<string, unknown>();
  private readonly _children = new Map<string, ClientObject<unknown>>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _parent: ClientObject<unknown> | null,
    private readonly _path: PathSpec,
    readonly _entity: string,
    /** OrNullObject results report isNullObject after sync without a load. */
    protected readonly _orNull = false,
  ) {
    this._id = context._nextId();
    if (!context._processingResult) {
      context._enqueue({
        id: context._nextId(),
        type: ActionType.Instantiate,
        name: "",
        target: this as ClientObject<unknown>,
        run: (tx) => {
          const target = tx.resolve(this);
          tx.onSuccess.push(() => {
            if (target === null) this._isNull = true;
            else if (this._orNull) this._isNull = false;
            this._onBound(target);
          });
        },
      });
    }
  }

  /** Resolves the object in the workbook: its target, null for a null object, or Excel's error. */
  abstract _bind(tx: Batch): T | null;

  /** After a successful sync resolved the object. */
  protected _onBound(target: T | null): void {
    void target;
  }

  _pathJson(): object {
    const { type, name, args } = this._path;
    return {
      Id: this._id,
      ObjectPathType: type,
      Name: name,
      ...(this._parent ? { ParentObjectPathId: this._parent._id } : {}),
      ...(args ? { ArgumentInfo: { Arguments: args } } : {}),
    };
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._entity);
    return this._isNull;
  }

  /** A navigation property's proxy, created once (no Instantiate action while results are processed). */
  protected _child<C extends ClientObject<unknown>>(name: string, create: () => C): C {
    let child = this._children.get(name);
    if (!child) {
      child = create();
      this._children.set(name, child);
    }
    return child as C;
  }

  protected _get<V>(property: string): V {
    if (this._cache.has(property)) return this._cache.get(property) as V;
    if (this._isNull) return undefined as V;
    throw propertyNotLoaded(property, this._entity);
  }

  /** A property set: kept locally (Office.js reads it back from the proxy) and queued for Excel. */
  protected _set(property: string, value: unknown, apply: (target: T, value: unknown, tx: Batch) => void): void {
    this._cache.set(property, value);
    this.context._enqueue({
      id: this.context._nextId(),
      type: ActionType.SetProperty,
      name: property.charAt(0).toUpperCase() + property.slice(1),
      target: this as ClientObject<unknown>,
      args: [value],
      run: (tx, args) => {
        const target = tx.resolve(this);
        if (target !== null) apply(target, args[0], tx);
      },
    });
  }

  protected _method(name: string, args: unknown[], apply: (target: T, args: unknown[], tx: Batch) => unknown): void {
    this.context._enqueue({
      id: this.context._nextId(),
      type: ActionType.Method,
      name,
      target: this as ClientObject<unknown>,
      args,
      run: (tx, wireArgs) => {
        const target = tx.resolve(this);
        if (target !== null) apply(target, wireArgs, tx);
      },
    });
  }

  /** Queues a Query action; returns `this` like Office.js's load. */
  protected _load(arg: unknown): this {
    const paths = loadPaths(arg);
    const action: QueuedAction = {
      id: this.context._nextId(),
      type: ActionType.Query,
      name: "",
      target: this as ClientObject<unknown>,
      query: queryInfo(paths),
      run: (tx) => {
        const target = tx.resolve(this);
        const value = target === null ? null : this._query(target, paths, tx.state);
        tx.results.push({ actionId: action.id, value, apply: (returned) => this._applyResult(returned) });
      },
    };
    this.context._enqueue(action);
    return this;
  }

  protected _query(target: T, paths: string[], state: FakeWorkbookState): unknown {
    return queryEntity(this._entity, target, paths, state);
  }

  /** Loaded values into the proxy and its navigation proxies. */
  _applyResult(value: unknown): void {
    if (value === null) {
      this._isNull = true;
      return;
    }
    this._isNull = false;
    const meta = ENTITIES[this._entity];
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (meta.navigations[name]) (this as unknown as Record<string, ClientObject<unknown>>)[name]._applyResult(item);
      else this._cache.set(name, item);
    }
  }
}

class WorkbookProxy extends ClientObject<true> implements ExcelWorkbook {
  constructor(context: FakeRequestContext) {
    super(context, null, { type: PathType.GlobalObject, name: "" }, "Workbook");
  }

  _bind(): true {
    return true;
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child("worksheets", () => new WorksheetCollectionProxy(this.context, this));
  }

  get application(): ApplicationProxy {
    return this._child("application", () => new ApplicationProxy(this.context, this));
  }

  /** Workbook.protection (ExcelApi 1.7): whether the workbook's structure is protected. */
  get protection(): WorkbookProtectionProxy {
    return this._child("protection", () => new WorkbookProtectionProxy(this.context, this));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  /**
   * Workbook.getSelectedRange: the active sheet's selection. Excel always has one; the fake keeps one selection for
   * the workbook, so a sheet activated since (or never selected in) has its A1 selected, as a new sheet does.
   */
  getSelectedRange(): RangeProxy {
    return new SelectedRangeProxy(this.context, this);
  }
}

class ApplicationProxy extends ClientObject<true> {
  constructor(context: FakeRequestContext, parent: WorkbookProxy) {
    super(context, parent, { type: PathType.Property, name: "Application" }, "Application");
  }

  _bind(): true {
    return true;
  }

  suspendApiCalculationUntilNextSync(): void {
    this._method("SuspendApiCalculationUntilNextSync", [], (_, __, tx) => tx.state.suspendCalculation());
  }

  /** ExcelApi 1.1 to read, 1.8 to set. */
  get calculationMode(): CalculationMode {
    return this._get("calculationMode");
  }

  set calculationMode(value: CalculationMode) {
    this._set("calculationMode", value, (_, mode, tx) => tx.state.setCalculationMode(mode));
  }

  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this._method("Calculate", wire([calculationType]), (_, [type], tx) => tx.state.calculate(type));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }
}

class WorkbookProtectionProxy extends ClientObject<true> implements ExcelWorkbookProtection {
  constructor(context: FakeRequestContext, parent: WorkbookProxy) {
    super(context, parent, { type: PathType.Property, name: "Protection" }, "WorkbookProtection");
  }

  _bind(): true {
    return true;
  }

  get protected(): boolean {
    return this._get("protected");
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  protect(password?: string): void {
    this._method("Protect", wire([password]), (_, [secret], tx) => tx.state.protectWorkbook(secret));
  }

  unprotect(password?: string): void {
    this._method("Unprotect", wire([password]), (_, [secret], tx) => tx.state.unprotectWorkbook(secret));
  }
}

/** A collection's load paths as paths on its items: "items/name" and "name" alike; "items" alone, every scalar. */
function itemPaths(propertyNames?: string | string[]): string[] {
  return loadPaths(propertyNames)
    .map((path) => path.replace(/^items\/?/, ""))
    .filter(Boolean);
}

class WorksheetCollectionProxy extends ClientObject<true> implements ExcelWorksheetCollection {
  constructor(context: FakeRequestContext, parent: WorkbookProxy) {
    super(context, parent, { type: PathType.Property, name: "Worksheets" }, "WorksheetCollection");
  }

  _bind(tx: Batch): true | null {
    return tx.resolve(this._parent as WorkbookProxy);
  }

  get items(): WorksheetProxy[] {
    return this._get("items");
  }

  /** "items/name", "name" (the same, on the items), "items" or nothing (every scalar of the items). */
  load(propertyNames?: string | string[]): this {
    return this._load(itemPaths(propertyNames));
  }

  protected override _query(_: true, paths: string[], state: FakeWorkbookState): unknown {
    return {
      items: state.sheets.map((sheet) => ({ _Id: sheet.id, ...queryEntity("Worksheet", sheet, paths, state) })),
    };
  }

  override _applyResult(value: unknown): void {
    this._isNull = false;
    const items = (value as { items: Array<Record<string, unknown>> }).items.map((item) => {
      const { _Id: id, ...loaded } = item;
      const sheet = new WorksheetProxy(this.context, this, { type: PathType.Indexer, name: "", args: [id] }, (tx) =>
        byId(tx, id as string),
      );
      sheet._boundId = id as string;
      sheet._applyResult(loaded);
      return sheet;
    });
    this._cache.set("items", items);
  }

  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, { type: PathType.Method, name: "Add", args: wire([name]) }, (tx) =>
      tx.state.addSheetOp(name ?? null),
    );
  }

  /** Office.js takes the sheet's name or its id ("key: the name or ID of the worksheet"). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      { type: PathType.Method, name: "GetItem", args: wire([key]) },
      (tx) => {
        const sheet = tx.state.sheetByName(String(key)) ?? tx.state.sheetById(String(key));
        if (!sheet) throw excelError("ItemNotFound", "WorksheetCollection.getItem");
        return sheet;
      },
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      { type: PathType.Method, name: "GetItemOrNullObject", args: wire([key]) },
      (tx) => tx.state.sheetByName(String(key)) ?? tx.state.sheetById(String(key)) ?? null,
      true,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this, { type: PathType.Method, name: "GetActiveWorksheet" }, (tx) => {
      const sheet = tx.state.sheetById(tx.state.activeSheetId);
      if (!sheet) throw excelError("ItemNotFound", "WorksheetCollection.getActiveWorksheet");
      return sheet;
    });
  }
}

/** Arguments as they reach Excel: through JSON (undefined becomes null). */
const wire = (args: unknown[]) => JSON.parse(JSON.stringify(args)) as unknown[];

function byId(tx: Batch, id: string): SheetState {
  const sheet = tx.state.sheetById(id);
  if (!sheet) throw excelError("ItemNotFound", "Worksheet");
  return sheet;
}

class WorksheetProxy extends ClientObject<SheetState> implements ExcelWorksheet {
  /** Once Excel resolved the sheet, Office.js addresses it by id: renames and reorders do not lose it. */
  _boundId: string | undefined;

  constructor(
    context: FakeRequestContext,
    parent: ClientObject<unknown>,
    path: PathSpec,
    private readonly _find: (tx: Batch) => SheetState | null,
    orNull = false,
  ) {
    super(context, parent, path, "Worksheet", orNull);
  }

  _bind(tx: Batch): SheetState | null {
    if (this._boundId !== undefined) return byId(tx, this._boundId);
    if (tx.resolve(this._parent!) === null) return null;
    return this._find(tx);
  }

  protected override _onBound(target: SheetState | null): void {
    if (target) this._boundId = target.id;
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }

  set name(value: string) {
    this._set("name", value, (sheet, name, tx) => tx.state.renameSheet(sheet, name));
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this._get("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this._set("visibility", value, (sheet, visibility, tx) => tx.state.setVisibility(sheet, visibility));
  }

  get position(): number {
    return this._get("position");
  }

  set position(value: number) {
    this._set("position", value, (sheet, position, tx) => tx.state.moveSheet(sheet, position));
  }

  get protection(): WorksheetProtectionProxy {
    return this._child("protection", () => new WorksheetProtectionProxy(this.context, this));
  }

  get pageLayout(): PageLayoutProxy {
    return this._child("pageLayout", () => new PageLayoutProxy(this.context, this));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      { type: PathType.Method, name: "GetRange", args: wire([address]) },
      (sheet, tx) => ({
        sheet,
        bounds: rangeBounds(sheet, address, "Worksheet.getRange", tx),
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      { type: PathType.Method, name: "GetUsedRangeOrNullObject", args: wire([valuesOnly]) },
      (sheet, tx) => {
        const bounds = tx.state.usedBounds(sheet, valuesOnly === true);
        return bounds ? { sheet, bounds } : null;
      },
      true,
    );
  }

  get tables(): TableCollectionProxy {
    return this._child("tables", () => new TableCollectionProxy(this.context, this));
  }

  get freezePanes(): FreezePanesProxy {
    return this._child("freezePanes", () => new FreezePanesProxy(this.context, this));
  }

  activate(): void {
    this._method("Activate", [], (sheet, _, tx) => tx.state.activate(sheet));
  }

  delete(): void {
    this._method("Delete", [], (sheet, _, tx) => tx.state.deleteSheet(sheet));
  }
}

/** An address on `sheet`: "A1:B2", "C:D", optionally "Sheet!A1" naming this same sheet; none: the whole sheet. */
function rangeBounds(sheet: SheetState, address: unknown, location: string, tx: Batch): Bounds {
  if (address === undefined || address === null) return { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 };
  if (typeof address !== "string") throw excelError("InvalidArgument", location);
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    const name = /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    if (tx.state.sheetByName(name) !== sheet) throw excelError("InvalidArgument", location);
  }
  const bounds = parseA1(address.slice(bang + 1));
  if (!bounds) throw excelError("InvalidArgument", location);
  return bounds;
}

/** A navigation property of a worksheet (protection, pageLayout, …): it stands for the sheet itself. */
abstract class SheetPartProxy extends ClientObject<SheetState> {
  _bind(tx: Batch): SheetState | null {
    return tx.resolve(this._parent as ClientObject<SheetState>);
  }
}

class WorksheetProtectionProxy extends SheetPartProxy implements ExcelWorksheetProtection {
  constructor(context: FakeRequestContext, parent: WorksheetProxy) {
    super(context, parent, { type: PathType.Property, name: "Protection" }, "WorksheetProtection");
  }

  get protected(): boolean {
    return this._get("protected");
  }

  get options(): ExcelProtectionOptions {
    return this._get("options");
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  protect(options?: ExcelProtectionOptions, password?: string): void {
    this._method("Protect", wire([options, password]), (sheet, [wanted, secret], tx) =>
      tx.state.protect(sheet, wanted, secret),
    );
  }

  unprotect(password?: string): void {
    this._method("Unprotect", wire([password]), (sheet, [secret], tx) => tx.state.unprotect(sheet, secret));
  }
}

class PageLayoutProxy extends SheetPartProxy implements ExcelPageLayout {
  constructor(context: FakeRequestContext, parent: WorksheetProxy) {
    super(context, parent, { type: PathType.Property, name: "PageLayout" }, "PageLayout");
  }

  get orientation(): "Portrait" | "Landscape" {
    return this._get("orientation");
  }

  set orientation(value: "Portrait" | "Landscape") {
    this._set("orientation", value, (sheet, orientation, tx) =>
      tx.state.setPageLayout(sheet, "orientation", orientation),
    );
  }

  get paperSize(): string {
    return this._get("paperSize");
  }

  set paperSize(value: string) {
    this._set("paperSize", value, (sheet, paper, tx) => tx.state.setPageLayout(sheet, "paperSize", paper));
  }

  get zoom(): ExcelPageLayout["zoom"] {
    return this._get("zoom");
  }

  set zoom(value: ExcelPageLayout["zoom"]) {
    this._set("zoom", value, (sheet, zoom, tx) => tx.state.setPageLayout(sheet, "zoom", zoom));
  }

  /** Excel.PageLayout's margins are properties of their own ("The worksheet's left margin, in points, …"). */
  get leftMargin(): number {
    return this._get("leftMargin");
  }

  get rightMargin(): number {
    return this._get("rightMargin");
  }

  get topMargin(): number {
    return this._get("topMargin");
  }

  get bottomMargin(): number {
    return this._get("bottomMargin");
  }

  get headerMargin(): number {
    return this._get("headerMargin");
  }

  get footerMargin(): number {
    return this._get("footerMargin");
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this._child("headersFooters", () => new HeaderFooterGroupProxy(this.context, this));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  setPrintTitleRows(printTitleRows: string): void {
    this._method("SetPrintTitleRows", wire([printTitleRows]), (sheet, [rows], tx) =>
      tx.state.setPrintTitleRows(sheet, rangeBounds(sheet, rows, "PageLayout.setPrintTitleRows", tx)),
    );
  }

  setPrintMargins(unit: "Points" | "Inches" | "Centimeters", marginOptions: Record<string, number | undefined>): void {
    this._method("SetPrintMargins", wire([unit, marginOptions]), (sheet, [given, margins], tx) =>
      tx.state.setPrintMargins(sheet, given, margins),
    );
  }
}

class HeaderFooterGroupProxy extends SheetPartProxy {
  constructor(context: FakeRequestContext, parent: PageLayoutProxy) {
    super(context, parent, { type: PathType.Property, name: "HeadersFooters" }, "HeaderFooterGroup");
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this._child("defaultForAllPages", () => new HeaderFooterProxy(this.context, this));
  }
}

class HeaderFooterProxy extends SheetPartProxy {
  constructor(context: FakeRequestContext, parent: HeaderFooterGroupProxy) {
    super(context, parent, { type: PathType.Property, name: "DefaultForAllPages" }, "HeaderFooter");
  }

  private _part(part: string, text: string): void {
    this._set(part, text, (sheet, value, tx) => tx.state.setHeaderFooter(sheet, part, value));
  }

  get leftFooter(): string {
    return this._get("leftFooter");
  }

  set leftFooter(text: string) {
    this._part("leftFooter", text);
  }

  get centerFooter(): string {
    return this._get("centerFooter");
  }

  set centerFooter(text: string) {
    this._part("centerFooter", text);
  }

  get rightFooter(): string {
    return this._get("rightFooter");
  }

  set rightFooter(text: string) {
    this._part("rightFooter", text);
  }

  get leftHeader(): string {
    return this._get("leftHeader");
  }

  set leftHeader(text: string) {
    this._part("leftHeader", text);
  }

  get centerHeader(): string {
    return this._get("centerHeader");
  }

  set centerHeader(text: string) {
    this._part("centerHeader", text);
  }

  get rightHeader(): string {
    return this._get("rightHeader");
  }

  set rightHeader(text: string) {
    this._part("rightHeader", text);
  }
}

class FreezePanesProxy extends ClientObject<SheetState> {
  constructor(context: FakeRequestContext, parent: WorksheetProxy) {
    super(context, parent, { type: PathType.Property, name: "FreezePanes" }, "WorksheetFreezePanes");
  }

  _bind(tx: Batch): SheetState | null {
    return tx.resolve(this._parent as WorksheetProxy);
  }

  freezeRows(count?: number): void {
    this._method("FreezeRows", wire([count]), (sheet, [rows], tx) => tx.state.freezeRows(sheet, rows));
  }
}

class TableCollectionProxy extends ClientObject<SheetState> {
  constructor(context: FakeRequestContext, parent: WorksheetProxy) {
    super(context, parent, { type: PathType.Property, name: "Tables" }, "TableCollection");
  }

  _bind(tx: Batch): SheetState | null {
    return tx.resolve(this._parent as WorksheetProxy);
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    return new TableProxy(
      this.context,
      this,
      { type: PathType.Method, name: "Add", args: wire([address, hasHeaders]) },
      (sheet, tx) => tx.state.addTable(sheet, rangeBounds(sheet, address, "TableCollection.add", tx), hasHeaders),
    );
  }

  /** TableCollection.getItemAt: "Gets a table based on its position in the collection." (the sheet's, in order). */
  getItemAt(index: number): TableProxy {
    return new TableProxy(
      this.context,
      this,
      { type: PathType.Method, name: "GetItemAt", args: wire([index]) },
      (sheet, tx) => {
        const table = tx.state.tables.filter((candidate) => candidate.sheetId === sheet.id)[index];
        if (!table) throw excelError("ItemNotFound", "TableCollection.getItemAt");
        return table;
      },
    );
  }
}

class TableProxy extends ClientObject<TableState> {
  private _boundId: string | undefined;

  constructor(
    context: FakeRequestContext,
    parent: TableCollectionProxy,
    path: PathSpec,
    private readonly _create: (sheet: SheetState, tx: Batch) => TableState,
  ) {
    super(context, parent, path, "Table");
  }

  /** Table.rows (ExcelApi 1.1). */
  get rows(): TableRowCollectionProxy {
    return this._child("rows", () => new TableRowCollectionProxy(this.context, this));
  }

  /** Table.sort (ExcelApi 1.2). */
  get sort(): TableSortProxy {
    return this._child("sort", () => new TableSortProxy(this.context, this));
  }

  _bind(tx: Batch): TableState | null {
    if (this._boundId !== undefined) {
      const table = tx.state.tables.find((candidate) => candidate.id === this._boundId);
      if (!table) throw excelError("ItemNotFound", "Table");
      return table;
    }
    const sheet = tx.resolve(this._parent as TableCollectionProxy);
    return sheet === null ? null : this._create(sheet, tx);
  }

  protected override _onBound(target: TableState | null): void {
    if (target) this._boundId = target.id;
  }

  get name(): string {
    return this._get("name");
  }

  set name(value: string) {
    this._set("name", value, (table, name, tx) => tx.state.renameTable(table, name));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }
}

/** Table.rows (ExcelApi 1.1): `count`, and `add` at the end only (see `FakeWorkbookState.addTableRows`). */
class TableRowCollectionProxy extends ClientObject<TableState> {
  constructor(context: FakeRequestContext, parent: TableProxy) {
    super(context, parent, { type: PathType.Property, name: "Rows" }, "TableRowCollection");
  }

  _bind(tx: Batch): TableState | null {
    return tx.resolve(this._parent as TableProxy);
  }

  /** "Adds one or more rows to the table": one blank row (values are not modelled; write them to the range). */
  add(index?: number | null): void {
    this._method("Add", wire([index ?? null]), (table, [at], tx) => tx.state.addTableRows(table, at, 1));
  }

  /** TableRowCollection.count (ExcelApi 1.1): "Returns the number of rows in the table" (its data rows). */
  get count(): number {
    return this._get("count");
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }
}

class TableSortProxy extends ClientObject<TableState> {
  constructor(context: FakeRequestContext, parent: TableProxy) {
    super(context, parent, { type: PathType.Property, name: "Sort" }, "TableSort");
  }

  _bind(tx: Batch): TableState | null {
    return tx.resolve(this._parent as TableProxy);
  }

  /**
   * TableSort.apply(fields, matchCase?): the table's data rows sorted, its header row staying on top; as
   * RangeSort.apply over the table's range with its headers (see `FakeWorkbookState.sortRange`).
   */
  apply(fields: Array<{ key: number; ascending?: boolean }>, matchCase?: boolean): void {
    this._method("Apply", wire([fields, matchCase]), (table, [given, match], tx) => {
      const sheet = tx.state.sheetById(table.sheetId);
      if (!sheet) throw excelError("ItemNotFound", "TableSort.apply");
      tx.state.sortRange(sheet, table.bounds, given, match, table.hasHeaders, "Rows");
    });
  }
}

class FakeClientResult<V> {
  private _loaded = false;
  private _value: V | undefined;

  get value(): V {
    if (!this._loaded) throw excelError("ValueNotLoaded", "ClientResult.value");
    return this._value as V;
  }

  _set(value: V): void {
    this._value = value;
    this._loaded = true;
  }
}

class RangeProxy extends ClientObject<RangeTarget> implements ExcelRange {
  constructor(
    context: FakeRequestContext,
    parent: WorksheetProxy | WorkbookProxy,
    path: PathSpec,
    private readonly _locate: (sheet: SheetState, tx: Batch) => RangeTarget | null,
    orNull = false,
  ) {
    super(context, parent, path, "Range", orNull);
  }

  /** @internal For a range an action on another range returns (Range.insert): located through that one. */
  _locateWith: ((tx: Batch) => RangeTarget | null) | undefined;

  _bind(tx: Batch): RangeTarget | null {
    if (this._locateWith) return this._locateWith(tx);
    const sheet = tx.resolve(this._parent as WorksheetProxy);
    return sheet === null ? null : this._locate(sheet, tx);
  }

  /** Range.worksheet: the sheet the range is on. */
  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(
          this.context,
          this,
          { type: PathType.Property, name: "Worksheet" },
          (tx) => tx.resolve(this as ClientObject<RangeTarget>)?.sheet ?? null,
        ),
    );
  }

  get address(): string {
    return this._get("address");
  }

  get rowCount(): number {
    return this._get("rowCount");
  }

  get columnCount(): number {
    return this._get("columnCount");
  }

  get values(): ExcelValue[][] {
    return this._get("values");
  }

  set values(rows: ExcelValue[][]) {
    this._set("values", rows, (t, value, tx) => tx.state.write(t.sheet, t.bounds, value, "values"));
  }

  get formulas(): ExcelValue[][] {
    return this._get("formulas");
  }

  set formulas(rows: ExcelValue[][]) {
    this._set("formulas", rows, (t, value, tx) => tx.state.write(t.sheet, t.bounds, value, "formulas"));
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }

  set numberFormat(rows: string[][]) {
    this._set("numberFormat", rows, (t, value, tx) => tx.state.write(t.sheet, t.bounds, value, "numberFormat"));
  }

  get columnHidden(): boolean {
    return this._get("columnHidden");
  }

  set columnHidden(hidden: boolean) {
    this._set("columnHidden", hidden, (t, value, tx) => tx.state.setColumnHidden(t.sheet, t.bounds, value));
  }

  get format(): RangeFormatProxy {
    return this._child("format", () => new RangeFormatProxy(this.context, this));
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  getCellProperties(loadOptions: ExcelCellPropertiesLoadOptions): FakeClientResult<ExcelCellProperties[][]> {
    const result = new FakeClientResult<ExcelCellProperties[][]>();
    const action: QueuedAction = {
      id: this.context._nextId(),
      type: ActionType.Method,
      name: "GetCellProperties",
      target: this as ClientObject<unknown>,
      args: [loadOptions],
      run: (tx, [options]) => {
        const target = tx.resolve(this);
        const value = target === null ? null : tx.state.cellProperties(target.sheet, target.bounds, options);
        tx.results.push({
          actionId: action.id,
          value,
          apply: (returned) => result._set(returned as ExcelCellProperties[][]),
        });
      },
    };
    this.context._enqueue(action);
    return result;
  }

  setCellProperties(properties: ExcelCellProperties[][]): void {
    this._method("SetCellProperties", [properties], (t, [rows], tx) =>
      tx.state.setCellProperties(t.sheet, t.bounds, rows),
    );
  }

  /** Range.conditionalFormats (ExcelApi 1.6): "The collection of `ConditionalFormats` that intersect the range." */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.context, this));
  }

  /** Range.sort (ExcelApi 1.2). */
  get sort(): RangeSortProxy {
    return this._child("sort", () => new RangeSortProxy(this.context, this));
  }

  /**
   * Range.insert (ExcelApi 1.1): "Returns a new `Range` object at the now blank space", which is where this range
   * was. See `FakeWorkbookState.insertCells`.
   */
  insert(shift: "Down" | "Right"): RangeProxy {
    const proxy = new RangeProxy(
      this.context,
      this._parent as WorksheetProxy,
      { type: PathType.Method, name: "Insert", args: wire([shift]) },
      () => null,
    );
    proxy._locateWith = (tx) => {
      const target = tx.resolve(this as ClientObject<RangeTarget>);
      if (target === null) return null;
      return { sheet: target.sheet, bounds: tx.state.insertCells(target.sheet, target.bounds, shift) };
    };
    return proxy;
  }

  /** Range.delete (ExcelApi 1.1): "Deletes the cells associated with the range." See `FakeWorkbookState.deleteRows`. */
  delete(shift: "Up" | "Left"): void {
    this._method("Delete", wire([shift]), (t, _, tx) => tx.state.deleteRows(t.sheet, t.bounds, shift));
  }

  merge(across?: boolean): void {
    this._method("Merge", wire([across]), (t, [rows], tx) => tx.state.merge(t.sheet, t.bounds, rows));
  }

  unmerge(): void {
    this._method("Unmerge", [], (t, _, tx) => tx.state.unmerge(t.sheet, t.bounds));
  }

  select(): void {
    this._method("Select", [], (t, _, tx) => tx.state.select(t.sheet, t.bounds));
  }
}

/** The range Workbook.getSelectedRange returns: found from the workbook's selection, not from a sheet. */
class SelectedRangeProxy extends RangeProxy {
  constructor(context: FakeRequestContext, parent: WorkbookProxy) {
    super(context, parent, { type: PathType.Method, name: "GetSelectedRange" }, () => null);
  }

  override _bind(tx: Batch): RangeTarget | null {
    const sheet = tx.state.sheetById(tx.state.activeSheetId);
    if (!sheet) throw excelError("ItemNotFound", "Workbook.getSelectedRange");
    const selected = tx.state.selected;
    const bounds = selected && selected.sheetId === sheet.id ? { ...selected.bounds } : { r1: 0, c1: 0, r2: 0, c2: 0 };
    return { sheet, bounds };
  }
}

class RangeFormatProxy extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: RangeProxy) {
    super(context, parent, { type: PathType.Property, name: "Format" }, "RangeFormat");
  }

  _bind(tx: Batch): RangeTarget | null {
    return tx.resolve(this._parent as RangeProxy);
  }
  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }

  set columnWidth(width: number) {
    this._set("columnWidth", width, (t, value, tx) => tx.state.setColumnWidth(t.sheet, t.bounds, value));
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }

  set rowHeight(height: number) {
    this._set("rowHeight", height, (t, value, tx) => tx.state.setRowHeight(t.sheet, t.bounds, value));
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }

  set wrapText(wrap: boolean) {
    this._set("wrapText", wrap, (t, value, tx) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", "RangeFormat.wrapText");
      tx.state.setStyle(t.sheet, t.bounds, "wrapText", value);
    });
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }

  set horizontalAlignment(alignment: string) {
    this._set("horizontalAlignment", alignment, (t, value, tx) =>
      tx.state.setAlignment(t.sheet, t.bounds, "horizontalAlignment", value),
    );
  }

  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }

  set verticalAlignment(alignment: string) {
    this._set("verticalAlignment", alignment, (t, value, tx) =>
      tx.state.setAlignment(t.sheet, t.bounds, "verticalAlignment", value),
    );
  }

  get font(): RangeFontProxy {
    return this._child("font", () => new RangeFontProxy(this.context, this));
  }

  get fill(): RangeFillProxy {
    return this._child("fill", () => new RangeFillProxy(this.context, this));
  }
}

class RangeFontProxy extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: RangeFormatProxy) {
    super(context, parent, { type: PathType.Property, name: "Font" }, "RangeFont");
  }

  _bind(tx: Batch): RangeTarget | null {
    return tx.resolve(this._parent as RangeFormatProxy);
  }
  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  private _flag(name: "bold" | "italic", value: boolean): void {
    this._set(name, value, (t, flag, tx) => {
      if (typeof flag !== "boolean") throw excelError("InvalidArgument", `RangeFont.${name}`);
      tx.state.setStyle(t.sheet, t.bounds, name, flag);
    });
  }

  get bold(): boolean {
    return this._get("bold");
  }

  set bold(value: boolean) {
    this._flag("bold", value);
  }

  get italic(): boolean {
    return this._get("italic");
  }

  set italic(value: boolean) {
    this._flag("italic", value);
  }

  get color(): string {
    return this._get("color");
  }

  set color(value: string) {
    this._set("color", value, (t, color, tx) =>
      tx.state.setStyle(t.sheet, t.bounds, "fontColor", normalizeColor(color, "RangeFont.color")),
    );
  }
}

class RangeFillProxy extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: RangeFormatProxy) {
    super(context, parent, { type: PathType.Property, name: "Fill" }, "RangeFill");
  }

  _bind(tx: Batch): RangeTarget | null {
    return tx.resolve(this._parent as RangeFormatProxy);
  }
  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  get color(): string {
    return this._get("color");
  }

  /** "" clears the fill, as a blank value resets a property. */
  set color(value: string) {
    this._set("color", value, (t, color, tx) =>
      tx.state.setStyle(
        t.sheet,
        t.bounds,
        "fillColor",
        color === "" ? undefined : normalizeColor(color, "RangeFill.color"),
      ),
    );
  }

  clear(): void {
    this._method("Clear", [], (t, _, tx) => tx.state.setStyle(t.sheet, t.bounds, "fillColor", undefined));
  }
}

class RangeSortProxy extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: RangeProxy) {
    super(context, parent, { type: PathType.Property, name: "Sort" }, "RangeSort");
  }

  _bind(tx: Batch): RangeTarget | null {
    return tx.resolve(this._parent as RangeProxy);
  }

  /** RangeSort.apply(fields, matchCase?, hasHeaders?, orientation?, method?): see `FakeWorkbookState.sortRange`. */
  apply(
    fields: Array<{ key: number; ascending?: boolean }>,
    matchCase?: boolean,
    hasHeaders?: boolean,
    orientation?: "Rows" | "Columns",
  ): void {
    this._method("Apply", wire([fields, matchCase, hasHeaders, orientation]), (t, [given, match, headers, by], tx) =>
      tx.state.sortRange(t.sheet, t.bounds, given, match, headers, by),
    );
  }
}

class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: RangeProxy) {
    super(context, parent, { type: PathType.Property, name: "ConditionalFormats" }, "ConditionalFormatCollection");
  }

  _bind(tx: Batch): RangeTarget | null {
    return tx.resolve(this._parent as RangeProxy);
  }

  get items(): ConditionalFormatProxy[] {
    return this._get("items");
  }

  /** "items/type", "items/customOrNullObject/rule/formula", …: paths on the items, as a collection's load takes them. */
  load(propertyNames?: string | string[]): this {
    return this._load(itemPaths(propertyNames));
  }

  protected override _query(target: RangeTarget, paths: string[], state: FakeWorkbookState): unknown {
    return {
      items: state.conditionalFormatsIn(target.sheet, target.bounds).map((format) => ({
        _Id: format.id,
        ...queryEntity("ConditionalFormat", { sheet: target.sheet, format }, paths, state),
      })),
    };
  }

  override _applyResult(value: unknown): void {
    this._isNull = false;
    const items = (value as { items: Array<Record<string, unknown>> }).items.map((item) => {
      const { _Id: id, ...loaded } = item;
      const format = new ConditionalFormatProxy(
        this.context,
        this,
        { type: PathType.Indexer, name: "", args: [id] },
        (tx) => {
          const range = tx.resolve(this as ClientObject<RangeTarget>);
          if (range === null) return null;
          const found = tx.state.conditionalFormatById(range.sheet, String(id));
          if (!found) throw excelError("ItemNotFound", "ConditionalFormatCollection.getItem");
          return { sheet: range.sheet, format: found };
        },
      );
      format._applyResult(loaded);
      return format;
    });
    this._cache.set("items", items);
  }

  /** ConditionalFormatCollection.add(type): "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      { type: PathType.Method, name: "Add", args: wire([type]) },
      (tx) => {
        const range = tx.resolve(this as ClientObject<RangeTarget>);
        return range === null
          ? null
          : { sheet: range.sheet, format: tx.state.addConditionalFormat(range.sheet, range.bounds, type) };
      },
    );
  }
}

class ConditionalFormatProxy extends ClientObject<FormatTarget> {
  private _bound: FormatTarget | undefined;

  constructor(
    context: FakeRequestContext,
    parent: ConditionalFormatCollectionProxy,
    path: PathSpec,
    private readonly _find: (tx: Batch) => FormatTarget | null,
  ) {
    super(context, parent, path, "ConditionalFormat");
  }

  /** Once created or found, the same format in later batches (Office.js addresses it by its id). */
  _bind(tx: Batch): FormatTarget | null {
    if (this._bound) {
      if (!this._bound.sheet.conditionalFormats.includes(this._bound.format))
        throw excelError("ItemNotFound", "ConditionalFormat");
      return this._bound;
    }
    return this._find(tx);
  }

  protected override _onBound(target: FormatTarget | null): void {
    if (target) this._bound = target;
  }

  get id(): string {
    return this._get("id");
  }

  get type(): string {
    return this._get("type");
  }

  get priority(): number {
    return this._get("priority");
  }

  /** "Returns the custom conditional format properties if the current conditional format is a custom type." */
  get custom(): CustomConditionalFormatProxy {
    return this._child("custom", () => new CustomConditionalFormatProxy(this.context, this, "Custom"));
  }

  /** As `custom`; for a format of another type a null object (only custom ones are modelled, so never here). */
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this._child(
      "customOrNullObject",
      () => new CustomConditionalFormatProxy(this.context, this, "CustomOrNullObject"),
    );
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }

  /** ConditionalFormat.delete: "Deletes this conditional format." */
  delete(): void {
    this._method("Delete", [], (t, _, tx) => tx.state.deleteConditionalFormat(t.sheet, t.format));
  }
}

/** The parts of a conditional format (custom, rule, format, fill): they stand for the format itself. */
abstract class FormatPartProxy extends ClientObject<FormatTarget> {
  _bind(tx: Batch): FormatTarget | null {
    return tx.resolve(this._parent as ClientObject<FormatTarget>);
  }

  load(propertyNames?: string | string[]): this {
    return this._load(propertyNames);
  }
}

class CustomConditionalFormatProxy extends FormatPartProxy {
  constructor(context: FakeRequestContext, parent: ConditionalFormatProxy, name: string) {
    super(context, parent, { type: PathType.Property, name }, "CustomConditionalFormat");
  }

  get rule(): ConditionalFormatRuleProxy {
    return this._child("rule", () => new ConditionalFormatRuleProxy(this.context, this));
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child("format", () => new ConditionalRangeFormatProxy(this.context, this));
  }
}

class ConditionalFormatRuleProxy extends FormatPartProxy {
  constructor(context: FakeRequestContext, parent: CustomConditionalFormatProxy) {
    super(context, parent, { type: PathType.Property, name: "Rule" }, "ConditionalFormatRule");
  }

  /** "The formula, if required, on which to evaluate the conditional format rule." */
  get formula(): string {
    return this._get("formula");
  }

  set formula(value: string) {
    this._set("formula", value, (t, formula, tx) => tx.state.setConditionalFormula(t.sheet, t.format, formula));
  }
}

class ConditionalRangeFormatProxy extends FormatPartProxy {
  constructor(context: FakeRequestContext, parent: CustomConditionalFormatProxy) {
    super(context, parent, { type: PathType.Property, name: "Format" }, "ConditionalRangeFormat");
  }

  get fill(): ConditionalRangeFillProxy {
    return this._child("fill", () => new ConditionalRangeFillProxy(this.context, this));
  }
}

class ConditionalRangeFillProxy extends FormatPartProxy {
  constructor(context: FakeRequestContext, parent: ConditionalRangeFormatProxy) {
    super(context, parent, { type: PathType.Property, name: "Fill" }, "ConditionalRangeFill");
  }

  get color(): string {
    return this._get("color");
  }

  set color(value: string) {
    this._set("color", value, (t, color, tx) => tx.state.setConditionalFill(t.sheet, t.format, color));
  }

  clear(): void {
    this._method("Clear", [], (t, _, tx) => tx.state.setConditionalFill(t.sheet, t.format, ""));
  }
}

// ---- The context -----------------------------------------------------------------------------------

export class FakeRequestContext implements ExcelContext {
  /** @internal */
  _processingResult = false;
  private _queue: QueuedAction[] = [];
  private _ids = 0;
  private _workbook: WorkbookProxy | undefined;

  constructor(
    /** @internal */ readonly _state: FakeWorkbookState,
    /** @internal */ readonly _stats: FakeExcelStats,
    /** @internal */ readonly _control: FakeExcelControl,
  ) {}

  get workbook(): WorkbookProxy {
    if (!this._workbook) this._workbook = new WorkbookProxy(this);
    return this._workbook;
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  /** @internal */
  _nextId(): number {
    return ++this._ids;
  }

  /** @internal */
  _enqueue(action: QueuedAction): void {
    this._queue.push(action);
  }

  /** The request Office.js would send for the queued actions. */
  private request(actions: QueuedAction[]): object {
    const paths: Record<string, object> = {};
    for (const action of actions)
      for (
        let object: ClientObject<unknown> | null = action.target;
        object && !paths[object._id];
        object = object._parent
      )
        paths[object._id] = object._pathJson();
    return {
      Actions: actions.map((action) => ({
        Id: action.id,
        ActionType: action.type,
        Name: action.name,
        ObjectPathId: action.target._id,
        ...(action.type === ActionType.Method || action.type === ActionType.SetProperty
          ? { ArgumentInfo: action.args?.length ? { Arguments: action.args } : {} }
          : {}),
        ...(action.query ? { QueryInfo: action.query } : {}),
      })),
      ObjectPaths: paths,
    };
  }

  async sync(): Promise<void> {
    const stats = this._stats;
    const number = ++stats.syncs;
    const actions = this._queue;
    this._queue = [];
    const fault = this._control.takeFault(number);
    await Promise.resolve();
    const faultError = (spec: SyncFault) =>
      new FakeExcelError(spec.code ?? "GeneralException", spec.message ?? MESSAGES.GeneralException, "sync");
    if (actions.length === 0) {
      if (fault) throw faultError(fault);
      return;
    }
    const text = JSON.stringify(this.request(actions));
    const record: SyncRecord = {
      sync: number,
      actions: actions.length,
      requestBytes: utf8Length(text),
      responseBytes: 0,
    };
    stats.requests.push(record);
    const reject = (error: unknown): never => {
      record.error = error instanceof FakeExcelError ? error.code : "Error";
      throw error;
    };
    const limit = this._control.requestLimitBytes;
    if (limit !== null && record.requestBytes > limit) reject(excelError("RequestPayloadSizeLimitExceeded", "sync"));

    const sent = JSON.parse(text) as { Actions: Array<{ ArgumentInfo?: { Arguments?: unknown[] } }> };
    const tx = new Batch(this._state);
    const count = !fault ? actions.length : fault.applied === "all" ? actions.length : (fault.applied ?? 0);
    try {
      for (let i = 0; i < count; i++) actions[i].run(tx, sent.Actions[i].ArgumentInfo?.Arguments ?? []);
    } catch (error) {
      reject(error);
    } finally {
      this._state.endBatch();
    }
    if (fault) reject(faultError(fault));

    const responseText = JSON.stringify({
      Results: tx.results.map(({ actionId, value }) => ({ ActionId: actionId, Value: value })),
    });
    record.responseBytes = utf8Length(responseText);
    const responseLimit = this._control.responseLimitBytes;
    if (responseLimit !== null && record.responseBytes > responseLimit)
      reject(excelError("ResponsePayloadSizeLimitExceeded", "sync"));
    const response = JSON.parse(responseText) as { Results: Array<{ Value: unknown }> };
    this._processingResult = true;
    try {
      tx.results.forEach((result, i) => result.apply(response.Results[i].Value));
      for (const commit of tx.onSuccess) commit();
    } finally {
      this._processingResult = false;
    }
  }
}
