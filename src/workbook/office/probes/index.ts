import { MARK_PROBES } from "./marks";
import type { ExcelProbe } from "./probe";

export { ProbeFailure, expectEqual, expectExcelError } from "./probe";
export type { ExcelProbe } from "./probe";

/** Every probe, in the order the self-test runs them. Each file groups one part of the API. */
export const PROBES: readonly ExcelProbe[] = [...MARK_PROBES];
