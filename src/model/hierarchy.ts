import { Money } from "./money";
import { Implementer, ScheduleRow } from "./plan";

/**
 * One row placed in its implementer's tree. The tree is read from the codes, not from the document's
 * order alone: dotted codes nest by prefix, numbered items ("1.", "2.") belong to the coded row before
 * them, and the personnel row belongs to the implementer's top.
 */
export interface PlanNode {
  row: ScheduleRow;
  /** Position in `implementer.rows`. */
  index: number;
  /** The code the structure uses: the printed one, or the inferred one where a duplicate was renumbered. */
  code: string | null;
  parent: PlanNode | null;
  children: PlanNode[];
  /** The parent code that has no row when the node hangs under a farther ancestor (3.5.1.3.1 for 3.5.1.3.1.1). */
  missingParent: string | null;
}

/** A code printed more than once, with what it evidently should be. */
export interface CodeCorrection {
  node: PlanNode;
  /** The code as printed (normalised). */
  from: string;
  to: string;
  /**
   * `children-sum`: the rows after a parent, starting with one that repeats its code, add up exactly to the
   * parent's amount, so they are its children; `next-sibling`: the code repeats a sibling's and the next free
   * number among the siblings is proposed.
   */
  reason: "children-sum" | "next-sibling";
  /**
   * The other row with the same printed code; null for a member of a children-sum run whose printed code is
   * not used twice (it is renumbered because its neighbours are).
   */
  duplicateOf: PlanNode | null;
  /** For `children-sum`: the parent and the rows that add up to it. */
  parent: PlanNode | null;
  run: PlanNode[];
}

export interface ImplementerTree {
  implementer: Implementer;
  /** In row order. */
  nodes: PlanNode[];
  roots: PlanNode[];
  /**
   * A partner's single root (3.5.2.1), whose amount is the partner's total; personnel rows hang under it. The
   * implementer's activities (3.5.1.1–3.5.1.4) have no common row, so its schedule has no top even with one
   * activity.
   */
  top: PlanNode | null;
  personnel: PlanNode[];
  corrections: CodeCorrection[];
}

const MAX_CHILDREN_RUN = 100;

/** Leaves share one frozen empty list; `link` gives a node its own list with its first child. */
const NO_CHILDREN: PlanNode[] = Object.freeze([]) as unknown as PlanNode[];

export function buildTree(implementer: Implementer): ImplementerTree {
  const nodes: PlanNode[] = implementer.rows.map((row, index) => ({
    row,
    index,
    code: row.kind === "personnel" ? null : row.code,
    parent: null,
    children: NO_CHILDREN,
    missingParent: null,
  }));
  const first = new Map<string, PlanNode>();
  for (const node of nodes) if (isDotted(node) && !first.has(node.code as string)) first.set(node.code as string, node);
  const corrections = inferDuplicateCodes(nodes, first);
  attachParents(nodes, first);
  corrections.push(...numberedDuplicates(nodes));

  const personnel = nodes.filter((node) => node.row.kind === "personnel");
  const roots = nodes.filter((node) => node.parent === null && node.row.kind !== "personnel");
  // A root deeper than the others (3.5.1.5.1 beside 3.5.1.1–3.5.1.4) lacks its parent row too.
  const rootDepth = Math.min(...roots.filter(isDotted).map((node) => depth(node.code as string)));
  for (const root of roots) {
    if (isDotted(root) && depth(root.code as string) > rootDepth) root.missingParent = parentOf(root.code as string);
  }
  const top =
    implementer.role === "partner" && roots.length === 1 && roots[0].row.codeStyle === "dotted" ? roots[0] : null;
  for (const node of personnel) {
    if (top) {
      link(node, top);
    } else {
      roots.push(node);
    }
  }
  return { implementer, nodes, roots, top, personnel, corrections };
}

function depth(code: string): number {
  let dots = 0;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46) dots++;
  return dots + 1;
}

/** "3.5.2.1.4" → "3.5.2.1"; "" at the top. */
const parentOf = (code: string) => code.slice(0, Math.max(code.lastIndexOf("."), 0));
const isDotted = (node: PlanNode) => node.row.codeStyle === "dotted" && node.code !== null;

/**
 * Renumbers duplicated codes where the document shows what was meant. Pärnu prints 3.5.2.1.1 (13 434,77),
 * then 3.5.2.1.1 (0) and 3.5.2.1.2 (13 434,77): the two add up exactly to the first, so they are its
 * items 3.5.2.1.1.1 and 3.5.2.1.1.2, and the later 3.5.2.1.2 is the real section.
 */
function inferDuplicateCodes(nodes: PlanNode[], first: Map<string, PlanNode>): CodeCorrection[] {
  const corrections: CodeCorrection[] = [];
  const numbers = new ChildNumbers(first);
  // Run members renamed before their printed code's other row was reached: that row, when met, is the twin.
  const awaitingTwin = new Map<string, CodeCorrection>();
  for (let position = 0; position < nodes.length; position++) {
    const node = nodes[position];
    if (!isDotted(node)) continue;
    const code = node.code as string;
    const earliest = first.get(code);
    if (earliest === node || earliest === undefined) {
      if (earliest === undefined) first.set(code, node);
      const waiting = awaitingTwin.get(code);
      if (waiting) {
        waiting.duplicateOf = node;
        awaitingTwin.delete(code);
      }
      continue;
    }
    // Only a repeat right after its twin (no items between) can start the twin's children.
    const run = nodes[position - 1] === earliest ? childrenRun(nodes, position, earliest) : null;
    if (run) {
      for (const member of run) {
        const printed = member.code as string;
        const to = `${code}.${numbers.next(code)}`;
        member.code = to;
        first.set(to, member);
        const correction: CodeCorrection = {
          node: member,
          from: printed,
          to,
          reason: "children-sum",
          duplicateOf: member === node ? earliest : null,
          parent: earliest,
          run,
        };
        if (member !== node) {
          const twin = first.get(printed);
          if (twin === member) {
            first.delete(printed);
            awaitingTwin.set(printed, correction);
          } else if (twin) {
            correction.duplicateOf = twin;
          }
        }
        corrections.push(correction);
      }
      position += run.length - 1;
      continue;
    }
    const parentCode = parentOf(code);
    const to = `${parentCode}.${numbers.after(code)}`;
    first.set(to, node);
    corrections.push({ node, from: code, to, reason: "next-sibling", duplicateOf: earliest, parent: null, run: [] });
  }
  return corrections;
}

/**
 * The shortest run of consecutive same-level rows from `start` whose amounts add up exactly to the parent's.
 * A parent of zero proves nothing (any zero row would do), so it never takes a run.
 */
function childrenRun(nodes: PlanNode[], start: number, parent: PlanNode): PlanNode[] | null {
  const target: Money | null = parent.row.amount;
  if (!target || target.isZero()) return null;
  const level = depth(parent.code as string);
  let sum: Money | null = null;
  for (let end = start; end < nodes.length && end < start + MAX_CHILDREN_RUN; end++) {
    const member = nodes[end];
    if (!isDotted(member) || depth(member.code as string) !== level || !member.row.amount) return null;
    sum = sum ? sum.plus(member.row.amount) : member.row.amount;
    if (sum.equals(target)) return nodes.slice(start, end + 1);
    if (sum.greaterThan(target) && !member.row.amount.isNegative()) return null;
  }
  return null;
}

/**
 * Numbers for renumbered rows: a repeat takes the number after the code it repeats when that is free
 * (where it stands in the document), otherwise one past the highest child number used anywhere in the
 * schedule, never a far gap's number.
 */
class ChildNumbers {
  private highest: Map<string, number> | null = null;

  constructor(private readonly codes: Map<string, PlanNode>) {}

  /** For a repeat of `code`: the number after it when free (3.5.1.2 repeated → 3.5.1.3), else the next. */
  after(code: string): number {
    const parentCode = parentOf(code);
    const following = Number(code.slice(code.lastIndexOf(".") + 1)) + 1;
    if (Number.isFinite(following) && !this.codes.has(`${parentCode}.${following}`)) {
      if (this.highest) this.raise(parentCode, following);
      return following;
    }
    return this.next(parentCode);
  }

  next(parentCode: string): number {
    // Built on first use: most schedules have no duplicate at all.
    if (!this.highest) {
      this.highest = new Map();
      for (const code of this.codes.keys()) this.raise(parentOf(code), Number(code.slice(code.lastIndexOf(".") + 1)));
    }
    const next = (this.highest.get(parentCode) ?? 0) + 1;
    this.raise(parentCode, next);
    return next;
  }

  private raise(parentCode: string, number: number): void {
    const highest = this.highest as Map<string, number>;
    if (Number.isFinite(number) && number > (highest.get(parentCode) ?? 0)) highest.set(parentCode, number);
  }
}

/** Numbered items repeated under one coded row ("1.", "1."): the repeat gets the next number. */
function numberedDuplicates(nodes: PlanNode[]): CodeCorrection[] {
  const corrections: CodeCorrection[] = [];
  for (const parent of nodes) {
    const items = parent.children.filter((child) => child.row.codeStyle === "numbered" && child.code !== null);
    if (items.length < 2) continue;
    const seen = new Map<string, PlanNode>();
    let highest = Math.max(...items.map((item) => Number(item.code)).filter(Number.isFinite));
    for (const item of items) {
      const code = item.code as string;
      const earlier = seen.get(code);
      if (!earlier) {
        seen.set(code, item);
        continue;
      }
      highest += 1;
      corrections.push({
        node: item,
        from: code,
        to: String(highest),
        reason: "next-sibling",
        duplicateOf: earlier,
        parent,
        run: [],
      });
    }
  }
  return corrections;
}

/**
 * Rows come in outline order, so the open ancestors form a stack, as when reading an outline: a row's parent
 * is the nearest row on it whose code is a prefix of the row's. This needs no lookups by code, which matters
 * on plans of 100 000 rows; a row printed away from its parent falls back to the codes' first rows.
 */
function attachParents(nodes: PlanNode[], first: Map<string, PlanNode>): void {
  const open: PlanNode[] = [];
  let lastDotted: PlanNode | null = null;
  for (const node of nodes) {
    if (node.row.kind === "personnel") continue;
    if (node.row.codeStyle === "numbered" || node.code === null) {
      if (lastDotted) link(node, lastDotted);
      continue;
    }
    const code = node.code;
    while (open.length > 0 && !isAncestorCode(open[open.length - 1].code as string, code)) open.pop();
    const directParent = parentOf(code);
    let parent: PlanNode | null = open.length > 0 ? open[open.length - 1] : null;
    if (!parent) {
      for (let prefix = directParent; prefix !== "" && !parent; prefix = parentOf(prefix)) {
        const candidate = first.get(prefix);
        if (candidate && candidate !== node) parent = candidate;
      }
    } else if (parent.code !== directParent) {
      // A nearer ancestor may stand elsewhere in the document (printed out of order).
      const elsewhere = first.get(directParent);
      if (elsewhere && elsewhere !== node) parent = elsewhere;
    }
    if (parent) {
      link(node, parent);
      if (parent.code !== directParent) node.missingParent = directParent;
    }
    open.push(node);
    lastDotted = node;
  }
}

/** Whether `ancestor` is a proper prefix of `code` at a dot ("3.5.2.1" of "3.5.2.1.4", not of "3.5.2.10"). */
function isAncestorCode(ancestor: string, code: string): boolean {
  return code.length > ancestor.length && code.charCodeAt(ancestor.length) === 46 && code.startsWith(ancestor);
}

function link(child: PlanNode, parent: PlanNode): void {
  child.parent = parent;
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}
