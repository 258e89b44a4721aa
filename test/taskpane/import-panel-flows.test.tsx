/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { ImportPreview, SelectionPreview, WorkbookServices, workbookServices } from "../../src/app";
import { ImportPanel } from "../../src/taskpane/panels/ImportPanel";
import { MESSAGES, MessagesContext } from "../../src/taskpane/i18n";
import { OperationProvider, useOperation } from "../../src/taskpane/operation";
import { createFakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * The import panel alone (inside the providers App gives it), over mocked import services: both flows step by step,
 * the file choices, the conflict question, and what is disabled while an operation runs or without Excel.
 */

type ImportServices = Pick<
  WorkbookServices,
  "previewText" | "previewDocument" | "importPlan" | "previewSelection" | "importSelection"
>;
type Mocked = { [K in keyof ImportServices]: jest.MockedFunction<ImportServices[K]> };

function refuse<K extends keyof ImportServices>(name: K): Mocked[K] {
  return jest.fn(() => Promise.reject(new Error(`${name} was not expected`))) as unknown as Mocked[K];
}

function mockedServices(): Mocked {
  return {
    previewText: refuse("previewText"),
    previewDocument: refuse("previewDocument"),
    importPlan: refuse("importPlan"),
    previewSelection: refuse("previewSelection"),
    importSelection: refuse("importSelection"),
  };
}

/** The operation's error, shown as App shows it, so that a failed service call is visible in the DOM. */
function OperationError() {
  const { busy, error } = useOperation();
  return (
    <div data-testid="operation">
      {busy ?? ""}|{error ?? ""}
    </div>
  );
}

function renderPanel(
  options: { services?: Mocked | null; sample?: () => Promise<string>; language?: "et" | "en" } = {},
  userOptions: Parameters<typeof userEvent.setup>[0] = {},
) {
  const services = options.services === undefined ? mockedServices() : options.services;
  const onImported = jest.fn();
  const language = options.language ?? "et";
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never, ...userOptions });
  render(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={MESSAGES[language]}>
        <OperationProvider language={language}>
          <OperationError />
          <ImportPanel
            services={services as unknown as WorkbookServices | null}
            sample={options.sample}
            onImported={onImported}
          />
        </OperationProvider>
      </MessagesContext.Provider>
    </FluentProvider>,
  );
  return { services: services!, onImported, user };
}

let realPreview: ImportPreview;
beforeAll(async () => {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  realPreview = await workbookServices(adapter).previewText(fixtureText());
});

const withConflicts = (): ImportPreview => ({ ...realPreview, conflicts: realPreview.sheets.slice(0, 2) });

const textBox = () => screen.getByRole("textbox", { name: "Käskkirja tekst" });
const button = (name: string) => screen.getByRole("button", { name });

function selectionPreview(overrides: Partial<SelectionPreview["mapping"]> = {}): SelectionPreview {
  const rows = realPreview.result.plan.implementers[1].rows.slice(0, 3);
  return {
    sheet: "Leht1",
    address: "B2:H5",
    mapping: {
      header: null,
      implementer: { name: "Tartu linn", role: "partner" },
      needsImplementer: false,
      roleHint: "partner",
      rows,
      diagnostics: [{ line: 4, message: "Rida 4 on vigane", messageEn: "Row 4 is bad" }],
      ...overrides,
    } as SelectionPreview["mapping"],
  };
}

describe("the directive flow", () => {
  test("initially: the text box, file, sample and preview buttons, the selection section; no table", async () => {
    renderPanel({ sample: () => Promise.resolve("näidis") });
    expect(textBox()).toHaveValue("");
    expect(button("Vali fail")).toBeEnabled();
    expect(button("Lae näidiskäskkiri")).toBeEnabled();
    expect(button("Eelvaade")).toBeEnabled();
    expect(button("Loe valitud vahemik")).toBeEnabled();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  test("without services every action but the sample is disabled", async () => {
    renderPanel({ services: null, sample: () => Promise.resolve("näidis") });
    expect(button("Vali fail")).toBeDisabled();
    expect(button("Lae näidiskäskkiri")).toBeEnabled();
    expect(button("Eelvaade")).toBeDisabled();
    expect(button("Loe valitud vahemik")).toBeDisabled();
  });

  test("in English", async () => {
    renderPanel({ language: "en" });
    expect(screen.getByRole("button", { name: "Preview" })).toBeEnabled();
  });

  test("an empty box asks for text", async () => {
    const { services, user } = renderPanel();
    await user.type(textBox(), "  ");
    await user.click(button("Eelvaade"));
    expect(screen.getByText("Kleepige tekst või valige fail.")).toBeVisible();
    expect(services.previewText).not.toHaveBeenCalled();
  });

  test("the sample fills the box", async () => {
    const { user } = renderPanel({ sample: () => Promise.resolve("näidiskäskkiri") });
    await user.click(button("Lae näidiskäskkiri"));
    expect(textBox()).toHaveValue("näidiskäskkiri");
  });

  test("preview, then write without conflicts", async () => {
    const { services, onImported, user } = renderPanel();
    services.previewText.mockResolvedValue(realPreview);
    await user.click(textBox());
    await user.paste("käskkiri");
    await user.click(button("Eelvaade"));
    const table = await screen.findByRole("table", { name: "Leitud" });
    expect(services.previewText).toHaveBeenCalledWith("käskkiri");
    expect(within(table).getAllByRole("row")).toHaveLength(realPreview.result.plan.implementers.length + 2);
    services.importPlan.mockResolvedValue({ sheets: { a: "Eelarve", b: "Ajakava" }, backups: [] });
    await user.click(button("Kirjuta töövihikusse"));
    await screen.findByText(/Eelarve, Ajakava/);
    expect(services.importPlan).toHaveBeenCalledWith(realPreview, {});
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();

    // A new preview hides the last write's message.
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    expect(screen.queryByText(/Eelarve, Ajakava/)).not.toBeInTheDocument();
    // Editing the text drops the preview.
    await user.type(textBox(), "x");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  test.each([
    ["Asenda (jäta varukoopia)", "replace"],
    ["Impordi teise nimega", "keep-both"],
  ])("conflicts ask first: %s", async (choice, conflict) => {
    const { services, onImported, user } = renderPanel();
    const preview = withConflicts();
    services.previewText.mockResolvedValue(preview);
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    await user.click(button("Kirjuta töövihikusse"));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(preview.conflicts.join(", "), { exact: false })).toBeInTheDocument();
    expect(services.importPlan).not.toHaveBeenCalled();
    services.importPlan.mockResolvedValue({ sheets: { a: "Eelarve (2)" }, backups: ["Eelarve (vana)"] });
    await user.click(within(dialog).getByRole("button", { name: choice, hidden: true }));
    await screen.findByText(/Eelarve \(2\)/);
    expect(services.importPlan).toHaveBeenCalledWith(
      preview,
      Object.fromEntries(preview.conflicts.map((sheet) => [sheet, conflict])),
    );
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  test("cancelling the conflict dialog writes nothing and keeps the preview", async () => {
    const { services, onImported, user } = renderPanel();
    services.previewText.mockResolvedValue(withConflicts());
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    await user.click(button("Kirjuta töövihikusse"));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Loobu", hidden: true }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(services.importPlan).not.toHaveBeenCalled();
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.getByRole("table", { name: "Leitud" })).toBeInTheDocument();
  });

  test("a failed write keeps the preview", async () => {
    const { services, onImported, user } = renderPanel();
    services.previewText.mockResolvedValue(realPreview);
    services.importPlan.mockRejectedValue(new Error("Excel ütles ei"));
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    await user.click(button("Kirjuta töövihikusse"));
    await screen.findByText(/Excel ütles ei/);
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.getByRole("table", { name: "Leitud" })).toBeInTheDocument();
  });

  test("while a preview runs, the actions are disabled", async () => {
    const { services, user } = renderPanel({ sample: () => Promise.resolve("x") });
    let resolve!: (preview: ImportPreview) => void;
    services.previewText.mockReturnValue(new Promise((res) => (resolve = res)));
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    expect(button("Eelvaade")).toBeDisabled();
    expect(button("Vali fail")).toBeDisabled();
    expect(button("Lae näidiskäskkiri")).toBeDisabled();
    expect(button("Loe valitud vahemik")).toBeDisabled();
    resolve(realPreview);
    await screen.findByRole("table", { name: "Leitud" });
  });
});

describe("choosing a file", () => {
  const upload = async (user: ReturnType<typeof userEvent.setup>, file: File) =>
    user.upload(screen.getByTestId("import-file"), file);

  test("a text file fills the box and drops the preview", async () => {
    const { services, user } = renderPanel();
    services.previewText.mockResolvedValue(realPreview);
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    await upload(user, new File(["faili sisu"], "kaskkiri.TXT", { type: "text/plain" }));
    await screen.findByDisplayValue("faili sisu");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect((screen.getByTestId("import-file") as HTMLInputElement).value).toBe("");
  });

  test("a Word file goes straight to the preview", async () => {
    const { services, user } = renderPanel();
    services.previewDocument.mockResolvedValue(realPreview);
    await upload(user, new File([new Uint8Array([1, 2, 3])], "lisa1.docx"));
    await screen.findByRole("table", { name: "Leitud" });
    expect(services.previewDocument).toHaveBeenCalledWith("docx", new Uint8Array([1, 2, 3]));
    expect(textBox()).toHaveValue("");
  });

  test("a PDF whose preview fails leaves no preview", async () => {
    const { services, user } = renderPanel();
    services.previewDocument.mockRejectedValue(new Error("katki"));
    await upload(user, new File([new Uint8Array([9])], "Lisa1.PDF"));
    await screen.findByText(/katki/);
    expect(services.previewDocument).toHaveBeenCalledWith("pdf", new Uint8Array([9]));
  });

  test("another kind of file is refused", async () => {
    const { services, user } = renderPanel({}, { applyAccept: false });
    await upload(user, new File(["a;b"], "tabel.csv"));
    await screen.findByText(/tabel\.csv/);
    expect(textBox()).toHaveAttribute("aria-invalid", "true");
    expect(services.previewText).not.toHaveBeenCalled();
  });

  test("a binary file named .txt is refused", async () => {
    const { user } = renderPanel();
    await upload(user, new File(["a\u0000b"], "kaskkiri.txt"));
    await screen.findByText(/kaskkiri\.txt/);
    expect(textBox()).toHaveValue("");
  });

  test("a file over its limit is refused unread, and the error clears on the next preview", async () => {
    const { services, user } = renderPanel();
    const file = new File(["x"], "lisa1.docx");
    Object.defineProperty(file, "size", { value: 40 * 1024 * 1024 });
    await upload(user, file);
    await screen.findByText(/liiga suur/);
    expect(services.previewDocument).not.toHaveBeenCalled();
    services.previewText.mockResolvedValue(realPreview);
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    expect(screen.queryByText(/liiga suur/)).not.toBeInTheDocument();
  });
});

describe("the pasted range", () => {
  test("reading the selection shows the rows, the problems and whose schedule it is; writing it", async () => {
    const { services, onImported, user } = renderPanel();
    const selection = selectionPreview();
    services.previewSelection.mockResolvedValue(selection);
    await user.click(button("Loe valitud vahemik"));
    const section = await screen.findByRole("region", { name: "Excelisse kleebitud tabelist" });
    expect(within(section).getByText("Vahemikust Leht1!B2:H5 leiti 3 rida.")).toBeInTheDocument();
    expect(within(section).getByText(/Rida 4 on vigane/)).toBeInTheDocument();
    const name = within(section).getByRole("textbox", { name: "Elluviija või partneri nimi (nt Tartu linn)" });
    expect(name).toHaveValue("Tartu linn");
    await user.clear(name);
    expect(within(section).getByRole("button", { name: "Kirjuta ajakavaks" })).toBeDisabled();
    await user.type(name, "  Viljandi linn ");
    await user.click(within(section).getByRole("combobox", { name: "Roll" }));
    await user.click(screen.getByRole("option", { name: "elluviija" }));
    services.importSelection.mockResolvedValue({ sheet: "Ajakava Viljandi", backups: ["vana"], newWorkbook: false });
    await user.click(within(section).getByRole("button", { name: "Kirjuta ajakavaks" }));
    await screen.findByText(/Ajakava Viljandi/);
    expect(services.importSelection).toHaveBeenCalledWith(selection, { name: "Viljandi linn", role: "elluviija" });
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("region", { name: "Excelisse kleebitud tabelist" })).not.toBeInTheDocument();

    // Reading again hides the message.
    services.previewSelection.mockResolvedValue(selectionPreview({ implementer: null, roleHint: "elluviija" }));
    await user.click(button("Loe valitud vahemik"));
    await screen.findByRole("region", { name: "Excelisse kleebitud tabelist" });
    expect(screen.queryByText(/Ajakava Viljandi/)).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Elluviija või partneri nimi (nt Tartu linn)" })).toHaveValue("");
    expect(screen.getByRole("combobox", { name: "Roll" })).toHaveTextContent("elluviija");
  });

  test("a range with no rows asks nothing", async () => {
    const { services, user } = renderPanel();
    services.previewSelection.mockResolvedValue(
      selectionPreview({ rows: [], implementer: null, roleHint: null, diagnostics: [] }),
    );
    await user.click(button("Loe valitud vahemik"));
    const section = await screen.findByRole("region", { name: "Excelisse kleebitud tabelist" });
    expect(within(section).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(section).queryByRole("button")).not.toBeInTheDocument();
  });

  test("in English", async () => {
    const { services, user } = renderPanel({ language: "en" });
    services.previewSelection.mockResolvedValue(selectionPreview());
    await user.click(screen.getByRole("button", { name: "Read the selected range" }));
    await screen.findByRole("region", { name: "From a table pasted into Excel" });
    expect(screen.getByText(/Row 4 is bad/)).toBeInTheDocument();
  });

  test("both flows side by side", async () => {
    const { services, user } = renderPanel();
    services.previewText.mockResolvedValue(withConflicts());
    services.previewSelection.mockResolvedValue(selectionPreview());
    await user.type(textBox(), "k");
    await user.click(button("Eelvaade"));
    await screen.findByRole("table", { name: "Leitud" });
    await user.click(button("Loe valitud vahemik"));
    await screen.findByRole("region", { name: "Excelisse kleebitud tabelist" });
    await user.click(button("Kirjuta töövihikusse"));
    await screen.findByRole("dialog", { hidden: true });
  });
});
