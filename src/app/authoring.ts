import { buildTree } from "../model/hierarchy";
import {
  AddRowRequest,
  EditOutcome,
  MoveRequest,
  RemoveRowRequest,
  RowChange,
  SpreadRequest,
  addRow,
  addRowDefaults,
  moveAmount,
  removeRow,
  rowName,
  spreadTotal,
} from "../model/authoring";
import { quotedSheetName } from "../model/a1";
import { Period } from "../model/calendar-date";
import { Money, ZERO, formatMoneyEstonian } from "../model/money";
import { ActionPlan, Implementer, ScheduleRow } from "../model/plan";
import { computeTotals, implementerTotals } from "../model/totals";
import {
  ANNEX_SHEETS,
  AMOUNT_FORMAT,
  FIRST_DATA_ROW,
  SUMMARY_SHEET,
  cellAddress,
  parseCellAddress,
} from "../workbook/layout";
import { RawCell, RawSheet } from "../workbook/model";
import type { CellWrites, RowsEdit, WorkbookPort } from "../workbook/port";
import { nestedSum, scheduleSheet, sumFormula } from "../workbook/write-plan";
import { generateLisa2 } from "./lisa2";
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
/** An edit that adds or removes rows: the rows below move, and every reference to them follows. */
export type RowEdit = ({ kind: "add" } & AddRowRequest) | ({ kind: "remove" } & RemoveRowRequest);
export type Edit = AmountEdit | RowEdit;

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
  edit: Edit;
  /** Every row whose amount changes, before → after, parents included. */
  changes: RowChange[];
  /** The implementers' totals before and after, for those the edit touches. */
  totals: Array<{ implementer: string; before: Money | null; after: Money | null }>;
  /** What applying writes, sheet by sheet, in one batch (an amount edit). */
  writes: CellWrites[];
  /** The rows inserted or deleted and the cells written with them, in one batch (an added or removed row). */
  rows: RowsEdit | null;
  /** The plan as it will read after the edit. */
  plan: ActionPlan;
  /** The added row's code ("3.5.2.1.3.4", or "3.5.1.2 › 10."). */
  code: string | null;
  /** Lisa 2's sheets, present in the workbook, that applying generates again: their formulas name rows by place. */
  annexToRegenerate: string[];
}

export interface EditApplied {
  /** Lisa 2's sheets generated again after rows moved under them; empty for an amount edit. */
  annexSheets: string[];
}

/** Reads the plan from the workbook and works the edit out; nothing is written. Refusals throw EditRefusedError. */
export async function previewEdit(port: Pick<WorkbookPort, "readWorkbook">, edit: Edit): Promise<EditPreview> {
  const { result, sheets } = await readWorkbookPlan(port);
  const before = result.plan;
  const outcome: EditOutcome =
    edit.kind === "spread"
      ? spreadTotal(before, edit)
      : edit.kind === "move"
        ? moveAmount(before, edit)
        : edit.kind === "add"
          ? addRow(before, edit)
          : removeRow(before, edit);
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
  const common = { edit, changes: outcome.changes, totals, plan: after, code: outcome.code ?? null };
  if (edit.kind === "add" || edit.kind === "remove") {
    const at = after.implementers.indexOf(touched[0]);
    const rows = rowsEdit(edit, before.implementers[at], after, at, sheets);
    const present = new Set(sheets.map((sheet) => sheet.name.toLocaleLowerCase("et")));
    const annexToRegenerate = ANNEX_SHEETS.filter((name) => present.has(name.toLocaleLowerCase("et")));
    return { ...common, writes: [], rows, annexToRegenerate };
  }
  const writes: CellWrites[] = [];
  for (const implementer of touched) {
    const index = after.implementers.indexOf(implementer);
    const schedule = scheduleWrites(before.implementers[index], implementer, sheets);
    if (schedule) writes.push(schedule);
  }
  const summary = summaryWrites(after, touched, sheets);
  if (summary) writes.push(summary);
  return { ...common, writes, rows: null, annexToRegenerate: [] };
}

/**
 * Writes a previewed edit, all of it or nothing: an amount edit in one batch of cells; an added or removed row in one
 * batch of rows and cells, and then lisa 2's sheets, if the workbook has them, generated again (its formulas name
 * schedule rows by place, and a new or removed activity changes its lines).
 */
export async function applyEdit(
  port: Pick<WorkbookPort, "writeCellsOnSheets" | "editRows" | "readWorkbook" | "writeAnnexSheets">,
  preview: EditPreview,
): Promise<EditApplied> {
  if (!preview.rows) {
    await port.writeCellsOnSheets(preview.writes);
    return { annexSheets: [] };
  }
  await port.editRows(preview.rows);
  if (preview.annexToRegenerate.length === 0) return { annexSheets: [] };
  const regenerated = await generateLisa2(port);
  return { annexSheets: regenerated.sheets };
}

const number = (amount: Money): number => amount.toNumber();
const cellOf = (sheet: RawSheet, address: string): RawCell | null => {
  const at = parseCellAddress(address);
  return at ? (sheet.rows[at.row - 1]?.[at.column] ?? null) : null;
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
 * The rows an added or removed activity moves in its schedule, and the cells written with them: every parent's SUM
 * over its items as they will stand, the amounts that change (declared and as printed), renumbered codes, the new
 * row whole, and Koond's line. An insertion's cells are written after the rows move, in the rows as they then stand;
 * a deletion's before, in the rows as they stand, so that the deletion is the batch's last change and Excel makes
 * the formulas follow it. Only a schedule laid out as tat-budget writes it (its rows in order from the first data
 * row) can take rows: elsewhere where a row belongs is not known.
 */
function rowsEdit(edit: RowEdit, before: Implementer, plan: ActionPlan, index: number, sheets: RawSheet[]): RowsEdit {
  const after = plan.implementers[index];
  const sheet = before.rows[0]?.sheet?.name;
  const canonical =
    sheet !== undefined &&
    before.rows.every(
      (row, at) =>
        row.sheet?.name === sheet &&
        row.sheet.row === FIRST_DATA_ROW + at &&
        row.sheet.amountCell === cellAddress("amount", row.sheet.row),
    );
  if (!canonical) {
    throw new EditRefusedError(
      `${before.name}: ridu saab lisada ja eemaldada tat-budgeti ajakavalehel, kus read on järjest alates reast ${FIRST_DATA_ROW}. Kirjuta plaan töövihikusse importimisega ja muuda seal.`,
      `${before.name}: rows can be added and removed on a tat-budget schedule sheet, whose rows stand in order from row ${FIRST_DATA_ROW}. Write the plan into the workbook by importing it, and edit it there.`,
    );
  }
  const oldTree = buildTree(before);
  const tree = buildTree(after);
  const totals = computeTotals(tree);
  const inserting = edit.kind === "add";
  // An insertion's cells are written once the rows have moved; a deletion's while they still stand.
  const rowAt = (at: number): number => (inserting ? FIRST_DATA_ROW + at : after.rows[at].sheet!.row);
  const updates: CellUpdate[] = [];
  tree.nodes.forEach((node, at) => {
    const { row } = node;
    if (!row.sheet) return;
    const oldNode = oldTree.nodes[row.sheet.row - FIRST_DATA_ROW];
    const old = oldNode.row;
    const sheetRow = rowAt(at);
    const isParent = node.children.length > 0;
    const wasParent = oldNode.children.length > 0;
    if (isParent) {
      const formula = sumFormula(node.children.map((child) => rowAt(child.index)));
      const value = totals.computed[at];
      updates.push({
        cell: cellAddress("amount", sheetRow),
        value: value ? number(value) : null,
        numFmt: AMOUNT_FORMAT,
        formula,
      });
    }
    const same = old.amount && row.amount ? old.amount.equals(row.amount) : old.amount === row.amount;
    if (!same || isParent !== wasParent) {
      const value = row.amount ? number(row.amount) : null;
      if (isParent) updates.push({ cell: cellAddress("declared", sheetRow), value, numFmt: AMOUNT_FORMAT });
      else {
        updates.push({ cell: cellAddress("amount", sheetRow), value, numFmt: AMOUNT_FORMAT });
        if (wasParent) updates.push({ cell: cellAddress("declared", sheetRow), value: null, numFmt: AMOUNT_FORMAT });
      }
      updates.push({
        cell: cellAddress("printed", sheetRow),
        value: row.amount ? formatMoneyEstonian(row.amount) : null,
        numFmt: "@",
      });
    }
    if (row.printedCode !== old.printedCode)
      updates.push({ cell: cellAddress("code", sheetRow), value: row.printedCode, numFmt: "@" });
  });
  const tops = tree.top ? [tree.top] : tree.roots;
  const refs = tops.map((node) => `${quotedSheetName(sheet)}!${cellAddress("amount", rowAt(node.index))}`);
  const summaryFormula = refs.length === 0 ? "0" : refs.length === 1 ? refs[0] : nestedSum(refs);
  const summary = summaryWrites(plan, [after], sheets, new Map([[sheet, summaryFormula]]));
  const writes: CellWrites[] = [{ sheet, updates }, ...(summary ? [summary] : [])];
  if (!inserting) {
    const kept = new Set(after.rows.map((row) => row.sheet!.row));
    const gone = before.rows.map((row) => row.sheet!.row).filter((row) => !kept.has(row));
    const first = Math.min(...gone);
    if (gone.some((row, at) => row !== first + at)) {
      throw new EditRefusedError(
        `${before.name}: eemaldatav rida ja selle alamread ei ole lehel järjest; sorteeri ajakava koodi järgi ja proovi uuesti.`,
        `${before.name}: the row to remove and its items do not stand together on the sheet; sort the schedule by code and try again.`,
      );
    }
    return { before: writes, change: { kind: "delete", sheet, first, count: gone.length }, after: [] };
  }
  const added = after.rows.findIndex((row) => !row.sheet);
  const at = FIRST_DATA_ROW + added;
  // Only the edited schedule's sheet is laid out: the new row's cells and height are all that is taken from it.
  const model = scheduleSheet(
    { implementer: after, sheet, tree, totals, rowOf: after.rows.map((_, row) => FIRST_DATA_ROW + row) },
    index + 1,
  );
  const height = model.rowHeights?.[at];
  return {
    before: [],
    change: {
      kind: "insert",
      sheet,
      at,
      count: 1,
      appendToTable: added === after.rows.length - 1,
      rows: [model.rows[at - 1] ?? []],
      heights: height ? { [at]: height } : {},
    },
    after: writes,
  };
}

/**
 * Koond's lines of the edited implementers: the declared total the plan now has, and the results of its formulas
 * (the total, the difference, and the "Kokku" line) for a file read before an engine recalculates it.
 */
function summaryWrites(
  plan: ActionPlan,
  touched: Implementer[],
  sheets: RawSheet[],
  /** A line's total formula as it must now read (rows moved), by its schedule's sheet; else it stays as it is. */
  formulas: ReadonlyMap<string, string> = new Map(),
): CellWrites | null {
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
  const formulaCell = (address: string, value: Money | null, replacement?: string): void => {
    const formula = replacement ?? cellOf(koond, address)?.formula;
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
      formulaCell(`D${at}`, computed, formulas.get(sheetName as string));
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
  /** The periods a row added under it gets unless the officer gives others: its frame; `plan` is the plan year. */
  addDefaults: { frame: Period | null; plan: Period | null };
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
        addDefaults: addRowDefaults(result.plan, node.row),
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
