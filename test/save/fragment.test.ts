import { lisa1DocxBytes } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import {
  SAVE_TYPES,
  SAVE_URL_MAX_CHARS,
  cleanFileName,
  decodeBase64Url,
  decodeSaveFragment,
  encodeBase64Url,
  encodeSaveFragment,
} from "../../src/save/fragment";
import { saveUrl } from "../../src/taskpane/host/delivery";
import { fixtureText } from "../helpers";
import { demoLisa2Docx } from "./demo-files";

/**
 * The fragment that carries a file from the pane to save.html: base64url checked against Node's own encoder, the
 * round trip on the real Word files the pane makes, and every way a bad address is refused.
 */

/** The production address of the page (webpack.config.js' default URL); a real one is about as long. */
const PAGE = "https://tat-budget.example.ee/save.html";

const bytesOf = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 17 + ((i * i) >> 3)) & 0xff);

describe("base64url (RFC 4648 §5, unpadded)", () => {
  test("agrees with Node's encoder for every length 0–64 and decodes back", () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = bytesOf(length, length);
      const text = encodeBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
  });

  test("refuses what no encoder writes: other characters, padding, a length of 4n+1, stray low bits", () => {
    expect(decodeBase64Url("AAA+")).toBeNull(); // base64's +, not base64url's -
    expect(decodeBase64Url("AA/A")).toBeNull();
    expect(decodeBase64Url("AA==")).toBeNull();
    expect(decodeBase64Url("AA A")).toBeNull();
    expect(decodeBase64Url("AAAAA")).toBeNull();
    // "AB" would be one byte 0x00 with 4 bits of 1 left over: not the encoding of any bytes.
    expect(decodeBase64Url("AB")).toBeNull();
    expect(decodeBase64Url("AA")).toEqual(new Uint8Array([0]));
    expect(decodeBase64Url("")).toEqual(new Uint8Array(0));
  });
});

describe("the real Word files through the address", () => {
  let lisa2: Uint8Array;
  let lisa1: Uint8Array;

  beforeAll(async () => {
    lisa2 = await demoLisa2Docx();
    lisa1 = await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan);
  });

  test.each([
    ["lisa2.docx", () => lisa2],
    ["lisa1.docx", () => lisa1],
  ])("%s: the page gets the same bytes, name and Word's MIME type, within the safe length", (name, bytes) => {
    const file = { name, bytes: bytes() };
    const url = saveUrl(PAGE, file, "et");
    expect(url.startsWith(`${PAGE}#v=1&lang=et&name=${name}&size=${file.bytes.length}&data=`)).toBe(true);
    expect(url.length).toBeLessThanOrEqual(SAVE_URL_MAX_CHARS);
    const decoded = decodeSaveFragment(new URL(url).hash);
    expect(decoded).toEqual({
      ok: true,
      language: "et",
      file: { name, mime: SAVE_TYPES[".docx"].mime, bytes: file.bytes },
    });
  });

  test("an address cut short anywhere never yields a file", () => {
    const hash = encodeSaveFragment({ name: "lisa2.docx", bytes: lisa2 }, "en");
    for (let length = 0; length < hash.length; length += 211) {
      const decoded = decodeSaveFragment(hash.slice(0, length));
      expect(decoded.ok).toBe(false);
    }
    // One character off: the base64 is either no longer canonical ("malformed") or shorter than `size` ("damaged"),
    // depending on the bytes (the .docx carries its creation time, so they differ from run to run).
    const oneOff = decodeSaveFragment(hash.slice(0, -1));
    expect(oneOff.ok).toBe(false);
    expect(["malformed", "damaged"]).toContain(!oneOff.ok && oneOff.problem);
    // A whole base64 quantum off leaves canonical base64 of fewer bytes than `size`: always "damaged".
    expect(decodeSaveFragment(hash.slice(0, -4))).toEqual({ ok: false, language: "en", problem: "damaged" });
  });
});

describe("a bad address is named, never guessed at", () => {
  const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const pdf = new TextEncoder().encode("%PDF-1.7\n");
  const hashOf = (entries: Array<[string, string]>) => `#${new URLSearchParams(entries).toString()}`;
  const good = (name = "lisa2.docx", bytes = docx): Array<[string, string]> => [
    ["v", "1"],
    ["lang", "et"],
    ["name", name],
    ["size", String(bytes.length)],
    ["data", encodeBase64Url(bytes)],
  ];
  const replaced = (key: string, value: string | null) =>
    good().flatMap(([k, v]): Array<[string, string]> => (k !== key ? [[k, v]] : value === null ? [] : [[k, value]]));

  test("missing: no fragment, or one without a file", () => {
    for (const hash of ["", "#", "#lang=en", "#foo=bar"])
      expect(decodeSaveFragment(hash)).toMatchObject({ ok: false, problem: "missing" });
    expect(decodeSaveFragment("#lang=en")).toEqual({ ok: false, language: "en", problem: "missing" });
  });

  test("malformed: another version, no size, a size that is not a count, data that is not base64url", () => {
    expect(decodeSaveFragment(hashOf(replaced("v", "2")))).toMatchObject({ problem: "malformed" });
    expect(decodeSaveFragment(hashOf(replaced("size", null)))).toMatchObject({ problem: "malformed" });
    expect(decodeSaveFragment(hashOf(replaced("size", "-7")))).toMatchObject({ problem: "malformed" });
    expect(decodeSaveFragment(hashOf(replaced("data", "UEsDBA+BAgM")))).toMatchObject({ problem: "malformed" });
    expect(decodeSaveFragment(hashOf(replaced("data", null)))).toMatchObject({ problem: "malformed" });
  });

  test("type: only .docx, .xlsx and .pdf", () => {
    for (const name of ["lisa2.exe", "lisa2.docx.html", "lisa2", ".docx", "", "../../.docx"])
      expect(decodeSaveFragment(hashOf(good(name)))).toMatchObject({ ok: false, problem: "type" });
  });

  test("damaged: a size that differs, or bytes that do not begin as the named type does", () => {
    expect(decodeSaveFragment(hashOf(replaced("size", "8")))).toMatchObject({ problem: "damaged" });
    expect(decodeSaveFragment(hashOf(good("lisa2.docx", pdf)))).toMatchObject({ problem: "damaged" });
    expect(decodeSaveFragment(hashOf(good("lisa2.pdf", docx)))).toMatchObject({ problem: "damaged" });
    expect(decodeSaveFragment(hashOf(good("lisa2.pdf", pdf)))).toMatchObject({
      ok: true,
      file: { name: "lisa2.pdf", mime: "application/pdf" },
    });
  });

  test("the name is only a name: no path, no control or direction characters, no reserved ones, not too long", () => {
    expect(cleanFileName("../../Library/lisa2.docx")).toEqual({ name: "lisa2.docx", extension: ".docx" });
    expect(cleanFileName("C:\\Users\\x\\lisa2.xlsx")).toEqual({ name: "lisa2.xlsx", extension: ".xlsx" });
    expect(cleanFileName("lisa\u202excod.docx")?.name).toBe("lisaxcod.docx");
    expect(cleanFileName('<img src=x onerror="1">.docx')?.name).toBe("img src=x onerror=1.docx");
    expect(cleanFileName("line\nbreak\u0000.pdf")?.name).toBe("linebreak.pdf");
    expect(cleanFileName("LISA 2.DOCX")).toEqual({ name: "LISA 2.docx", extension: ".docx" });
    const long = cleanFileName(`${"ä".repeat(300)}.docx`)!.name;
    expect(long).toHaveLength(120);
    expect(long.endsWith("ä.docx")).toBe(true);
    // What the page is given, it shows through the same cleaning.
    expect(decodeSaveFragment(hashOf(good("../../lisa2.docx")))).toMatchObject({ file: { name: "lisa2.docx" } });
  });
});
