import Decimal from "decimal.js";
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

/**
 * Builds the tree in one pass, reading the rows as an outline: the open ancestors form a stack, and a row's
 * parent is the nearest one whose code is a prefix of its own. Siblings normally come in increasing order, so
 * a duplicate is looked for only where a number does not increase. No row is looked up by its code in the
 * normal case: on plans of 100 000 rows, hashing every code made the check slower per row as plans grew.
 */
export function buildTree(implementer: Implementer): ImplementerTree {
  const tree = assemble(implementer, new Set());
  const misread = misreadRuns(tree);
  return misread.size > 0 ? assemble(implementer, misread) : tree;
}

/**
 * Runs read as a parent's items that should have been its siblings: items .1 (500) and a second ".1" (500) under a
 * section of 1 000 read as an item and its one sub-item of 500 leave the section 500 short, while as siblings
 * (the second one misnumbered) they add up. A run is taken back only when its grandparent does not add up as read
 * and does when the run's rows are its children instead; Pärnu's 3.5.2.1.1 items keep their reading, since its
 * partner total adds up with them.
 */
function misreadRuns(tree: ImplementerTree): Set<number> {
  const misread = new Set<number>();
  for (const correction of tree.corrections) {
    if (correction.reason !== "children-sum" || correction.node !== correction.run[0]) continue;
    const grandparent = correction.parent?.parent;
    const declared = grandparent?.row.amount;
    if (!grandparent || !declared) continue;
    let sum: Money | null = new Decimal(0);
    for (const child of grandparent.children) sum = sum && child.row.amount ? sum.plus(child.row.amount) : null;
    if (!sum || sum.equals(declared)) continue;
    const run = correction.run.reduce((total, member) => total.plus(member.row.amount!), new Decimal(0));
    if (sum.plus(run).equals(declared)) misread.add(correction.node.index);
  }
  return misread;
}

function assemble(implementer: Implementer, noRunAt: ReadonlySet<number>): ImplementerTree {
  const nodes: PlanNode[] = implementer.rows.map((row, index) => ({
    row,
    index,
    code: row.kind === "personnel" ? null : row.code,
    parent: null,
    children: NO_CHILDREN,
    missingParent: null,
  }));
  const builder = new TreeBuilder(nodes, noRunAt);
  builder.run();

  const personnel = nodes.filter((node) => node.row.kind === "personnel");
  const roots = nodes.filter((node) => node.parent === null && node.row.kind !== "personnel");
  // A root deeper than the others (3.5.1.5.1 beside 3.5.1.1–3.5.1.4) lacks its parent row too.
  let rootDepth = Infinity;
  for (const root of roots) if (isDotted(root)) rootDepth = Math.min(rootDepth, depth(root.code as string));
  for (const root of roots) {
    if (isDotted(root) && depth(root.code as string) > rootDepth) root.missingParent = parentOf(root.code as string);
  }
  const top =
    implementer.role === "partner" && roots.length === 1 && roots[0].row.codeStyle === "dotted" ? roots[0] : null;
  for (const node of personnel) {
    if (top) link(node, top);
    else roots.push(node);
  }
  return { implementer, nodes, roots, top, personnel, corrections: builder.corrections };
}

class TreeBuilder {
  readonly corrections: CodeCorrection[] = [];
  /** Highest child number seen so far under each node (by index), and among the roots. */
  private readonly highestChild: Float64Array;
  private readonly highestItem: Float64Array;
  private highestRoot = 0;
  /** Rows found to repeat a code: they never start a run of items. */
  private readonly repeated: Uint8Array;
  /** Repeats whose proposed number is chosen once every sibling is known. */
  private readonly pendingSiblings: Array<{ correction: CodeCorrection; siblingsOf: PlanNode | null }> = [];
  /** Run members renamed before their printed code's twin was reached. */
  private readonly awaitingTwin = new Map<string, CodeCorrection>();

  constructor(
    private readonly nodes: PlanNode[],
    /** Rows that never start a run of items: runs found misread on a first reading. */
    private readonly noRunAt: ReadonlySet<number>,
  ) {
    this.highestChild = new Float64Array(nodes.length);
    this.highestItem = new Float64Array(nodes.length);
    this.repeated = new Uint8Array(nodes.length);
  }

  run(): void {
    const open: PlanNode[] = [];
    let lastDotted: PlanNode | null = null;
    for (let position = 0; position < this.nodes.length; position++) {
      const node = this.nodes[position];
      if (node.row.kind === "personnel") continue;
      if (node.row.codeStyle === "numbered" || node.code === null) {
        if (lastDotted) this.placeItem(node, lastDotted);
        continue;
      }
      if (this.awaitingTwin.size > 0) this.meetTwin(node);
      const previous = this.nodes[position - 1];
      if (
        previous &&
        isDotted(previous) &&
        previous.code === node.code &&
        !this.repeated[previous.index] &&
        !this.noRunAt.has(position)
      ) {
        const run = childrenRun(this.nodes, position, previous);
        if (run) this.renameRun(run, previous, open);
      }
      const code = node.code as string;
      while (open.length > 0 && !isAncestorCode(open[open.length - 1].code as string, code)) open.pop();
      const parent = open.length > 0 ? open[open.length - 1] : null;
      this.placeDotted(node, parent);
      open.push(node);
      lastDotted = node;
    }
    this.relinkGaps();
    this.proposeSiblingNumbers();
  }

  private placeDotted(node: PlanNode, parent: PlanNode | null): void {
    const code = node.code as string;
    if (parent) {
      link(node, parent);
      if (parent.code?.length !== code.lastIndexOf(".")) node.missingParent = parentOf(code);
    }
    const number = lastNumber(code);
    const highest = parent ? this.highestChild[parent.index] : this.highestRoot;
    if (number > highest) {
      if (parent) this.highestChild[parent.index] = number;
      else this.highestRoot = number;
      return;
    }
    // Out of order: a repeat if a sibling (or another root) already has this code.
    const siblings = parent
      ? parent.children
      : this.nodes.filter((other) => other.parent === null && other.index < node.index);
    const twin = siblings.find((other) => other !== node && isDotted(other) && other.code === code);
    if (!twin) return;
    this.repeated[node.index] = 1;
    const correction: CodeCorrection = {
      node,
      from: code,
      to: code,
      reason: "next-sibling",
      duplicateOf: twin,
      parent: null,
      run: [],
    };
    this.corrections.push(correction);
    this.pendingSiblings.push({ correction, siblingsOf: parent });
  }

  private placeItem(node: PlanNode, parent: PlanNode): void {
    link(node, parent);
    const number = Number(node.code);
    if (!Number.isFinite(number) || number > this.highestItem[parent.index]) {
      if (Number.isFinite(number)) this.highestItem[parent.index] = number;
      return;
    }
    const twin = parent.children.find(
      (other) => other !== node && other.row.codeStyle === "numbered" && other.code === node.code,
    );
    if (!twin) return;
    const correction: CodeCorrection = {
      node,
      from: node.code as string,
      to: node.code as string,
      reason: "next-sibling",
      duplicateOf: twin,
      parent,
      run: [],
    };
    this.corrections.push(correction);
    this.pendingSiblings.push({ correction, siblingsOf: parent });
  }

  /**
   * Pärnu prints 3.5.2.1.1 (13 434,77), then 3.5.2.1.1 (0) and 3.5.2.1.2 (13 434,77): the two add up exactly to
   * the first, so they are its items 3.5.2.1.1.1 and 3.5.2.1.1.2, and the later 3.5.2.1.2 is the real section.
   */
  private renameRun(run: PlanNode[], parent: PlanNode, open: PlanNode[]): void {
    const parentCode = parent.code as string;
    const siblingsOfParent = open.length > 0 ? open[open.length - 1] : null;
    let next = this.highestChild[parent.index] + 1;
    for (const member of run) {
      const printed = member.code as string;
      const to = `${parentCode}.${next++}`;
      member.code = to;
      const correction: CodeCorrection = {
        node: member,
        from: printed,
        to,
        reason: "children-sum",
        duplicateOf: member === run[0] ? parent : null,
        parent,
        run,
      };
      if (member !== run[0]) {
        // The member's printed code may belong to an earlier sibling of the parent, or to a row still to come.
        const earlier = (siblingsOfParent?.children ?? []).find((other) => other.code === printed);
        if (earlier) correction.duplicateOf = earlier;
        else this.awaitingTwin.set(printed, correction);
      }
      this.corrections.push(correction);
    }
  }

  private meetTwin(node: PlanNode): void {
    const waiting = this.awaitingTwin.get(node.code as string);
    if (!waiting) return;
    waiting.duplicateOf = node;
    this.awaitingTwin.delete(node.code as string);
  }

  /**
   * A row printed before its parent, or under a gap, hangs under the nearest open ancestor; where its direct
   * parent stands elsewhere in the document, it moves there. Only schedules with such rows pay for the lookup.
   */
  private relinkGaps(): void {
    const gapped = this.nodes.filter((node) => node.missingParent !== null && node.parent !== null);
    if (gapped.length === 0) return;
    const byCode = new Map<string, PlanNode>();
    for (const node of this.nodes)
      if (isDotted(node) && !byCode.has(node.code as string)) byCode.set(node.code as string, node);
    for (const node of gapped) {
      const code = node.code as string;
      for (let prefix = parentOf(code); prefix !== "" && prefix !== node.parent?.code; prefix = parentOf(prefix)) {
        const ancestor = byCode.get(prefix);
        if (!ancestor || ancestor === node) continue;
        unlink(node);
        link(node, ancestor);
        node.missingParent = prefix === parentOf(code) ? null : parentOf(code);
        break;
      }
    }
  }

  /**
   * A repeat takes the number after the code it repeats when no sibling has it (3.5.1.2 repeated → 3.5.1.3),
   * otherwise one past the highest sibling number; never a far gap's number.
   */
  private proposeSiblingNumbers(): void {
    const taken = new Map<PlanNode | null, Set<string>>();
    for (const { correction, siblingsOf } of this.pendingSiblings) {
      let codes = taken.get(siblingsOf);
      if (!codes) {
        const siblings = siblingsOf ? siblingsOf.children : this.nodes.filter((node) => node.parent === null);
        codes = new Set(siblings.map((node) => node.code).filter((code): code is string => code !== null));
        taken.set(siblingsOf, codes);
      }
      const numbered = correction.node.row.codeStyle === "numbered";
      const prefix = numbered ? "" : `${parentOf(correction.from)}.`;
      const compose = (number: number) => (numbered ? String(number) : `${prefix}${number}`);
      let number = lastNumber(correction.from) + 1;
      if (codes.has(compose(number))) {
        let highest = 0;
        for (const code of codes) {
          const isSibling = numbered
            ? /^\d+$/.test(code)
            : code.startsWith(prefix) && !code.includes(".", prefix.length);
          if (isSibling) highest = Math.max(highest, lastNumber(code));
        }
        number = highest + 1;
      }
      correction.to = compose(number);
      codes.add(correction.to);
    }
  }
}

/** Outline order of dotted codes: 3.5.2.1.2 before 3.5.2.1.10. */
export function compareCodes(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function depth(code: string): number {
  let dots = 0;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46) dots++;
  return dots + 1;
}

/** "3.5.2.1.4" → "3.5.2.1"; "" at the top. */
const parentOf = (code: string) => code.slice(0, Math.max(code.lastIndexOf("."), 0));
const isDotted = (node: PlanNode) => node.row.codeStyle === "dotted" && node.code !== null;

/** The number after the last dot ("3.5.2.1.12" → 12), read without making a string. */
function lastNumber(code: string): number {
  let number = 0;
  let scale = 1;
  for (let i = code.length - 1; i >= 0; i--) {
    const digit = code.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    number += digit * scale;
    scale *= 10;
  }
  return number;
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

/** Whether `ancestor` is a proper prefix of `code` at a dot ("3.5.2.1" of "3.5.2.1.4", not of "3.5.2.10"). */
function isAncestorCode(ancestor: string, code: string): boolean {
  return code.length > ancestor.length && code.charCodeAt(ancestor.length) === 46 && code.startsWith(ancestor);
}

function link(child: PlanNode, parent: PlanNode): void {
  child.parent = parent;
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

function unlink(child: PlanNode): void {
  const parent = child.parent;
  if (!parent) return;
  const index = parent.children.indexOf(child);
  if (index >= 0) parent.children.splice(index, 1);
  child.parent = null;
}
