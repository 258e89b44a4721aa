import { MARK_PROBES } from "./marks";
import type { ExcelProbe } from "./probe";
import { FORMAT_PROBES } from "./formats";
import { PAGE_LAYOUT_PROBES } from "./page-layout";
import { PROTECTION_PROBES } from "./protection";
import { RANGE_PROBES } from "./ranges";
import { REQUEST_PROBES } from "./requests";
import { ROW_PROBES } from "./rows";
import { SHEET_PROBES } from "./sheets";
import { TABLE_PROBES } from "./tables";
import { WORKBOOK_PROBES } from "./workbook";

export { ProbeFailure, expectEqual, expectExcelError, expectRejected, expectTrue } from "./probe";
export type { ExcelProbe } from "./probe";
export { probeReportText, runProbes } from "./run";
export type { ProbeEnvironment, ProbeReport } from "./run";

/** Every probe, in the order the self-test runs them. Each file groups one part of the API. */
export const PROBES: readonly ExcelProbe[] = [
  ...REQUEST_PROBES,
  ...SHEET_PROBES,
  ...RANGE_PROBES,
  ...FORMAT_PROBES,
  ...TABLE_PROBES,
  ...PAGE_LAYOUT_PROBES,
  ...PROTECTION_PROBES,
  ...WORKBOOK_PROBES,
  ...MARK_PROBES,
  ...ROW_PROBES,
];
