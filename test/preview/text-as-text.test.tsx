/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createPreviewWorkbook } from "../../src/preview/store";
import { WorkbookView } from "../../src/preview/WorkbookView";

/**
 * The preview's grid shows what cells hold as text: values, formulas' results, number formats' literal text, the
 * formula bar, the cell editor and sheet tabs, with HTML, script, javascript: links, entities and bidi controls
 * kept exactly as written and never made into elements.
 */

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert('x')</script>";
const LINK = '<a href="javascript:alert(1)">vajuta</a>';
const ENTITY = "&lt;b&gt;paks&lt;/b&gt; &#60;i&#62;";
const BIDI = "Tartu \u202Eknil\u202C linn";
/** Sheet names may hold most characters, not \ / ? * [ ] : and at most 31 of them. */
const SHEET = "<svg onload=alert(1)>Leht";

async function hostileWorkbook() {
  const store = createPreviewWorkbook({ year: 2025 });
  await store.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const cells = sheet.getRange("A1:C3");
    cells.numberFormat = [
      ["@", "@", "@"],
      ["@", '"<i>"0.00"</i>"', "General"],
      ["@", "General", "General"],
    ];
    cells.formulas = [
      [IMG, SCRIPT, LINK],
      [ENTITY, 5, '="<u>"&A1'],
      [BIDI, "", ""],
    ];
    context.workbook.worksheets.add(SHEET).getRange("A1").values = [[IMG]];
    await context.sync();
  });
  const view = render(<WorkbookView store={store} />);
  const cell = (address: string) => {
    const found = view.container.querySelector<HTMLElement>(`[data-cell="${address}"]`);
    if (!found) throw new Error(`no cell ${address} in the grid`);
    return found;
  };
  return { store, view, cell };
}

function injected(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll("img, script, iframe, object, embed, svg, i, u"))
    found.push(element.outerHTML.slice(0, 80));
  for (const link of root.querySelectorAll("a[href]")) found.push(link.outerHTML.slice(0, 80));
  for (const element of root.querySelectorAll("*"))
    for (const attribute of element.attributes)
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
  return found;
}

describe("the preview's grid with markup in its cells", () => {
  it("shows values, formats' literals and formulas' results as text, one text node each", async () => {
    const { cell, view } = await hostileWorkbook();
    // The cell's one text node (text spilling over empty neighbours sits in the grid's own <div>).
    const only = (address: string) => {
      const walker = document.createTreeWalker(cell(address), NodeFilter.SHOW_TEXT);
      const texts: Array<string | null> = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue);
      expect(texts).toHaveLength(1);
      return texts[0];
    };
    expect(only("A1")).toBe(IMG);
    expect(only("B1")).toBe(SCRIPT);
    expect(only("C1")).toBe(LINK);
    expect(only("A2")).toBe(ENTITY);
    expect(only("B2")).toBe("<i>5,00</i>");
    expect(only("C2")).toBe(`<u>${IMG}`);
    expect(only("A3")).toBe(BIDI);
    // A formula is shown in its tooltip and its data attribute, as attribute text.
    expect(cell("C2")).toHaveAttribute("title", '="<u>"&A1');
    expect(injected(view.container)).toEqual([]);
  });

  it("puts a cell's text in the formula bar and the editor as text and value", async () => {
    const { cell, view } = await hostileWorkbook();
    fireEvent.click(cell("B1"));
    await waitFor(() => expect(screen.getByTestId("formula-bar").textContent).toBe(SCRIPT));
    fireEvent.click(cell("C2"));
    await waitFor(() => expect(screen.getByTestId("formula-bar").textContent).toBe('="<u>"&A1'));
    fireEvent.doubleClick(cell("A1"));
    expect(screen.getByTestId("cell-editor")).toHaveValue(IMG);
    fireEvent.keyDown(screen.getByTestId("cell-editor"), { key: "Escape" });
    expect(injected(view.container)).toEqual([]);
  });

  it("names a sheet with markup in its tab and its grid as text", async () => {
    const { store, view } = await hostileWorkbook();
    const tab = screen.getByRole("tab", { name: SHEET });
    expect(tab.textContent).toBe(SHEET);
    expect(tab).toHaveAttribute("data-sheet", SHEET);
    fireEvent.click(tab);
    await waitFor(() => expect(store.fake.workbook.activeSheetName).toBe(SHEET));
    const grid = await screen.findByRole("grid", { name: SHEET });
    expect(grid.querySelector('[data-cell="A1"]')!.textContent).toBe(IMG);
    expect(injected(view.container)).toEqual([]);
  });

  it("writes what is typed as text, not markup, and shows it back so", async () => {
    const { store, cell, view } = await hostileWorkbook();
    fireEvent.doubleClick(cell("B3"));
    fireEvent.change(screen.getByTestId("cell-editor"), { target: { value: SCRIPT } });
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId("cell-editor"), { key: "Enter" });
    });
    await waitFor(() => expect(store.fake.workbook.value("Sheet1", "B3")).toBe(SCRIPT));
    await waitFor(() => expect(cell("B3").textContent).toBe(SCRIPT));
    expect(injected(view.container)).toEqual([]);
  });

  it("the check would see markup had the grid made it", () => {
    const root = document.createElement("div");
    // The one place this test builds markup from a string: to show the detector is not blind.
    root.insertAdjacentHTML("beforeend", [IMG, SCRIPT, LINK, SHEET, "<i>5</i>"].join(""));
    // Five elements (img, script, a, svg, i), two handlers (onerror, onload).
    expect(injected(root)).toHaveLength(7);
  });
});
