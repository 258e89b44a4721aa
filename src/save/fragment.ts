/**
 * A file carried in the fragment of save.html's address, for the hosts whose task pane cannot download (Excel for
 * Mac and iPad, WKWebView: OfficeDev/office-js #2700, #4681, #471): the pane opens the system browser on
 *
 *   save.html#v=1&lang=et&name=lisa2.docx&size=14710&data=<the bytes in base64url>
 *
 * and the page offers the file as an ordinary download there. The fragment is never sent to a server (RFC 3986
 * §3.5: it is "dereferenced solely by the user agent"). `data` comes last, so that an address cut short by any hop
 * on the way loses data and `size` tells.
 *
 * Shared by the pane (which writes the address) and the page (which reads it, defensively: the address can be typed
 * or altered by anyone), so that the two cannot drift. Pure: no DOM, no Office.
 */

/** The only files the page hands out, by extension, with their MIME types and how their bytes begin. */
export const SAVE_TYPES: Readonly<Record<string, { mime: string; magic: readonly number[] }>> = {
  ".docx": {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04], // a zip's first local file header: "PK\3\4"
  },
  ".xlsx": {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  ".pdf": { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
};

/**
 * The longest address the pane hands to the system browser: 32 KiB. What was found on URL limits: Chromium caps
 * URLs at 2 MB (its URL display guidelines, "for practical reasons and to avoid causing denial-of-service problems
 * in inter-process communication") and shows 32 KiB in the omnibox; Safari and Firefox were measured past 64 KB
 * both in the address bar and in document.location (the tables quoted in Stack Overflow question 417142); RFC 9110
 * §4.1 asks for at least 8000 octets. Nothing was found on what Office for Mac's openBrowserWindow or macOS Launch
 * Services pass on, so half of the smallest measured browser figure is kept as margin: a guess on the safe side.
 * The demo's lisa 2 (about 14.7 KB) makes an address of about 20 000 characters.
 */
export const SAVE_URL_MAX_CHARS = 32 * 1024;

/** Longer data is not even decoded: no browser passes more than 2 MB of address anyway (see above). */
const MAX_DATA_CHARS = 2 * 1024 * 1024;
const MAX_NAME_CHARS = 120;
const FORMAT_VERSION = "1";

export type SaveLanguage = "et" | "en";

export interface SavedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** Why a fragment was refused: each has its own message on the page. */
export type FragmentProblem =
  /** No fragment at all (the page opened by hand, or the fragment already cleared). */
  | "missing"
  /** Not this format, or data that is not base64url. */
  | "malformed"
  /** A name without one of the allowed extensions (SAVE_TYPES), or nothing left of it once cleaned. */
  | "type"
  /** Well formed, but the bytes are not the size announced, or do not begin as that type of file does. */
  | "damaged";

export type DecodedFragment =
  | { ok: true; language: SaveLanguage; file: SavedFile }
  | { ok: false; language: SaveLanguage; problem: FragmentProblem };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUES = new Map([...ALPHABET].map((char, value) => [char, value]));

/** RFC 4648 §5 base64url, without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out.push(ALPHABET[(chunk >> (18 - 6 * k)) & 63]);
  }
  return out.join("");
}

/**
 * The bytes of unpadded base64url, or null: any other character, a length no encoding produces (4n + 1), or bits
 * left over that are not zero (not the canonical encoding of any bytes) are refused, not guessed at.
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return null;
  return bytes;
}

/**
 * A download name that is only a name: the last path segment, without control, bidirectional-override and
 * zero-width characters or those Windows and macOS refuse in names, at most MAX_NAME_CHARS long, ending in an
 * allowed extension (kept when the stem is shortened). Null when nothing acceptable is left.
 */
export function cleanFileName(raw: string): { name: string; extension: string } | null {
  const segment = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = segment
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/g, "")
    .trim()
    .replace(/^\.+/, "");
  const dot = cleaned.lastIndexOf(".");
  if (dot <= 0) return null;
  const extension = cleaned.slice(dot).toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(SAVE_TYPES, extension)) return null;
  const stem = cleaned
    .slice(0, dot)
    .trim()
    .slice(0, MAX_NAME_CHARS - extension.length);
  if (!stem) return null;
  return { name: stem + extension, extension };
}

/** The fragment (with its "#") that carries `file` to save.html. */
export function encodeSaveFragment(file: { name: string; bytes: Uint8Array }, language: SaveLanguage): string {
  const params = new URLSearchParams([
    ["v", FORMAT_VERSION],
    ["lang", language],
    ["name", file.name],
    ["size", String(file.bytes.length)],
    ["data", encodeBase64Url(file.bytes)],
  ]);
  return `#${params.toString()}`;
}

/** Reads `location.hash` as save.html gets it; anything unexpected is a problem named, never a guess. */
export function decodeSaveFragment(hash: string): DecodedFragment {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  const params = new URLSearchParams(text);
  const language: SaveLanguage = params.get("lang") === "en" ? "en" : "et";
  const refuse = (problem: FragmentProblem): DecodedFragment => ({ ok: false, language, problem });
  if (text === "" || (!params.has("data") && !params.has("name"))) return refuse("missing");

  const data = params.get("data");
  const size = params.get("size");
  if (params.get("v") !== FORMAT_VERSION || data === null || size === null || !/^\d{1,9}$/.test(size))
    return refuse("malformed");
  const cleaned = cleanFileName(params.get("name") ?? "");
  if (!cleaned) return refuse("type");
  if (data.length > MAX_DATA_CHARS) return refuse("malformed");
  const bytes = decodeBase64Url(data);
  if (!bytes) return refuse("malformed");
  const type = SAVE_TYPES[cleaned.extension];
  if (bytes.length !== Number(size) || !type.magic.every((byte, i) => bytes[i] === byte)) return refuse("damaged");
  return { ok: true, language, file: { name: cleaned.name, mime: type.mime, bytes } };
}
