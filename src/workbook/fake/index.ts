import { FakeExcelControl, FakeExcelStats, FakeRequestContext } from "./fake-excel";
import { FakeWorkbookState, WorkbookOptions } from "./state";

/**
 * An in-memory Excel behind the structural Office.js subset in ../office/excel-api.ts, for tests and for a
 * browser page without Excel. See fake-excel.ts for the request model and state.ts for the workbook.
 */

export interface FakeExcelOptions extends WorkbookOptions {
  /** Request size limit in bytes (Excel on the web: 5 MB); null for none. */
  requestLimitBytes?: number | null;
  /** Response size limit in bytes (Excel on the web: 5 MB); null for none. */
  responseLimitBytes?: number | null;
}

export interface FakeExcel {
  context: FakeRequestContext;
  workbook: FakeWorkbookState;
  stats: FakeExcelStats;
  control: FakeExcelControl;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const workbook = new FakeWorkbookState(options);
  const stats = new FakeExcelStats();
  const control = new FakeExcelControl();
  if (options.requestLimitBytes !== undefined) control.requestLimitBytes = options.requestLimitBytes;
  if (options.responseLimitBytes !== undefined) control.responseLimitBytes = options.responseLimitBytes;
  return { context: new FakeRequestContext(workbook, stats, control), workbook, stats, control };
}

export { FakeExcelControl, FakeExcelStats, FakeRequestContext, PAYLOAD_LIMIT_BYTES, utf8Length } from "./fake-excel";
export type { SyncFault, SyncRecord } from "./fake-excel";
export { FakeExcelError } from "./errors";
export { FakeWorkbookState } from "./state";
export type {
  CalculationMode,
  CellFormat,
  InputLocale,
  PageLayoutState,
  Style,
  Visibility,
  WorkbookOptions,
} from "./state";
// The grid's addresses, for what draws the fake (the preview): the shared A1 helpers of src/model/a1.ts.
export { MAX_COLUMNS, columnName, contains, formatBounds, intersects } from "../../model/a1";
export type { Bounds } from "../../model/a1";
