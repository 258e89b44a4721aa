/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createPreviewWorkbook } from "../../src/preview/store";
import { WorkbookView } from "../../src/preview/WorkbookView";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";

const NBSP = "\u00a0";
/** 31.12.2025 as an Excel serial. */
const LAST_OF_2025 = 46022;

/** A workbook with a bit of everything the grid shows: formats, a formula, a fill, a hidden and a very hidden sheet. */
async function workbook() {
  const store = createPreviewWorkbook({ year: 2025 });
  await store.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const first = sheets.getItem("Sheet1");
    const values = first.getRange("A1:D2");
    values.numberFormat = [
      ["@", "#,##0.00", "dd.mm.yyyy", 'General" %"'],
      ["General", "#,##0.00", "General", "General"],
    ];
    values.formulas = [
      ["Kokku", 1266860.75, LAST_OF_2025, 7.5],
      ["Märgitud", "=B1*2", "", ""],
    ];
    first.getRange("A1").format.font.bold = true;
    first.getRange("A2").format.fill.color = "#F8CBAD";
    sheets.add("Koond").getRange("A1").values = [["Koondleht"]];
    sheets.add("Peidus").visibility = "Hidden";
    sheets.add("Varu").visibility = "VeryHidden";
    await context.sync();
  });
  const adapter = new OfficeWorkbookAdapter(store.run);
  const view = render(<WorkbookView store={store} />);
  const cell = (address: string) => {
    const found = view.container.querySelector<HTMLElement>(`[data-cell="${address}"]`);
    if (!found) throw new Error(`no cell ${address} in the grid`);
    return found;
  };
  return { store, fake: store.fake.workbook, adapter, view, cell };
}

describe("the preview's workbook view", () => {
  it("shows values as Estonian Excel displays them, with the cells' formats", async () => {
    const { cell } = await workbook();
    expect(screen.getByRole("grid", { name: "Sheet1" })).toBeInTheDocument();
    expect(cell("A1")).toHaveTextContent("Kokku");
    expect(cell("A1")).toHaveStyle({ fontWeight: "bold" });
    expect(cell("B1").textContent).toBe(`1${NBSP}266${NBSP}860,75`);
    expect(cell("C1").textContent).toBe("31.12.2025");
    expect(cell("D1").textContent).toBe("7,5 %");
    // A formula shows its result, and says what it is.
    expect(cell("B2").textContent).toBe(`2${NBSP}533${NBSP}721,50`);
    expect(cell("B2")).toHaveAttribute("data-formula", "=B1*2");
    // Check marks colour cells by their fill.
    expect(cell("A2")).toHaveStyle({ backgroundColor: "#F8CBAD" });
    expect(cell("B1")).toHaveStyle({ textAlign: "right" });
    expect(screen.getByRole("columnheader", { name: "D" })).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "2" })).toBeInTheDocument();
  });

  it("shows the visible sheets as tabs, and activates the one clicked in the workbook", async () => {
    const { fake } = await workbook();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.getAttribute("data-sheet"))).toEqual(["Sheet1", "Koond"]);
    expect(screen.getByRole("tab", { name: "Sheet1" })).toHaveAttribute("aria-selected", "true");

    fireEvent.click(screen.getByRole("tab", { name: "Koond" }));
    await waitFor(() => expect(fake.activeSheetName).toBe("Koond"));
    expect(screen.getByRole("tab", { name: "Koond" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Sheet1" })).toHaveAttribute("aria-selected", "false");
    expect(within(screen.getByRole("grid", { name: "Koond" })).getByText("Koondleht")).toBeInTheDocument();
  });

  it("follows a selection made through the adapter: sheet, cell and scroll", async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    try {
      const { adapter, view } = await workbook();
      await act(() => adapter.goTo({ sheet: "Koond", cell: "B3" }));
      const grid = screen.getByRole("grid", { name: "Koond" });
      // querySelectorAll rather than ByRole: jsdom takes seconds to compute the roles of hundreds of cells.
      const selected = [...grid.querySelectorAll('[role="gridcell"][aria-selected="true"]')];
      expect(selected.map((cell) => cell.getAttribute("data-cell"))).toEqual(["B3"]);
      expect(scrollIntoView).toHaveBeenCalledWith({ block: "nearest", inline: "nearest" });
      expect(scrollIntoView.mock.contexts[scrollIntoView.mock.contexts.length - 1]).toBe(
        view.container.querySelector('[data-cell="B3"]'),
      );
      expect(screen.getByTestId("name-box")).toHaveTextContent("B3");
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it("selects a clicked cell, and a range with shift", async () => {
    const { fake, cell } = await workbook();
    fireEvent.click(cell("B2"));
    await waitFor(() => expect(fake.selection).toBe("Sheet1!B2"));
    expect(cell("B2")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("formula-bar")).toHaveTextContent("=B1*2");

    fireEvent.click(cell("C3"), { shiftKey: true });
    await waitFor(() => expect(fake.selection).toBe("Sheet1!B2:C3"));
    for (const address of ["B2", "B3", "C2", "C3"]) expect(cell(address)).toHaveAttribute("aria-selected", "true");
    expect(cell("A1")).toHaveAttribute("aria-selected", "false");
  });

  it("writes a number typed Estonian-style into the workbook, and moves down as Enter does in Excel", async () => {
    const { fake, cell } = await workbook();
    fireEvent.doubleClick(cell("B3"));
    const editor = screen.getByTestId("cell-editor");
    fireEvent.change(editor, { target: { value: "2 500,00" } });
    fireEvent.keyDown(editor, { key: "Enter" });
    await waitFor(() => expect(fake.value("Sheet1", "B3")).toBe(2500));
    await waitFor(() => expect(fake.selection).toBe("Sheet1!B4"));
    expect(screen.queryByTestId("cell-editor")).not.toBeInTheDocument();

    // Typing on a selected cell starts the edit; text stays text.
    fireEvent.keyDown(cell("B4"), { key: "T" });
    const again = screen.getByTestId("cell-editor");
    expect(again).toHaveValue("T");
    fireEvent.change(again, { target: { value: "Tere" } });
    fireEvent.keyDown(again, { key: "Enter" });
    await waitFor(() => expect(fake.value("Sheet1", "B4")).toBe("Tere"));
  });

  it("recalculates formulas after an edit, and Escape leaves the cell as it was", async () => {
    const { fake, cell } = await workbook();
    fireEvent.doubleClick(cell("B1"));
    const editor = screen.getByTestId("cell-editor");
    expect(editor).toHaveValue("1266860,75");
    fireEvent.change(editor, { target: { value: "10" } });
    fireEvent.keyDown(editor, { key: "Enter" });
    await waitFor(() => expect(cell("B2").textContent).toBe("20,00"));

    fireEvent.keyDown(cell("B2"), { key: "F2" });
    fireEvent.change(screen.getByTestId("cell-editor"), { target: { value: "99" } });
    fireEvent.keyDown(screen.getByTestId("cell-editor"), { key: "Escape" });
    expect(screen.queryByTestId("cell-editor")).not.toBeInTheDocument();
    expect(fake.formula("Sheet1", "B2")).toBe("=B1*2");
  });

  it("shows a protected sheet's refusal", async () => {
    const { store, fake, cell } = await workbook();
    await act(() =>
      store.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.protect();
        await context.sync();
      }),
    );
    expect(screen.getByRole("tab", { name: /Sheet1/ })).toHaveAttribute("data-protected", "true");
    fireEvent.doubleClick(cell("A3"));
    fireEvent.change(screen.getByTestId("cell-editor"), { target: { value: "5" } });
    fireEvent.keyDown(screen.getByTestId("cell-editor"), { key: "Enter" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Leht „Sheet1“ on kaitstud: lahtrit A3 ei saa muuta.");
    expect(fake.value("Sheet1", "A3")).toBe("");
  });

  it("says how much of a large sheet it leaves out", async () => {
    const store = createPreviewWorkbook();
    store.fake.workbook.setCells("Sheet1", "A1", [[1]]);
    store.fake.workbook.setCells("Sheet1", "M60", [["viimane"]]);
    store.notify();
    render(<WorkbookView store={store} limits={{ maxRows: 40, maxColumns: 10 }} />);
    const grid = screen.getByRole("grid", { name: "Sheet1" });
    expect(grid.querySelectorAll('[role="rowheader"]')).toHaveLength(40);
    const columns = [...grid.querySelectorAll('[role="columnheader"]')].map((header) => header.textContent);
    expect(columns).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
    expect(screen.getByTestId("grid-status")).toHaveTextContent("peidetud 20 rida ja 3 veergu");
  });
});
