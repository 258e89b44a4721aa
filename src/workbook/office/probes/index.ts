import type { ExcelProbe } from "./probe";
import { WORKBOOK_PROBES } from "./workbook";

export { ProbeFailure, expectEqual, expectExcelError } from "./probe";
export type { ExcelProbe } from "./probe";

/** Every probe, in the order the self-test runs them. Each file groups one part of the API. */
export const PROBES: readonly ExcelProbe[] = [...WORKBOOK_PROBES];
