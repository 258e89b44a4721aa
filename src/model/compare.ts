import { Period, periodEquals } from "./calendar-date";
import { PlanNode, buildTree } from "./hierarchy";
import { Money, ZERO } from "./money";
import { ActionPlan, Implementer, IndicatorRow, SheetPosition } from "./plan";

/**
 * What changed between two versions of a plan (an amendment), implementer by implementer, as an explanatory note's
 * change table lists it. Rows are matched by code and label first; a row whose code moved (an item inserted or
 * removed before it renumbers it) is found again by its label, so a renumbering is one change, not a removal and an
 * addition.
 */

export type PlanChangeKind = "added" | "removed" | "renumbered" | "changed";
export type PlanChangeField = "amount" | "frame" | "plan" | "responsible" | "label" | "code";

/**
 * A change's kind and fields in the explanatory note's Estonian: one wording, so that the Word table, the Muudatused
 * sheet and the command line's report say the same.
 */
export const CHANGE_KIND_ET: Record<PlanChangeKind, string> = {
  added: "lisatud",
  removed: "eemaldatud",
  renumbered: "ümber nummerdatud",
  changed: "muudetud",
};
export const CHANGE_FIELD_ET: Record<PlanChangeField, string> = {
  amount: "summa",
  frame: "üldajaraam",
  plan: "plaan",
  responsible: "vastutaja",
  label: "nimetus",
  code: "kood",
};

export interface FieldChange {
  field: PlanChangeField;
  /** Money for `amount`, Period for `frame` and `plan`, text otherwise; null where the row has none. */
  before: Money | Period | string | null;
  after: Money | Period | string | null;
}

export interface PlanChange {
  implementer: string;
  change: PlanChangeKind;
  /** The row's name in the new plan ("3.5.1.2 › 6." for a numbered item); the old one for a removed row. */
  code: string;
  codeBefore: string | null;
  label: string;
  fields: FieldChange[];
  amountBefore: Money | null;
  amountAfter: Money | null;
  /** The row's own amount after less before, a missing amount as zero. */
  difference: Money;
  /**
   * What the change adds to the totals' difference: the difference of the row's amount where it is a leaf (on each
   * side separately), zero for a parent. A parent's amount is the sum of its items, so counting it as well would
   * count the same money twice; the leaves alone add up exactly to the totals' difference.
   */
  countedDifference: Money;
  /**
   * Where the row stands in the new version: its line (on an officer's own sheet, its sheet row) and, read from our
   * workbook, its sheet and row. The pane marks those cells in the open workbook. Absent for a removed row.
   */
  at?: { line: number; sheet?: SheetPosition };
}

export interface TotalChange {
  implementer: string;
  /** Null for an implementer that is not in that version. */
  before: Money | null;
  after: Money | null;
  difference: Money;
}

export interface ImplementerChange {
  implementer: string;
  change: "added" | "removed";
}

export interface PartnershipChange {
  implementer: string;
  before: Period | null;
  after: Period | null;
}

export interface IndicatorChange {
  name: string;
  unit: string;
  table: number;
  /** Null for an indicator that is not in that version. */
  before: { target: string; target2029: string } | null;
  after: { target: string; target2029: string } | null;
}

export interface PlanComparison {
  changes: PlanChange[];
  implementers: ImplementerChange[];
  totals: TotalChange[];
  grandTotal: { before: Money; after: Money; difference: Money };
  partnerships: PartnershipChange[];
  indicators: IndicatorChange[];
}

/** Compares two versions of a plan; `before` is the approved one. */
export function comparePlans(before: ActionPlan, after: ActionPlan): PlanComparison {
  const changes: PlanChange[] = [];
  const implementers: ImplementerChange[] = [];
  const totals: TotalChange[] = [];
  const partnerships: PartnershipChange[] = [];
  const unmatchedAfter = new Set(after.implementers);
  const pairs: Array<[Implementer | null, Implementer | null]> = [];
  for (const old of before.implementers) {
    const found = [...unmatchedAfter].find((candidate) => sameImplementer(old, candidate)) ?? null;
    if (found) unmatchedAfter.delete(found);
    pairs.push([old, found]);
  }
  for (const added of after.implementers) if (unmatchedAfter.has(added)) pairs.push([null, added]);

  let grandBefore = ZERO;
  let grandAfter = ZERO;
  for (const [old, fresh] of pairs) {
    const name = (fresh ?? old)!.name;
    if (!old) implementers.push({ implementer: name, change: "added" });
    if (!fresh) implementers.push({ implementer: name, change: "removed" });
    if (old && fresh && !samePeriod(old.partnership, fresh.partnership)) {
      partnerships.push({ implementer: name, before: old.partnership, after: fresh.partnership });
    }
    const oldTree = old ? sides(old) : [];
    const freshTree = fresh ? sides(fresh) : [];
    changes.push(...compareRows(name, oldTree, freshTree));
    const totalBefore = old ? leafTotal(oldTree) : null;
    const totalAfter = fresh ? leafTotal(freshTree) : null;
    grandBefore = grandBefore.plus(totalBefore ?? ZERO);
    grandAfter = grandAfter.plus(totalAfter ?? ZERO);
    totals.push({
      implementer: name,
      before: totalBefore,
      after: totalAfter,
      difference: (totalAfter ?? ZERO).minus(totalBefore ?? ZERO),
    });
  }
  return {
    changes,
    implementers,
    totals,
    grandTotal: { before: grandBefore, after: grandAfter, difference: grandAfter.minus(grandBefore) },
    partnerships,
    indicators: compareIndicators(before.indicators, after.indicators),
  };
}

const normal = (text: string): string => text.replace(/\s+/g, " ").trim().toLocaleLowerCase("et");

function sameImplementer(a: Implementer, b: Implementer): boolean {
  const names = new Set([a.name, ...a.aliases].map(normal));
  return [b.name, ...b.aliases].some((name) => names.has(normal(name)));
}

function samePeriod(a: Period | null, b: Period | null): boolean {
  return a === null || b === null ? a === b : periodEquals(a, b);
}

function sameMoney(a: Money | null, b: Money | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

/** A row as compared: its node, its name in change lists, and whether it is a leaf (its amount counts). */
interface Side {
  node: PlanNode;
  name: string;
  label: string;
  leaf: boolean;
}

function sides(implementer: Implementer): Side[] {
  const tree = buildTree(implementer);
  return tree.nodes.map((node) => ({
    node,
    name: rowName(node),
    label: normal(node.row.label),
    leaf: node.children.length === 0,
  }));
}

/** As the authoring layer names rows: the code, or "3.5.1.2 › 6." for a numbered item; the label for personnel. */
function rowName(node: PlanNode): string {
  if (node.row.codeStyle === "numbered") {
    return `${node.parent?.code ?? "?"} › ${node.row.printedCode ?? `${node.row.code}.`}`;
  }
  return node.code ?? node.row.label;
}

/** Leaves' amounts added up, a missing amount as zero: the total whose difference the rows' differences make. */
function leafTotal(rows: readonly Side[]): Money {
  let total = ZERO;
  for (const side of rows) if (side.leaf && side.node.row.amount) total = total.plus(side.node.row.amount);
  return total;
}

const counted = (side: Side | null): Money => (side && side.leaf ? (side.node.row.amount ?? ZERO) : ZERO);

function compareRows(implementer: string, before: readonly Side[], after: readonly Side[]): PlanChange[] {
  const match = new Map<Side, Side>();
  const taken = new Set<Side>();
  const pair = (old: Side, fresh: Side): void => {
    match.set(old, fresh);
    taken.add(fresh);
  };
  // 1. Same name and label: the row stayed where it was.
  // Looked up by key, not searched: plans reach 100 000 rows, and an amendment may renumber most of them.
  const byName = groupBy(after, (side) => side.name);
  const parentOf = (side: Side, rows: readonly Side[]): Side | null =>
    side.node.parent ? rows[side.node.parent.index] : null;
  // Under the same parent too: where an item was removed, the next one's old code can hold a row of the same label
  // ("Osalemine võrgustikutöös" under each section) that is in fact the one after it, renumbered.
  const sameParent = (old: Side, fresh: Side): boolean => {
    const oldParent = parentOf(old, before);
    return oldParent ? match.get(oldParent) === parentOf(fresh, after) : parentOf(fresh, after) === null;
  };
  for (const old of before) {
    const fresh = byName
      .get(old.name)
      ?.find((candidate) => !taken.has(candidate) && candidate.label === old.label && sameParent(old, candidate));
    if (fresh) pair(old, fresh);
  }
  const unmatched = after.filter((side) => !taken.has(side));
  const underParent = (side: Side | null, label: string): string => `${side?.node.index ?? -1}\u0000${label}`;
  const byLabel = groupBy(unmatched, (side) => side.label);
  const labelsBefore = groupBy(before, (side) => side.label);
  const byParentAndLabel = groupBy(unmatched, (side) => underParent(parentOf(side, after), side.label));
  const sameKind = (old: Side, fresh: Side): boolean =>
    !taken.has(fresh) &&
    fresh.node.row.kind === old.node.row.kind &&
    fresh.node.row.codeStyle === old.node.row.codeStyle;
  // Where among its siblings a row stands: an item removed or inserted before a section shifts the whole plan's rows
  // after it, but not the section's items among themselves.
  const ordinal = (side: Side): number => side.node.index - (side.node.parent?.index ?? 0);
  const nearest = (candidates: Side[], distance: (fresh: Side) => number): Side =>
    candidates.reduce((best, fresh) => (distance(fresh) < distance(best) ? fresh : best));
  // 2. Same label elsewhere: renumbered. Under the row its parent became, the one standing where it stood among the
  // siblings.
  for (const old of before) {
    if (match.has(old)) continue;
    const oldParent = parentOf(old, before);
    const expectedParent = oldParent ? match.get(oldParent) : null;
    if (expectedParent !== undefined) {
      const siblings = (byParentAndLabel.get(underParent(expectedParent, old.label)) ?? []).filter((fresh) =>
        sameKind(old, fresh),
      );
      if (siblings.length > 0) {
        pair(
          old,
          nearest(siblings, (fresh) => Math.abs(ordinal(fresh) - ordinal(old))),
        );
        continue;
      }
    }
    // Moved under another parent: only a label that is one of a kind on both sides tells which row it is. A label
    // repeated under every section would otherwise pair a removed section's item with another section's.
    if (labelsBefore.get(old.label)?.length !== 1) continue;
    const candidates = (byLabel.get(old.label) ?? []).filter((fresh) => sameKind(old, fresh));
    if (candidates.length === 1) pair(old, candidates[0]);
  }
  // 3. Same name, another label: the row was reworded.
  for (const old of before) {
    if (match.has(old)) continue;
    const fresh = byName.get(old.name)?.find((candidate) => !taken.has(candidate));
    if (fresh) pair(old, fresh);
  }

  const changes: PlanChange[] = [];
  const change = (old: Side | null, fresh: Side | null): void => {
    const amountBefore = old?.node.row.amount ?? null;
    const amountAfter = fresh?.node.row.amount ?? null;
    const countedDifference = counted(fresh).minus(counted(old));
    let kind: PlanChangeKind;
    let fields: FieldChange[] = [];
    if (!old) kind = "added";
    else if (!fresh) kind = "removed";
    else {
      fields = fieldChanges(old, fresh);
      // A row that stopped or started being a leaf moves its amount in or out of the totals: listed even with no
      // field changed, or the rows' differences would not add up to the totals'.
      if (fields.length === 0 && countedDifference.isZero()) return;
      kind = old.name !== fresh.name ? "renumbered" : "changed";
    }
    const side = (fresh ?? old)!;
    const row = fresh?.node.row;
    const at = row ? { line: row.line, ...(row.sheet ? { sheet: row.sheet } : {}) } : null;
    changes.push({
      implementer,
      change: kind,
      code: side.name,
      codeBefore: old?.name ?? null,
      label: side.node.row.label,
      fields,
      amountBefore,
      amountAfter,
      difference: (amountAfter ?? ZERO).minus(amountBefore ?? ZERO),
      countedDifference,
      ...(at ? { at } : {}),
    });
  };
  // In the new plan's order, each removed row where it stood before the row that followed it.
  const reverse = new Map<Side, Side>();
  for (const [old, fresh] of match) reverse.set(fresh, old);
  let nextOld = 0;
  const flushRemoved = (until: number): void => {
    for (; nextOld < until; nextOld++) if (!match.has(before[nextOld])) change(before[nextOld], null);
  };
  for (const fresh of after) {
    const old = reverse.get(fresh) ?? null;
    if (old && old.node.index >= nextOld) flushRemoved(old.node.index);
    change(old, fresh);
  }
  flushRemoved(before.length);
  return changes;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function fieldChanges(old: Side, fresh: Side): FieldChange[] {
  const a = old.node.row;
  const b = fresh.node.row;
  const fields: FieldChange[] = [];
  if (old.name !== fresh.name) fields.push({ field: "code", before: old.name, after: fresh.name });
  if (a.label.replace(/\s+/g, " ").trim() !== b.label.replace(/\s+/g, " ").trim()) {
    fields.push({ field: "label", before: a.label, after: b.label });
  }
  if (!sameMoney(a.amount, b.amount)) fields.push({ field: "amount", before: a.amount, after: b.amount });
  if (!samePeriod(a.frame, b.frame)) fields.push({ field: "frame", before: a.frame, after: b.frame });
  if (!samePeriod(a.plan, b.plan)) fields.push({ field: "plan", before: a.plan, after: b.plan });
  if (normal(a.responsible ?? "") !== normal(b.responsible ?? "")) {
    fields.push({ field: "responsible", before: a.responsible, after: b.responsible });
  }
  return fields;
}

function compareIndicators(before: readonly IndicatorRow[], after: readonly IndicatorRow[]): IndicatorChange[] {
  const key = (row: IndicatorRow): string => `${normal(row.name)}\u0000${normal(row.unit)}`;
  const targets = (row: IndicatorRow) => ({ target: row.target, target2029: row.target2029 });
  const remaining = new Map<string, IndicatorRow[]>();
  for (const row of after) remaining.set(key(row), [...(remaining.get(key(row)) ?? []), row]);
  const changes: IndicatorChange[] = [];
  for (const old of before) {
    const fresh = remaining.get(key(old))?.shift();
    if (fresh && fresh.target === old.target && fresh.target2029 === old.target2029) continue;
    changes.push({
      name: old.name,
      unit: old.unit,
      table: old.table,
      before: targets(old),
      after: fresh ? targets(fresh) : null,
    });
  }
  for (const rows of remaining.values()) {
    for (const fresh of rows) {
      changes.push({ name: fresh.name, unit: fresh.unit, table: fresh.table, before: null, after: targets(fresh) });
    }
  }
  return changes;
}
