/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import JSZip from "jszip";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { lisa1DocxBytes } from "../../src/annex/lisa1/docx";
import { ImportPreview, WorkbookServices, workbookServices } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { MAX_CONTAINER_BYTES } from "../../src/import/limits";
import { createFakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";
import { makeContainer } from "../import/container/containers";
import { RenderedPane, renderApp } from "./harness";

/**
 * A DigiDoc container chosen on the Import tab, read by the real import services over the Excel fake: the pane
 * says which document it read, lets the officer choose another that holds schedule rows, shows the signatures as
 * information marked unverified, and a bad container's reason in the pane's error display.
 */

// jsdom lacks TextDecoder and TextEncoder, which every browser the pane runs in has (the docx library uses one).
for (const [name, value] of [
  ["TextDecoder", NodeTextDecoder],
  ["TextEncoder", NodeTextEncoder],
] as const) {
  if (!(name in globalThis)) Object.defineProperty(globalThis, name, { configurable: true, writable: true, value });
}

jest.setTimeout(120_000);

const FIXTURE_PLAN = parseDirectiveText(fixtureText()).plan;
const TWO_IMPLEMENTERS = { ...FIXTURE_PLAN, implementers: FIXTURE_PLAN.implementers.slice(0, 2) };
const TWO_ROWS = TWO_IMPLEMENTERS.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0);

let real: WorkbookServices;
let lisa1: Uint8Array;
let container: Uint8Array;

beforeAll(async () => {
  const fake = createFakeExcel();
  real = workbookServices(new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext)));
  lisa1 = await lisa1DocxBytes(FIXTURE_PLAN);
  container = await makeContainer({
    files: [
      { name: "osa.docx", bytes: await lisa1DocxBytes(TWO_IMPLEMENTERS) },
      { name: "lisa1.docx", bytes: lisa1 },
      { name: "kaaskiri.txt", bytes: "Saadame allkirjastatud käskkirja." },
      { name: "eelarve.xlsx", bytes: new Uint8Array([1, 2, 3]) },
    ],
    signatures: [
      {
        subject: [
          ["CN", "MAASIKAS,MARI,48001010000"],
          ["SN", "MAASIKAS"],
          ["GN", "MARI"],
        ],
        signingTime: "2025-03-25T08:15:30Z",
        role: "Minister",
      },
      { subjectName: "CN=Kultuuriministeerium,C=EE", signingTime: "2025-03-25T09:02:11Z" },
    ],
  });
});

/** The pane whose previewDocument is the real one, recorded. */
function paneOverRealImport(language: "et" | "en" = "et"): RenderedPane {
  const pane = renderApp({ language });
  pane.services!.previewDocument.mockImplementation((kind, bytes, options) =>
    real.previewDocument(kind, bytes, options),
  );
  return pane;
}

const choose = (pane: RenderedPane, bytes: Uint8Array, name: string) =>
  pane.user.upload(screen.getByTestId("import-file"), new File([bytes], name));

/** The preview table's grand total row: its row count. */
function previewRows(): string {
  const table = screen.getByRole("table", { name: "Leitud" });
  const total = within(table).getByText("Kokku").closest("tr")!;
  return within(total).getAllByRole("cell")[1].textContent!;
}

describe("a container on the Import tab", () => {
  test("the file chooser offers .asice and .bdoc", () => {
    renderApp();
    const accept = screen.getByTestId("import-file").getAttribute("accept")!.split(",");
    expect(accept).toEqual(expect.arrayContaining([".asice", ".bdoc", ".txt", ".docx", ".pdf"]));
    expect(screen.getByText(/allkirjastatud DigiDoc-konteiner \(\.asice, \.bdoc\)/)).toBeVisible();
  });

  test("reads the document with the most rows, shows the choice, the other files and the signatures", async () => {
    const pane = paneOverRealImport();
    await choose(pane, container, "leping.asice");
    const section = await screen.findByRole("region", { name: "DigiDoc-konteiner" });
    expect(within(section).getByText("Konteinerist „leping.asice“ loeti dokument „lisa1.docx“.")).toBeVisible();
    expect(previewRows()).toBe("134");
    const [kind, bytes, options] = pane.services!.previewDocument.mock.calls[0];
    expect([kind, bytes.length, options]).toEqual(["container", container.length, { name: "leping.asice" }]);

    const select = within(section).getByRole("combobox", { name: "Loetav dokument" });
    expect(select).toHaveValue("lisa1.docx");
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([`osa.docx — ${TWO_ROWS} rida`, "lisa1.docx — 134 rida"]);
    expect(within(section).getByText("kaaskiri.txt: ajakava tabelit ei ole")).toBeVisible();
    expect(within(section).getByText("eelarve.xlsx: ei loeta (ei ole PDF, Word ega tekst)")).toBeVisible();

    const signatures = within(section).getByRole("region", { name: "Allkirjad (2) — allkirju ei ole kontrollitud" });
    expect(
      within(signatures)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["MARI MAASIKAS (Minister), 25.03.2025 08:15:30 UTC", "Kultuuriministeerium, 25.03.2025 09:02:11 UTC"]);
    expect(within(signatures).getByText(/allkirjade kehtivust ei kontrollita/)).toBeVisible();
  });

  test("choosing another document reads it from the same container", async () => {
    const pane = paneOverRealImport();
    await choose(pane, container, "leping.asice");
    const select = await screen.findByRole("combobox", { name: "Loetav dokument" });
    await pane.user.selectOptions(select, "osa.docx");
    await screen.findByText("Konteinerist „leping.asice“ loeti dokument „osa.docx“.");
    expect(previewRows()).toBe(String(TWO_ROWS));
    expect(pane.services!.previewDocument.mock.calls[1][2]).toEqual({ name: "leping.asice", choose: "osa.docx" });
    expect(screen.getByRole("combobox", { name: "Loetav dokument" })).toHaveValue("osa.docx");
  });

  test("the plan read from the container is written as from the Word file", async () => {
    const pane = paneOverRealImport();
    pane.services!.importPlan.mockResolvedValue({ sheets: {}, backups: [] });
    await choose(pane, container, "leping.asice");
    await screen.findByRole("region", { name: "DigiDoc-konteiner" });
    await pane.user.click(screen.getByRole("button", { name: "Kirjuta töövihikusse" }));
    expect(pane.services!.importPlan).toHaveBeenCalledTimes(1);
    const written = pane.services!.importPlan.mock.calls[0][0] as ImportPreview;
    const alone = await real.previewDocument("docx", lisa1);
    expect(written.sheets).toEqual(alone.sheets);
    expect(written.result.plan.implementers.map((implementer) => implementer.rows.length)).toEqual(
      alone.result.plan.implementers.map((implementer) => implementer.rows.length),
    );
  });

  test("one document only: no choice, and a container without signatures says so", async () => {
    const pane = paneOverRealImport();
    await choose(pane, await makeContainer({ files: [{ name: "lisa1.docx", bytes: lisa1 }] }), "kaskkiri.bdoc");
    const section = await screen.findByRole("region", { name: "DigiDoc-konteiner" });
    expect(within(section).queryByRole("combobox")).toBeNull();
    expect(within(section).getByText("Konteineris ei ole allkirju.")).toBeVisible();
  });

  test("diagnostics name the file inside the container", async () => {
    const zip = await JSZip.loadAsync(lisa1);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace(">5 660,54<", ">5 66O,54<"));
    const garbled = await makeContainer({
      files: [{ name: "lisa1.docx", bytes: await zip.generateAsync({ type: "uint8array" }) }],
    });
    const pane = paneOverRealImport();
    await choose(pane, garbled, "leping.asice");
    const item = await screen.findByText(/^leping\.asice › lisa1\.docx, rida \d+ Rea „3\.5\.2\.1\.1“/);
    expect(item).toBeVisible();
  });

  test("in English", async () => {
    const pane = paneOverRealImport("en");
    await choose(pane, container, "leping.asice");
    const section = await screen.findByRole("region", { name: "DigiDoc container" });
    expect(
      within(section).getByText('The document "lisa1.docx" was read from the container "leping.asice".'),
    ).toBeVisible();
    expect(within(section).getByRole("region", { name: "Signatures (2) — signatures not verified" })).toBeVisible();
    expect(within(section).getByRole("combobox", { name: "Document to read" })).toHaveValue("lisa1.docx");
  });
});

describe("bad containers in the pane", () => {
  test.each([
    [
      "katki.asice",
      () => new TextEncoder().encode("%PDF-1.4"),
      "Fail „katki.asice“ ei ole DigiDoc-konteiner: see ei ole ZIP-arhiiv",
    ],
    [
      "word.asice",
      () => lisa1,
      "Fail „word.asice“ on ZIP-arhiiv, kuid mitte DigiDoc-konteiner (.asice, .bdoc): selles puudub kirje „mimetype“",
    ],
    [
      "vana.ddoc",
      () => new TextEncoder().encode('<?xml version="1.0"?><SignedDoc format="DIGIDOC-XML"/>'),
      "Fail „vana.ddoc“ on vanas DigiDoc-vormingus (.ddoc), mida see tööriist ei loe. Avage see DigiDoc4 kliendis",
    ],
  ])("%s is refused with its reason", async (name, bytes, message) => {
    const pane = paneOverRealImport();
    await choose(pane, bytes(), name);
    expect(await screen.findByText((text) => text.startsWith(message))).toBeVisible();
    expect(screen.queryByRole("region", { name: "DigiDoc-konteiner" })).toBeNull();
    expect(screen.queryByRole("table", { name: "Leitud" })).toBeNull();
  });

  test("a container over 50 MB is refused from its size, unread", async () => {
    const pane = renderApp();
    const file = new File(["x"], "suur.asice");
    Object.defineProperty(file, "size", { value: MAX_CONTAINER_BYTES + 1 });
    const read = () => Promise.reject(new Error("read although it is too large"));
    Object.defineProperty(file, "arrayBuffer", { value: read });
    await pane.user.upload(screen.getByTestId("import-file"), file);
    expect(
      await screen.findByText((text) =>
        text.startsWith("Fail „suur.asice“ on liiga suur: 50,1 MB; suurim lubatud on 50 MB."),
      ),
    ).toBeVisible();
    expect(pane.services!.previewDocument).not.toHaveBeenCalled();
  });
});
