import { ImplementerTree, PlanNode, buildTree } from "./hierarchy";
import { Money, ZERO } from "./money";
import { ActionPlan, Implementer } from "./plan";

/**
 * Amounts recomputed from the tree, exact to the cent: a parent's computed amount is the sum of its
 * children's, recursively from the leaves' declared amounts. Null where a needed amount is missing.
 */
export interface TreeTotals {
  tree: ImplementerTree;
  /** Recursive: leaves' declared amounts added up through every level. */
  computed: Map<PlanNode, Money | null>;
  /** One level: the sum of the children's declared amounts (computed where a child declares none). */
  childSum: Map<PlanNode, Money | null>;
  declared: Money | null;
  total: Money | null;
}

export function computeTotals(tree: ImplementerTree): TreeTotals {
  const computed = new Map<PlanNode, Money | null>();
  const childSum = new Map<PlanNode, Money | null>();
  // Children come after their parents in row order except for rare forward references, so a post-order walk
  // from the roots (iterative: depth is small, but rows are many) visits each node once.
  const stack: Array<{ node: PlanNode; expanded: boolean }> = [];
  const topLevel = tree.top ? [tree.top] : tree.roots;
  for (const root of topLevel) stack.push({ node: root, expanded: false });
  while (stack.length > 0) {
    const entry = stack.pop() as { node: PlanNode; expanded: boolean };
    const { node } = entry;
    if (node.children.length === 0) {
      computed.set(node, node.row.amount);
      continue;
    }
    if (!entry.expanded) {
      entry.expanded = true;
      stack.push(entry);
      for (const child of node.children) stack.push({ node: child, expanded: false });
      continue;
    }
    let recursive: Money | null = ZERO;
    let local: Money | null = ZERO;
    for (const child of node.children) {
      const childComputed = computed.get(child) ?? null;
      recursive = recursive && childComputed ? recursive.plus(childComputed) : null;
      const childDeclared = child.row.amount ?? childComputed;
      local = local && childDeclared ? local.plus(childDeclared) : null;
    }
    computed.set(node, recursive);
    childSum.set(node, local);
  }
  const declared = implementerDeclared(tree);
  let total: Money | null;
  if (tree.top) {
    total = computed.get(tree.top) ?? null;
  } else {
    total = ZERO;
    for (const root of tree.roots) {
      const value = computed.get(root) ?? null;
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

export interface PlanTotals {
  implementers: TreeTotals[];
  grandDeclared: Money | null;
  grandComputed: Money | null;
}

export function planTotals(plan: ActionPlan): PlanTotals {
  const implementers = plan.implementers.map((implementer) => computeTotals(buildTree(implementer)));
  const add = (sum: Money | null, value: Money | null) => (sum && value ? sum.plus(value) : null);
  return {
    implementers,
    grandDeclared: implementers.reduce<Money | null>((sum, totals) => add(sum, totals.declared), ZERO),
    grandComputed: implementers.reduce<Money | null>((sum, totals) => add(sum, totals.total), ZERO),
  };
}
