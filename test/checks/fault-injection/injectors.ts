import Decimal from "decimal.js";
import { Period } from "../../../src/model/calendar-date";
import { Money, ZERO, formatMoneyEstonian } from "../../../src/model/money";
import { ExpectedFinding } from "./harness";
import {
  COUNT_UNITS,
  ELVL,
  GenNode,
  GeneratedPlan,
  NumberStyle,
  Schedule,
  TOP_CODE,
  addDays,
  daysBetween,
  period,
  periodText,
  printAmount,
} from "./generator";
import { Random } from "./random";

/**
 * Fault injectors: each changes a consistent plan at a place it chooses so that one rule must fire there, and
 * says which findings the check must then report. Where a fault cannot help causing a second, legitimate finding
 * (a negative item also breaks its parent's sum), the expectation says so; most injections are pure.
 *
 * Faults injected together must not interact, so each injection claims what its fault and its expectation rest
 * on: fields of rows (a row's amount, dates, code, …), a parent's sum of items, a parent's set of child codes,
 * or document-wide things (a section code all partners share, the number style). A later injection takes only a
 * place whose claims are still free, and then every expectation stays exact.
 */

type Field = "amount" | "frame" | "plan" | "responsible" | "code" | "sheet" | "sum" | "children" | "exists";
const FIELDS: readonly Field[] = [
  "amount",
  "frame",
  "plan",
  "responsible",
  "code",
  "sheet",
  "sum",
  "children",
  "exists",
];

export class Claims {
  private readonly taken = new Set<string>();

  free(keys: readonly string[]): boolean {
    return keys.every((key) => !this.taken.has(key));
  }

  take(keys: readonly string[]): void {
    for (const key of keys) this.taken.add(key);
  }
}

/** Lines are unique in a document, so they name rows across implementers. */
const claim = (node: GenNode, ...fields: Field[]) => fields.map((field) => `${node.row.line}:${field}`);
const claimAll = (node: GenNode) => claim(node, ...FIELDS);

export interface InjectionState {
  generated: GeneratedPlan;
  random: Random;
  claims: Claims;
}

export interface Injection {
  injector: string;
  /** What was done where, for a failure's message. */
  description: string;
  expected: ExpectedFinding[];
}

export interface Injector {
  id: string;
  /** The rule whose fault this is: every injection expects at least one finding of it. */
  rule: string;
  /** Whether every injection gives findings of its own rule only (no sum broken along with an amount, …). */
  pure: boolean;
  /** Only plans read from a workbook have cells to override. */
  workbookOnly?: boolean;
  /** Applied after the others: the rule weighs the whole document (its usual number style). */
  last?: boolean;
  inject(state: InjectionState): Injection | null;
}

interface Place {
  schedule: Schedule;
  node: GenNode;
}

function places(generated: GeneratedPlan): Place[] {
  return generated.schedules.flatMap((schedule) => schedule.nodes.map((node) => ({ schedule, node })));
}

/** A random place among those whose claims are free; its claims are taken. */
function choose<T>(state: InjectionState, candidates: T[], keys: (candidate: T) => string[]): T | null {
  const free = candidates.filter((candidate) => state.claims.free(keys(candidate)));
  if (free.length === 0) return null;
  const chosen = state.random.pick(free);
  state.claims.take(keys(chosen));
  return chosen;
}

function subtree(node: GenNode): GenNode[] {
  return [node, ...node.children.flatMap(subtree)];
}

const isLeaf = (node: GenNode) => node.children.length === 0;
const isDottedCode = (node: GenNode) => node.row.codeStyle === "dotted" && node.row.code !== null;
/** A partner's section 3.5.2.1.k: a coded row right under the top (the personnel row is under it too, but no section). */
const isSection = (place: Place) =>
  place.schedule.top !== null && place.node.parent === place.schedule.top && isDottedCode(place.node);

/**
 * A finding expected at a row. Its code is read when the findings are compared: a later injection may print the
 * row with another code (a duplicate, a code one level too deep), and the finding names the row as it is printed.
 */
function findingAt(rule: string, node: GenNode, extra: Partial<ExpectedFinding> = {}): ExpectedFinding {
  return {
    rule,
    implementer: node.implementer.name,
    get code() {
      return node.row.kind === "personnel" ? null : node.row.code;
    },
    line: node.row.line,
    ...extra,
  };
}

function sumFinding(schedule: Schedule, node: GenNode, declared: Money, computed: Money): ExpectedFinding {
  // A partner's top row is the implementer's total, which total-mismatch speaks of; every other parent is sum-mismatch's.
  const rule = node === schedule.top ? "total-mismatch" : "sum-mismatch";
  return findingAt(rule, node, { declared, computed, difference: computed.minus(declared) });
}

function setAmount(node: GenNode, amount: Money | null, text: string | null): void {
  node.row.amount = amount;
  node.row.amountText = text;
  // An item's cell shows what was typed; a parent's shows its formula's result, which no rule reads.
  if (node.row.sheet && !node.row.sheet.amountIsFormula) node.row.sheet.shownAmount = amount;
}

/**
 * New amounts for leaves under one parent. The parent's declared amount was the sum of its items, so the items
 * now add up to it plus the change: a sum finding at the parent unless the change is nil or there is no parent.
 */
function editLeaves(
  generated: GeneratedPlan,
  schedule: Schedule,
  parent: GenNode | null,
  edits: Array<[GenNode, Money]>,
): ExpectedFinding[] {
  let change = ZERO;
  for (const [node, amount] of edits) {
    change = change.plus(amount).minus(node.row.amount as Money);
    setAmount(node, amount, printAmount(amount, generated.style));
  }
  if (!parent || change.isZero()) return [];
  const declared = parent.row.amount as Money;
  return [sumFinding(schedule, parent, declared, declared.plus(change))];
}

const cents = (count: number): Money => new Decimal(count).dividedBy(100);

/** Another valid amount: now and then a cent off, as the directive's own slips are. */
function otherAmount(random: Random, old: Money): Money {
  if (random.chance(0.25)) {
    const cent = new Decimal(random.chance(0.5) ? "0.01" : "-0.01");
    if (!old.plus(cent).isNegative()) return old.plus(cent);
  }
  for (;;) {
    const value = random.chance(0.3) ? new Decimal(random.int(0, 200)).times(100) : cents(random.int(0, 2_500_000));
    if (!value.equals(old)) return value;
  }
}

const contains = (outer: Period, inner: Period) => !inner.start.isBefore(outer.start) && !inner.end.isAfter(outer.end);
const samePeriod = (a: Period, b: Period) => a.start.equals(b.start) && a.end.equals(b.end);

function setPeriod(node: GenNode, which: "frame" | "plan", value: Period | null, text?: string | null): void {
  const printed = text !== undefined ? text : value ? periodText(value) : null;
  if (which === "frame") {
    node.row.frame = value;
    node.row.frameText = printed;
  } else {
    node.row.plan = value;
    node.row.planText = printed;
  }
}

/**
 * The date findings a row must have after its dates changed, by the README's descriptions of the date rules: a
 * start after its end, plan dates outside the plan year or outside the row's frame, a partner's frame other than
 * its agreement period. A date fault may rightly break more than one of them (a reversed frame no longer holds the
 * plan dates); all of them are expected.
 */
function dateFindings(generated: GeneratedPlan, node: GenNode): ExpectedFinding[] {
  const { frame, plan } = node.row;
  const expected: ExpectedFinding[] = [];
  if (frame && frame.start.isAfter(frame.end)) expected.push(findingAt("period-reversed", node));
  if (plan && plan.start.isAfter(plan.end)) expected.push(findingAt("period-reversed", node));
  if (plan && !contains(generated.year, plan)) expected.push(findingAt("plan-outside-year", node));
  if (plan && frame && !contains(frame, plan)) expected.push(findingAt("plan-outside-frame", node));
  const agreement = node.implementer.partnership;
  if (node.implementer.role === "partner" && agreement && frame && !samePeriod(frame, agreement))
    expected.push(findingAt("frame-vs-partnership", node));
  return expected;
}

function removeRow(schedule: Schedule, node: GenNode): void {
  const rows = schedule.implementer.rows;
  rows.splice(rows.indexOf(node.row), 1);
  schedule.nodes.splice(schedule.nodes.indexOf(node), 1);
}

/** Deletes a row; its items roll up to the nearest ancestor, which is what a code gap means. */
function removeKeepingItems(schedule: Schedule, node: GenNode): void {
  removeRow(schedule, node);
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1, ...node.children);
  for (const child of node.children) child.parent = node.parent;
  node.children = [];
}

function removeSubtree(schedule: Schedule, node: GenNode): void {
  for (const member of subtree(node)) removeRow(schedule, member);
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
}

const where = (node: GenNode) =>
  `${node.implementer.name} line ${node.row.line} (${node.row.printedCode ?? node.row.label})`;

function define(
  id: string,
  rule: string,
  pure: boolean,
  inject: (state: InjectionState) => { description: string; expected: ExpectedFinding[] } | null,
  options: { workbookOnly?: boolean; last?: boolean } = {},
): Injector {
  return {
    id,
    rule,
    pure,
    ...options,
    inject(state) {
      const result = inject(state);
      if (!result) return null;
      if (!result.expected.some((finding) => finding.rule === rule))
        throw new Error(`injector ${id} expected no ${rule} finding: ${result.description}`);
      if (pure && result.expected.some((finding) => finding.rule !== rule))
        throw new Error(`injector ${id} is pure but expects other rules' findings: ${result.description}`);
      return { injector: id, ...result };
    },
  };
}

// --- Sums -----------------------------------------------------------------------------------------------------

/** An item's amount changed: its parent (not the top) no longer adds up. Pure: the grandparent reads the parent's declared amount. */
const sumMismatchItem = define("sum-mismatch/item", "sum-mismatch", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(
      ({ schedule, node }) =>
        isLeaf(node) && node.parent && node.parent !== schedule.top && node.row.amount && node.parent.row.amount,
    ),
    ({ node }) => [...claim(node, "amount"), ...claim(node.parent as GenNode, "amount", "sum")],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const before = node.row.amountText;
  const amount = otherAmount(state.random, node.row.amount as Money);
  const expected = editLeaves(state.generated, schedule, node.parent, [[node, amount]]);
  return { description: `${where(node)}: amount ${before} → ${node.row.amountText}`, expected };
});

/**
 * A parent's declared amount typed wrong: its own items no longer add up to it, and its parent's items (of which it
 * is one) no longer add up either, unless it is one of ELVL's activities, which have no common row.
 */
const sumMismatchParent = define("sum-mismatch/parent", "sum-mismatch", false, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(
      ({ schedule, node }) =>
        !isLeaf(node) && node !== schedule.top && node.row.amount && (!node.parent || node.parent.row.amount),
    ),
    ({ node }) => [...claim(node, "amount", "sum"), ...(node.parent ? claim(node.parent, "amount", "sum") : [])],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const old = node.row.amount as Money;
  const before = node.row.amountText;
  const amount = otherAmount(state.random, old);
  setAmount(node, amount, printAmount(amount, state.generated.style));
  const expected = [sumFinding(schedule, node, amount, old)];
  if (node.parent) {
    const declared = node.parent.row.amount as Money;
    expected.push(sumFinding(schedule, node.parent, declared, declared.plus(amount).minus(old)));
  }
  return { description: `${where(node)}: declared ${before} → ${node.row.amountText}`, expected };
});

/** A partner's top row (its total) typed wrong. */
const totalMismatchTop = define("total-mismatch/top", "total-mismatch", true, (state) => {
  const chosen = choose(
    state,
    state.generated.schedules.filter((schedule) => schedule.top?.row.amount),
    (schedule) => claim(schedule.top as GenNode, "amount", "sum"),
  );
  if (!chosen) return null;
  const top = chosen.top as GenNode;
  const old = top.row.amount as Money;
  const before = top.row.amountText;
  const amount = otherAmount(state.random, old);
  setAmount(top, amount, printAmount(amount, state.generated.style));
  return {
    description: `${where(top)}: total ${before} → ${top.row.amountText}`,
    expected: [sumFinding(chosen, top, amount, old)],
  };
});

/** A partner's personnel cost, or a section without items, changed: the total no longer adds up. */
const totalMismatchPart = define("total-mismatch/part", "total-mismatch", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(
      ({ schedule, node }) =>
        isLeaf(node) && node.parent && node.parent === schedule.top && node.row.amount && schedule.top?.row.amount,
    ),
    ({ node }) => [...claim(node, "amount"), ...claim(node.parent as GenNode, "amount", "sum")],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const before = node.row.amountText;
  const amount = otherAmount(state.random, node.row.amount as Money);
  const expected = editLeaves(state.generated, schedule, node.parent, [[node, amount]]);
  return { description: `${where(node)}: amount ${before} → ${node.row.amountText}`, expected };
});

/**
 * A number typed over a parent's SUM formula in the workbook (or the cell cleared). The rule gives the typed number
 * and what the items add up to, which in a consistent plan is the parent's declared amount; the claims on the
 * subtree keep it so.
 */
const parentOverridden = define(
  "parent-overridden",
  "parent-overridden",
  true,
  (state) => {
    const chosen = choose(
      state,
      places(state.generated).filter(({ node }) => !isLeaf(node) && node.row.sheet?.amountIsFormula && node.row.amount),
      ({ node }) => [
        ...claim(node, "sheet", "amount", "sum"),
        ...subtree(node)
          .slice(1)
          .flatMap((member) => claim(member, "amount", "sum")),
      ],
    );
    if (!chosen) return null;
    const { node } = chosen;
    const sheet = node.row.sheet as NonNullable<typeof node.row.sheet>;
    const computed = node.row.amount as Money;
    const typed = state.random.weighted<Money | null>([
      [computed, 3],
      [otherAmount(state.random, computed), 4],
      [null, 2],
    ]);
    sheet.amountIsFormula = false;
    sheet.shownAmount = typed;
    // The amount column is G in the canonical layout (src/workbook/layout.ts).
    const details = { position: { sheet: sheet.name, cell: `G${sheet.row}` } };
    return {
      description: `${where(node)}: ${typed ? typed.toFixed() : "nothing"} typed over the SUM in ${sheet.name}!G${sheet.row}`,
      expected: [
        findingAt("parent-overridden", node, {
          ...(typed ? { declared: typed, computed, difference: computed.minus(typed) } : {}),
          details,
        }),
      ],
    };
  },
  { workbookOnly: true },
);

// --- Codes ----------------------------------------------------------------------------------------------------

/**
 * The last item of a parent printed with an earlier sibling's code. The correction must be the code it had: the
 * next number after the siblings. Not a section (a partner's sections are what missing-section counts), not right
 * after its twin with the same amount (the tree would read it as the twin's item, as Pärnu's rows are read).
 */
const duplicateDotted = define("duplicate-code/dotted", "duplicate-code", true, (state) => {
  const candidates: Array<Place & { twin: GenNode }> = [];
  for (const place of places(state.generated)) {
    const { node, schedule } = place;
    const parent = node.parent;
    if (!parent || !isLeaf(node) || !isDottedCode(node) || isSection(place)) continue;
    const siblings = parent.children.filter(isDottedCode);
    if (siblings.length < 2 || siblings[siblings.length - 1] !== node) continue;
    const rowIndex = schedule.implementer.rows.indexOf(node.row);
    const previous = schedule.implementer.rows[rowIndex - 1];
    for (const twin of siblings.slice(0, -1)) {
      const [twinAmount, amount] = [twin.row.amount, node.row.amount];
      const adjacentRun =
        twin.row === previous && twinAmount && amount && !twinAmount.isZero() && twinAmount.equals(amount);
      if (!adjacentRun) candidates.push({ ...place, twin });
    }
  }
  const chosen = choose(state, candidates, ({ node, twin }) => [
    ...claim(node, "code", "amount"),
    ...claim(twin, "code", "amount"),
    ...claim(node.parent as GenNode, "children"),
  ]);
  if (!chosen) return null;
  const { node, twin } = chosen;
  const original = node.row.code as string;
  node.row.code = twin.row.code;
  node.row.printedCode = state.random.chance(0.3) ? `${twin.row.code}.` : twin.row.code;
  return {
    description: `${where(node)}: code ${original} printed as ${twin.row.code}`,
    expected: [
      findingAt("duplicate-code", node, { details: { correction: { from: twin.row.code as string, to: original } } }),
    ],
  };
});

/** The last numbered item under a coded row printed with an earlier item's number ("2." twice). */
const duplicateNumbered = define("duplicate-code/numbered", "duplicate-code", true, (state) => {
  const candidates: Array<Place & { twin: GenNode }> = [];
  for (const place of places(state.generated)) {
    const parent = place.node.parent;
    if (!parent || place.node.row.codeStyle !== "numbered") continue;
    const items = parent.children.filter((child) => child.row.codeStyle === "numbered");
    if (items.length < 2 || items[items.length - 1] !== place.node) continue;
    for (const twin of items.slice(0, -1)) candidates.push({ ...place, twin });
  }
  const chosen = choose(state, candidates, ({ node, twin }) => [
    ...claim(node, "code"),
    ...claim(twin, "code"),
    ...claim(node.parent as GenNode, "children"),
  ]);
  if (!chosen) return null;
  const { node, twin } = chosen;
  const original = node.row.code as string;
  node.row.code = twin.row.code;
  node.row.printedCode = `${twin.row.code}.`;
  return {
    description: `${where(node)}: item ${original}. printed as ${twin.row.code}.`,
    expected: [
      findingAt("duplicate-code", node, { details: { correction: { from: twin.row.code as string, to: original } } }),
    ],
  };
});

/**
 * An item printed one level too deep (3.5.2.1.3.2 as 3.5.2.1.3.2.1): its parent level has no row, so it rolls up
 * to the nearest ancestor and the sums still hold. For one of ELVL's activities, it then has no parent row at all.
 */
const codeGapDeepen = define("code-gap/deepen", "code-gap", true, (state) => {
  const elvlRoots = (schedule: Schedule) => schedule.nodes.filter((node) => !node.parent && isDottedCode(node));
  const chosen = choose(
    state,
    places(state.generated).filter(
      (place) =>
        isLeaf(place.node) &&
        isDottedCode(place.node) &&
        !isSection(place) &&
        (place.node.parent !== null || elvlRoots(place.schedule).length >= 2),
    ),
    ({ node }) => [...claim(node, "code"), ...(node.parent ? claim(node.parent, "children") : [`${ELVL}:roots`])],
  );
  if (!chosen) return null;
  const { node } = chosen;
  const original = node.row.code as string;
  node.row.code = `${original}.1`;
  node.row.printedCode = node.row.code;
  return {
    description: `${where(node)}: code ${original} printed as ${node.row.code}`,
    expected: [findingAt("code-gap", node, { details: { expected: original } })],
  };
});

/**
 * A row with items deleted, as 3.5.1.3.1 is missing in the directive: its items roll up to the nearest ancestor
 * (or, for one of ELVL's activities, have no parent row), whose sum is unchanged. One finding at the first item.
 */
const codeGapRemove = define("code-gap/remove-item", "code-gap", true, (state) => {
  const elvlRoots = (schedule: Schedule) => schedule.nodes.filter((node) => !node.parent && isDottedCode(node));
  const chosen = choose(
    state,
    places(state.generated).filter(
      (place) =>
        !isLeaf(place.node) &&
        isDottedCode(place.node) &&
        place.node !== place.schedule.top &&
        !isSection(place) &&
        place.node.children.every(isDottedCode) &&
        (place.node.parent !== null || elvlRoots(place.schedule).length >= 2),
    ),
    ({ node }) => [...claimAll(node), ...(node.parent ? claim(node.parent, "sum", "children") : [`${ELVL}:roots`])],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const first = node.children[0];
  removeKeepingItems(schedule, node);
  return {
    description: `${where(node)} deleted, its items kept`,
    expected: [findingAt("code-gap", first, { details: { expected: node.row.code as string } })],
  };
});

/** Partners that have a section of this code right under their top row. */
function partnersWithSection(generated: GeneratedPlan, code: string): Schedule[] {
  return generated.schedules.filter((schedule) => schedule.top?.children.some((child) => child.row.code === code));
}

/** A section every other partner has: gone from this partner, it is expected of it (with two partners or more). */
function sectionExpectedOfOthers(generated: GeneratedPlan, place: Place): boolean {
  const partners = generated.schedules.filter((schedule) => schedule.top !== null);
  const having = partnersWithSection(generated, place.node.row.code as string).filter((s) => s !== place.schedule);
  return partners.length >= 2 && having.length === partners.length - 1;
}

/**
 * A section row deleted with its items kept: the items roll up to the top (code gap), and the partner now lacks a
 * section all the others have (missing section). Two findings, both legitimate.
 */
const codeGapRemoveSection = define("code-gap/remove-section", "code-gap", false, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(
      (place) =>
        isSection(place) &&
        !isLeaf(place.node) &&
        place.node.children.every(isDottedCode) &&
        sectionExpectedOfOthers(state.generated, place),
    ),
    ({ node }) => [`section:${node.row.code}`, ...claimAll(node), ...claim(node.parent as GenNode, "sum", "children")],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const top = schedule.top as GenNode;
  const first = node.children[0];
  removeKeepingItems(schedule, node);
  return {
    description: `${where(node)} (a section) deleted, its items kept`,
    expected: [
      findingAt("code-gap", first, { details: { expected: node.row.code as string } }),
      findingAt("missing-section", top, { details: { expected: node.row.code as string } }),
    ],
  };
});

/** A section without items printed one level too deep: a code gap under the top, and the section is missing. */
const codeGapDeepenSection = define("code-gap/deepen-section", "code-gap", false, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(
      (place) => isSection(place) && isLeaf(place.node) && sectionExpectedOfOthers(state.generated, place),
    ),
    ({ node }) => [`section:${node.row.code}`, ...claim(node, "code"), ...claim(node.parent as GenNode, "children")],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const original = node.row.code as string;
  node.row.code = `${original}.1`;
  node.row.printedCode = node.row.code;
  return {
    description: `${where(node)}: section ${original} printed as ${node.row.code}`,
    expected: [
      findingAt("code-gap", node, { details: { expected: original } }),
      findingAt("missing-section", schedule.top as GenNode, { details: { expected: original } }),
    ],
  };
});

// --- Amounts --------------------------------------------------------------------------------------------------

/**
 * Claims for taking a row's amount away: a leaf's parent then has no sum to check; a parent's own sum goes, and its
 * parent adds up its items instead, which holds while nothing below changes.
 */
function amountGoneClaims(node: GenNode): string[] {
  if (isLeaf(node)) return [...claim(node, "amount"), ...(node.parent ? claim(node.parent, "sum") : [])];
  return [
    ...claim(node, "amount", "sum"),
    ...subtree(node)
      .slice(1)
      .flatMap((member) => claim(member, "amount", "sum")),
    ...(node.parent ? claim(node.parent, "sum") : []),
  ];
}

/** An amount left out. Pure: a parent is not compared with items whose amount is unknown. */
const amountMissing = define("invalid-amount/missing", "invalid-amount", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(({ node }) => node.row.amount),
    ({ node }) => amountGoneClaims(node),
  );
  if (!chosen) return null;
  const { node } = chosen;
  const before = node.row.amountText;
  setAmount(node, null, null);
  return { description: `${where(node)}: amount ${before} left out`, expected: [findingAt("invalid-amount", node)] };
});

const NOT_NUMBERS = ["kaks tuhat", "1 000,00 eurot", "—", "12.345.67", "1,234,56", "n/a", "5OO"];

/** An amount that is not a number. */
const amountText = define("invalid-amount/text", "invalid-amount", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(({ node }) => node.row.amount),
    ({ node }) => amountGoneClaims(node),
  );
  if (!chosen) return null;
  const { node } = chosen;
  const text = state.random.pick(NOT_NUMBERS);
  const before = node.row.amountText;
  setAmount(node, null, text);
  return {
    description: `${where(node)}: amount ${before} written as "${text}"`,
    expected: [findingAt("invalid-amount", node, { details: { actual: text } })],
  };
});

/**
 * A negative item. With another item under the same parent taking up the difference the sum still holds (pure);
 * otherwise the parent no longer adds up, which is expected too.
 */
const amountNegative = define("invalid-amount/negative", "invalid-amount", false, (state) => {
  const { generated, random } = state;
  const candidates: Array<Place & { partner: GenNode | null }> = [];
  for (const place of places(generated)) {
    const { node } = place;
    if (!isLeaf(node) || !node.row.amount || (node.parent && !node.parent.row.amount)) continue;
    candidates.push({ ...place, partner: null });
    for (const sibling of node.parent?.children ?? []) {
      if (sibling !== node && isLeaf(sibling) && sibling.row.amount) candidates.push({ ...place, partner: sibling });
    }
  }
  const chosen = choose(state, candidates, ({ node, partner }) => [
    ...claim(node, "amount"),
    ...(partner ? claim(partner, "amount") : []),
    ...(node.parent ? claim(node.parent, "amount", "sum") : []),
  ]);
  if (!chosen) return null;
  const { schedule, node, partner } = chosen;
  const old = node.row.amount as Money;
  const negative = cents(-random.int(1, 500_000));
  const edits: Array<[GenNode, Money]> = [[node, negative]];
  if (partner) edits.push([partner, (partner.row.amount as Money).plus(old).minus(negative)]);
  const sums = editLeaves(generated, schedule, node.parent, edits);
  return {
    description: `${where(node)}: amount ${printAmount(old, generated.style)} → ${node.row.amountText}${partner ? `, ${where(partner)} → ${partner.row.amountText}` : ""}`,
    expected: [findingAt("invalid-amount", node, { details: { actual: node.row.amountText as string } }), ...sums],
  };
});

/**
 * An amount with a third decimal. No other item can make up a thousandth without a third decimal of its own, so
 * the parent's sum breaks by it too, unless the row has no parent (ELVL's personnel or an activity without items).
 */
const amountDecimals = define("invalid-amount/decimals", "invalid-amount", false, (state) => {
  const { generated, random } = state;
  const chosen = choose(
    state,
    places(generated).filter(({ node }) => isLeaf(node) && node.row.amount && (!node.parent || node.parent.row.amount)),
    ({ node }) => [...claim(node, "amount"), ...(node.parent ? claim(node.parent, "amount", "sum") : [])],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const amount = (node.row.amount as Money).plus(new Decimal(random.int(1, 9)).dividedBy(1000));
  const sums = editLeaves(generated, schedule, node.parent, [[node, amount]]);
  return {
    description: `${where(node)}: amount → ${node.row.amountText}`,
    expected: [
      findingAt("invalid-amount", node, {
        details: { actual: node.row.amountText as string, expected: formatMoneyEstonian(amount.toDecimalPlaces(2)) },
      }),
      ...sums,
    ],
  };
});

// --- Dates ----------------------------------------------------------------------------------------------------

/** A date that does not exist or cannot be read (dd.mm.yyyy): one that the day count refuses, or a misprint. */
function badDate(random: Random, year: number): string {
  const nonLeap = [year, year + 1, year + 2, year + 3].find((y) => !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
  return random.pick([
    `31.02.${year}`,
    `30.02.${year}`,
    `29.02.${nonLeap}`,
    `31.04.${year}`,
    `31.06.${year}`,
    `31.09.${year}`,
    `31.11.${year}`,
    `01.13.${year}`,
    `00.05.${year}`,
    `32.01.${year}`,
    `1.1.${year % 100}`,
    `15.O6.${year}`,
    `${year}-03-01`,
  ]);
}

function invalidDate(which: "frame" | "plan"): Injector {
  return define(`invalid-date/${which}`, "invalid-date", true, (state) => {
    const { generated, random } = state;
    const chosen = choose(
      state,
      places(generated).filter(({ node }) => node.row[which]),
      ({ node }) => claim(node, which),
    );
    if (!chosen) return null;
    const { node } = chosen;
    const value = node.row[which] as Period;
    const parts = [value.start.toEstonian(), value.end.toEstonian()];
    const bad = random.weighted([
      [[0], 2],
      [[1], 2],
      [[0, 1], 1],
    ] as const);
    for (const index of bad) parts[index] = badDate(random, value.start.year);
    const text = parts.join(" – ");
    setPeriod(node, which, null, text);
    return {
      description: `${where(node)}: ${which} written "${text}"`,
      expected: bad.map((index) => findingAt("invalid-date", node, { details: { actual: parts[index] } })),
    };
  });
}

/** Plan dates (or a frame) with the start after the end. A reversed frame no longer holds the plan dates. */
function periodReversed(which: "frame" | "plan"): Injector {
  return define(`period-reversed/${which}`, "period-reversed", which === "plan", (state) => {
    const { generated } = state;
    const chosen = choose(
      state,
      places(generated).filter(({ node }) => {
        const value = node.row[which];
        return node.row.frame && node.row.plan && value && value.start.isBefore(value.end);
      }),
      ({ node }) => claim(node, "frame", "plan"),
    );
    if (!chosen) return null;
    const { node } = chosen;
    const value = node.row[which] as Period;
    setPeriod(node, which, period(value.end, value.start));
    return {
      description: `${where(node)}: ${which} ${node.row[`${which}Text`]}`,
      expected: dateFindings(generated, node),
    };
  });
}

/** Plan dates reaching out of the plan year, where possible into frame that still holds them (then pure). */
const planOutsideYear = define("plan-outside-year", "plan-outside-year", false, (state) => {
  const { generated, random } = state;
  const year = generated.year;
  const chosen = choose(
    state,
    places(generated).filter(({ node }) => node.row.frame && node.row.plan),
    ({ node }) => claim(node, "frame", "plan"),
  );
  if (!chosen) return null;
  const { node } = chosen;
  const frame = node.row.frame as Period;
  const plan = node.row.plan as Period;
  const roomBefore = frame.start.isBefore(year.start);
  const roomAfter = frame.end.isAfter(year.end);
  const early = roomBefore && roomAfter ? random.chance(0.5) : roomBefore || (!roomAfter && random.chance(0.5));
  const days = random.int(1, 90);
  let moved: Period;
  if (early) {
    const start = addDays(year.start, -days);
    moved = period(roomBefore && start.isBefore(frame.start) ? frame.start : start, plan.end);
  } else {
    const end = addDays(year.end, days);
    moved = period(plan.start, roomAfter && end.isAfter(frame.end) ? frame.end : end);
  }
  setPeriod(node, "plan", moved);
  return { description: `${where(node)}: plan ${node.row.planText}`, expected: dateFindings(generated, node) };
});

/**
 * Plan dates outside the row's frame but inside the plan year: for ELVL a frame that ends (or starts) inside the
 * year; for a partner whose agreement starts or ends inside the year, plan dates before or after it (pure); for
 * another partner row, a shortened frame, which then also differs from the agreement.
 */
const planOutsideFrame = define("plan-outside-frame", "plan-outside-frame", false, (state) => {
  const { generated, random } = state;
  const year = generated.year;
  const chosen = choose(
    state,
    places(generated).filter(({ node }) => {
      const { frame, plan } = node.row;
      return frame && plan && plan.start.isBefore(plan.end) && contains(frame, plan) && contains(year, plan);
    }),
    ({ node }) => claim(node, "frame", "plan"),
  );
  if (!chosen) return null;
  const { node } = chosen;
  const frame = node.row.frame as Period;
  const plan = node.row.plan as Period;
  const length = daysBetween(plan.start, plan.end);
  const isPartner = node.implementer.partnership !== null;
  if (isPartner && frame.start.isAfter(year.start) && random.chance(0.8)) {
    setPeriod(
      node,
      "plan",
      period(addDays(frame.start, -random.int(1, daysBetween(year.start, frame.start))), plan.end),
    );
  } else if (isPartner && frame.end.isBefore(year.end) && random.chance(0.8)) {
    setPeriod(node, "plan", period(plan.start, addDays(frame.end, random.int(1, daysBetween(frame.end, year.end)))));
  } else if (random.chance(0.5)) {
    setPeriod(node, "frame", period(frame.start, addDays(plan.end, -random.int(1, length))));
  } else {
    setPeriod(node, "frame", period(addDays(plan.start, random.int(1, length)), frame.end));
  }
  return {
    description: `${where(node)}: frame ${node.row.frameText}, plan ${node.row.planText}`,
    expected: dateFindings(generated, node),
  };
});

/** A partner row whose frame is not the agreement period but still holds its plan dates. Pure. */
const frameVsPartnership = define("frame-vs-partnership", "frame-vs-partnership", true, (state) => {
  const { generated, random } = state;
  const chosen = choose(
    state,
    places(generated).filter(({ node }) => node.implementer.partnership && node.row.frame && node.row.plan),
    ({ node }) => claim(node, "frame", "plan"),
  );
  if (!chosen) return null;
  const { node } = chosen;
  const frame = node.row.frame as Period;
  const changed = random.weighted<Period>([
    [period(addDays(frame.start, -random.int(1, 400)), frame.end), 2],
    [period(frame.start, addDays(frame.end, random.int(1, 800))), 2],
    [period(addDays(frame.start, -random.int(1, 60)), addDays(frame.end, random.int(1, 60))), 1],
  ]);
  setPeriod(node, "frame", changed);
  return { description: `${where(node)}: frame ${node.row.frameText}`, expected: dateFindings(generated, node) };
});

const missingFrame = define("missing-frame", "missing-frame", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(({ node }) => node.row.frame),
    ({ node }) => claim(node, "frame"),
  );
  if (!chosen) return null;
  setPeriod(chosen.node, "frame", null);
  return { description: `${where(chosen.node)}: no frame`, expected: [findingAt("missing-frame", chosen.node)] };
});

const missingPlanPeriod = define("missing-plan-period", "missing-plan-period", true, (state) => {
  const chosen = choose(
    state,
    places(state.generated).filter(({ node }) => node.row.plan),
    ({ node }) => claim(node, "plan"),
  );
  if (!chosen) return null;
  setPeriod(chosen.node, "plan", null);
  return {
    description: `${where(chosen.node)}: no plan dates`,
    expected: [findingAt("missing-plan-period", chosen.node)],
  };
});

// --- Parties --------------------------------------------------------------------------------------------------

const missingResponsible = define("missing-responsible", "missing-responsible", true, (state) => {
  const chosen = choose(state, places(state.generated), ({ node }) => claim(node, "responsible"));
  if (!chosen) return null;
  const { node } = chosen;
  node.row.responsible = state.random.pick([null, "", "  "]);
  return {
    description: `${where(node)}: no responsible party`,
    expected: [findingAt("missing-responsible", node, { details: { expected: node.implementer.name } })],
  };
});

/** Another partner named responsible (alone, beside the owner or beside ELVL), or ELVL alone in a partner's row. */
const responsibleMismatch = define("responsible-mismatch", "responsible-mismatch", true, (state) => {
  const { generated, random } = state;
  const chosen = choose(state, places(generated), ({ node }) => claim(node, "responsible"));
  if (!chosen) return null;
  const { node } = chosen;
  const owner = node.implementer;
  const others = generated.plan.implementers.filter((other) => other !== owner && other.role === "partner");
  const other = random.pick(others);
  const otherName = random.pick(other.aliases);
  const ownerName = random.pick(owner.aliases);
  const value =
    owner.role === "partner"
      ? random.pick([
          otherName,
          "ELVL",
          "elluviija",
          `${ownerName} ja ${otherName}`,
          `ELVL ja ${otherName}`,
          `${ownerName}, ${otherName}`,
        ])
      : random.pick([otherName, `ELVL ja ${otherName}`, `${otherName}, partnerid`]);
  node.row.responsible = value;
  return {
    description: `${where(node)}: responsible "${value}"`,
    expected: [findingAt("responsible-mismatch", node, { details: { expected: owner.name, actual: value } })],
  };
});

// --- Structure ------------------------------------------------------------------------------------------------

/** A section and its items left out of one partner's schedule, the total lowered to match: pure. */
const missingSection = define("missing-section", "missing-section", true, (state) => {
  const { generated } = state;
  const chosen = choose(
    state,
    places(generated).filter((place) => isSection(place) && sectionExpectedOfOthers(generated, place)),
    ({ node }) => [
      `section:${node.row.code}`,
      ...claim(node.parent as GenNode, "amount", "sum", "children"),
      ...subtree(node).flatMap(claimAll),
    ],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const top = schedule.top as GenNode;
  const total = (top.row.amount as Money).minus(node.row.amount as Money);
  removeSubtree(schedule, node);
  setAmount(top, total, printAmount(total, generated.style));
  return {
    description: `${where(node)} (a section) left out with its items, the total now ${top.row.amountText}`,
    expected: [findingAt("missing-section", top, { details: { expected: node.row.code as string } })],
  };
});

/**
 * The personnel row left out; a partner's total lowered to match (pure). The finding stands at the schedule's
 * first row: a partner's top, or ELVL's first activity.
 */
const missingPersonnel = define("missing-personnel", "missing-personnel", true, (state) => {
  const { generated } = state;
  const candidates = places(generated).filter(
    ({ schedule, node }) =>
      node.row.kind === "personnel" &&
      (schedule.top ? schedule.top.row.amount && node.row.amount : schedule.nodes.length >= 2),
  );
  const chosen = choose(state, candidates, ({ schedule, node }) => {
    const first = schedule.nodes.find((other) => other !== node) as GenNode;
    return [
      `${schedule.implementer.name}:personnel`,
      ...claimAll(node),
      ...(schedule.top ? claim(schedule.top, "amount", "sum", "children") : claim(first, "exists")),
    ];
  });
  if (!chosen) return null;
  const { schedule, node } = chosen;
  removeRow(schedule, node);
  const top = schedule.top;
  if (top) {
    top.children.splice(top.children.indexOf(node), 1);
    const total = (top.row.amount as Money).minus(node.row.amount as Money);
    setAmount(top, total, printAmount(total, generated.style));
  }
  const first = schedule.nodes[0];
  return {
    description: `${where(node)} (personnel) left out`,
    expected: [
      {
        rule: "missing-personnel",
        implementer: schedule.implementer.name,
        code: top ? TOP_CODE : null,
        line: first.row.line,
      },
    ],
  };
});

// --- The text beside the schedules -----------------------------------------------------------------------------

/**
 * The units an implementer's text describes code by code: a partner's sections (dotted rows under its top), ELVL's
 * activities (its dotted roots). Generated plans have no text (the rules stay silent); these injectors give one.
 */
function describedUnits(schedule: Schedule): GenNode[] {
  const units = schedule.top ? schedule.top.children : schedule.nodes.filter((node) => node.parent === null);
  return units.filter(isDottedCode);
}

/** Lines of the text: past the schedules' lines, each unit's description on a line of its own. */
const TEXT_LINE = 100_000;

/**
 * The implementer's text describing `codes` ([code, title, line]), as the importer keeps it; from a workbook each
 * stands on a row of Seaded (placed past its other rows here), where findings point.
 */
function tell(state: InjectionState, schedule: Schedule, codes: Array<[string, string, number]>): void {
  schedule.implementer.narrative = codes.map(([code, title, line]) => ({
    code,
    title,
    line,
    ...(state.generated.fromWorkbook ? { sheet: { name: "Seaded", row: line, cell: `B${line}` } } : {}),
  }));
}

const describing = (node: GenNode): [string, string, number] => [
  node.row.code as string,
  node.row.label,
  TEXT_LINE + node.row.line,
];

/** Claims for giving a schedule its text: no other fault may add, remove or renumber a unit the text speaks of. */
const textClaims = (schedule: Schedule) => [
  `${schedule.implementer.name}:narrative`,
  ...describedUnits(schedule).flatMap(claimAll),
  ...(schedule.top ? claim(schedule.top, "children") : []),
];

/** The text describes every unit and one more, whose code has no row: pure. */
const narrativeNoRow = define("narrative-without-row/no-row", "narrative-without-row", true, (state) => {
  const chosen = choose(
    state,
    state.generated.schedules.filter((schedule) => describedUnits(schedule).length > 0),
    textClaims,
  );
  if (!chosen) return null;
  const units = describedUnits(chosen);
  const prefix = (units[0].row.code as string).replace(/\.\d+$/, "");
  const next = Math.max(...units.map((unit) => Number((unit.row.code as string).split(".").pop()))) + 1;
  const code = `${prefix}.${next}`;
  const line = TEXT_LINE * 2 + units[0].row.line;
  tell(state, chosen, [...units.map(describing), [code, "Tegevus, mida ajakavas ei ole", line]]);
  return {
    description: `${chosen.implementer.name}: the text also describes ${code}, which has no row`,
    expected: [{ rule: "narrative-without-row", implementer: chosen.implementer.name, code, line }],
  };
});

/**
 * A partner's text describes every section; one section is then left out with its items, the total lowered to
 * match. The section the text still describes has no row; a section every other partner has is missing too.
 */
const narrativeRowRemoved = define("narrative-without-row/row-removed", "narrative-without-row", false, (state) => {
  const { generated } = state;
  const chosen = choose(
    state,
    places(generated).filter(
      (place) => isSection(place) && place.node.row.amount !== null && place.schedule.top?.row.amount,
    ),
    ({ schedule, node }) => [
      `section:${node.row.code}`,
      ...textClaims(schedule),
      ...claim(schedule.top as GenNode, "amount", "sum"),
      ...subtree(node).flatMap(claimAll),
    ],
  );
  if (!chosen) return null;
  const { schedule, node } = chosen;
  const top = schedule.top as GenNode;
  const expectedOfOthers = sectionExpectedOfOthers(generated, chosen);
  const described = describing(node);
  tell(state, schedule, describedUnits(schedule).map(describing));
  const total = (top.row.amount as Money).minus(node.row.amount as Money);
  removeSubtree(schedule, node);
  setAmount(top, total, printAmount(total, generated.style));
  return {
    description: `${where(node)} (a section the text describes) left out with its items, the total now ${top.row.amountText}`,
    expected: [
      { rule: "narrative-without-row", implementer: schedule.implementer.name, code: described[0], line: described[2] },
      ...(expectedOfOthers ? [findingAt("missing-section", top, { details: { expected: described[0] } })] : []),
    ],
  };
});

/**
 * A partner's text describes every section but one: that section is undescribed. Pure. The text describes another
 * section at least: one that describes nothing by code is not judged.
 */
const rowWithoutNarrative = define("row-without-narrative", "row-without-narrative", true, (state) => {
  const chosen = choose(
    state,
    state.generated.schedules.filter((schedule) => schedule.top !== null && describedUnits(schedule).length > 1),
    textClaims,
  );
  if (!chosen) return null;
  const units = describedUnits(chosen);
  const silent = state.random.pick(units);
  tell(state, chosen, units.filter((unit) => unit !== silent).map(describing));
  return {
    description: `${chosen.implementer.name}: the text describes every section but ${silent.row.code}`,
    expected: [findingAt("row-without-narrative", silent)],
  };
});

// --- Indicators -----------------------------------------------------------------------------------------------

const indicatorDecrease = define("indicator-target-decrease", "indicator-target-decrease", true, (state) => {
  const { generated, random } = state;
  const chosen = choose(
    state,
    generated.plan.indicators.filter(
      (indicator) =>
        COUNT_UNITS.has(indicator.unit.toLocaleLowerCase("et")) && new Decimal(indicator.target).greaterThan(0),
    ),
    (indicator) => [`indicator:${indicator.line}`],
  );
  if (!chosen) return null;
  const target = new Decimal(chosen.target);
  chosen.target2029 = target.minus(random.int(1, target.toNumber())).toFixed();
  return {
    description: `indicator line ${chosen.line} (${chosen.unit}): ${chosen.target} → ${chosen.target2029} in 2029`,
    expected: [
      {
        rule: "indicator-target-decrease",
        implementer: null,
        code: null,
        line: chosen.line,
        details: { expected: `≥ ${chosen.target}`, actual: chosen.target2029 },
      },
    ],
  };
});

// --- Format ---------------------------------------------------------------------------------------------------

type Dimension = "decimal" | "grouping";

/** The style of a printed amount, read from the text alone; null for text that is no amount. */
function writtenStyle(text: string): Record<Dimension, string | null> | null {
  const match = /^-?(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:([.,])\d+)?$/.exec(text);
  if (!match) return null;
  const whole = match[1];
  return {
    decimal: match[2] ?? null,
    grouping: /[ \u00a0]/.test(whole) ? "space" : whole.length >= 4 ? "none" : null,
  };
}

const STYLE_WORDS: Record<string, string> = {
  ",": "kümnendkohad komaga",
  ".": "kümnendkohad punktiga",
  space: "tuhanded tühikuga eraldatud",
  none: "tuhanded eraldamata",
};

/**
 * One to three amounts of one table written in another style (decimal point for comma, or the other way round;
 * thousands grouped or not). Applied last, when the document's other amounts are final, and only where the usual
 * style stays the clear majority. One finding for the table, at its first odd amount.
 */
const mixedNumberFormat = define(
  "mixed-number-format",
  "mixed-number-format",
  true,
  (state) => {
    const { generated, random } = state;
    const style = generated.style;
    const dimension = random.pick<Dimension>(["decimal", "grouping"]);
    const odd: NumberStyle =
      dimension === "decimal"
        ? { ...style, decimal: style.decimal === "," ? "." : "," }
        : { ...style, grouping: style.grouping === "space" ? "none" : "space" };
    const usual = dimension === "decimal" ? style.decimal : style.grouping;
    const all = places(generated);
    const usualCount = all.filter(
      ({ node }) => node.row.amountText && writtenStyle(node.row.amountText)?.[dimension] === usual,
    ).length;
    const byTable = new Map<number, GenNode[]>();
    for (const { node } of all) {
      const written = node.row.amountText ? writtenStyle(node.row.amountText) : null;
      if (!node.row.amount || written?.[dimension] !== usual || !state.claims.free(claim(node, "amount"))) continue;
      byTable.set(node.row.table, [...(byTable.get(node.row.table) ?? []), node]);
    }
    const tables = [...byTable.keys()];
    if (tables.length === 0 || !state.claims.free(["style"])) return null;
    const eligible = byTable.get(random.pick(tables)) as GenNode[];
    const rewritten = random.shuffle(eligible).slice(0, random.int(1, Math.min(3, eligible.length)));
    if (usualCount - rewritten.length <= rewritten.length) return null;
    state.claims.take(["style", ...rewritten.flatMap((node) => claim(node, "amount"))]);
    for (const node of rewritten) node.row.amountText = printAmount(node.row.amount as Money, odd);
    const rows = rewritten[0].implementer.rows;
    const first = [...rewritten].sort((a, b) => rows.indexOf(a.row) - rows.indexOf(b.row))[0];
    return {
      description: `table ${first.row.table}: ${rewritten.map((node) => `line ${node.row.line} "${node.row.amountText}"`).join(", ")}`,
      expected: [findingAt("mixed-number-format", first, { details: { actual: STYLE_WORDS[odd[dimension]] } })],
    };
  },
  { last: true },
);

export const INJECTORS: readonly Injector[] = [
  sumMismatchItem,
  sumMismatchParent,
  totalMismatchTop,
  totalMismatchPart,
  parentOverridden,
  duplicateDotted,
  duplicateNumbered,
  amountMissing,
  amountText,
  amountNegative,
  amountDecimals,
  invalidDate("frame"),
  invalidDate("plan"),
  periodReversed("plan"),
  periodReversed("frame"),
  planOutsideYear,
  planOutsideFrame,
  frameVsPartnership,
  missingFrame,
  missingPlanPeriod,
  missingResponsible,
  responsibleMismatch,
  missingSection,
  missingPersonnel,
  narrativeNoRow,
  narrativeRowRemoved,
  rowWithoutNarrative,
  indicatorDecrease,
  codeGapDeepen,
  codeGapRemove,
  codeGapRemoveSection,
  codeGapDeepenSection,
  mixedNumberFormat,
];

/** Applies injectors in the given order, those marked `last` after the others. */
export function injectAll(state: InjectionState, injectors: readonly Injector[]): Injection[] {
  const ordered = [...injectors.filter((injector) => !injector.last), ...injectors.filter((injector) => injector.last)];
  const injections: Injection[] = [];
  for (const injector of ordered) {
    const injection = injector.inject(state);
    if (injection) injections.push(injection);
  }
  return injections;
}
