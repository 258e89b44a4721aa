import { readFileSync, readdirSync, statSync } from "fs";
import * as path from "path";
import { UnsafeUse, findUnsafeApis } from "./unsafe-apis";

/**
 * Nothing in src/ turns text into markup or code: no dangerouslySetInnerHTML, innerHTML, outerHTML,
 * insertAdjacentHTML, document.write, eval, Function constructor or string timers. Text from cells and documents
 * reaches the page only as text (React children, textContent). The finder reads the syntax tree; it is checked
 * first on a sample that uses each API and also names each in comments and strings.
 */

const SRC = path.resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return sourceFiles(file);
      return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(name) ? [file] : [];
    });
}

const SAMPLE = `
// Comments may say eval( or new Function("x") or el.innerHTML = s or document.write(s): none of these is a use.
/* <div dangerouslySetInnerHTML={{ __html: x }} /> in a block comment is none either. */
const notes = ["eval(", "new Function(", "innerHTML", "insertAdjacentHTML", "document.write("];
const template = \`outerHTML and \${notes.length} eval(\` + 'setTimeout("x")';
const key = { "innerHTML-note": 1, evaluate: 2 };
let typed: Function | undefined;
// Names every object has are no entries of the finder's table.
const plain = { toString: () => "x", constructor: 1, valueOf() { return 2; } }.toString() + key.constructor.name;
function safe(element: HTMLElement, text: string) {
  element.textContent = text;
  element.setAttribute("title", text);
}

export function unsafe(element: HTMLElement, html: string, doc: Document) {
  element.innerHTML = html; // 1 innerHTML
  const read = element.outerHTML; // 2 outerHTML
  element.insertAdjacentHTML("beforeend", html); // 3 insertAdjacentHTML
  element["innerHTML"] = html; // 4 innerHTML
  document.write(html); // 5 document.write
  doc.defaultView!.document.writeln(html); // 6 document.write
  eval(html); // 7 eval
  window.eval(html); // 8 eval
  (0, eval)(html); // 9 eval
  const run = eval; // 10 eval
  new Function("return " + html); // 11 Function constructor
  Function(html)(); // 12 Function constructor
  globalThis["Function"](html); // 13 Function constructor
  setTimeout("alert(1)", 10); // 14 string timer
  setInterval(\`tick(\${html})\`, 10); // 15 string timer
  const { outerHTML } = element; // 16 outerHTML
  document.createRange().createContextualFragment(html); // 17 createContextualFragment
  return [read, run, outerHTML, key, template, typed, safe, plain];
}

export const Pane = (props: { html: string }) => (
  <div>
    <div dangerouslySetInnerHTML={{ __html: props.html }} /> {/* 18 dangerouslySetInnerHTML */}
    <iframe srcdoc={props.html} /> {/* 19 srcdoc */}
    {createElement("p", { dangerouslySetInnerHTML: { __html: props.html } })} {/* 20 dangerouslySetInnerHTML */}
    <p title="innerHTML">{"eval(" + props.html}</p>
  </div>
);
declare function createElement(tag: string, props: object): unknown;
`;

const EXPECTED_IN_SAMPLE: Array<[number, UnsafeUse["kind"]]> = [
  [1, "innerHTML"],
  [2, "outerHTML"],
  [3, "insertAdjacentHTML"],
  [4, "innerHTML"],
  [5, "document.write"],
  [6, "document.write"],
  [7, "eval"],
  [8, "eval"],
  [9, "eval"],
  [10, "eval"],
  [11, "Function constructor"],
  [12, "Function constructor"],
  [13, "Function constructor"],
  [14, "string timer"],
  [15, "string timer"],
  [16, "outerHTML"],
  [17, "createContextualFragment"],
  [18, "dangerouslySetInnerHTML"],
  [19, "srcdoc"],
  [20, "dangerouslySetInnerHTML"],
];

describe("the unsafe-API finder", () => {
  test("finds each use in the sample once, on its line, and nothing in comments, strings or types", () => {
    const lines = SAMPLE.split("\n");
    // Each use is marked with its number in a comment on its line.
    const lineOf = (n: number) => lines.findIndex((line) => new RegExp(`(//|\\{/\\*) ${n} `).test(line)) + 1;
    const found = findUnsafeApis("sample.tsx", SAMPLE).map(({ line, kind }) => [line, kind]);
    expect(found).toEqual(EXPECTED_IN_SAMPLE.map(([n, kind]) => [lineOf(n), kind]));
  });

  test("reads .ts files as TypeScript, where <T>x is a cast and not an element", () => {
    const source = "const element = <HTMLElement>document.body;\nelement.innerHTML = '<b>x</b>';\n";
    expect(findUnsafeApis("cast.ts", source)).toEqual([
      { file: "cast.ts", line: 2, kind: "innerHTML", text: "element.innerHTML" },
    ]);
  });
});

describe("src/", () => {
  const files = sourceFiles(SRC);

  test("is all scanned: the pane, the commands, the preview, the importers", () => {
    const relative = files.map((file) => path.relative(SRC, file).split(path.sep).join("/"));
    expect(relative).toEqual(
      expect.arrayContaining([
        "taskpane/App.tsx",
        "taskpane/panels/ImportPanel.tsx",
        "taskpane/panels/CheckPanel.tsx",
        "commands/notice.ts",
        "preview/WorkbookView.tsx",
        "import/pdf/import-pdf.ts",
        "import/docx/word-xml.ts",
      ]),
    );
    expect(files.length).toBeGreaterThan(50);
  });

  test("uses none of the APIs that turn text into markup or code", () => {
    const uses = files.flatMap((file) => findUnsafeApis(path.relative(SRC, file), readFileSync(file, "utf8")));
    expect(uses).toEqual([]);
  });
});
