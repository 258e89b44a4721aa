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
  /** The other row with the same printed code. */
  duplicateOf: PlanNode;
  /** For `children-sum`: the parent and the rows that add up to it. */
  parent: PlanNode | null;
  run: PlanNode[];
}

export interface ImplementerTree {
  implementer: Implementer;
  /** In row order. */
  nodes: PlanNode[];
  roots: PlanNode[];
  /** The single root, when there is one (a partner's 3.5.2.1); personnel rows hang under it. */
  top: PlanNode | null;
  personnel: PlanNode[];
  corrections: CodeCorrection[];
}

const MAX_CHILDREN_RUN = 100;

export function buildTree(implementer: Implementer): ImplementerTree {
  const nodes: PlanNode[] = implementer.rows.map((row, index) => ({
    row,
    index,
    code: row.kind === "personnel" ? null : row.code,
    parent: null,
    children: [],
    missingParent: null,
  }));
  const corrections = inferDuplicateCodes(nodes);
  attachParents(nodes);

  const personnel = nodes.filter((node) => node.row.kind === "personnel");
  const roots = nodes.filter((node) => node.parent === null && node.row.kind !== "personnel");
  const top = roots.length === 1 && roots[0].row.codeStyle === "dotted" ? roots[0] : null;
  for (const node of personnel) {
    if (top) {
      node.parent = top;
      top.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return { implementer, nodes, roots, top, personnel, corrections };
}

const depth = (code: string) => code.split(".").length;
const isDotted = (node: PlanNode) => node.row.codeStyle === "dotted" && node.code !== null;

/**
 * Renumbers duplicated codes where the document shows what was meant. Pärnu prints 3.5.2.1.1 (13 434,77),
 * then 3.5.2.1.1 (0) and 3.5.2.1.2 (13 434,77): the two add up exactly to the first, so they are its
 * items 3.5.2.1.1.1 and 3.5.2.1.1.2, and the later 3.5.2.1.2 is the real section.
 */
function inferDuplicateCodes(nodes: PlanNode[]): CodeCorrection[] {
  const corrections: CodeCorrection[] = [];
  const dotted = nodes.filter(isDotted);
  const used = new Set(dotted.map((node) => node.code as string));
  const seen = new Map<string, PlanNode>();
  for (let position = 0; position < dotted.length; position++) {
    const node = dotted[position];
    const code = node.code as string;
    const earlier = seen.get(code);
    if (!earlier) {
      seen.set(code, node);
      continue;
    }
    const previous = dotted[position - 1];
    const run = previous === earlier ? childrenRun(dotted, position, earlier) : null;
    if (run) {
      let next = nextFreeChild(earlier.code as string, used);
      for (const member of run) {
        const to = `${earlier.code}.${next++}`;
        const printed = member.code as string;
        used.add(to);
        member.code = to;
        seen.set(to, member);
        const duplicateOf =
          member === node
            ? earlier
            : (dotted.find((other) => other !== member && other.row.code === printed) ?? earlier);
        corrections.push({
          node: member,
          from: printed,
          to,
          reason: "children-sum",
          duplicateOf,
          parent: earlier,
          run,
        });
      }
      position += run.length - 1;
      continue;
    }
    const parentCode = code.split(".").slice(0, -1).join(".");
    const to = `${parentCode}.${nextFreeChild(parentCode, used)}`;
    used.add(to);
    corrections.push({ node, from: code, to, reason: "next-sibling", duplicateOf: earlier, parent: null, run: [] });
  }
  return corrections;
}

/** The shortest run of same-level rows from `start` whose amounts add up exactly to the parent's, if any. */
function childrenRun(dotted: PlanNode[], start: number, parent: PlanNode): PlanNode[] | null {
  const target: Money | null = parent.row.amount;
  if (!target) return null;
  const level = depth(parent.code as string);
  let sum: Money | null = null;
  for (let end = start; end < dotted.length && end < start + MAX_CHILDREN_RUN; end++) {
    const member = dotted[end];
    if (depth(member.code as string) !== level || !member.row.amount) return null;
    sum = sum ? sum.plus(member.row.amount) : member.row.amount;
    if (sum.equals(target)) return dotted.slice(start, end + 1);
    if (sum.greaterThan(target) && !member.row.amount.isNegative()) return null;
  }
  return null;
}

function nextFreeChild(parentCode: string, used: Set<string>): number {
  let next = 1;
  while (used.has(`${parentCode}.${next}`)) next++;
  return next;
}

function attachParents(nodes: PlanNode[]): void {
  const first = new Map<string, PlanNode>();
  for (const node of nodes) if (isDotted(node) && !first.has(node.code as string)) first.set(node.code as string, node);
  // The nearest preceding row with a code is the parent of what follows, so a repeated code keeps its own children.
  const latest = new Map<string, PlanNode>();
  let lastDotted: PlanNode | null = null;
  for (const node of nodes) {
    if (node.row.kind === "personnel") continue;
    if (node.row.codeStyle === "numbered" || node.code === null) {
      if (lastDotted) link(node, lastDotted);
      continue;
    }
    const parts = node.code.split(".");
    for (let level = parts.length - 1; level > 0; level--) {
      const prefix = parts.slice(0, level).join(".");
      const ancestor = latest.get(prefix) ?? first.get(prefix);
      if (ancestor && ancestor !== node) {
        link(node, ancestor);
        if (level < parts.length - 1) node.missingParent = parts.slice(0, parts.length - 1).join(".");
        break;
      }
    }
    latest.set(node.code, node);
    lastDotted = node;
  }
}

function link(child: PlanNode, parent: PlanNode): void {
  child.parent = parent;
  parent.children.push(child);
}
