import { buildTree } from "../model/hierarchy";
import {
  EditOutcome,
  MoveRequest,
  RowChange,
  SpreadRequest,
  moveAmount,
  rowName,
  spreadTotal,
} from "../model/authoring";
import { Money, ZERO, formatMoneyEstonian } from "../model/money";
import { ActionPlan, Implementer, ScheduleRow } from "../model/plan";
import { implementerTotals } from "../model/totals";
import { AMOUNT_FORMAT, SUMMARY_SHEET, cellAddress } from "../workbook/layout";
import { RawCell, RawSheet } from "../workbook/model";
import type { CellWrites, WorkbookPort } from "../workbook/port";
import { CellUpdate } from "../workbook/settings";
import { readWorkbookPlan } from "./read";

/**
 * Editing the budget in the workbook: the officer asks for a change (spread a new total, move money), sees every row
 * it changes, before → after, and then has it written — all of it or nothing, since Excel keeps no undo for an
 * add-in's changes. The arithmetic is the model's (`src/model/authoring.ts`); here it meets the workbook.
 *
 * An amount edit changes numbers in place: a leaf's amount cell, a parent's declared amount (its SUM formula follows
 * by itself), the amount as printed, and the implementer's line on Koond. Nothing moves, so the officer's own
 * formats, notes and other sheets stay as they were.
 */

export type AmountEdit = ({ kind: "spread" } & SpreadRequest) | ({ kind: "move" } & MoveRequest);

/** An edit refused, with the reason in both languages (as the pane and the command line show it). */
export class EditRefusedError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "EditRefusedError";
  }
}

export interface EditPreview {
  edit: AmountEdit;
  /** Every row whose amount changes, before → after, parents included. */
  changes: RowChange[];
  /** The implementers' totals before and after, for those the edit touches. */
  totals: Array<{ implementer: string; before: Money | null; after: Money | null }>;
  /** What applying writes, sheet by sheet, in one batch. */
  writes: CellWrites[];
  /** The plan as it will read after the edit. */
  plan: ActionPlan;
}

/** Reads the plan from the workbook and works the edit out; nothing is written. Refusals throw EditRefusedError. */
export async function previewEdit(port: Pick<WorkbookPort, "readWorkbook">, edit: AmountEdit): Promise<EditPreview> {
  const { result, sheets } = await readWorkbookPlan(port);
  const before = result.plan;
  const outcome: EditOutcome = edit.kind === "spread" ? spreadTotal(before, edit) : moveAmount(before, edit);
  if (!outcome.ok) throw new EditRefusedError(outcome.reason.et, outcome.reason.en);
  const after = outcome.plan;
  const touched = after.implementers.filter((implementer, index) => implementer !== before.implementers[index]);
  const totalsBefore = implementerTotals(before);
  const totalsAfter = implementerTotals(after);
  const totals = touched.map((implementer) => {
    const index = after.implementers.indexOf(implementer);
    return {
      implementer: implementer.name,
      before: totalsBefore[index].totals.declared,
      after: totalsAfter[index].totals.declared,
    };
  });
  const writes: CellWrites[] = [];
  for (const implementer of touched) {
    const index = after.implementers.indexOf(implementer);
    const schedule = scheduleWrites(before.implementers[index], implementer, sheets);
    if (schedule) writes.push(schedule);
  }
  const summary = summaryWrites(after, touched, sheets);
  if (summary) writes.push(summary);
  return { edit, changes: outcome.changes, totals, writes, plan: after };
}

/** Writes a previewed edit in one batch; a failure part-way leaves every cell as it was. */
export async function applyEdit(port: Pick<WorkbookPort, "writeCellsOnSheets">, preview: EditPreview): Promise<void> {
  await port.writeCellsOnSheets(preview.writes);
}

const number = (amount: Money): number => amount.toNumber();
const cellOf = (sheet: RawSheet, address: string): RawCell | null => {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return sheet.rows[Number(match[2]) - 1]?.[column - 1] ?? null;
};

/**
 * The cells of one schedule whose amounts the edit changed: a leaf's amount; a parent's declared amount and its SUM
 * written again with its new result (a file no engine recalculates is read with that result), or, where an officer
 * typed a number over the SUM, that number; and the amount as printed.
 */
function scheduleWrites(before: Implementer, after: Implementer, sheets: RawSheet[]): CellWrites | null {
  const tree = buildTree(after);
  const updates: CellUpdate[] = [];
  let sheetName: string | null = null;
  after.rows.forEach((row: ScheduleRow, index) => {
    const old = before.rows[index];
    if (!row.sheet || !row.amount || (old.amount && old.amount.equals(row.amount))) return;
    sheetName = row.sheet.name;
    const sheet = sheets.find((each) => each.name === row.sheet!.name);
    const at = row.sheet.row;
    const value = number(row.amount);
    const isParent = tree.nodes[index].children.length > 0;
    if (isParent) {
      updates.push({ cell: cellAddress("declared", at), value, numFmt: AMOUNT_FORMAT });
      const formula = sheet ? cellOf(sheet, row.sheet.amountCell)?.formula : undefined;
      updates.push(
        formula
          ? { cell: row.sheet.amountCell, value, numFmt: AMOUNT_FORMAT, formula: formula.replace(/^=/, "") }
          : { cell: row.sheet.amountCell, value, numFmt: AMOUNT_FORMAT },
      );
    } else {
      updates.push({ cell: row.sheet.amountCell, value, numFmt: AMOUNT_FORMAT });
    }
    updates.push({ cell: cellAddress("printed", at), value: formatMoneyEstonian(row.amount), numFmt: "@" });
  });
  return sheetName && updates.length > 0 ? { sheet: sheetName, updates } : null;
}

/**
 * Koond's lines of the edited implementers: the declared total the plan now has, and the results of its formulas
 * (the total, the difference, and the "Kokku" line) for a file read before an engine recalculates it.
 */
function summaryWrites(plan: ActionPlan, touched: Implementer[], sheets: RawSheet[]): CellWrites | null {
  const koond = sheets.find((sheet) => sheet.name.toLocaleLowerCase("et") === SUMMARY_SHEET.toLocaleLowerCase("et"));
  if (!koond) return null;
  const totals = implementerTotals(plan);
  const bySheet = new Map<string, { computed: Money | null; declared: Money | null }>();
  plan.implementers.forEach((implementer, index) => {
    const sheet = implementer.rows.find((row) => row.sheet)?.sheet?.name;
    if (sheet) bySheet.set(sheet, { computed: totals[index].totals.total, declared: totals[index].totals.declared });
  });
  const touchedSheets = new Set(touched.map((implementer) => implementer.rows.find((row) => row.sheet)?.sheet?.name));
  const updates: CellUpdate[] = [];
  const formulaCell = (address: string, value: Money | null): void => {
    const formula = cellOf(koond, address)?.formula;
    if (formula) {
      const result = value ? number(value) : null;
      updates.push({ cell: address, value: result, numFmt: AMOUNT_FORMAT, formula: formula.replace(/^=/, "") });
    }
  };
  let computedSum = ZERO;
  let declaredSum = ZERO;
  for (let index = 0; index < koond.rows.length; index++) {
    const row = koond.rows[index] ?? [];
    const at = index + 1;
    const sheetName = row[2]?.value;
    const label = row[0]?.value;
    const line = typeof sheetName === "string" ? bySheet.get(sheetName) : undefined;
    if (line) {
      const { computed, declared } = line;
      computedSum = computedSum.plus(computed ?? ZERO);
      declaredSum = declaredSum.plus(declared ?? ZERO);
      if (!touchedSheets.has(sheetName as string)) continue;
      formulaCell(`D${at}`, computed);
      if (declared) updates.push({ cell: `E${at}`, value: number(declared), numFmt: AMOUNT_FORMAT });
      formulaCell(`F${at}`, computed && declared ? computed.minus(declared) : null);
    } else if (label === "Kokku") {
      formulaCell(`D${at}`, computedSum);
      formulaCell(`E${at}`, declaredSum);
      formulaCell(`F${at}`, computedSum.minus(declaredSum));
    }
  }
  return updates.length > 0 ? { sheet: koond.name, updates } : null;
}

/** A row an edit can name, as the pane lists it: "3.5.2.1.3" or "3.5.1.2 › 6.", with its label and amount. */
export interface EditableRow {
  code: string;
  label: string;
  amount: Money | null;
  /** Its items, by the same names: a spread divides among them, and any of them can be locked. */
  items: string[];
  /** Where it stands in the workbook. */
  sheet: string | null;
  row: number | null;
}

export interface EditableImplementer {
  name: string;
  sheet: string | null;
  rows: EditableRow[];
}

/** The implementers and their coded rows, for choosing what to edit; personnel rows have no code and are left out. */
export async function editableRows(port: Pick<WorkbookPort, "readWorkbook">): Promise<EditableImplementer[]> {
  const { result } = await readWorkbookPlan(port);
  return result.plan.implementers.map((implementer) => {
    const tree = buildTree(implementer);
    const rows = tree.nodes
      .filter((node) => node.row.codeStyle !== null)
      .map((node) => ({
        code: rowName(node),
        label: node.row.label,
        amount: node.row.amount,
        items: node.children.filter((child) => child.row.codeStyle !== null).map(rowName),
        sheet: node.row.sheet?.name ?? null,
        row: node.row.sheet?.row ?? null,
      }));
    return { name: implementer.name, sheet: rows.find((row) => row.sheet)?.sheet ?? null, rows };
  });
}

/**
 * The schedule row under Excel's selection (its first cell's row), as `editableRows` names it; null when the
 * selection is not on a coded row of a schedule. A selection of more than a screenful is not read.
 */
export function rowAtSelection(
  implementers: readonly EditableImplementer[],
  selection: { sheet: string; address: string },
): { implementer: string; code: string } | null {
  const first = /\$?[A-Z]+\$?(\d+)/.exec(selection.address.split(":")[0]);
  const row = first ? Number(first[1]) : NaN;
  for (const implementer of implementers) {
    const found = implementer.rows.find(
      (candidate) =>
        candidate.sheet?.toLocaleLowerCase("et") === selection.sheet.toLocaleLowerCase("et") && candidate.row === row,
    );
    if (found) return { implementer: implementer.name, code: found.code };
  }
  return null;
}
