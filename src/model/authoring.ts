import Decimal from "decimal.js";
import { Period } from "./calendar-date";
import { PlanNode, buildTree } from "./hierarchy";
import { Money, ZERO, formatMoneyEstonian, sumMoney } from "./money";
import { ActionPlan, Implementer, ScheduleRow } from "./plan";
import { apportion } from "./apportion";

/**
 * Editing a plan as an officer does in Excel — spread a new total over a row's items, move money, add or remove an
 * activity — as pure functions: each returns the edited plan and every row it changed (before → after), or the
 * reason it cannot be done. Nothing is changed in place, so a preview costs nothing and a refusal leaves no trace.
 *
 * A parent's amount always follows its items, as the workbook's SUM formulas do; every changed row carries its new
 * amount as the declared one too (the plan now says so), so a check afterwards finds nothing the edit made.
 */

export interface Wording {
  et: string;
  en: string;
}

export type RowChangeKind = "added" | "removed" | "amount" | "renumbered";

export interface RowChange {
  implementer: string;
  kind: RowChangeKind;
  /** The code after the edit; for a removed row, the code it had. Numbered items as "3.5.1.2 › 6.". */
  code: string | null;
  codeBefore: string | null;
  label: string;
  before: Money | null;
  after: Money | null;
}

export type EditOutcome =
  | { ok: true; plan: ActionPlan; changes: RowChange[]; /** The added row's code (add-row). */ code?: string }
  | { ok: false; reason: Wording };

export type SpreadMode = "proportional" | "equal";

export interface SpreadRequest {
  implementer: string;
  code: string;
  total: Money;
  mode?: SpreadMode;
  /** Items that keep their amounts, at any depth under the row. */
  locked?: readonly string[];
}

export interface MoveRequest {
  implementer: string;
  from: string;
  to: string;
  amount: Money;
  /** Another implementer's row to move to; the grand total stays. */
  toImplementer?: string;
}

export interface AddRowRequest {
  implementer: string;
  /** The row the new one goes under: the next free code among its items. */
  under: string;
  label: string;
  amount: Money;
  /** Default: the parent's frame. */
  frame?: Period | null;
  /** Default: the plan year. */
  plan?: Period | null;
  /** Default: the implementer. */
  responsible?: string | null;
}

export interface RemoveRowRequest {
  implementer: string;
  code: string;
  /** Renumber the siblings after it (and their items) to close the gap. Never done unless asked. */
  renumber?: boolean;
}

const refuse = (et: string, en: string): EditOutcome => ({ ok: false, reason: { et, en } });
const shown = (amount: Money): string => formatMoneyEstonian(amount);
const shownEn = (amount: Money): string => amount.toFixed(2);

/** A row's name in messages and change lists: its code, or "3.5.1.2 › 6." for a numbered item. */
export function rowName(node: PlanNode): string {
  if (node.row.codeStyle === "numbered") {
    return `${node.parent?.code ?? "?"} › ${node.row.printedCode ?? `${node.row.code}.`}`;
  }
  return node.code ?? node.row.label;
}

/** Whether an amount is whole cents: the plans and Excel's currency cells hold no more. */
function isCents(amount: Money): boolean {
  return amount.times(100).isInteger();
}

class Editor {
  /** New amounts by implementer and row index. */
  private readonly amounts = new Map<Implementer, Map<number, Money>>();
  private readonly trees = new Map<Implementer, ReturnType<typeof buildTree>>();

  constructor(readonly plan: ActionPlan) {}

  implementer(name: string): Implementer | Wording {
    const wanted = name.trim().toLocaleLowerCase("et");
    const found = this.plan.implementers.find(
      (implementer) =>
        implementer.name.toLocaleLowerCase("et") === wanted ||
        implementer.aliases.some((alias) => alias.toLocaleLowerCase("et") === wanted),
    );
    if (found) return found;
    const names = this.plan.implementers.map((implementer) => implementer.name).join(", ");
    return {
      et: `Plaanis ei ole elluviijat ega partnerit „${name}”. On: ${names}.`,
      en: `The plan has no implementer or partner "${name}". It has: ${names}.`,
    };
  }

  tree(implementer: Implementer): ReturnType<typeof buildTree> {
    let tree = this.trees.get(implementer);
    if (!tree) {
      tree = buildTree(implementer);
      this.trees.set(implementer, tree);
    }
    return tree;
  }

  /**
   * The row of a code: "3.5.2.1.3" or, for a numbered item, "3.5.1.2 › 6" (also "3.5.1.2>6."). A code printed twice
   * is refused: which of the two is meant cannot be told, and the check names the duplicate.
   */
  node(implementer: Implementer, code: string): PlanNode | Wording {
    const tree = this.tree(implementer);
    const [parentCode, item] = code.split(/\s*[›>]\s*/).map((part) => part.trim().replace(/\.+$/, ""));
    const matches =
      item === undefined
        ? tree.nodes.filter((node) => node.row.codeStyle === "dotted" && node.code === parentCode)
        : tree.nodes.filter(
            (node) => node.row.codeStyle === "numbered" && node.parent?.code === parentCode && node.code === item,
          );
    if (matches.length === 1) return matches[0];
    if (matches.length === 0) {
      return {
        et: `${implementer.name}: ajakavas ei ole rida koodiga ${code}.`,
        en: `${implementer.name}: the schedule has no row with the code ${code}.`,
      };
    }
    return {
      et: `${implementer.name}: kood ${code} on ajakavas ${matches.length} korda; paranda kood enne muutmist.`,
      en: `${implementer.name}: the code ${code} appears ${matches.length} times in the schedule; correct it first.`,
    };
  }

  amount(implementer: Implementer, node: PlanNode): Money {
    return this.amounts.get(implementer)?.get(node.index) ?? node.row.amount ?? ZERO;
  }

  set(implementer: Implementer, node: PlanNode, amount: Money): void {
    let amounts = this.amounts.get(implementer);
    if (!amounts) {
      amounts = new Map();
      this.amounts.set(implementer, amounts);
    }
    amounts.set(node.index, amount);
  }

  /**
   * Gives a row a new amount and spreads it over its items, and theirs in turn; locked items keep theirs. Returns
   * the reason when it cannot be met.
   */
  spread(
    implementer: Implementer,
    node: PlanNode,
    total: Money,
    mode: SpreadMode,
    locked: ReadonlySet<PlanNode>,
  ): Wording | null {
    this.set(implementer, node, total);
    const items = node.children;
    if (items.length === 0) return null;
    const fixed = items.filter((item) => locked.has(item));
    const free = items.filter((item) => !locked.has(item));
    const fixedSum = sumMoney(fixed.map((item) => this.amount(implementer, item)));
    const rest = total.minus(fixedSum);
    if (rest.isNegative()) {
      return {
        et: `${rowName(node)}: lukustatud read on kokku ${shown(fixedSum)}, rohkem kui ${shown(total)}.`,
        en: `${rowName(node)}: the locked items add up to ${shownEn(fixedSum)}, more than ${shownEn(total)}.`,
      };
    }
    if (free.length === 0) {
      if (rest.isZero()) return null;
      return {
        et: `${rowName(node)}: kõik read on lukustatud ja kokku ${shown(fixedSum)}, mitte ${shown(total)}.`,
        en: `${rowName(node)}: every item is locked and they add up to ${shownEn(fixedSum)}, not ${shownEn(total)}.`,
      };
    }
    const weights = free.map((item) => (mode === "equal" ? ZERO : this.amount(implementer, item)));
    const negative = weights.findIndex((weight) => weight.isNegative());
    if (negative >= 0) {
      return {
        et: `${rowName(free[negative])} summa on negatiivne (${shown(weights[negative])}); proportsionaalselt ei saa jagada, jaga võrdselt.`,
        en: `${rowName(free[negative])} has a negative amount (${shownEn(weights[negative])}); it cannot be spread proportionally, spread equally.`,
      };
    }
    const shares = apportion(rest, weights);
    for (let index = 0; index < free.length; index++) {
      const refused: Wording | null = this.spread(implementer, free[index], shares[index], mode, locked);
      if (refused) return refused;
    }
    return null;
  }

  /** Every ancestor of the changed rows becomes the sum of its items, the nearest first. */
  settle(implementer: Implementer): void {
    const changed = this.amounts.get(implementer);
    if (!changed) return;
    const tree = this.tree(implementer);
    const ancestors = new Set<PlanNode>();
    for (const index of changed.keys()) {
      for (let parent = tree.nodes[index].parent; parent; parent = parent.parent) ancestors.add(parent);
    }
    const depth = (node: PlanNode): number => (node.parent ? depth(node.parent) + 1 : 0);
    for (const ancestor of [...ancestors].sort((a, b) => depth(b) - depth(a))) {
      this.set(implementer, ancestor, sumMoney(ancestor.children.map((item) => this.amount(implementer, item))));
    }
  }

  /** The plan with the new amounts, and the rows whose amount changed. */
  result(): EditOutcome {
    const changes: RowChange[] = [];
    const implementers = this.plan.implementers.map((implementer) => {
      const amounts = this.amounts.get(implementer);
      if (!amounts) return implementer;
      this.settle(implementer);
      const tree = this.tree(implementer);
      const rows = implementer.rows.map((row, index) => {
        const after = amounts.get(index);
        if (after === undefined || (row.amount !== null && row.amount.equals(after))) return row;
        changes.push({
          implementer: implementer.name,
          kind: "amount",
          code: rowName(tree.nodes[index]),
          codeBefore: rowName(tree.nodes[index]),
          label: row.label,
          before: row.amount,
          after,
        });
        return withAmount(row, after);
      });
      return { ...implementer, rows };
    });
    return { ok: true, plan: { ...this.plan, implementers }, changes };
  }
}

function withAmount(row: ScheduleRow, amount: Money): ScheduleRow {
  return { ...row, amount, amountText: formatMoneyEstonian(amount) };
}

const isWording = (value: unknown): value is Wording =>
  typeof value === "object" && value !== null && "et" in value && "en" in value;

/** Spreads a new total over a row's items (and theirs), exact to the cent; the ancestors follow. */
export function spreadTotal(plan: ActionPlan, request: SpreadRequest): EditOutcome {
  const editor = new Editor(plan);
  const implementer = editor.implementer(request.implementer);
  if (isWording(implementer)) return { ok: false, reason: implementer };
  const node = editor.node(implementer, request.code);
  if (isWording(node)) return { ok: false, reason: node };
  if (request.total.isNegative()) {
    return refuse(
      `Uus summa ${shown(request.total)} on negatiivne.`,
      `The new total ${shownEn(request.total)} is negative.`,
    );
  }
  if (!isCents(request.total)) {
    return refuse(
      `Uus summa ${request.total.toFixed()} ei ole sentides (kuni kaks kohta pärast koma).`,
      `The new total ${request.total.toFixed()} is not in cents (at most two decimals).`,
    );
  }
  const locked = new Set<PlanNode>();
  for (const code of request.locked ?? []) {
    const item = editor.node(implementer, code);
    if (isWording(item)) return { ok: false, reason: item };
    if (!isUnder(item, node)) {
      return refuse(
        `Lukustatud rida ${rowName(item)} ei ole rea ${rowName(node)} all.`,
        `The locked row ${rowName(item)} is not under ${rowName(node)}.`,
      );
    }
    locked.add(item);
  }
  const refused = editor.spread(implementer, node, request.total, request.mode ?? "proportional", locked);
  if (refused) return { ok: false, reason: refused };
  return editor.result();
}

function isUnder(node: PlanNode, ancestor: PlanNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

/**
 * Moves an amount from one row to another: within an implementer its total stays, between two the grand total
 * does. A row with items gives or takes in proportion to them.
 */
export function moveAmount(plan: ActionPlan, request: MoveRequest): EditOutcome {
  const editor = new Editor(plan);
  const source = editor.implementer(request.implementer);
  if (isWording(source)) return { ok: false, reason: source };
  const target = request.toImplementer ? editor.implementer(request.toImplementer) : source;
  if (isWording(target)) return { ok: false, reason: target };
  const from = editor.node(source, request.from);
  if (isWording(from)) return { ok: false, reason: from };
  const to = editor.node(target, request.to);
  if (isWording(to)) return { ok: false, reason: to };
  if (!request.amount.isPositive() || request.amount.isZero() || !isCents(request.amount)) {
    return refuse(
      `Liigutatav summa peab olema positiivne ja sentides, mitte ${request.amount.toFixed()}.`,
      `The amount to move must be positive and in cents, not ${request.amount.toFixed()}.`,
    );
  }
  if (source === target && (from === to || isUnder(from, to) || isUnder(to, from))) {
    return refuse(
      `${rowName(from)} ja ${rowName(to)} on üks teise all: raha liigutamine nende vahel ei muuda midagi.`,
      `${rowName(from)} and ${rowName(to)} are one under the other: moving money between them changes nothing.`,
    );
  }
  const fromAmount = editor.amount(source, from);
  if (fromAmount.lessThan(request.amount)) {
    return refuse(
      `${rowName(from)} summa on ${shown(fromAmount)}: ${shown(request.amount)} liigutamine teeks selle negatiivseks.`,
      `${rowName(from)} has ${shownEn(fromAmount)}: moving ${shownEn(request.amount)} would make it negative.`,
    );
  }
  const none = new Set<PlanNode>();
  const refusedFrom = editor.spread(source, from, fromAmount.minus(request.amount), "proportional", none);
  if (refusedFrom) return { ok: false, reason: refusedFrom };
  const toAmount = editor.amount(target, to);
  const refusedTo = editor.spread(target, to, toAmount.plus(request.amount), "proportional", none);
  if (refusedTo) return { ok: false, reason: refusedTo };
  return editor.result();
}

/** The periods a row added under `parent` gets unless others are given: the parent's frame, and the plan year. */
export function addRowDefaults(plan: ActionPlan, parent: ScheduleRow): { frame: Period | null; plan: Period | null } {
  return { frame: parent.frame, plan: plan.planPeriod };
}

/**
 * Adds a row under another with the next free code among its items (3.5.2.1.3 with .1–.3 → 3.5.2.1.3.4; after the
 * numbered item "9." → "10."), placed after the parent's last item so the schedule stays in code order.
 */
export function addRow(plan: ActionPlan, request: AddRowRequest): EditOutcome {
  const editor = new Editor(plan);
  const implementer = editor.implementer(request.implementer);
  if (isWording(implementer)) return { ok: false, reason: implementer };
  const parent = editor.node(implementer, request.under);
  if (isWording(parent)) return { ok: false, reason: parent };
  if (parent.row.codeStyle !== "dotted" || parent.code === null) {
    return refuse(
      `${rowName(parent)} on nummerdatud punkt: selle alla ei saa ridu lisada.`,
      `${rowName(parent)} is a numbered item: rows cannot be added under it.`,
    );
  }
  if (!request.label.trim()) return refuse("Uuel real peab olema nimetus.", "The new row needs a label.");
  if (request.amount.isNegative() || !isCents(request.amount)) {
    return refuse(
      `Uue rea summa peab olema null või positiivne ja sentides, mitte ${request.amount.toFixed()}.`,
      `The new row's amount must be zero or positive and in cents, not ${request.amount.toFixed()}.`,
    );
  }
  const items = parent.children.filter((child) => child.row.kind !== "personnel");
  const numbered = items.length > 0 && items.every((child) => child.row.codeStyle === "numbered");
  const next = Math.max(0, ...items.map((child) => lastNumber(child.code))) + 1;
  const code = numbered ? String(next) : `${parent.code}.${next}`;
  const defaults = addRowDefaults(plan, parent.row);
  const row: ScheduleRow = {
    code,
    printedCode: numbered ? `${next}.` : code,
    codeStyle: numbered ? "numbered" : "dotted",
    label: request.label.trim(),
    kind: "activity",
    amount: request.amount,
    amountText: formatMoneyEstonian(request.amount),
    frame: request.frame === undefined ? defaults.frame : request.frame,
    frameText: null,
    plan: request.plan === undefined ? defaults.plan : request.plan,
    planText: null,
    responsible: request.responsible === undefined ? implementer.name : request.responsible,
    line: 0,
    table: parent.row.table,
  };
  const last = lastDescendant(parent);
  const rows = [...implementer.rows.slice(0, last + 1), row, ...implementer.rows.slice(last + 1)];
  const added: Implementer = { ...implementer, rows };
  const edited: ActionPlan = {
    ...plan,
    implementers: plan.implementers.map((other) => (other === implementer ? added : other)),
  };
  // The parent's SUM includes the new row at once: settle the ancestors over the plan that has it.
  const after = new Editor(edited);
  const tree = after.tree(added);
  const node = tree.nodes[last + 1];
  const moved = structureChanged(
    editor.tree(implementer),
    tree,
    (index) => (index <= last ? index : index - 1),
    last + 1,
  );
  if (moved || node.parent?.index !== parent.index) {
    return refuse(
      `${implementer.name}: uus kood ${code} muudaks ajakava ülesehitust (${moved ?? code} satuks teise rea alla); parandage enne koodid.`,
      `${implementer.name}: the new code ${code} would change the schedule's structure (${moved ?? code} would fall under another row); correct the codes first.`,
    );
  }
  after.set(added, node, request.amount);
  const outcome = after.result();
  if (!outcome.ok) return outcome;
  const name = rowName(node);
  outcome.changes.unshift({
    implementer: implementer.name,
    kind: "added",
    code: name,
    codeBefore: null,
    label: row.label,
    before: null,
    after: request.amount,
  });
  return { ...outcome, code: name };
}

/** The index of the last row of a row's subtree that is not a personnel row (those stay where they are). */
function lastDescendant(node: PlanNode): number {
  let last = node.index;
  for (const child of node.children) if (child.row.kind !== "personnel") last = Math.max(last, lastDescendant(child));
  return last;
}

function prefixOf(code: string | null): string {
  return code?.slice(0, code.lastIndexOf(".")) ?? "";
}

function lastNumber(code: string | null): number {
  const number = Number(code?.slice(code.lastIndexOf(".") + 1));
  return Number.isInteger(number) ? number : 0;
}

/**
 * Removes a row with its items; the ancestors follow. With `renumber`, the siblings after it (and their items)
 * take the numbers one lower, so no gap is left; each is listed as renumbered.
 */
export function removeRow(plan: ActionPlan, request: RemoveRowRequest): EditOutcome {
  const editor = new Editor(plan);
  const implementer = editor.implementer(request.implementer);
  if (isWording(implementer)) return { ok: false, reason: implementer };
  const node = editor.node(implementer, request.code);
  if (isWording(node)) return { ok: false, reason: node };
  const tree = editor.tree(implementer);
  const removed = new Set<number>();
  const collect = (member: PlanNode): void => {
    removed.add(member.index);
    for (const child of member.children) if (child.row.kind !== "personnel" || member !== tree.top) collect(child);
  };
  collect(node);
  if (node === tree.top || removed.size === implementer.rows.length) {
    return refuse(
      `${implementer.name}: ${rowName(node)} on ajakava tipp (partneri kogusumma); seda ei saa eemaldada.`,
      `${implementer.name}: ${rowName(node)} is the schedule's top (the partner's total); it cannot be removed.`,
    );
  }
  const changes: RowChange[] = [];
  for (const index of [...removed].sort((a, b) => a - b)) {
    const member = tree.nodes[index];
    changes.push({
      implementer: implementer.name,
      kind: "removed",
      code: rowName(member),
      codeBefore: rowName(member),
      label: member.row.label,
      before: member.row.amount,
      after: null,
    });
  }
  const renamed = new Map<number, string>();
  if (request.renumber) {
    const siblings = node.parent ? node.parent.children : tree.roots;
    const number = lastNumber(node.code);
    for (const sibling of siblings) {
      if (sibling === node || sibling.row.codeStyle !== node.row.codeStyle || sibling.row.kind === "personnel")
        continue;
      // Only the removed row's own sequence: an item filed under it by a code one level deeper is not a sibling.
      if (node.row.codeStyle === "dotted" && prefixOf(sibling.code) !== prefixOf(node.code)) continue;
      const own = lastNumber(sibling.code);
      if (own <= number) continue;
      renumberSubtree(sibling, own - 1, renamed);
    }
  }
  const rows = implementer.rows.flatMap((row, index) => {
    if (removed.has(index)) return [];
    const code = renamed.get(index);
    if (code === undefined) return [row];
    const before = rowName(tree.nodes[index]);
    const printedCode = printedLike(row, code);
    const renumbered = { ...row, code, printedCode };
    changes.push({
      implementer: implementer.name,
      kind: "renumbered",
      code: row.codeStyle === "numbered" ? `${tree.nodes[index].parent?.code ?? "?"} › ${printedCode}` : code,
      codeBefore: before,
      label: row.label,
      before: row.amount,
      after: row.amount,
    });
    return [renumbered];
  });
  const edited: Implementer = { ...implementer, rows };
  const after = new Editor({
    ...plan,
    implementers: plan.implementers.map((other) => (other === implementer ? edited : other)),
  });
  const kept = implementer.rows.flatMap((_, index) => (removed.has(index) ? [] : [index]));
  const moved = structureChanged(tree, after.tree(edited), (index) => kept[index], -1);
  if (moved) {
    return refuse(
      `${implementer.name}: ümbernummerdamine muudaks ajakava ülesehitust (${moved} satuks teise rea alla, sest dokumendi koodid ei ole järjest); eemaldage rida ümber nummerdamata või parandage enne koodid.`,
      `${implementer.name}: renumbering would change the schedule's structure (${moved} would fall under another row, for the document's codes are not in sequence); remove the row without renumbering, or correct the codes first.`,
    );
  }
  // The removed row's parent, found again in the edited plan by its position, becomes the sum of what is left.
  const parent = node.parent;
  if (parent) {
    const parentIndex = parent.index - [...removed].filter((index) => index < parent.index).length;
    const parentNode = after.tree(edited).nodes[parentIndex];
    const left = parentNode.children.map((child) => after.amount(edited, child));
    after.set(edited, parentNode, left.length > 0 ? sumMoney(left) : new Decimal(0));
  }
  const outcome = after.result();
  if (!outcome.ok) return outcome;
  return { ...outcome, changes: [...changes, ...outcome.changes] };
}

/**
 * The first row (by its new name) whose parent after an edit is not its parent before, or null: a code can make
 * rows that stood apart into items of one another (a document's codes out of sequence), and then a parent's SUM
 * would take in rows the officer never put under it. `before` maps an index after the edit to the index before;
 * `fresh` is the new row's index, whose parent is checked by the caller.
 */
function structureChanged(
  old: ReturnType<typeof buildTree>,
  tree: ReturnType<typeof buildTree>,
  before: (index: number) => number,
  fresh: number,
): string | null {
  for (const node of tree.nodes) {
    if (node.index === fresh) continue;
    const parent = node.parent ? (node.parent.index === fresh ? -2 : before(node.parent.index)) : -1;
    const oldParent = old.nodes[before(node.index)].parent?.index ?? -1;
    if (parent !== oldParent) return rowName(node);
  }
  return null;
}

/**
 * A new code printed as the row printed its old one: the directive's "3.5.2.1.3.2." keeps its trailing dot and
 * "3.5.2.1.3.2" stays without, so a renumbering changes only the numbers the officer will compare with the document.
 */
function printedLike(row: ScheduleRow, code: string): string {
  if (row.printedCode === null) return row.codeStyle === "numbered" ? `${code}.` : code;
  return code + (/\.*$/.exec(row.printedCode)?.[0] ?? "");
}

/** Gives a row a new last number and its items the new prefix: 3.5.2.1.4 → 3.5.2.1.3, 3.5.2.1.4.1 → 3.5.2.1.3.1. */
function renumberSubtree(node: PlanNode, number: number, renamed: Map<number, string>): void {
  const code = node.code as string;
  const fresh =
    node.row.codeStyle === "numbered" ? String(number) : `${code.slice(0, code.lastIndexOf(".") + 1)}${number}`;
  renamed.set(node.index, fresh);
  if (node.row.codeStyle !== "dotted") return;
  const rename = (member: PlanNode): void => {
    for (const child of member.children) {
      if (child.row.kind === "personnel") continue;
      if (child.row.codeStyle === "dotted" && child.code?.startsWith(`${code}.`)) {
        renamed.set(child.index, fresh + child.code.slice(code.length));
      }
      rename(child);
    }
  };
  rename(node);
}
