"use strict";
/**
 * The check as a first attempt writes it: no shared context, so each rule reads the plan's outline into a tree and
 * totals it for itself; and the tree is parent links only, as in a table of rows with a parent column, so a row's
 * children are found by scanning every row of its implementer's schedule. The outline reading itself (which row is whose parent,
 * which duplicate code is renumbered how) is the real `buildTree`: the semantics must be the same for the findings to
 * be, and what is measured is the shape of the work around it.
 */
const { project } = require("./modules");
const { buildTree } = project("model/hierarchy");
const { computeTotals } = project("model/totals");
const { runChecks } = project("checks");

function naiveContext(plan) {
  const trees = plan.implementers.map((implementer) => buildTree(implementer));
  for (const { nodes } of trees) {
    for (const node of nodes) {
      Object.defineProperty(node, "children", {
        get() {
          const children = [];
          for (const other of nodes) if (other.parent === node) children.push(other);
          return children;
        },
      });
    }
  }
  return {
    plan,
    implementers: trees.map((tree, index) => ({
      implementer: plan.implementers[index],
      tree,
      totals: computeTotals(tree),
    })),
  };
}

/**
 * The engine's own `runChecks` (its sorting, findings and totals), with every rule given a context of its own: what
 * the engine builds once is built once per rule here.
 */
function naiveRunChecks(plan, rules) {
  const ownContextRules = rules.map((rule) => ({
    meta: rule.meta,
    check: (_shared, report) => rule.check(naiveContext(plan), report),
  }));
  return runChecks(plan, ownContextRules);
}

module.exports = { naiveRunChecks, naiveContext };
