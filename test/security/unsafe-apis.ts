import * as ts from "typescript";

/**
 * Finds, in TypeScript or TSX source, the uses of the APIs that turn text into markup or code: what the task pane
 * must never do with text from cells and documents. Read from the syntax tree, so a comment or a string that names
 * one ("never eval(") is not a use, and a property or JSX attribute is found however it is spelt.
 */

export type UnsafeKind =
  | "dangerouslySetInnerHTML"
  | "innerHTML"
  | "outerHTML"
  | "insertAdjacentHTML"
  | "document.write"
  | "eval"
  | "Function constructor"
  | "string timer"
  | "createContextualFragment"
  | "srcdoc";

export interface UnsafeUse {
  file: string;
  /** 1-based. */
  line: number;
  kind: UnsafeKind;
  text: string;
}

/** Property names that are unsafe to read or write whatever object they are on (a Map: "toString" is no entry). */
const MARKUP_PROPERTIES = new Map<string, UnsafeKind>([
  ["dangerouslySetInnerHTML", "dangerouslySetInnerHTML"],
  ["innerHTML", "innerHTML"],
  ["outerHTML", "outerHTML"],
  ["insertAdjacentHTML", "insertAdjacentHTML"],
  ["createContextualFragment", "createContextualFragment"],
  ["srcdoc", "srcdoc"],
]);

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);

export function findUnsafeApis(file: string, source: string): UnsafeUse[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: UnsafeUse[] = [];
  const report = (node: ts.Node, what: UnsafeKind) =>
    found.push({
      file,
      line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
      kind: what,
      text: node.getText(sourceFile).slice(0, 120),
    });

  const propertyName = (name: ts.Node): string | null =>
    ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteralLike(name) ||
    ts.isJsxNamespacedName(name)
      ? name.getText(sourceFile).replace(/^["'`]|["'`]$/g, "")
      : null;

  /** `eval`, `Function`, also as `window.eval`, `globalThis["Function"]`, `(0, eval)`. */
  const globalName = (node: ts.Expression): string | null => {
    let expression = node;
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken)
      return globalName(expression.right);
    if (ts.isIdentifier(expression)) return expression.text;
    if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression))
      return GLOBAL_OBJECTS.has(expression.expression.text) ? expression.name.text : null;
    if (
      ts.isElementAccessExpression(expression) &&
      ts.isIdentifier(expression.expression) &&
      GLOBAL_OBJECTS.has(expression.expression.text) &&
      ts.isStringLiteralLike(expression.argumentExpression)
    )
      return expression.argumentExpression.text;
    return null;
  };

  const isDocument = (node: ts.Expression): boolean =>
    (ts.isIdentifier(node) && node.text === "document") ||
    (ts.isPropertyAccessExpression(node) && (node.name.text === "document" || node.name.text === "ownerDocument"));

  const visit = (node: ts.Node): void => {
    if (ts.isJsxAttribute(node)) {
      const markup = MARKUP_PROPERTIES.get(propertyName(node.name) ?? "");
      if (markup) report(node, markup);
    } else if (
      ts.isPropertyAssignment(node) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isBindingElement(node)
    ) {
      const nameNode = ts.isBindingElement(node) ? (node.propertyName ?? node.name) : node.name;
      const markup = MARKUP_PROPERTIES.get(propertyName(nameNode) ?? "");
      if (markup) report(node, markup);
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const markup = MARKUP_PROPERTIES.get(name);
      if (markup) report(node, markup);
      else if ((name === "write" || name === "writeln") && isDocument(node.expression)) report(node, "document.write");
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const name = node.argumentExpression.text;
      const markup = MARKUP_PROPERTIES.get(name);
      if (markup) report(node, markup);
      else if ((name === "write" || name === "writeln") && isDocument(node.expression)) report(node, "document.write");
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = globalName(node.expression);
      if (callee === "eval") report(node, "eval");
      else if (callee === "Function") report(node, "Function constructor");
      else if ((callee === "setTimeout" || callee === "setInterval") && node.arguments?.length) {
        const first = node.arguments[0];
        if (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) report(node, "string timer");
      }
    } else if (ts.isIdentifier(node) && node.text === "eval" && !isCallee(node)) {
      // eval passed around or aliased (`const run = eval`), not called where it stands.
      report(node, "eval");
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `eval(…)` itself (reported as the call), as opposed to eval handed on. */
function isCallee(node: ts.Identifier): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || (ts.isBinaryExpression(parent) && parent.right === child)) {
    child = parent;
    parent = parent.parent;
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === child) return true;
  // window.eval(…): the identifier is the name of the callee.
  if (ts.isPropertyAccessExpression(parent) && parent.name === child) {
    const call = parent.parent;
    return (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.expression === parent;
  }
  return false;
}
