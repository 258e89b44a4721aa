import { blobDownload } from "./blob-download";
import type { DeliveryHost } from "./delivery";

/** The part of `Office` the delivery reads, as in @types/office-js; structural so that it tests without Office. */
export interface OfficeForDelivery {
  /**
   * @types/office-js declares PlatformType as an enum without values; its reference names only the members (PC,
   * OfficeOnline, Mac, iOS, Android, Universal). The platform is therefore named by the member whose value it is,
   * whatever office.js makes the values; a string value with no such table is taken as the name.
   */
  PlatformType?: Record<string, unknown>;
  context: {
    diagnostics?: { platform?: unknown } | null;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: { openBrowserWindow?(url: string): void };
  };
}

/**
 * The delivery host over Office.js (inside Excel, after Office.onReady). The platform is
 * Office.context.diagnostics.platform ("Gets the platform on which the add-in is running"); openBrowserWindow is
 * used only when isSetSupported("OpenBrowserWindowApi", "1.1") says so (its requirement set), and is given an
 * https URL ("The full URL to be opened including protocol (http or https)").
 */
export function officeDeliveryHost(office: OfficeForDelivery, savePageUrl: string): DeliveryHost {
  const { context } = office;
  let canOpenBrowserWindow = false;
  try {
    canOpenBrowserWindow =
      context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1") &&
      typeof context.ui.openBrowserWindow === "function";
  } catch {
    // An Office too old to answer has no such set.
  }
  return {
    // "" when Office does not say: delivery.ts then assumes no download (Office is there, its web view unknown).
    platform: platformName(context.diagnostics?.platform, office.PlatformType),
    canOpenBrowserWindow,
    openBrowserWindow: (url) => context.ui.openBrowserWindow!(url),
    savePageUrl,
    download: blobDownload,
  };
}

function platformName(value: unknown, members: Record<string, unknown> | undefined): string {
  if (value === undefined || value === null) return "";
  const member = members && Object.keys(members).find((name) => members[name] === value);
  if (member) return member;
  return typeof value === "string" ? value : "";
}
