/** @jest-environment jsdom */
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import Decimal from "decimal.js";
import { readRate } from "../../src/taskpane/panels/Lisa2Panel";
import { Lisa2Outcome, RecalcOutcome } from "../../src/app";
import { settingsOf } from "../../src/workbook/settings";
import { RenderedPane, deferred, fixtureImport, lisa2Outcome, nbsp, openTab, renderApp } from "./harness";

describe("Summad (recalculating the parent rows)", () => {
  const changed: RecalcOutcome = {
    formulas: 45,
    changed: [{ sheet: "Tartu", cell: "G12", before: null, after: "SUM(G13:G14)" }],
    backup: "tat-budget varu",
  };

  async function recalc(pane: RenderedPane, outcome: RecalcOutcome) {
    pane.services!.recalc.mockResolvedValue(outcome);
    await openTab(pane.user, "Summad");
    await pane.user.click(screen.getByRole("button", { name: "Arvuta ülemread uuesti" }));
  }

  test("empty: only the explanation and the button", async () => {
    const pane = renderApp();
    await openTab(pane.user, "Summad");
    expect(screen.getByText(/Kirjutab ülemridade summad uuesti valemiteks/)).toBeVisible();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  test("reports how many formulas changed, where the old contents went, and lists the changes", async () => {
    const pane = renderApp();
    await recalc(pane, {
      ...changed,
      changed: [...changed.changed, { sheet: "ELVL", cell: "G9", before: "SUM(G10:G11)", after: "SUM(G10:G12)" }],
    });
    expect(pane.services!.recalc).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/45 ülemrea valemit, neist muutus 2\./)).toBeVisible();
    expect(screen.getByText(/Eelmine sisu on peidetud lehel „tat-budget varu“\./)).toBeVisible();

    const table = screen.getByRole("table", { name: "45 ülemrea valemit, neist muutus 2." });
    const [header, ...rows] = within(table).getAllByRole("row");
    expect(
      within(header)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Lahter", "Enne", "Nüüd"]);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ["Tartu!G12", "arv", "=SUM(G13:G14)"],
      ["ELVL!G9", "=SUM(G10:G11)", "=SUM(G10:G12)"],
    ]);
  });

  test("one change: the message in the singular case the catalogue gives", async () => {
    const pane = renderApp();
    await recalc(pane, changed);
    expect(await screen.findByText(/45 ülemrea valemit, neist muutus 1\./)).toBeVisible();
  });

  test("nothing changed: says so, with no table", async () => {
    const pane = renderApp();
    await recalc(pane, { formulas: 45, changed: [], backup: null });
    expect(await screen.findByText("Kõik ülemread olid juba õiged valemid; midagi ei muudetud.")).toBeVisible();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByText(/Eelmine sisu/)).not.toBeInTheDocument();
  });

  test("working: the spinner says formulas are being written", async () => {
    const pane = renderApp();
    const pending = deferred<RecalcOutcome>();
    pane.services!.recalc.mockReturnValue(pending.promise);
    await openTab(pane.user, "Summad");
    await pane.user.click(screen.getByRole("button", { name: "Arvuta ülemread uuesti" }));
    expect(screen.getByText("Kirjutan valemeid…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Arvuta ülemread uuesti" })).toBeDisabled();
    await act(async () => pending.resolve(changed));
    expect(screen.getByRole("button", { name: "Arvuta ülemread uuesti" })).toBeEnabled();
  });

  test("error: the message is shown, no result", async () => {
    const pane = renderApp();
    pane.services!.recalc.mockRejectedValue(new Error("Leht „Tartu“ on kaitstud."));
    await openTab(pane.user, "Summad");
    await pane.user.click(screen.getByRole("button", { name: "Arvuta ülemread uuesti" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Leht „Tartu“ on kaitstud.");
    expect(screen.queryByText(/ülemrea valemit/)).not.toBeInTheDocument();
  });

  test("in English", async () => {
    const pane = renderApp({ language: "en" });
    pane.services!.recalc.mockResolvedValue(changed);
    await openTab(pane.user, "Totals");
    await pane.user.click(screen.getByRole("button", { name: "Recalculate parent rows" }));
    expect(await screen.findByText(/45 parent-row formulas, 1 changed\./)).toBeVisible();
    expect(screen.getByRole("cell", { name: "a number" })).toBeVisible();
  });
});

describe("Lisa 2", () => {
  const rateBox = () => screen.getByRole("textbox", { name: /Kaudsete kulude määr/ });
  const generateButton = () => screen.getByRole("button", { name: "Koosta lisa 2" });
  const downloadButton = () => screen.getByRole("button", { name: "Laadi alla Wordi fail (.docx)" });

  /** Opens the tab; the pane then reads Seaded's rate (none here unless `seaded` has one). */
  async function openLisa2(language: "et" | "en" = "et", seaded: Decimal | null = null) {
    const pane = renderApp({ language });
    pane.services!.readSettings.mockResolvedValue({ ...settingsOf(fixtureImport().plan), indirectRatePercent: seaded });
    await openTab(pane.user, "Lisa 2");
    await waitFor(() => expect(pane.services!.readSettings).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    return pane;
  }

  test("the rate on Seaded is shown when the tab opens; what the officer types wins", async () => {
    const pane = await openLisa2("et", new Decimal("7.5"));
    await waitFor(() => expect(rateBox()).toHaveValue("7,5"));
    await typeRate(pane, "5");
    expect(rateBox()).toHaveValue("5");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
  });

  async function typeRate(pane: RenderedPane, text: string) {
    await pane.user.clear(rateBox());
    if (text) await pane.user.type(rateBox(), text);
  }

  describe("the rate", () => {
    test.each(["seitse", "120", "-1", "7 eurot"])(
      "%p is refused: the message shows and the buttons wait",
      async (text) => {
        const pane = await openLisa2();
        await typeRate(pane, text);
        expect(screen.getByText("Määr peab olema arv 0 kuni 100 (nt 7 või 7,5).")).toBeVisible();
        expect(rateBox()).toHaveAttribute("aria-invalid", "true");
        expect(generateButton()).toBeDisabled();
        expect(downloadButton()).toBeDisabled();
        await pane.user.click(generateButton());
        expect(pane.services!.generateLisa2).not.toHaveBeenCalled();
      },
    );

    test("empty is allowed (no indirect costs) and explained", async () => {
      await openLisa2();
      expect(rateBox()).toHaveValue("");
      expect(rateBox()).toHaveAccessibleDescription(expect.stringContaining("Tühi: kaudseid kulusid ei arvestata."));
      expect(generateButton()).toBeEnabled();
    });

    test("is read as Estonians write it", () => {
      expect(readRate("7")?.equals(7)).toBe(true);
      expect(readRate("7,5")?.equals(7.5)).toBe(true);
      expect(readRate(" 7 % ")?.equals(7)).toBe(true);
      expect(readRate("0")?.isZero()).toBe(true);
      expect(readRate("100")?.equals(100)).toBe(true);
      expect(readRate("")).toBeNull();
      expect(readRate("100,01")).toBeUndefined();
    });
  });

  describe("building", () => {
    test('"7" builds lisa 2 with the rate 7, exactly', async () => {
      const pane = await openLisa2();
      pane.services!.generateLisa2.mockResolvedValue(lisa2Outcome());
      await typeRate(pane, "7");
      await pane.user.click(generateButton());
      expect(pane.services!.generateLisa2).toHaveBeenCalledTimes(1);
      const rate = pane.services!.generateLisa2.mock.calls[0][0];
      expect(rate).toBeInstanceOf(Decimal);
      expect(rate!.equals(new Decimal(7))).toBe(true);
    });

    test('"7,5" gives 7.5 and an empty box gives no rate', async () => {
      const pane = await openLisa2();
      pane.services!.generateLisa2.mockResolvedValue(lisa2Outcome());
      await typeRate(pane, "7,5");
      await pane.user.click(generateButton());
      expect(pane.services!.generateLisa2.mock.calls[0][0]!.toString()).toBe("7.5");
      await typeRate(pane, "");
      await pane.user.click(generateButton());
      expect(pane.services!.generateLisa2.mock.calls[1][0]).toBeNull();
    });

    test("the result: direct, indirect and total costs, the draft warning and the reconciliation", async () => {
      const pane = await openLisa2();
      const outcome = lisa2Outcome();
      expect(outcome.lisa2.draft).toBe(true);
      pane.services!.generateLisa2.mockResolvedValue(outcome);
      await typeRate(pane, "7");
      await pane.user.click(generateButton());

      expect(await screen.findByText(/Lisa 2 koostatud: Lisa 2, Lisa 2 maatriks\./)).toBeVisible();
      expect(
        screen.getByText(/MUSTAND: kontroll leidis 18 viga; need on loetletud lisa all\. Parandage ajakavad/),
      ).toBeVisible();

      const table = screen.getByRole("table", { name: "Lisa 2 koostatud: Lisa 2, Lisa 2 maatriks." });
      const rows = within(table)
        .getAllByRole("row")
        .map((row) =>
          within(row)
            .getAllByRole("cell")
            .map((cell) => cell.textContent),
        );
      expect(rows).toEqual([
        ["Otsesed kulud (1.1)", nbsp("1 266 860,75")],
        ["Kaudsed kulud (1.2)", nbsp("88 680,25")],
        ["Kokku (1)", nbsp("1 355 541,00")],
      ]);
      // Text queries fold the no-break spaces into plain ones; the text itself keeps them.
      const reconciles = screen.getByText("Lisa 2 otsesed kulud klapivad lisa 1 ajakavadega (1 266 860,75).");
      expect(reconciles).toBeVisible();
      expect(reconciles.textContent).toContain(nbsp("(1 266 860,75)"));
    });

    test("without a rate the indirect line is not set and the total is the direct costs", async () => {
      const pane = await openLisa2();
      pane.services!.generateLisa2.mockResolvedValue(lisa2Outcome(null));
      await pane.user.click(generateButton());
      const table = await screen.findByRole("table", { name: /Lisa 2 koostatud/ });
      expect(within(table).getByRole("row", { name: /Kaudsed kulud/ })).toHaveTextContent("määramata");
      expect(within(table).getByRole("row", { name: /Kokku/ })).toHaveTextContent("Kokku (1)1 266 860,75");
    });

    test("a lisa 2 that disagrees with the schedules says so, with the difference", async () => {
      const pane = await openLisa2();
      const outcome = lisa2Outcome();
      const { reconciliation } = outcome.lisa2;
      const broken: Lisa2Outcome = {
        ...outcome,
        lisa2: { ...outcome.lisa2, reconciliation: { ...reconciliation, difference: new Decimal("-60") } },
      };
      pane.services!.generateLisa2.mockResolvedValue(broken);
      await pane.user.click(generateButton());
      expect(await screen.findByText("Lisa 2 ja lisa 1 EI KLAPI: vahe -60,00.")).toBeVisible();
    });

    test("working: the spinner says lisa 2 is being built", async () => {
      const pane = await openLisa2();
      const pending = deferred<Lisa2Outcome>();
      pane.services!.generateLisa2.mockReturnValue(pending.promise);
      await pane.user.click(generateButton());
      expect(screen.getByText("Koostan lisa 2…")).toBeVisible();
      expect(generateButton()).toBeDisabled();
      expect(downloadButton()).toBeDisabled();
      await act(async () => pending.resolve(lisa2Outcome()));
      expect(generateButton()).toBeEnabled();
    });

    test("error: the message is shown and no figures", async () => {
      const pane = await openLisa2();
      pane.services!.generateLisa2.mockRejectedValue(new Error("Töövihikus ei ole ajakavu."));
      await pane.user.click(generateButton());
      expect(await screen.findByRole("alert")).toHaveTextContent("Töövihikus ei ole ajakavu.");
      expect(screen.queryByRole("table")).not.toBeInTheDocument();
    });

    test("in English", async () => {
      const pane = await openLisa2("en");
      pane.services!.generateLisa2.mockResolvedValue(lisa2Outcome());
      await pane.user.type(screen.getByRole("textbox", { name: /Indirect-cost rate/ }), "7");
      await pane.user.click(screen.getByRole("button", { name: "Build lisa 2" }));
      expect(await screen.findByText(/DRAFT \(MUSTAND\): the check found 18 errors/)).toBeVisible();
      expect(screen.getByRole("row", { name: /Indirect costs \(1\.2\)/ })).toHaveTextContent(
        "Indirect costs (1.2)88 680,25",
      );
    });
  });

  describe("the Word file", () => {
    let createObjectURL: jest.Mock;
    let revokeObjectURL: jest.Mock;
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
      // jsdom has neither object URLs nor navigation: stub both and record the links the panel clicks.
      createObjectURL = jest.fn(() => "blob:tat-budget/lisa2");
      revokeObjectURL = jest.fn();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      clicked = [];
      jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });

    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    test("the download button builds the .docx with the rate and saves it as lisa2.docx", async () => {
      jest.useFakeTimers();
      const pane = renderApp({}, { advanceTimers: jest.advanceTimersByTime });
      await openTab(pane.user, "Lisa 2");
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
      pane.services!.lisa2Docx.mockResolvedValue(bytes);
      await typeRate(pane, "7");
      await pane.user.click(downloadButton());

      expect(pane.services!.lisa2Docx).toHaveBeenCalledTimes(1);
      expect(pane.services!.lisa2Docx.mock.calls[0][0]!.equals(7)).toBe(true);
      expect(pane.services!.generateLisa2).not.toHaveBeenCalled();

      expect(createObjectURL).toHaveBeenCalledTimes(1);
      const blob = createObjectURL.mock.calls[0][0] as Blob;
      expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(blob.size).toBe(bytes.length);

      expect(clicked).toHaveLength(1);
      expect(clicked[0].download).toBe("lisa2.docx");
      expect(clicked[0].getAttribute("href")).toBe("blob:tat-budget/lisa2");
      // The link was only there for the click.
      expect(clicked[0].isConnected).toBe(false);

      // The URL is released later, not at once (that could cancel the download).
      expect(revokeObjectURL).not.toHaveBeenCalled();
      act(() => jest.advanceTimersByTime(10_000));
      expect(revokeObjectURL).toHaveBeenCalledWith("blob:tat-budget/lisa2");
    });

    test("working: the spinner says the Word file is being built", async () => {
      const pane = await openLisa2();
      pane.services!.lisa2Docx.mockReturnValue(new Promise(() => undefined));
      await pane.user.click(downloadButton());
      expect(screen.getByText("Koostan Wordi faili…")).toBeVisible();
      expect(downloadButton()).toBeDisabled();
    });

    test("error: nothing is downloaded", async () => {
      const pane = await openLisa2();
      pane.services!.lisa2Docx.mockRejectedValue(new Error("Wordi faili ei õnnestunud koostada."));
      await pane.user.click(downloadButton());
      expect(await screen.findByRole("alert")).toHaveTextContent("Wordi faili ei õnnestunud koostada.");
      expect(createObjectURL).not.toHaveBeenCalled();
      expect(clicked).toHaveLength(0);
    });
  });
});
