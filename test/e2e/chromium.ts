import { existsSync } from "fs";
import { Browser, chromium } from "playwright-core";

/** Debian's Chromium, installed by `npm run test:deps`; Playwright's own browser download does not work here. */
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

/**
 * Headless Chromium for the end-to-end tests. The machine's network is closed: without the background-networking
 * flags Chromium keeps trying Google's hosts, and those attempts would show among the requests the tests record.
 */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error("Chromium is needed: run `npm run test:deps` (apt-get install chromium).");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
