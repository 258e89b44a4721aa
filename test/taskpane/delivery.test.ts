import { SAVE_URL_MAX_CHARS, decodeSaveFragment } from "../../src/save/fragment";
import { DeliveryHost, DeliveryRoute, chooseRoute, fileDelivery } from "../../src/taskpane/host/delivery";
import { OfficeForDelivery, officeDeliveryHost } from "../../src/taskpane/host/office-delivery";

/**
 * How a file reaches the officer in each host (src/taskpane/host/): the decision table, what each route does with
 * the file, and how the Office binding reads the platform and the OpenBrowserWindowApi set.
 */

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PAGE = "https://tat-budget.example.ee/save.html";
const docx = (length = 1000) =>
  Uint8Array.from({ length }, (_, i) => (i < 4 ? [0x50, 0x4b, 0x03, 0x04][i] : (i * 7919) & 0xff));

describe("the decision table: platform × OpenBrowserWindowApi 1.1", () => {
  // Each row: the platform Office reports (null: outside Office; "": Office said nothing), then the route without
  // and with the API set.
  const table: Array<[string | null, DeliveryRoute, DeliveryRoute, string]> = [
    ["PC", "blob", "blob", "Windows' web view downloads (#2700, #4681: 'works on Windows')"],
    ["OfficeOnline", "blob", "blob", "a real browser; the set is not supported on the web anyway"],
    ["Mac", "none", "browser", "WKWebView drops downloads (#2700 by design, #4681)"],
    ["iOS", "none", "browser", "iPad: the same (#471); the set is documented for iPad"],
    ["Android", "none", "browser", "not known to download: a guess on the safe side"],
    ["Universal", "none", "browser", "not known to download: a guess on the safe side"],
    ["", "none", "browser", "inside Office without a platform: not assumed to download"],
    ["Vision", "none", "browser", "a platform Office adds later: not assumed to download"],
    [null, "blob", "blob", "outside Office (the preview, a browser)"],
  ];

  test.each(table)("%p: %s without the set, %s with it (%s)", (platform, without, withSet) => {
    expect(chooseRoute(platform, false)).toBe(without);
    expect(chooseRoute(platform, true)).toBe(withSet);
  });
});

function host(platform: string | null, canOpenBrowserWindow: boolean) {
  const opened: string[] = [];
  const downloads: Array<{ bytes: Uint8Array; name: string; mime: string }> = [];
  const fake: DeliveryHost = {
    platform,
    canOpenBrowserWindow,
    openBrowserWindow: (url) => void opened.push(url),
    savePageUrl: PAGE,
    download: (bytes, name, mime) => void downloads.push({ bytes, name, mime }),
  };
  return { fake, opened, downloads };
}

describe("each route with a file", () => {
  test("blob (Windows): the browser's download with Word's MIME type; no browser window", () => {
    const { fake, opened, downloads } = host("PC", true);
    const bytes = docx();
    expect(fileDelivery(fake).deliver({ name: "lisa2.docx", bytes }, "et")).toEqual({ kind: "downloaded" });
    expect(downloads).toEqual([{ bytes, name: "lisa2.docx", mime: DOCX }]);
    expect(opened).toEqual([]);
  });

  test("browser (Mac): save.html opened once, its fragment the same bytes, name and language", () => {
    const { fake, opened, downloads } = host("Mac", true);
    const bytes = docx();
    const outcome = fileDelivery(fake).deliver({ name: "lisa2.docx", bytes }, "en");
    expect(opened).toHaveLength(1);
    expect(outcome).toEqual({ kind: "browser", name: "lisa2.docx", urlLength: opened[0].length });
    const url = new URL(opened[0]);
    expect(`${url.origin}${url.pathname}`).toBe(PAGE);
    expect(url.search).toBe("");
    expect(decodeSaveFragment(url.hash)).toEqual({
      ok: true,
      language: "en",
      file: { name: "lisa2.docx", mime: DOCX, bytes },
    });
    expect(downloads).toEqual([]);
  });

  test("browser, but the address would pass the safe length: refused, nothing opened", () => {
    const { fake, opened } = host("iOS", true);
    // base64 makes 4 characters of 3 bytes: this many bytes cannot fit.
    const bytes = docx(Math.ceil((SAVE_URL_MAX_CHARS * 3) / 4));
    const outcome = fileDelivery(fake).deliver({ name: "lisa2.docx", bytes }, "et");
    expect(outcome).toMatchObject({ kind: "tooLarge", limit: SAVE_URL_MAX_CHARS });
    expect(outcome.kind === "tooLarge" && outcome.urlLength).toBeGreaterThan(SAVE_URL_MAX_CHARS);
    expect(opened).toEqual([]);
  });

  test("browser, and the largest file that fits is opened: the limit is the address' length", () => {
    const { fake, opened } = host("Mac", true);
    const delivery = fileDelivery(fake);
    let length = 1000;
    while (delivery.deliver({ name: "lisa2.docx", bytes: docx(length + 1000) }, "et").kind === "browser")
      length += 1000;
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((url) => url.length <= SAVE_URL_MAX_CHARS)).toBe(true);
    expect(Math.max(...opened.map((url) => url.length))).toBeGreaterThan(SAVE_URL_MAX_CHARS - 1400);
  });

  test("browser, and Office throws: the failure is reported with its message", () => {
    const { fake } = host("Mac", true);
    fake.openBrowserWindow = () => {
      throw new Error("Internal Error");
    };
    expect(fileDelivery(fake).deliver({ name: "lisa2.docx", bytes: docx() }, "et")).toEqual({
      kind: "failed",
      message: "Internal Error",
    });
  });

  test("none (Mac without the set): unavailable, and nothing is attempted", () => {
    const { fake, opened, downloads } = host("Mac", false);
    const delivery = fileDelivery(fake);
    expect(delivery.route).toBe("none");
    expect(delivery.deliver({ name: "lisa2.docx", bytes: docx() }, "et")).toEqual({ kind: "unavailable" });
    expect(opened).toEqual([]);
    expect(downloads).toEqual([]);
  });

  test("a save page address that has a fragment of its own: replaced, not appended to", () => {
    const { fake, opened } = host("Mac", true);
    fake.savePageUrl = `${PAGE}#old`;
    fileDelivery(fake).deliver({ name: "lisa2.docx", bytes: docx() }, "et");
    expect(opened[0].startsWith(`${PAGE}#v=1&`)).toBe(true);
  });
});

describe("the Office binding", () => {
  function office(platform: unknown, sets: Record<string, string>, withWindow = true) {
    const asked: Array<[string, string | undefined]> = [];
    const opened: string[] = [];
    const value: OfficeForDelivery = {
      context: {
        diagnostics: { platform },
        requirements: {
          isSetSupported(name, version) {
            asked.push([name, version]);
            return sets[name] !== undefined && Number(sets[name]) >= Number(version ?? "1.1");
          },
        },
        ui: withWindow ? { openBrowserWindow: (url) => void opened.push(url) } : {},
      },
    };
    return { value, asked, opened };
  }

  test("asks for OpenBrowserWindowApi 1.1 exactly, reads diagnostics.platform, opens through context.ui", () => {
    const { value, asked, opened } = office("Mac", { OpenBrowserWindowApi: "1.1" });
    const bound = officeDeliveryHost(value, PAGE);
    expect(asked).toEqual([["OpenBrowserWindowApi", "1.1"]]);
    expect(bound).toMatchObject({ platform: "Mac", canOpenBrowserWindow: true, savePageUrl: PAGE });
    bound.openBrowserWindow(`${PAGE}#x`);
    expect(opened).toEqual([`${PAGE}#x`]);
  });

  test("the platform named by the PlatformType member whose value it is, whatever the values are", () => {
    const numeric = { PC: 0, OfficeOnline: 1, Mac: 2, iOS: 3, 0: "PC", 1: "OfficeOnline", 2: "Mac", 3: "iOS" };
    const byValue = { ...office(3, {}).value, PlatformType: numeric };
    expect(officeDeliveryHost(byValue, PAGE).platform).toBe("iOS");
    const byName = { ...office("Mac", {}).value, PlatformType: { PC: "PC", Mac: "Mac" } };
    expect(officeDeliveryHost(byName, PAGE).platform).toBe("Mac");
  });

  test("without the set, without the function, or when asking throws: no browser window", () => {
    expect(officeDeliveryHost(office("Mac", {}).value, PAGE).canOpenBrowserWindow).toBe(false);
    expect(
      officeDeliveryHost(office("Mac", { OpenBrowserWindowApi: "1.1" }, false).value, PAGE).canOpenBrowserWindow,
    ).toBe(false);
    const throwing = office("Mac", {}).value;
    throwing.context.requirements.isSetSupported = () => {
      throw new Error("not ready");
    };
    expect(officeDeliveryHost(throwing, PAGE).canOpenBrowserWindow).toBe(false);
  });

  test('Office that reports no platform: "", which the table treats as not downloading', () => {
    const { value } = office(undefined, { OpenBrowserWindowApi: "1.1" });
    delete value.context.diagnostics;
    const bound = officeDeliveryHost(value, PAGE);
    expect(bound.platform).toBe("");
    expect(fileDelivery(bound).route).toBe("browser");
  });
});
