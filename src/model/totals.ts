import { ImplementerTree, PlanNode, buildTree } from "./hierarchy";
import { Money, ZERO } from "./money";
import { ActionPlan, Implementer } from "./plan";

/**
 * Amounts recomputed from the tree, exact to the cent: a parent's computed amount is the sum of its
 * children's, recursively from the leaves' declared amounts. Null where a needed amount is missing.
 */
export interface TreeTotals {
  tree: ImplementerTree;
  /** Recursive: leaves' declared amounts added up through every level; by `node.index`. */
  computed: Array<Money | null>;
  /** One level: the sum of the children's declared amounts (computed where a child declares none); by `node.index`. */
  childSum: Array<Money | null>;
  declared: Money | null;
  total: Money | null;
}

export function computeTotals(tree: ImplementerTree): TreeTotals {
  // Arrays by row index rather than maps by node: plans reach 100 000 rows, and this runs on every check.
  const computed = new Array<Money | null>(tree.nodes.length).fill(null);
  const childSum = new Array<Money | null>(tree.nodes.length).fill(null);
  // Parents before children (depth-first from the top), then walked backwards: each node is summed after all
  // of its children, with no recursion and no per-node bookkeeping objects on plans of 100 000 rows.
  const order: PlanNode[] = tree.top ? [tree.top] : [...tree.roots];
  for (let index = 0; index < order.length; index++) {
    const children = order[index].children;
    for (let child = 0; child < children.length; child++) order.push(children[child]);
  }
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index];
    if (node.children.length === 0) {
      computed[node.index] = node.row.amount;
      continue;
    }
    let recursive: Money | null = ZERO;
    let local: Money | null = ZERO;
    for (const child of node.children) {
      const childComputed = computed[child.index];
      recursive = recursive && childComputed ? recursive.plus(childComputed) : null;
      const childDeclared = child.row.amount ?? childComputed;
      local = local && childDeclared ? local.plus(childDeclared) : null;
    }
    computed[node.index] = recursive;
    childSum[node.index] = local;
  }
  const declared = implementerDeclared(tree);
  let total: Money | null;
  if (tree.top) {
    total = computed[tree.top.index];
  } else {
    total = ZERO;
    for (const root of tree.roots) {
      const value = computed[root.index];
      total = total && value ? total.plus(value) : null;
    }
  }
  return { tree, computed, childSum, declared, total };
}

/**
 * What the document declares as the implementer's total: a partner's single top row (3.5.2.1), which
 * includes personnel; otherwise, as for the implementer whose activities 3.5.1.1–3.5.1.4 have no common
 * row, the declared top rows plus personnel.
 */
function implementerDeclared(tree: ImplementerTree): Money | null {
  if (tree.top) return tree.top.row.amount;
  let sum: Money | null = ZERO;
  for (const root of tree.roots) sum = sum && root.row.amount ? sum.plus(root.row.amount) : null;
  return sum;
}

export function declaredTotal(implementer: Implementer): { amount: Money | null; source: "top-row" | "top-rows" } {
  const tree = buildTree(implementer);
  return { amount: implementerDeclared(tree), source: tree.top ? "top-row" : "top-rows" };
}

/** An implementer's tree and its totals: built once per analysis and handed to everything that needs them. */
export interface ImplementerTotals {
  implementer: Implementer;
  tree: ImplementerTree;
  totals: TreeTotals;
}

/** Each implementer's tree and totals, in the plan's order. */
export function implementerTotals(plan: ActionPlan): ImplementerTotals[] {
  return plan.implementers.map((implementer) => {
    const tree = buildTree(implementer);
    return { implementer, tree, totals: computeTotals(tree) };
  });
}

export interface PlanTotals {
  implementers: TreeTotals[];
  grandDeclared: Money | null;
  grandComputed: Money | null;
}

/** The plan's totals; from the implementers' trees when they are already built. */
export function planTotals(plan: ActionPlan, built?: readonly ImplementerTotals[]): PlanTotals {
  const implementers = (built ?? implementerTotals(plan)).map((entry) => entry.totals);
  const add = (sum: Money | null, value: Money | null) => (sum && value ? sum.plus(value) : null);
  return {
    implementers,
    grandDeclared: implementers.reduce<Money | null>((sum, totals) => add(sum, totals.declared), ZERO),
    grandComputed: implementers.reduce<Money | null>((sum, totals) => add(sum, totals.total), ZERO),
  };
}
