import type { RangeColumnKey } from "../import/range/map-range";
import { Period, periodToIso } from "../model/calendar-date";
import { FieldChange, PlanChange, PlanChangeField, PlanComparison, comparePlans } from "../model/compare";
import { Money, formatMoneyPlain } from "../model/money";
import { ActionPlan, ImportDiagnostic, ScheduleColumnKey } from "../model/plan";
import { CHANGES_SHEET, changesSheet, reasonsOf } from "../workbook/changes-sheet";
import { cellAt } from "../model/a1";
import { cellAddress } from "../workbook/layout";
import { RawSheet, WorkbookModel } from "../workbook/model";
import type { CellFinding, WorkbookPort } from "../workbook/port";
import { analysePlan } from "./analyse";
import { SheetTable, workbookPlanOf } from "./own-workbook";
import { DocumentReading, DocumentSource, readDocument } from "./read";

/**
 * Two versions of a plan compared (the approved one first): the command line's `diff`; the pane compares the open
 * workbook with `compareWorkbookWith`.
 */
export function comparePlanVersions(before: ActionPlan, after: ActionPlan): PlanComparison {
  return comparePlans(before, after);
}

const money = (amount: Money | null): string | null => (amount ? formatMoneyPlain(amount) : null);

function fieldValue(value: FieldChange["before"]): unknown {
  if (value === null || typeof value === "string") return value;
  if ("start" in value) return periodToIso(value as Period);
  return formatMoneyPlain(value);
}

/** The comparison as the command line's --json gives it: amounts as decimal strings ("2400.00"), dates ISO. */
export function comparisonToJson(comparison: PlanComparison): unknown {
  return {
    changes: comparison.changes.map((change) => ({
      implementer: change.implementer,
      code: change.code,
      codeBefore: change.codeBefore,
      label: change.label,
      change: change.change,
      fields: change.fields.map((field) => ({
        field: field.field,
        before: fieldValue(field.before),
        after: fieldValue(field.after),
      })),
      amountBefore: money(change.amountBefore),
      amountAfter: money(change.amountAfter),
      difference: formatMoneyPlain(change.difference),
      // What the row adds to the totals' difference: a parent's change is its items' and counts as zero.
      counted: formatMoneyPlain(change.countedDifference),
    })),
    implementers: comparison.implementers,
    totals: comparison.totals.map((total) => ({
      implementer: total.implementer,
      before: money(total.before),
      after: money(total.after),
      difference: formatMoneyPlain(total.difference),
    })),
    grandTotal: {
      before: formatMoneyPlain(comparison.grandTotal.before),
      after: formatMoneyPlain(comparison.grandTotal.after),
      difference: formatMoneyPlain(comparison.grandTotal.difference),
    },
    partnerships: comparison.partnerships.map((change) => ({
      implementer: change.implementer,
      before: periodToIso(change.before),
      after: periodToIso(change.after),
    })),
    indicators: comparison.indicators,
  };
}

/** The Muudatused sheet alone, as a workbook to write: the change table and the totals' table below it. */
export function changesWorkbook(comparison: PlanComparison): WorkbookModel {
  return { sheets: [changesSheet(comparison)] };
}

/** The open workbook's plan compared with its approved version, a document the officer chose. */
export interface WorkbookComparison {
  comparison: PlanComparison;
  /** The approved version as read: its plan, diagnostics and, from a container, what it held. */
  approved: DocumentReading;
  /** What reading the workbook's plan noted (a cell that is not a number). */
  diagnostics: ImportDiagnostic[];
}

/**
 * Compares the approved version (a directive's text, Word, PDF or container) with the plan the open workbook holds
 * now, ours or the officer's own tables; nothing is written.
 */
export async function compareWorkbookWith(
  port: Pick<WorkbookPort, "readWorkbook">,
  source: DocumentSource,
): Promise<WorkbookComparison> {
  const approved = await readDocument(source);
  const { result } = workbookPlanOf(await port.readWorkbook());
  return { comparison: comparePlans(approved.plan, result.plan), approved, diagnostics: result.diagnostics };
}

export interface ChangesWritten {
  /** The comparison written: made again from the workbook as it was when written. */
  comparison: PlanComparison;
  /** The sheet written, and whether it replaced one of that name. */
  sheet: string;
  replaced: boolean;
  /** Cells marked as changed, and all cells marked (the check's findings stay marked beside them). */
  changedCells: number;
  marked: number;
  /** The officer's reasons carried over from the sheet written before. */
  reasonsKept: number;
}

/**
 * Writes the Muudatused sheet for the open workbook against `approved`, and with `mark` marks the changed cells in
 * their own colour. Marking replaces the marks layer, so the check's findings are marked again with the changes and
 * nothing the officer saw marked goes. The workbook is read once more here, not taken from the preview: what is
 * written is what the workbook holds now. Reasons written on an earlier Muudatused sheet are kept beside their
 * changes.
 */
export async function writeChanges(
  port: Pick<WorkbookPort, "readWorkbook" | "readAndMark" | "writeAnnexSheets">,
  approved: ActionPlan,
  options: { mark: boolean },
): Promise<ChangesWritten> {
  let comparison: PlanComparison | null = null;
  let changedCells = 0;
  const compare = (sheets: RawSheet[]) => {
    const { result, tables } = workbookPlanOf(sheets);
    comparison = comparePlans(approved, result.plan);
    return { result, tables };
  };
  let sheets: RawSheet[];
  let marked = 0;
  if (options.mark) {
    ({ sheets, marked } = await port.readAndMark((read) => {
      const { result, tables } = compare(read);
      const changes = changeMarks(comparison!, tables);
      changedCells = new Set(changes.map(({ position }) => `${position.sheet}!${position.cell}`)).size;
      return [...analysePlan(result.plan, tables).check.findings, ...changes];
    }));
  } else {
    sheets = await port.readWorkbook();
    compare(sheets);
  }
  const previous = sheets.find((sheet) => lower(sheet.name) === lower(CHANGES_SHEET));
  const reasons = reasonsOf(previous);
  const sheet = changesSheet(comparison!, reasons);
  const written = await port.writeAnnexSheets({ sheets: [sheet] });
  return {
    comparison: comparison!,
    sheet: written.sheets[0] ?? CHANGES_SHEET,
    replaced: written.replaced.length > 0,
    changedCells,
    marked,
    reasonsKept: reasons.size,
  };
}

const lower = (name: string) => name.toLocaleLowerCase("et");

/** The columns of our schedule sheet that show each field. */
const SCHEDULE_COLUMNS_OF: Record<PlanChangeField, ScheduleColumnKey[]> = {
  amount: ["amount"],
  frame: ["frameStart", "frameEnd"],
  plan: ["planStart", "planEnd"],
  responsible: ["responsible"],
  label: ["label"],
  code: ["code"],
};
/** The same on an officer's own table, whose code may open the activity's text instead of a column of its own. */
const TABLE_COLUMNS_OF: Record<PlanChangeField, RangeColumnKey[]> = {
  amount: ["amount"],
  frame: ["frame", "frameEnd"],
  plan: ["plan", "planEnd"],
  responsible: ["responsible"],
  label: ["activity"],
  code: ["code"],
};
/** A row added is marked whole. */
const ADDED: PlanChangeField[] = ["code", "label", "frame", "plan", "amount", "responsible"];

/** The fields whose cells show a change: those changed, every one of a row added, the amount of a row that became a parent or a leaf. */
function markedFields(change: PlanChange): PlanChangeField[] {
  if (change.change === "added") return ADDED;
  const fields = change.fields.map((field) => field.field);
  return fields.length > 0 ? fields : ["amount"];
}

/**
 * The cells of the open workbook an amendment changed, as marks of their own colour: on our sheets by each row's
 * place, on the officer's own tables by the table's columns. A removed row has no cell left to mark; the change
 * table lists it.
 */
export function changeMarks(comparison: PlanComparison, tables: readonly SheetTable[] | null): CellFinding[] {
  const marks: CellFinding[] = [];
  for (const change of comparison.changes) {
    const { at } = change;
    if (!at) continue;
    const fields = markedFields(change);
    if (!tables) {
      if (!at.sheet) continue;
      for (const field of fields) {
        for (const column of SCHEDULE_COLUMNS_OF[field]) {
          marks.push({
            severity: "change",
            position: { sheet: at.sheet.name, cell: cellAddress(column, at.sheet.row) },
          });
        }
      }
      continue;
    }
    const table = tables.find((candidate) => candidate.implementer === change.implementer);
    if (!table) continue;
    const { columns } = table.header;
    for (const field of fields) {
      const found = TABLE_COLUMNS_OF[field].flatMap((key) => (columns[key] === undefined ? [] : [columns[key]!]));
      // A code printed at the start of the activity's text is marked there.
      const cells =
        found.length > 0 || field !== "code" ? found : columns.activity === undefined ? [] : [columns.activity];
      for (const column of cells)
        marks.push({ severity: "change", position: { sheet: table.sheet, cell: cellAt(column, at.line) } });
    }
  }
  return marks;
}

/** The change table and the totals' table as a Word document; docx loads on first use. */
export async function changesDocxBytes(comparison: PlanComparison): Promise<Uint8Array> {
  const { changesDocxBytes: render } = await import(/* webpackChunkName: "docx" */ "../annex/changes/docx");
  return render(comparison);
}
