/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import { SAVE_URL_MAX_CHARS, decodeSaveFragment } from "../../src/save/fragment";
import { DeliveryHost, fileDelivery } from "../../src/taskpane/host/delivery";
import { fixtureSettings, openTab, renderApp } from "./harness";

/**
 * The Lisa 2 tab's Word button in each kind of host, the host injected as index.tsx injects Office's: on a Mac the
 * browser opens on save.html with the file in the fragment, where nothing can carry it the pane says so and names
 * the other ways, and on Windows it is the download it always was. Never a click that does nothing visible.
 */

const PAGE = "https://tat-budget.example.ee/taskpane/save.html";
const button = (name = "Laadi alla Wordi fail (.docx)") => screen.getByRole("button", { name });

function fakeHost(platform: string, canOpenBrowserWindow: boolean) {
  const opened: string[] = [];
  const downloads: string[] = [];
  const host: DeliveryHost = {
    platform,
    canOpenBrowserWindow,
    openBrowserWindow: (url) => void opened.push(url),
    savePageUrl: PAGE,
    download: (_bytes, name) => void downloads.push(name),
  };
  return { host, opened, downloads };
}

async function openLisa2(host: DeliveryHost, language: "et" | "en" = "et") {
  const pane = renderApp({ delivery: fileDelivery(host), language });
  pane.services!.readSettings.mockResolvedValue({ ...fixtureSettings(), indirectRatePercent: null });
  await openTab(pane.user, "Lisa 2");
  await waitFor(() => expect(pane.services!.readSettings).toHaveBeenCalled());
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  return pane;
}

/** Bytes that look like the start of a .docx, as lisa2Docx gives. */
const docx = (length: number) =>
  Uint8Array.from({ length }, (_, i) => (i < 4 ? [0x50, 0x4b, 0x03, 0x04][i] : (i * 31) & 0xff));

test("Mac: the browser opens on save.html whose fragment is the very bytes built, and the pane says where to look", async () => {
  const { host, opened, downloads } = fakeHost("Mac", true);
  const pane = await openLisa2(host);
  const bytes = docx(5000);
  pane.services!.lisa2Docx.mockResolvedValue(bytes);
  await pane.user.click(button());

  expect(pane.services!.lisa2Docx).toHaveBeenCalledTimes(1);
  expect(opened).toHaveLength(1);
  expect(opened[0].startsWith(`${PAGE}#`)).toBe(true);
  const decoded = decodeSaveFragment(new URL(opened[0]).hash);
  expect(decoded.ok && decoded.file.bytes).toEqual(bytes);
  expect(decoded.ok && decoded.file.name).toBe("lisa2.docx");
  expect(decoded.language).toBe("et");
  expect(downloads).toEqual([]);
  expect(await screen.findByTestId("docx-delivery")).toHaveTextContent(
    /avasin brauseri\. Vajutage brauseris nuppu „Salvesta lisa2\.docx“/,
  );
});

test("iPad in English: the page is asked for in English too", async () => {
  const { host, opened } = fakeHost("iOS", true);
  const pane = await openLisa2(host, "en");
  pane.services!.lisa2Docx.mockResolvedValue(docx(100));
  await pane.user.click(button("Download the Word file (.docx)"));
  expect(decodeSaveFragment(new URL(opened[0]).hash).language).toBe("en");
  expect(await screen.findByTestId("docx-delivery")).toHaveTextContent(/Press “Save lisa2\.docx” there/);
});

test("none (a Mac without OpenBrowserWindowApi): says so at once, names the other ways, builds nothing", async () => {
  const { host, opened, downloads } = fakeHost("Mac", false);
  const pane = await openLisa2(host);
  await pane.user.click(button());
  const message = await screen.findByTestId("docx-delivery");
  expect(message).toHaveTextContent("See Excel ei lase lisandmoodulil faile alla laadida ega brauserit avada.");
  expect(message).toHaveTextContent(/lehtedel „Lisa 2“ ja „Lisa 2 maatriks“/);
  expect(message).toHaveTextContent(/Excelis veebis või Windowsis/);
  expect(message).toHaveTextContent(/npx tat-budget annex töövihik\.xlsx -o lisa2\.xlsx --docx lisa2\.docx/);
  expect(pane.services!.lisa2Docx).not.toHaveBeenCalled();
  expect(opened).toEqual([]);
  expect(downloads).toEqual([]);
});

test("a file too large for the address: refused with the figures and the other ways, nothing opened", async () => {
  const { host, opened } = fakeHost("Mac", true);
  const pane = await openLisa2(host);
  pane.services!.lisa2Docx.mockResolvedValue(docx(SAVE_URL_MAX_CHARS));
  await pane.user.click(button());
  const message = await screen.findByTestId("docx-delivery");
  expect(message).toHaveTextContent(
    new RegExp(`liiga suur \\(aadress oleks \\d+ märki, ohutu piir on ${SAVE_URL_MAX_CHARS}\\)`),
  );
  expect(message).toHaveTextContent(/npx tat-budget annex/);
  expect(opened).toEqual([]);
});

test("Office refusing to open the browser: its message and the other ways", async () => {
  const { host } = fakeHost("Mac", true);
  host.openBrowserWindow = () => {
    throw new Error("Internal Error");
  };
  const pane = await openLisa2(host);
  pane.services!.lisa2Docx.mockResolvedValue(docx(100));
  await pane.user.click(button());
  expect(await screen.findByTestId("docx-delivery")).toHaveTextContent(
    /Brauserit ei õnnestunud avada \(Internal Error\)\. Lisa 2 on töövihikus/,
  );
});

test("Windows: the download, and no message in the way", async () => {
  const { host, opened, downloads } = fakeHost("PC", true);
  const pane = await openLisa2(host);
  pane.services!.lisa2Docx.mockResolvedValue(docx(100));
  await pane.user.click(button());
  await waitFor(() => expect(downloads).toEqual(["lisa2.docx"]));
  expect(opened).toEqual([]);
  expect(screen.queryByTestId("docx-delivery")).toBeNull();
});
