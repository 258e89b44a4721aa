import { SAVE_TYPES, SAVE_URL_MAX_CHARS, SaveLanguage, encodeSaveFragment } from "../../save/fragment";
import { blobDownload } from "./blob-download";

/**
 * How a file the pane makes reaches the officer, decided once from the host:
 *
 * - "blob": a Blob link clicked (blob-download.ts). Works in Excel on the web (a real browser) and in Excel on
 *   Windows (the reports of OfficeDev/office-js #2700, #4681, #471 and #3385 all say the same code works there), and
 *   outside Office (the preview).
 * - "browser": the system browser opened with Office.context.ui.openBrowserWindow on save.html, the file in the
 *   address' fragment (src/save/fragment.ts). For Excel for Mac, whose WKWebView drops downloads silently (#2700,
 *   closed "by design"; #4681 open; the workaround Microsoft gives in #3662 is openBrowserWindow to a page of one's
 *   own that makes the download there), and Excel on iPad (#471: "the same issue on Excel for iPad").
 *   OpenBrowserWindowApi 1.1 is documented for Excel on Windows, Mac and iPad, not on the web.
 * - "none": neither: the pane says so and names the other ways (never a click that does nothing).
 *
 * Platforms other than those named (Android, Universal, a value Office adds later, or none reported inside Office)
 * are not assumed to download: a guess on the safe side, since a download that fails does so silently.
 */
export type DeliveryRoute = "blob" | "browser" | "none";

/** The platforms (Office.PlatformType's values) whose web view is known to pass a Blob download on. */
const DOWNLOADING_PLATFORMS: ReadonlySet<string> = new Set(["PC", "OfficeOnline"]);

/**
 * The route for a host. `platform` is Office.context.diagnostics.platform ("Mac", "iOS", …), "" when Office did not
 * say, null when the pane runs outside Office; `canOpenBrowserWindow` is isSetSupported("OpenBrowserWindowApi", "1.1").
 */
export function chooseRoute(platform: string | null, canOpenBrowserWindow: boolean): DeliveryRoute {
  if (platform === null || DOWNLOADING_PLATFORMS.has(platform)) return "blob";
  return canOpenBrowserWindow ? "browser" : "none";
}

/** What the pane needs of its host to deliver a file; index.tsx binds it to Office (office-delivery.ts). */
export interface DeliveryHost {
  platform: string | null;
  canOpenBrowserWindow: boolean;
  openBrowserWindow(url: string): void;
  /** The absolute address of save.html, beside the pane's page. */
  savePageUrl: string;
  download(bytes: Uint8Array, name: string, mime: string): void;
}

export type DeliveryOutcome =
  | { kind: "downloaded" }
  | { kind: "browser"; name: string; urlLength: number }
  | { kind: "tooLarge"; urlLength: number; limit: number }
  | { kind: "unavailable" }
  | { kind: "failed"; message: string };

export interface FileDelivery {
  route: DeliveryRoute;
  deliver(file: { name: string; bytes: Uint8Array }, language: SaveLanguage): DeliveryOutcome;
}

const mimeOf = (name: string): string =>
  SAVE_TYPES[name.slice(name.lastIndexOf(".")).toLowerCase()]?.mime ?? "application/octet-stream";

/** The address save.html is opened on for `file`. */
export function saveUrl(savePageUrl: string, file: { name: string; bytes: Uint8Array }, language: SaveLanguage) {
  const page = new URL(savePageUrl);
  page.hash = "";
  return page.href + encodeSaveFragment(file, language);
}

export function fileDelivery(host: DeliveryHost): FileDelivery {
  const route = chooseRoute(host.platform, host.canOpenBrowserWindow);
  return {
    route,
    deliver(file, language) {
      if (route === "blob") {
        host.download(file.bytes, file.name, mimeOf(file.name));
        return { kind: "downloaded" };
      }
      if (route === "none") return { kind: "unavailable" };
      const url = saveUrl(host.savePageUrl, file, language);
      if (url.length > SAVE_URL_MAX_CHARS)
        return { kind: "tooLarge", urlLength: url.length, limit: SAVE_URL_MAX_CHARS };
      try {
        host.openBrowserWindow(url);
      } catch (error) {
        return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
      }
      return { kind: "browser", name: file.name, urlLength: url.length };
    },
  };
}

/** Outside Office (the preview, a page opened in a browser): the browser's own download. */
export const browserDelivery: FileDelivery = fileDelivery({
  platform: null,
  canOpenBrowserWindow: false,
  openBrowserWindow: () => {
    throw new Error("openBrowserWindow outside Office");
  },
  savePageUrl: "https://invalid.invalid/save.html",
  download: blobDownload,
});
