import { DOMParser } from "@xmldom/xmldom";
import { existsSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import { AddinBuild, PRODUCTION_URL, ROOT, buildAddin } from "../e2e/addin-build";
import { manifestFacts } from "./manifest-facts";
import { SourceMapIndex, SourceMapV3 } from "./source-map";

/**
 * The add-in's pages and what `npm run build` makes of them:
 * - the Content-Security-Policy (webpack.config.js' ADDIN_CSP) is what it should be, every template takes it from
 *   the config, and every built page carries it first in its <head>, before the script tags it governs;
 * - the production bundles: our code holds no eval, Function constructor or markup API, and every such site that
 *   the dependencies bring is one of a known few, each unreachable in the pane (listed below with the reason);
 * - the production manifest points only at TAT_BUDGET_URL's origin.
 * The build is shared with the browser test (test/e2e/addin-build.ts); the first to need it waits about a minute.
 */

jest.setTimeout(300_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as ((
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<{ plugins: object[] }>) & { ADDIN_CSP: string };
const { ADDIN_CSP } = webpackConfig;

const PAGES = ["taskpane.html", "commands.html", "notice.html", "save.html", "selftest.html"];
const TEMPLATES: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
  "notice.html": "src/commands/notice.html",
  "save.html": "src/save/save.html",
  "selftest.html": "src/selftest/selftest.html",
};
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Pages opened outside Office (save.html, in the system browser): they load no office.js at all. */
const OUTSIDE_OFFICE = new Set(["save.html"]);
/** The remote scripts a page loads before its own: office.js, except outside Office. */
const officeScripts = (page: string): string[] => (OUTSIDE_OFFICE.has(page) ? [] : [OFFICE_JS]);

/** A policy as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (!directive) continue;
    const name = directive.toLowerCase();
    if (directives.has(name)) throw new Error(`${name} twice in the policy`);
    directives.set(name, sources);
  }
  return directives;
}

/** Whether a script URL (absolute, or relative to the page) may load under the policy's script-src. */
function scriptAllowed(policy: Map<string, string[]>, src: string): boolean {
  const sources = policy.get("script-src") ?? policy.get("default-src") ?? [];
  const url = new URL(src, "https://addin.invalid/taskpane.html");
  if (url.origin === "https://addin.invalid") return sources.includes("'self'");
  return sources.some((source) => /^https:\/\/[^/*]+$/.test(source) && new URL(source).origin === url.origin);
}

interface PageFacts {
  /** The <head>'s elements in order: tag name, and for a <meta> what it is ("meta charset", "meta content-security-policy"). */
  head: string[];
  csp: string[];
  scripts: Array<{ src: string | null; inline: string }>;
  /** Attributes that would run code: on…= handlers, javascript: URLs. */
  handlers: string[];
}

function pageFacts(html: string): PageFacts {
  const document = new DOMParser({
    // Unquoted attributes (the minifier's) are warnings; anything worse fails the test.
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(html, "text/html");
  const all = (tag: string) => Array.from(document.getElementsByTagName(tag));
  const headElement = all("head")[0];
  const head: string[] = [];
  for (let node = headElement?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as unknown as Element;
    const tag = element.tagName.toLowerCase();
    const kind = element.hasAttribute("charset")
      ? "charset"
      : (element.getAttribute("http-equiv") ?? element.getAttribute("name") ?? "").toLowerCase();
    head.push(tag === "meta" ? `meta ${kind}` : tag);
  }
  const handlers: string[] = [];
  for (const element of all("*")) {
    for (let i = 0; i < element.attributes.length; i++) {
      const { name, value } = element.attributes[i];
      if (/^on/i.test(name) || /^\s*javascript:/i.test(value)) handlers.push(`${element.tagName} ${name}="${value}"`);
    }
  }
  return {
    head,
    csp: all("meta")
      .filter((meta) => meta.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy")
      .map((meta) => meta.getAttribute("content") ?? ""),
    scripts: all("script").map((script) => ({ src: script.getAttribute("src"), inline: script.textContent ?? "" })),
    handlers,
  };
}

describe("the add-in's policy (webpack.config.js, ADDIN_CSP)", () => {
  const policy = parsePolicy(ADDIN_CSP);

  test("lets scripts come only from the add-in and Office.js' CDN, and never from a string", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  test("fetches from nowhere but the add-in; styles inline for Fluent UI's Griffel", () => {
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("has no wildcard, no plain http, no eval, no data: or blob: scripts, nothing a <meta> cannot carry", () => {
    const sources = [...policy.values()].flat();
    expect(sources.filter((source) => source.includes("*") || source.startsWith("http:"))).toEqual([]);
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    for (const directive of ["script-src", "worker-src"])
      expect(policy.get(directive)!.filter((source) => /^(data|blob|'unsafe-inline')/.test(source))).toEqual([]);
    // Browsers ignore these in a <meta> and say so in the console.
    for (const directive of ["frame-ancestors", "report-uri", "report-to", "sandbox"])
      expect(policy.has(directive)).toBe(false);
  });
});

describe("the page templates", () => {
  test.each(PAGES)("%s takes the policy from the config, first in its <head>, and runs no inline code", (page) => {
    const facts = pageFacts(readFileSync(path.join(ROOT, TEMPLATES[page]), "utf8"));
    expect(facts.csp).toEqual(["<%= htmlWebpackPlugin.options.csp %>"]);
    expect(facts.head.slice(0, 2)).toEqual(["meta charset", "meta content-security-policy"]);
    expect(facts.scripts.map(({ src }) => src)).toEqual(officeScripts(page));
    expect(facts.scripts.map(({ inline }) => inline.trim())).toEqual(officeScripts(page).map(() => ""));
    expect(facts.handlers).toEqual([]);
  });

  test.each(["production", "development"])("the %s config gives each add-in page the policy", async (mode) => {
    const config = await webpackConfig({}, { mode });
    const pages = config.plugins
      .map((plugin) => (plugin as { userOptions?: { filename?: string; csp?: string } }).userOptions)
      .filter((options) => options?.filename?.endsWith(".html"))
      .map((options) => [options!.filename, options!.csp]);
    expect(pages.sort()).toEqual(PAGES.map((page) => [page, ADDIN_CSP]).sort());
  });
});

/**
 * The dynamic-code sites the production bundles hold, every one from a dependency and none reached in the pane.
 * A site is found by `eval(`, `Function(` or a string timer, placed by the bundle's source map (pdf.worker.min.js
 * is copied as it is, without one), and must match one of these by its module and the code at it.
 */
const KNOWN_DYNAMIC_CODE: Array<{ module: RegExp; code: string; why: string }> = [
  {
    module: /node_modules\/pdfjs-dist\/legacy\/build\/pdf(\.worker\.min)?\.js$/,
    code: 'return new Function(""),!0',
    why: "pdf.js' isEvalSupported probe, read only behind the isEvalSupported option, which import-pdf.ts sets false",
  },
  {
    module: /node_modules\/pdfjs-dist\/legacy\/build\/pdf(\.worker\.min)?\.js$/,
    code: 'Function("return this")()',
    why: "core-js' lookup of the global object, after globalThis, which every browser the pane runs in has",
  },
  {
    module: /node_modules\/pdfjs-dist\/legacy\/build\/pdf\.js$/,
    code: 'eval("require")',
    why: "pdf.js loading its worker in Node (behind isNodeJS)",
  },
  {
    module: /node_modules\/pdfjs-dist\/legacy\/build\/pdf\.js$/,
    code: 'new Function("c","size",',
    why: "glyph outlines compiled for canvas rendering, behind isEvalSupported; the pane reads text, never renders",
  },
  {
    module: /node_modules\/pdfjs-dist\/legacy\/build\/pdf\.worker\.min\.js$/,
    code: 'new Function("src","srcOffset","dest","destOffset",',
    why: "PostScript functions compiled in the worker, behind isEvalSupported",
  },
  {
    module: /node_modules\/jszip\/dist\/jszip\.min\.js$/,
    code: 'new Function(""+',
    why: "the setImmediate polyfill turning a string callback into code; jszip passes functions",
  },
  {
    module: /webpack\/runtime\/global$/,
    code: 'new Function("return this")()',
    why: "webpack's lookup of the global object, after globalThis",
  },
];

const DYNAMIC_CODE = /\beval\s*\(|\bFunction\s*\(|\bset(?:Timeout|Interval)\s*\(\s*["'`]/g;
const MARKUP = /\.innerHTML\b|\.outerHTML\b|\binsertAdjacentHTML\b|\bdangerouslySetInnerHTML\b|\bdocument\.write/g;
const OURS = /^webpack:\/\/tat-budget\/\.\/src\//;

interface Site {
  file: string;
  module: string;
  at: string;
}

function sitesIn(web: string, file: string, pattern: RegExp): Site[] {
  const code = readFileSync(path.join(web, file), "utf8");
  const mapFile = path.join(web, `${file}.map`);
  const map = existsSync(mapFile) ? new SourceMapIndex(JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapV3) : null;
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const sites: Site[] = [];
  for (const match of code.matchAll(pattern)) {
    const index = match.index!;
    let line = lineStarts.length - 1;
    while (lineStarts[line] > index) line--;
    const module =
      map?.sourceAt(line, index - lineStarts[line]) ??
      // pdf.js' worker is emitted unbundled (webpack.config.js, PdfWorkerPlugin).
      (file === "pdf.worker.min.js" ? "(copied)/node_modules/pdfjs-dist/legacy/build/pdf.worker.min.js" : "(unmapped)");
    sites.push({ file, module, at: code.slice(Math.max(0, index - 40), index + 60) });
  }
  return sites;
}

describe("the production build", () => {
  let build: AddinBuild;
  let scripts: string[];

  beforeAll(async () => {
    build = await buildAddin();
    scripts = readdirSync(build.web).filter((file) => file.endsWith(".js"));
  });

  test.each(PAGES)("%s carries the policy first in its <head>, before the scripts it allows", (page) => {
    const facts = pageFacts(readFileSync(path.join(build.web, page), "utf8"));
    expect(facts.csp).toEqual([ADDIN_CSP]);
    expect(facts.head.slice(0, 2)).toEqual(["meta charset", "meta content-security-policy"]);
    const policy = parsePolicy(ADDIN_CSP);
    const sources = facts.scripts.map(({ src }) => src);
    const remote = officeScripts(page);
    expect(sources.slice(0, remote.length)).toEqual(remote);
    // The page's own bundle(s), by hashed name, after office.js.
    expect(
      sources.slice(remote.length).filter((src) => src === null || !/^[\w.-]+\.[0-9a-f]{8}\.js$/.test(src)),
    ).toEqual([]);
    expect(sources.length).toBeGreaterThan(remote.length);
    expect(sources.filter((src) => src === null || !scriptAllowed(policy, src))).toEqual([]);
    expect(facts.scripts.filter(({ inline }) => inline.trim() !== "")).toEqual([]);
    expect(facts.handlers).toEqual([]);
  });

  test("the scripts' source maps place our code: the check is not blind", () => {
    const ours = new Set<string>();
    for (const file of scripts.filter((name) => existsSync(path.join(build.web, `${name}.map`)))) {
      const map = JSON.parse(readFileSync(path.join(build.web, `${file}.map`), "utf8")) as SourceMapV3;
      for (const source of map.sources) if (OURS.test(source)) ours.add(source.replace(OURS, "src/"));
    }
    expect([...ours]).toEqual(
      expect.arrayContaining([
        "src/taskpane/App.tsx",
        "src/commands/notice.ts",
        "src/save/save.ts",
        "src/selftest/page.ts",
        "src/import/pdf/import-pdf.ts",
        "src/annex/lisa2/docx.ts",
      ]),
    );
    // Text of the pane's message table is placed in its module.
    const taskpane = scripts.find((file) => file.startsWith("taskpane."))!;
    const placed = sitesIn(build.web, taskpane, /Kirjuta töövihikusse/g).map(({ module }) => module);
    expect(placed).toEqual(["webpack://tat-budget/./src/taskpane/i18n.ts"]);
  });

  test("save.html's script is its own modules alone: no office.js, no React, nothing of the pane", () => {
    const facts = pageFacts(readFileSync(path.join(build.web, "save.html"), "utf8"));
    const bundles = facts.scripts.map(({ src }) => src!);
    expect(bundles).toHaveLength(1);
    const map = JSON.parse(readFileSync(path.join(build.web, `${bundles[0]}.map`), "utf8")) as SourceMapV3;
    const modules = map.sources.filter((source) => !source.startsWith("webpack://tat-budget/webpack/"));
    expect(modules.map((source) => source.replace(OURS, "src/")).sort()).toEqual([
      "src/save/fragment.ts",
      "src/save/save.ts",
    ]);
    expect(readFileSync(path.join(build.web, bundles[0]), "utf8")).not.toMatch(/appsforoffice|Office\.context/);
  });

  test("no eval, Function constructor or string timer comes from our code, and those from dependencies are known", () => {
    const sites = scripts.flatMap((file) => sitesIn(build.web, file, DYNAMIC_CODE));
    expect(sites.filter(({ module }) => OURS.test(module))).toEqual([]);
    const unknown = sites.filter(
      (site) => !KNOWN_DYNAMIC_CODE.some(({ module, code }) => module.test(site.module) && site.at.includes(code)),
    );
    expect(unknown).toEqual([]);
    // And the list is no longer than what is there: each known site is still found.
    const stale = KNOWN_DYNAMIC_CODE.filter(
      ({ module, code }) => !sites.some((site) => module.test(site.module) && site.at.includes(code)),
    ).map(({ code, why }) => `${code}: ${why}`);
    expect(stale).toEqual([]);
  });

  test("the markup APIs in the bundles are React's and Fluent UI's own, none from our code", () => {
    const sites = scripts.flatMap((file) => sitesIn(build.web, file, MARKUP));
    expect(sites.filter(({ module }) => !module.includes("/node_modules/"))).toEqual([]);
    expect(
      new Set(sites.map(({ module }) => module.replace(/^.*\/node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1"))),
    ).toEqual(new Set(["react-dom", "@fluentui/react-provider", "@fluentui/react-icons"]));
  });

  test("the manifest points only at TAT_BUDGET_URL, over https, and asks for ReadWriteDocument alone", () => {
    const facts = manifestFacts(readFileSync(path.join(build.web, "manifest.xml"), "utf8"));
    expect(facts.permissions).toEqual(["ReadWriteDocument"]);
    expect(facts.widening).toEqual([]);
    expect(facts.urls).toHaveLength(11);
    const outside = facts.urls.filter(
      ({ url }) => !url.startsWith(PRODUCTION_URL) || new URL(url).protocol !== "https:",
    );
    expect(outside).toEqual([]);
    // What the URLs name is there in the build.
    for (const { url } of facts.urls)
      expect(existsSync(path.join(build.web, url.slice(PRODUCTION_URL.length)))).toBe(true);
  });
});
