/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import { ImportError } from "../../src/model/plan";
import { ImportPreview } from "../../src/app";
import { fixtureText, fixtureWithLine } from "../helpers";
import { RenderedPane, deferred, dialogButton, findDialog, fixtureImport, nbsp, previewOf, renderApp } from "./harness";

/** The fixture directive's implementers with their schedule row counts and declared totals, as the preview shows them. */
const FIXTURE_ROWS = [
  ["ELVL", "elluviija", "22"],
  ["Tartu linn", "partner", "15"],
  ["Tallinna linn", "partner", "14"],
  ["Rakvere linn", "partner", "13"],
  ["Saaremaa vald", "partner", "13"],
  ["Pärnu linn", "partner", "17"],
  ["Jõhvi vald", "partner", "12"],
  ["Haapsalu linn", "partner", "13"],
  ["Kohtla-Järve linn", "partner", "15"],
];

const textBox = (name = "Käskkirja tekst") => screen.getByRole("textbox", { name });

/** Pastes `text` into the text box (as a user pastes the directive copied from the PDF). */
async function paste(pane: RenderedPane, text: string, box = textBox()) {
  await pane.user.click(box);
  await pane.user.paste(text);
}

/** Pastes the text, answers the preview with the real parse of it, and clicks Eelvaade. */
async function previewFixture(
  pane: RenderedPane,
  existing: string[] = [],
  text = fixtureText(),
): Promise<ImportPreview> {
  const preview = previewOf(fixtureImport(text), existing);
  pane.services!.previewText.mockResolvedValue(preview);
  await paste(pane, text);
  await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
  await screen.findByRole("table", { name: "Leitud" });
  return preview;
}

describe("empty", () => {
  test("nothing to preview yet: no table, and Eelvaade on an empty box asks for text instead of calling Excel", async () => {
    const pane = renderApp();
    expect(textBox()).toHaveValue("");
    expect(textBox()).toHaveAttribute("placeholder", "Kleepige siia käskkirja tekst…");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Kirjuta töövihikusse" })).not.toBeInTheDocument();

    await pane.user.type(textBox(), "   ");
    await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
    expect(screen.getByText("Kleepige tekst või valige fail.")).toBeVisible();
    expect(textBox()).toHaveAttribute("aria-invalid", "true");
    expect(pane.services!.previewText).not.toHaveBeenCalled();
  });
});

describe("preview", () => {
  test("pasting the directive and Eelvaade shows the implementers, their rows and the grand total", async () => {
    const pane = renderApp();
    await previewFixture(pane);
    expect(pane.services!.previewText).toHaveBeenCalledWith(fixtureText());

    const table = screen.getByRole("table", { name: "Leitud" });
    const rows = within(table).getAllByRole("row");
    expect(
      within(rows[0])
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Elluviija / partner", "Ridu", "Kokku (EUR)"]);
    const body = rows.slice(1);
    expect(body).toHaveLength(FIXTURE_ROWS.length + 1);
    FIXTURE_ROWS.forEach(([name, role, count], index) => {
      const cells = within(body[index]).getAllByRole("cell");
      expect(cells[0]).toHaveTextContent(`${name} · ${role}`);
      expect(cells[1]).toHaveTextContent(count);
    });
    expect(within(body[1]).getAllByRole("cell")[2].textContent).toBe(nbsp("93 988,53"));

    const total = within(body[FIXTURE_ROWS.length]).getAllByRole("cell");
    expect(total[0]).toHaveTextContent("Kokku");
    expect(total[1]).toHaveTextContent("134");
    // Exactly as the money is printed: no-break spaces between the groups, a decimal comma.
    expect(total[2].textContent).toBe("1\u00a0266\u00a0860,75");

    expect(screen.getByText("Impordi teated: puuduvad — kõik read loeti.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Kirjuta töövihikusse" })).toBeEnabled();
  });

  test("the reader's diagnostics are listed with their lines", async () => {
    const pane = renderApp();
    const text = fixtureWithLine(264, "5 660,54", "5 66O,54");
    const preview = await previewFixture(pane, [], text);
    const count = preview.result.diagnostics.length;
    expect(count).toBeGreaterThan(0);
    expect(screen.getByText(`Impordi teated (${count})`)).toBeVisible();
    const first = preview.result.diagnostics[0];
    expect(screen.getByText(new RegExp(`rida ${first.line}`))).toHaveTextContent(first.message);
    expect(screen.queryByText(/Impordi teated: puuduvad/)).not.toBeInTheDocument();
  });

  test("editing the text takes the preview away (it would no longer be what is written)", async () => {
    const pane = renderApp();
    await previewFixture(pane);
    await pane.user.type(textBox(), "x");
    expect(screen.queryByRole("table", { name: "Leitud" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Kirjuta töövihikusse" })).not.toBeInTheDocument();
  });

  test("working: the spinner says the text is being read and the buttons wait", async () => {
    const pane = renderApp();
    const pending = deferred<ImportPreview>();
    pane.services!.previewText.mockReturnValue(pending.promise);
    await paste(pane, "Tabel 1. Tegevuste ajakava");
    await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
    expect(screen.getByText("Loen teksti…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Eelvaade" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Vali fail" })).toBeDisabled();
  });

  test("error: text without schedules gives the importer's message, in English too", async () => {
    const pane = renderApp({ language: "en" });
    pane.services!.previewText.mockRejectedValue(
      new ImportError("Tekstis ei leitud ühtegi tegevuste ajakava tabelit.", "No schedule table was found."),
    );
    await paste(pane, "Lihtsalt üks lause.", textBox("Directive text"));
    await pane.user.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("No schedule table was found.");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});

describe("writing to the workbook", () => {
  const written = { sheets: { Koond: "Koond", Seaded: "Seaded", Tartu: "Tartu" }, backups: [] };

  test("with no sheets in the way it writes at once, then says what was written", async () => {
    const pane = renderApp();
    const preview = await previewFixture(pane);
    pane.services!.importPlan.mockResolvedValue(written);
    await pane.user.click(screen.getByRole("button", { name: "Kirjuta töövihikusse" }));

    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
    expect(pane.services!.importPlan).toHaveBeenCalledWith(preview, {});
    expect(await screen.findByText("Kirjutatud lehed: Koond, Seaded, Tartu.")).toBeVisible();
    // The preview is done with: writing it again would need a new preview.
    expect(screen.queryByRole("table", { name: "Leitud" })).not.toBeInTheDocument();
  });

  test("working: the spinner says the schedules are being written", async () => {
    const pane = renderApp();
    await previewFixture(pane);
    pane.services!.importPlan.mockReturnValue(new Promise(() => undefined));
    await pane.user.click(screen.getByRole("button", { name: "Kirjuta töövihikusse" }));
    expect(screen.getByText("Kirjutan ajakavad töövihikusse…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Kirjuta töövihikusse" })).toBeDisabled();
  });

  async function openConflictDialog(pane: RenderedPane) {
    const preview = await previewFixture(pane, ["Seaded", "Tartu"]);
    expect(preview.conflicts).toEqual(["Tartu", "Seaded"]);
    await pane.user.click(screen.getByRole("button", { name: "Kirjuta töövihikusse" }));
    const dialog = await findDialog("Lehed on juba olemas");
    expect(dialog).toHaveTextContent("Töövihikus on juba lehed: Tartu, Seaded.");
    expect(pane.services!.importPlan).not.toHaveBeenCalled();
    return { preview, dialog };
  }

  test("sheets already there: the dialog asks, and replacing keeps backups", async () => {
    const pane = renderApp();
    const { preview, dialog } = await openConflictDialog(pane);
    pane.services!.importPlan.mockResolvedValue({ ...written, backups: ["Tartu (varu)", "Seaded (varu)"] });

    await pane.user.click(dialogButton(dialog, "Asenda (jäta varukoopia)"));
    expect(pane.services!.importPlan).toHaveBeenCalledWith(preview, { Tartu: "replace", Seaded: "replace" });
    expect(await screen.findByText(/Varukoopiad: Tartu \(varu\), Seaded \(varu\)\./)).toBeVisible();
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
  });

  test("sheets already there: importing under other names keeps both", async () => {
    const pane = renderApp();
    const { preview, dialog } = await openConflictDialog(pane);
    pane.services!.importPlan.mockResolvedValue({
      sheets: { Tartu: "Tartu (2)", Seaded: "Seaded (2)" },
      backups: [],
    });

    await pane.user.click(dialogButton(dialog, "Impordi teise nimega"));
    expect(pane.services!.importPlan).toHaveBeenCalledWith(preview, { Tartu: "keep-both", Seaded: "keep-both" });
    expect(await screen.findByText("Kirjutatud lehed: Tartu (2), Seaded (2).")).toBeVisible();
  });

  test("sheets already there: cancelling writes nothing and keeps the preview", async () => {
    const pane = renderApp();
    const { dialog } = await openConflictDialog(pane);
    await pane.user.click(dialogButton(dialog, "Loobu"));
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
    expect(pane.services!.importPlan).not.toHaveBeenCalled();
    expect(screen.getByRole("table", { name: "Leitud" })).toBeVisible();
  });

  test("after an import the settings are read again from the new workbook", async () => {
    const pane = renderApp();
    pane.services!.readSettings.mockResolvedValue({
      directiveNumber: "68",
      directiveDate: null,
      planPeriod: null,
      indirectRatePercent: null,
      partnerships: [],
    });
    await pane.user.click(screen.getByRole("tab", { name: "Seaded" }));
    expect(await screen.findByRole("textbox", { name: "Käskkirja number" })).toHaveValue("68");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);

    await pane.user.click(screen.getByRole("tab", { name: "Import" }));
    await previewFixture(pane);
    pane.services!.importPlan.mockResolvedValue(written);
    await pane.user.click(screen.getByRole("button", { name: "Kirjuta töövihikusse" }));
    await screen.findByText(/Kirjutatud lehed/);
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);

    await pane.user.click(screen.getByRole("tab", { name: "Seaded" }));
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(2);
  });
});

describe("files", () => {
  test("a .txt file chosen through the file input fills the text box", async () => {
    const pane = renderApp();
    const input = screen.getByTestId("import-file");
    expect(input.getAttribute("accept")?.split(",")).toEqual(expect.arrayContaining([".txt", ".docx", ".pdf"]));
    await pane.user.upload(input, new File(["Tabel 1. Tegevuste ajakava\n"], "kaskkiri.txt", { type: "text/plain" }));
    expect(await screen.findByDisplayValue("Tabel 1. Tegevuste ajakava")).toBe(textBox());
  });

  test('"Vali fail" opens the hidden file input', async () => {
    const pane = renderApp();
    const input = screen.getByTestId("import-file");
    const opened = jest.fn();
    input.addEventListener("click", opened);
    await pane.user.click(screen.getByRole("button", { name: "Vali fail" }));
    expect(opened).toHaveBeenCalled();
  });

  test("a .docx file is read as a document: its bytes go to the Word importer and the preview shows", async () => {
    const pane = renderApp();
    pane.services!.previewDocument.mockResolvedValue(previewOf(fixtureImport()));
    const docx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "lisa1.docx", {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    await pane.user.upload(screen.getByTestId("import-file"), docx);
    await screen.findByRole("table", { name: "Leitud" });
    expect(pane.services!.previewDocument).toHaveBeenCalledTimes(1);
    const [kind, bytes] = pane.services!.previewDocument.mock.calls[0];
    expect(kind).toBe("docx");
    expect([...bytes]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(pane.services!.previewText).not.toHaveBeenCalled();
  });

  test("an .xlsx file is not read here: the officer is told to open it in Excel and press Kontrolli", async () => {
    // The file dialog offers no workbooks; the officer switched it to "all files".
    const pane = renderApp({}, { applyAccept: false });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    await pane.user.upload(screen.getByTestId("import-file"), new File([bytes], "Tartu ajakava.xlsx"));
    expect(
      await screen.findByText(
        "„Tartu ajakava.xlsx“ on töövihik: avage see Excelis ja vajutage vahelehel „Kontroll“ nuppu „Kontrolli“ — selle lehtede ajakava tabelid loetakse ja kontrollitakse seal.",
      ),
    ).toBeVisible();
    expect(pane.services!.previewDocument).not.toHaveBeenCalled();
    expect(pane.services!.previewText).not.toHaveBeenCalled();
  });

  test("choosing a file clears the last preview at once, so it cannot be written in the new file's place", async () => {
    const pane = renderApp();
    pane.services!.previewText.mockResolvedValue(previewOf(fixtureImport()));
    await pane.user.type(textBox(), "tekst");
    await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
    await screen.findByRole("table", { name: "Leitud" });
    const pending = deferred<ImportPreview>();
    pane.services!.previewDocument.mockReturnValue(pending.promise);
    await pane.user.upload(screen.getByTestId("import-file"), new File([new Uint8Array([0x25, 0x50])], "lisa1.pdf"));
    expect(screen.queryByRole("table", { name: "Leitud" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Kirjuta töövihikusse" })).toBeNull();
    pending.resolve(previewOf(fixtureImport()));
    await screen.findByRole("table", { name: "Leitud" });
    expect(pane.services!.previewDocument.mock.calls[0][0]).toBe("pdf");
  });

  test("another kind of file is refused with a clear message, and the text is left as it was", async () => {
    // The user switched the file dialog to "all files": the accept filter does not stop an .odt.
    const pane = renderApp({}, { applyAccept: false });
    await pane.user.type(textBox(), "eelmine");
    const odt = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "lisa1.odt", { type: "application/octet-stream" });
    await pane.user.upload(screen.getByTestId("import-file"), odt);

    expect(
      await screen.findByText(
        "Faili „lisa1.odt“ ei saa lugeda: toetatud on tekstifail (.txt), Wordi fail (.docx), PDF (.pdf) ja DigiDoc-konteiner (.asice, .bdoc).",
      ),
    ).toBeVisible();
    expect(textBox()).toHaveValue("eelmine");
    expect(textBox()).toHaveAttribute("aria-invalid", "true");
    expect(pane.services!.previewText).not.toHaveBeenCalled();
  });

  test("a .txt file that is not UTF-8 is refused", async () => {
    const pane = renderApp();
    // "Tõnis" in Windows-1257: õ is 0xF5, not valid UTF-8 on its own.
    const latin = new File([new Uint8Array([0x54, 0xf5, 0x6e, 0x69, 0x73])], "vana.txt", { type: "text/plain" });
    await pane.user.upload(screen.getByTestId("import-file"), latin);
    expect(await screen.findByText(/Fail „vana.txt“ ei ole UTF-8 tekst/)).toBeVisible();
    expect(textBox()).toHaveValue("");
  });
});

describe("the sample directive", () => {
  test('"Lae näidiskäskkiri" fills the text box with the sample', async () => {
    const sample = jest.fn(async () => fixtureText());
    const pane = renderApp({ sample });
    await pane.user.click(screen.getByRole("button", { name: "Lae näidiskäskkiri" }));
    expect(sample).toHaveBeenCalledTimes(1);
    expect(textBox()).toHaveValue(fixtureText());
  });

  test("is offered only when there is a sample", () => {
    renderApp();
    expect(screen.queryByRole("button", { name: "Lae näidiskäskkiri" })).not.toBeInTheDocument();
  });
});
