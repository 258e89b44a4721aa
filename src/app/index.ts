/**
 * The application layer: each use case once, over a workbook port, for every entry (the task pane, the ribbon
 * command, the preview, the command line). Entries import from here, and from the adapter they bind; the values and
 * types they show (money, dates, findings) are re-exported so that no entry reaches past this layer.
 */
export { analysePlan } from "./analyse";
export { EditRefusedError, applyEdit, editableRows, previewEdit, rowAtSelection } from "./authoring";
export type {
  AmountEdit,
  Edit,
  EditApplied,
  EditPreview,
  EditableImplementer,
  EditableRow,
  RowEdit,
} from "./authoring";
export {
  changeMarks,
  changesDocxBytes,
  changesWorkbook,
  comparePlanVersions,
  compareWorkbookWith,
  comparisonToJson,
  writeChanges,
} from "./compare";
export type { ChangesWritten, WorkbookComparison } from "./compare";
export { checkAndMark, checkWorkbook, clearMarks } from "./check";
export type { CheckOutcome, CommandCheckOutcome } from "./check";
export { importPlan, importSelection, previewImport, previewSelection, writePlan } from "./import";
export type { ImportPreview, SelectionImport, SelectionPreview } from "./import";
export {
  generateLisa2,
  lisa2DocxBytes,
  lisa2DocxOfWorkbook,
  lisa2SheetsForWorkbook,
  planWithLisa2Workbook,
  writePlanWithLisa2,
} from "./lisa2";
export type { Lisa2Outcome } from "./lisa2";
export { lisa1DocxBytes } from "./lisa1";
export { errorMessage, isExpectedError } from "./messages";
export type { Language } from "./messages";
export { planOrNull, readAnyWorkbookPlan, readDocument, readWorkbookPlan } from "./read";
export { workbookPlanOf } from "./own-workbook";
export type { AnyWorkbookPlan, SheetTable } from "./own-workbook";
export type { DocumentReading, DocumentSource, WorkbookPlan } from "./read";
export { plannedRollups, recalc } from "./recalc";
export type { RecalcOutcome } from "./recalc";
export { readSettings, writeSettings } from "./settings";
export { workbookServices } from "./services";
export type { WorkbookServices } from "./services";

// What the entries show and take, from the layers below.
export type { Lisa2, Lisa2Options } from "../annex/lisa2/budget";
export { groupFindings } from "../checks/engine";
export type { CheckResult, FindingGroup, ImplementerTotalLine } from "../checks/engine";
export type { PlanAnalysis } from "../checks/analyse";
export type { Finding, Severity } from "../checks/types";
export { CONTAINER_FILE, fileSizeRefusal } from "../import/limits";
export { formatSigningTime } from "../import/container/signing-time";
export type { ContainerCandidate, ContainerReading } from "../import/container/read-container";
export type { SignatureInfo } from "../import/container/signatures";
export type { RangeImplementer } from "../import/range/map-range";
export { CalendarDate, periodContains } from "../model/calendar-date";
export type { Period } from "../model/calendar-date";
export { importResultToJson } from "../model/json";
export { formatMoneyEstonian, formatMoneyPlain, parseMoney, parseRatePercent, sumMoney } from "../model/money";
export type { RowChange } from "../model/authoring";
export { CHANGE_FIELD_ET, CHANGE_KIND_ET } from "../model/compare";
export type { PlanChange, PlanComparison } from "../model/compare";
export type { Money } from "../model/money";
export { ImportError } from "../model/plan";
export type { ActionPlan, ImportDiagnostic, ImportResult, Implementer } from "../model/plan";
export { planTotals } from "../model/totals";
export type { PlanSettings } from "../workbook/settings";
export type {
  AnnexResult,
  CellWrites,
  RewriteResult,
  SheetConflict,
  WorkbookPort,
  WriteResult,
} from "../workbook/port";
