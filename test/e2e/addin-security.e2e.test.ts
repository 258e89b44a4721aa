import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import { lisa1DocxBytes } from "../../src/annex/lisa1/docx";
import { PROBES } from "../../src/workbook/office/probes";
import { parseDirectiveText } from "../../src/import/text";
import { fixtureText } from "../helpers";
import { makeContainer } from "../import/container/containers";
import { launchChromium } from "./chromium";
import { TEST_OUTPUT_DIR, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";
import { AddinBuild, buildAddin } from "./addin-build";

/**
 * The add-in's own pages as `npm run build` makes them (dist/web), in Chromium, under their Content-Security-Policy
 * (webpack.config.js, ADDIN_CSP), doing real work: the task pane imports a directive whose labels carry HTML and
 * script, writes the sheets, checks them, builds lisa 2 and downloads it, reads a Word and a PDF lisa 1, and both
 * inside a signed DigiDoc container; the ribbon's Kontrolli runs on the commands page and its notice opens. Office.js
 * is answered by office-stub.ts (Excel.run on the in-memory Excel), since neither Excel nor Microsoft's CDN is
 * reachable here.
 *
 * Every request and every policy violation is recorded: the only remote request is office.js, nothing is refused,
 * nothing is run or fetched from the hostile text. Then the policy is shown to be enforced, and the recorder to
 * hear it: eval, an inline script, a script from another CDN, a telemetry beacon are refused, one by one.
 */

jest.setTimeout(300_000);

const OUTPUT = path.join(TEST_OUTPUT_DIR, "e2e-security");
const CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${CDN}/lib/1/hosted/office.js`;
/** The check's mark for an error: the colour its conditional format shows. */
const ERROR_FILL = "#F8CBAD";

/** Labels of the fixture made hostile: the counts and the totals stay as they are. */
const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(2)</script>";
function hostileFixture(): string {
  const lines = fixtureText().split("\n");
  const replace = (line: number, from: string, to: string) => {
    if (!lines[line - 1].startsWith(from)) throw new Error(`fixture line ${line} is "${lines[line - 1]}"`);
    lines[line - 1] = to + lines[line - 1].slice(from.length);
  };
  // Pärnu's first 3.5.2.1.1 (a duplicate-code error quotes the start of its label: the image tag, cut after it) and
  // table 2's first indicator (a warning quotes its name).
  replace(629, "3.5.2.1.1 Pärnu", `3.5.2.1.1 ${IMG} Pärnu`);
  replace(72, "KOV koordinaatorite arv", `${SCRIPT} KOV koordinaatorite arv`);
  return lines.join("\n");
}

/**
 * What a page may not do under the policy, tried by a script of the page's own origin (test 9): each attempt says
 * whether it ran or was refused, in window.probeResults. office.js' own follow-up files are let in.
 */
const PROBE_SCRIPT = `
(async () => {
  const outcome = {};
  const attempt = (name, run) => {
    try {
      run();
      outcome[name] = "ran";
    } catch (error) {
      outcome[name] = error.name;
    }
  };
  attempt("eval", () => eval("1"));
  attempt("Function", () => new Function("return 1")());
  // A string timer does not throw: the browser drops it, and reports it.
  setTimeout("window.timerRan = true", 0);
  const load = (src) =>
    new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve("loaded");
      script.onerror = () => resolve("refused");
      document.head.append(script);
    });
  outcome.hostScript = await load("${CDN}/lib/1/hosted/excel-web-16.00.js");
  outcome.otherCdn = await load("https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js");
  const inline = document.createElement("script");
  inline.textContent = "window.inlineRan = true;";
  document.head.append(inline);
  outcome.inline = window.inlineRan ? "ran" : "refused";
  outcome.beacon = await fetch("https://browser.pipe.aria.microsoft.com/Collector/3.0/", { method: "POST" }).then(
    () => "sent",
    () => "refused",
  );
  outcome.image = await new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve("loaded");
    image.onerror = () => resolve("refused");
    image.src = "https://example.com/pixel.png";
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  outcome.timerRan = window.timerRan === true;
  window.probeResults = outcome;
})();
`;

interface Violation {
  phase: string;
  page: string;
  directive: string;
  blocked: string;
}

/** "save": save.html, alone and as the pane in Excel for Mac opens it (tests 10–13, which check it themselves). */
type Phase = "work" | "probe" | "save";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** dist/web on 127.0.0.1, as a host serves it: files as they are, no policy header (the <meta> is under test). */
function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let file = "";
    try {
      file = path.resolve(root, `.${decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname)}`);
    } catch {
      // Not a path: answered as missing.
    }
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "X-Content-Type-Options": "nosniff",
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

describe("the add-in's pages in Chromium, under their policy", () => {
  let build: AddinBuild;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let pane: Page;
  let phase: Phase = "work";
  const requests: Array<{ phase: Phase; url: string }> = [];
  /** Requests that failed, with the browser's reason ("csp": the page's policy refused it). */
  const failed: Array<{ phase: Phase; url: string; error: string }> = [];
  /** Requests that got as far as the network (here: the route below). */
  const routed: Array<{ phase: Phase; url: string }> = [];
  const violations: Violation[] = [];
  const consoleErrors: Array<{ phase: Phase; page: string; text: string }> = [];
  const dialogs: string[] = [];
  let shot = 0;
  const screenshot = async (page: Page, name: string) => {
    shot++;
    await page.screenshot({ path: path.join(OUTPUT, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
  };

  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push({ phase, page: page.url(), text: message.text() });
    });
    page.on("pageerror", (error) => consoleErrors.push({ phase, page: page.url(), text: String(error) }));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  };
  const open = async (relative: string): Promise<Page> => {
    const page = await context.newPage();
    watch(page);
    await page.goto(new URL(relative, server.url).href);
    return page;
  };
  const region = (page: Page) => page.locator("#container");

  beforeAll(async () => {
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    build = await buildAddin();
    server = await serve(build.web);
    const stub = readFileSync(build.stub, "utf8");
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true });
    context.on("request", (request) => requests.push({ phase, url: request.url() }));
    context.on("requestfailed", (request) =>
      failed.push({ phase, url: request.url(), error: request.failure()?.errorText ?? "" }),
    );
    // Nothing leaves the machine: office.js is the stub, other files of its folder a marker, the rest refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      routed.push({ phase, url });
      if (url === new URL("security-probe.js", server.url).href)
        return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: PROBE_SCRIPT });
      if (url.startsWith(server.url)) return route.continue();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: stub });
      if (url.startsWith(`${CDN}/lib/1/hosted/`))
        return route.fulfill({
          contentType: "text/javascript; charset=utf-8",
          body: `window.officeFollowUp = (window.officeFollowUp || []).concat(${JSON.stringify(url)});`,
        });
      return route.abort("blockedbyclient");
    });
    await context.exposeFunction("reportViolation", (violation: Omit<Violation, "phase">) =>
      violations.push({ phase, ...violation }),
    );
    // Before any page script, and outside the page's policy (the browser injects it).
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportViolation(v: object): void }).reportViolation({
          page: location.href,
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
        });
      });
    });
    pane = await open("taskpane.html");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("1. the pane starts as in Excel: office.js, Office.onReady, then the pane over Excel.run", async () => {
    await region(pane).getByRole("tab", { name: "Import" }).waitFor();
    await region(pane).getByRole("button", { name: "Eelvaade" }).waitFor();
    // With Office.onReady's answer the pane has the workbook: no "outside Excel" notice.
    expect(await region(pane).innerText()).not.toContain("väljaspool Excelit");
    await screenshot(pane, "start");
  });

  test("2. a directive with HTML and script in its labels: preview, then the sheets written", async () => {
    await region(pane).getByRole("textbox", { name: "Käskkirja tekst" }).fill(hostileFixture());
    await region(pane).getByRole("button", { name: "Eelvaade" }).click();
    const found = region(pane).getByRole("table", { name: "Leitud" });
    await found.waitFor();
    expect((await found.innerText()).replace(/\u00a0/g, " ")).toMatch(/Kokku\s+134\s+1 266 860,75/);
    await region(pane).getByRole("button", { name: "Kirjuta töövihikusse" }).click();
    await region(pane)
      .getByText(/Kirjutatud lehed: Koond, ELVL, Tartu/)
      .waitFor();
    const sheets = await pane.evaluate(() =>
      (window as unknown as { officeStub: { sheetNames(): string[] } }).officeStub.sheetNames(),
    );
    expect(sheets).toEqual(expect.arrayContaining(["Koond", "ELVL", "Tartu", "Kohtla-Järve", "Seaded", "Näitajad"]));
    await screenshot(pane, "imported");
  });

  test("3. the check: counts, marks in the workbook, and the hostile labels in the findings as text", async () => {
    await region(pane).getByRole("tab", { name: "Kontroll" }).click();
    await region(pane).getByRole("button", { name: "Kontrolli", exact: true }).click();
    await region(pane)
      .getByTestId("check-counts")
      .getByText(/18 viga, 10 hoiatust, 4 teadet/)
      .waitFor();
    const mark = await pane.evaluate(() =>
      (window as unknown as { officeStub: { cell(s: string, a: string): { fill: string } } }).officeStub.cell(
        "ELVL",
        "E14",
      ),
    );
    expect(mark.fill).toBe(ERROR_FILL);
    const text = await region(pane).innerText();
    expect(text).toContain(`„${IMG}…“`);
    expect(text).toContain(`„${SCRIPT} KOV koordinaatorite arv“`);
    expect(await injected(pane)).toEqual({ images: 0, inlineScripts: 0, javascriptLinks: 0, handlers: 0 });
    await screenshot(pane, "findings");
  });

  test("4. lisa 2 is built and downloads as Word: a chunk loaded on demand, a blob URL", async () => {
    await region(pane).getByRole("tab", { name: "Lisa 2" }).click();
    await region(pane).getByRole("textbox", { name: "Kaudsete kulude määr (%)" }).fill("7");
    await region(pane).getByRole("button", { name: "Koosta lisa 2" }).click();
    await region(pane)
      .getByText(/Lisa 2 koostatud: Lisa 2, Lisa 2 maatriks/)
      .waitFor();
    const [download] = await Promise.all([
      pane.waitForEvent("download"),
      region(pane).getByRole("button", { name: "Laadi alla Wordi fail (.docx)" }).click(),
    ]);
    const file = path.join(OUTPUT, "lisa2.docx");
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
    await screenshot(pane, "lisa2");
  });

  test("5. a Word and a PDF lisa 1 are read in the page, pdf.js' worker from the add-in's origin", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is needed: run `npm run test:deps`.");
    const docx = path.join(OUTPUT, "lisa1.docx");
    writeFileSync(docx, await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan));
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(OUTPUT, "profile")), [docx], OUTPUT, "pdf");
    for (const file of [docx, path.join(OUTPUT, "lisa1.pdf")]) {
      await region(pane).getByRole("tab", { name: "Import" }).click();
      await region(pane).getByTestId("import-file").setInputFiles(file);
      await region(pane).getByText("Loen teksti…").waitFor({ state: "detached" });
      const found = region(pane).getByRole("table", { name: "Leitud" });
      await found.waitFor();
      expect((await found.innerText()).replace(/\u00a0/g, " ")).toMatch(/Kokku\s+134\s+1 266 860,75/);
      await screenshot(pane, `preview-${path.extname(file).slice(1)}`);
    }
    expect(requests.map(({ url }) => url)).toContain(new URL("pdf.worker.min.js", server.url).href);
  });

  test("5b. a signed container holding both is opened in the page: the choice, the signatures unverified", async () => {
    const pdf = readFileSync(path.join(OUTPUT, "lisa1.pdf"));
    const docx = readFileSync(path.join(OUTPUT, "lisa1.docx"));
    const file = path.join(OUTPUT, "leping.asice");
    writeFileSync(
      file,
      await makeContainer({
        files: [
          { name: "lisa1.pdf", bytes: pdf },
          { name: "lisa1.docx", bytes: docx },
        ],
        signatures: [{ subjectName: "CN=Kultuuriministeerium,C=EE", signingTime: "2025-03-25T09:02:11Z" }],
      }),
    );
    await region(pane).getByRole("tab", { name: "Import" }).click();
    await region(pane).getByTestId("import-file").setInputFiles(file);
    const container = region(pane).getByRole("region", { name: "DigiDoc-konteiner" });
    await container.waitFor();
    await expect(container.getByText("Konteinerist „leping.asice“ loeti dokument „lisa1.pdf“.").count()).resolves.toBe(
      1,
    );
    const signatures = container.getByRole("region", { name: "Allkirjad (1) — allkirju ei ole kontrollitud" });
    expect(await signatures.getByRole("listitem").allInnerTexts()).toEqual([
      "Kultuuriministeerium, 25.03.2025 09:02:11 UTC",
    ]);
    await container.getByRole("combobox", { name: "Loetav dokument" }).selectOption("lisa1.docx");
    await region(pane).getByText("Konteinerist „leping.asice“ loeti dokument „lisa1.docx“.").waitFor();
    const found = region(pane).getByRole("table", { name: "Leitud" });
    expect((await found.innerText()).replace(/\u00a0/g, " ")).toMatch(/Kokku\s+134\s+1 266 860,75/);
    await screenshot(pane, "preview-container");
  });

  test("6. the ribbon's Kontrolli on the commands page: checks, marks, opens the notice, completes", async () => {
    const commands = await open("commands.html");
    await commands.waitForFunction(() =>
      (window as unknown as { officeStub: { actions(): string[] } }).officeStub.actions().includes("runCheck"),
    );
    const sheets = await commands.evaluate(
      (text) => (window as unknown as OfficeStubWindow).officeStub.seed(text),
      hostileFixture(),
    );
    expect(sheets).toContain("ELVL");
    await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.invoke("runCheck"));
    await commands.waitForFunction(() => (window as unknown as OfficeStubWindow).officeStub.dialogs().length === 1);
    const [dialog] = await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.dialogs());
    const noticeUrl = new URL(dialog.url);
    expect(noticeUrl.href.startsWith(new URL("notice.html", server.url).href)).toBe(true);
    expect(noticeUrl.searchParams.get("lang")).toBe("et");
    const lines = noticeUrl.searchParams.getAll("line");
    expect(lines[0]).toBe("Kontroll: 18 viga, 10 hoiatust, 4 teadet.");
    expect(lines[1]).toMatch(/^Märgitud \d+ lahtrit\./);
    expect(
      await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.cell("ELVL", "E14").fill),
    ).toBe(ERROR_FILL);
    // The notice's button makes Office pass a message to the command, which closes the dialog and completes.
    expect(await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.completed())).toBe(0);
    await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.sendToDialogParent(0, "close"));
    expect(await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.completed())).toBe(1);
    expect(await commands.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.dialogs())).toEqual([
      { url: dialog.url, closed: true },
    ]);

    const notice = await open(noticeUrl.href);
    await notice.getByRole("button", { name: "Sulge" }).waitFor();
    expect(await notice.locator("#lines p").allTextContents()).toEqual(lines);
    await notice.getByRole("button", { name: "Sulge" }).click();
    expect(await notice.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.messages())).toEqual([
      "close",
    ]);
    await screenshot(notice, "notice");
    await notice.close();
    await commands.close();
  });

  test("7. the notice shows what its query string holds as text", async () => {
    const hostile = [IMG, SCRIPT, '<a href="javascript:alert(3)">linn</a>', "Tartu \u202Eknil\u202C linn"];
    const query = new URLSearchParams([["lang", "en"], ...hostile.map((line) => ["line", line])]);
    const notice = await open(`notice.html?${query}`);
    await notice.getByRole("button", { name: "Close" }).waitFor();
    expect(await notice.locator("#lines p").allTextContents()).toEqual(hostile);
    expect(await notice.locator("#lines *").evaluateAll((nodes) => nodes.map((node) => node.tagName))).toEqual([
      "P",
      "P",
      "P",
      "P",
    ]);
    expect(await injected(notice)).toEqual({ images: 0, inlineScripts: 0, javascriptLinks: 0, handlers: 0 });
    await notice.close();
  });

  test("7b. the Excel self-test page loads under the policy and runs every probe over the stubbed Excel", async () => {
    const selftest = await open("selftest.html");
    await selftest.getByRole("button", { name: "Käivita enesetest" }).click();
    await selftest.getByText(`Kõik ${PROBES.length} proovi läbisid.`).waitFor({ timeout: 60_000 });
    expect(await selftest.locator("#results li.pass").count()).toBe(PROBES.length);
    expect(await selftest.locator("#report").inputValue()).toContain(
      `Proove: ${PROBES.length}, läbis: ${PROBES.length}`,
    );
    // The stub's workbook keeps only its own sheets: every scratch sheet went.
    const sheets = await selftest.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.sheetNames());
    expect(sheets.filter((name) => name.startsWith("tat-budget proov"))).toEqual([]);
    await screenshot(selftest, "selftest");
    await selftest.close();
  });

  test("8. nothing was refused, nothing ran from the text, and the only remote request was office.js", async () => {
    const work = requests.filter((request) => request.phase === "work").map(({ url }) => url);
    // For a person to look at: what the pages asked for, in order.
    writeFileSync(
      path.join(OUTPUT, "requests.json"),
      `${JSON.stringify({ server: server.url, requests: work }, null, 2)}\n`,
    );
    const remote = work.filter((url) => !url.startsWith(server.url) && !/^(blob|data):/.test(url));
    // The pane, the commands page, the notice twice, the self-test: office.js each time, and nothing else from anywhere.
    expect(remote).toEqual([OFFICE_JS, OFFICE_JS, OFFICE_JS, OFFICE_JS, OFFICE_JS]);
    expect(failed.filter((request) => request.phase === "work")).toEqual([]);
    // From the add-in's origin only its pages and scripts (and the browser's favicon): the <img src=x> would ask for /x.
    const local = work.filter((url) => url.startsWith(server.url)).map((url) => new URL(url).pathname);
    expect(local.filter((file) => !/^\/[\w.-]+\.(html|js)$/.test(file) && file !== "/favicon.ico")).toEqual([]);
    expect(local).toEqual(
      expect.arrayContaining(["/taskpane.html", "/commands.html", "/notice.html", "/selftest.html"]),
    );
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((error) => error.phase === "work")).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test("9. the policy is enforced, and the recorder hears it: each probe refused, the CDN's own scripts let in", async () => {
    phase = "probe";
    const page = await open("taskpane.html");
    await page.locator("#container").getByRole("tab", { name: "Import" }).waitFor();
    // Run by the page itself, from its own origin: code that DevTools evaluates is not held to the page's policy.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.src = "security-probe.js";
      document.head.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { probeResults?: object }).probeResults !== undefined);
    const results = await page.evaluate(() => (window as unknown as { probeResults: object }).probeResults);
    expect(results).toEqual({
      eval: "EvalError",
      Function: "EvalError",
      timerRan: false,
      hostScript: "loaded",
      otherCdn: "refused",
      inline: "refused",
      beacon: "refused",
      image: "refused",
    });
    await page.waitForTimeout(200);
    const heard = violations.filter((violation) => violation.phase === "probe");
    expect(heard.map(({ directive, blocked }) => [directive, blocked])).toEqual([
      ["script-src", "eval"],
      ["script-src", "eval"],
      ["script-src", "eval"],
      ["script-src-elem", "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js"],
      ["script-src-elem", "inline"],
      ["connect-src", "https://browser.pipe.aria.microsoft.com/Collector/3.0/"],
      ["img-src", "https://example.com/pixel.png"],
    ]);
    // Refused by the page itself, before the network: the browser names the policy as the reason.
    const refused = /aspnetcdn|aria\.microsoft|example\.com/;
    expect(routed.filter(({ phase, url }) => phase === "probe" && refused.test(url))).toEqual([]);
    expect(failed.filter(({ phase, url }) => phase === "probe" && refused.test(url))).toEqual([
      { phase: "probe", url: "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js", error: "csp" },
      { phase: "probe", url: "https://example.com/pixel.png", error: "csp" },
    ]);
    expect(routed).toContainEqual({ phase: "probe", url: `${CDN}/lib/1/hosted/excel-web-16.00.js` });
    await page.close();
  });

  /**
   * save.html: where Excel for Mac and iPad, whose web view drops downloads, hand the Word file to the system browser
   * (src/taskpane/host/delivery.ts). The fragments here are written with Node's own base64url, not the page's codec.
   */
  describe("save.html in Chromium, under the add-in's policy", () => {
    const fragment = (name: string, bytes: Buffer, lang = "et") =>
      `#v=1&lang=${lang}&name=${encodeURIComponent(name)}&size=${bytes.length}&data=${bytes.toString("base64url")}`;

    /** Opens save.html on `hash`, clicks its link, and returns the page, the suggested name and the saved bytes. */
    async function saveThrough(url: string, linkName: string, saveAs: string) {
      const page = await open(url);
      const link = page.getByRole("link", { name: linkName });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const file = path.join(OUTPUT, saveAs);
      await download.saveAs(file);
      return { page, name: download.suggestedFilename(), bytes: readFileSync(file) };
    }

    test("10. lisa 2's Word file in the fragment: the link saves the very bytes, and the fragment leaves the address", async () => {
      phase = "save";
      // Test 4's download: the Word file the pane built in this browser.
      const bytes = readFileSync(path.join(OUTPUT, "lisa2.docx"));
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      const saved = await saveThrough(
        `save.html${fragment("lisa2.docx", bytes)}`,
        "Salvesta lisa2.docx",
        "lisa2-saved.docx",
      );
      expect(saved.name).toBe("lisa2.docx");
      expect(saved.bytes.equals(bytes)).toBe(true);
      // Read once, then gone from the address bar and the history entry: the file is not kept in the history.
      expect(await saved.page.evaluate(() => location.href)).toBe(new URL("save.html", server.url).href);
      expect(await saved.page.locator("#lead").innerText()).toMatch(
        /Excel ei saanud faili „lisa2\.docx“ ise salvestada/,
      );
      expect(await injected(saved.page)).toEqual({ images: 0, inlineScripts: 0, javascriptLinks: 0, handlers: 0 });
      await screenshot(saved.page, "save-page");
      // The entry was replaced, not added to: back leads to the blank page the tab opened on, no address keeps the file.
      await saved.page.goBack();
      expect(saved.page.url()).toBe("about:blank");
      await saved.page.close();
    });

    test("11. the pane as in Excel for Mac: the Word button opens the browser on save.html, which saves what was built", async () => {
      const mac = await open("taskpane.html?officeStubPlatform=Mac");
      let paneDownloads = 0;
      mac.on("download", () => paneDownloads++);
      await region(mac).getByRole("tab", { name: "Lisa 2" }).waitFor();
      await mac.evaluate((text) => (window as unknown as OfficeStubWindow).officeStub.seed(text), fixtureText());
      await region(mac).getByRole("tab", { name: "Lisa 2" }).click();
      await region(mac).getByRole("button", { name: "Laadi alla Wordi fail (.docx)" }).click();
      await region(mac)
        .getByTestId("docx-delivery")
        .getByText(/avasin brauseri/)
        .waitFor();
      await screenshot(mac, "mac-pane-browser");
      const windows = await mac.evaluate(() => (window as unknown as OfficeStubWindow).officeStub.browserWindows());
      expect(windows).toHaveLength(1);
      const url = new URL(windows[0]);
      expect(`${url.origin}${url.pathname}${url.search}`).toBe(new URL("save.html", server.url).href);
      const params = new URLSearchParams(url.hash.slice(1));
      expect(params.get("name")).toBe("lisa2.docx");
      const built = Buffer.from(params.get("data")!, "base64url");
      expect(built.length).toBe(Number(params.get("size")));
      expect(built.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

      const saved = await saveThrough(url.href, "Salvesta lisa2.docx", "lisa2-mac.docx");
      expect(saved.name).toBe("lisa2.docx");
      expect(saved.bytes.equals(built)).toBe(true);
      expect(paneDownloads).toBe(0);
      await saved.page.close();
      await mac.close();
    });

    test("12. a bad or missing fragment: the reason in words, no link; a hostile name stays text", async () => {
      const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]);
      const cases: Array<[string, RegExp]> = [
        ["", /Selle lehe aadressis ei ole faili\./],
        ["#v=1&lang=et&name=lisa2.docx&size=7&data=UEsDBA+JCQk", /Aadress on vigane või katkenud/],
        [fragment("lisa2.exe", docx), /salvestab ainult Wordi \(\.docx\), Exceli \(\.xlsx\) ja PDF-faile/],
        [fragment("lisa2.docx", docx).slice(0, -2), /Fail aadressis on puudulik/],
        [fragment("lisa2.pdf", docx, "en"), /The file in the address is incomplete/],
      ];
      for (const [hash, message] of cases) {
        const page = await open(`save.html${hash}`);
        await page.getByRole("alert").waitFor();
        expect(await page.getByRole("alert").innerText()).toMatch(message);
        expect(await page.getByRole("link").count()).toBe(0);
        expect(await page.locator("#save").isVisible()).toBe(false);
        expect(await page.evaluate(() => location.hash)).toBe("");
        if (hash === cases[1][0]) await screenshot(page, "save-page-bad");
        await page.close();
      }
      const hostile = `<img src=x onerror=alert(1)>\u202Excod.docx`;
      const page = await open(`save.html${fragment(hostile, docx)}`);
      const link = page.getByRole("link");
      await link.waitFor();
      expect(await link.innerText()).toBe("Salvesta img src=x onerror=alert(1)xcod.docx");
      expect(await link.getAttribute("download")).toBe("img src=x onerror=alert(1)xcod.docx");
      expect(await injected(page)).toEqual({ images: 0, inlineScripts: 0, javascriptLinks: 0, handlers: 0 });
      await page.close();
    });

    test("13. nothing refused, no console errors, and save.html asked for nothing but its own files", async () => {
      const save = requests.filter((request) => request.phase === "save").map(({ url }) => url);
      const remote = save.filter((url) => !url.startsWith(server.url) && !/^(blob|data):/.test(url));
      // Only the Mac pane of test 11 loads office.js; save.html loads nothing from anywhere else.
      expect(remote).toEqual([OFFICE_JS]);
      expect(failed.filter((request) => request.phase === "save")).toEqual([]);
      expect(violations.filter((violation) => violation.phase === "save")).toEqual([]);
      expect(consoleErrors.filter((error) => error.phase === "save")).toEqual([]);
      const local = save.filter((url) => url.startsWith(server.url)).map((url) => new URL(url).pathname);
      expect(local).toEqual(expect.arrayContaining(["/save.html"]));
      expect(local.filter((file) => !/^\/[\w.-]+\.(html|js)$/.test(file) && file !== "/favicon.ico")).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  });
});

interface OfficeStubWindow {
  officeStub: {
    actions(): string[];
    invoke(name: string): void;
    completed(): number;
    dialogs(): Array<{ url: string; closed: boolean }>;
    sendToDialogParent(index: number, message: string): void;
    messages(): string[];
    browserWindows(): string[];
    seed(text: string): Promise<string[]>;
    cell(sheet: string, address: string): { value: unknown; fill: string };
    sheetNames(): string[];
  };
}

/** What hostile text would have made, had it become markup: images, scripts, javascript: links, on… handlers. */
function injected(
  page: Page,
): Promise<{ images: number; inlineScripts: number; javascriptLinks: number; handlers: number }> {
  return page.evaluate(() => ({
    images: document.querySelectorAll("img").length,
    // The pages' own scripts all have a src: office.js, the bundles, the chunks webpack loads.
    inlineScripts: document.querySelectorAll("script:not([src])").length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
    ).length,
    handlers: [...document.querySelectorAll("*")].filter((element) =>
      [...element.attributes].some((attribute) => /^on/i.test(attribute.name)),
    ).length,
  }));
}
