/** @jest-environment jsdom */
import "./setup";
import { act, screen, within } from "@testing-library/react";
import { CheckOutcome } from "../../src/app";
import { fixtureWithLine } from "../helpers";
import {
  RenderedPane,
  checkOutcome,
  cleanOutcome,
  deferred,
  fixtureImport,
  nbsp,
  openTab,
  placeFindings,
  renderApp,
} from "./harness";

/** The fixture with Tartu's 3.5.2.1.1.2 at 5 600,54 instead of 5 660,54: its parent 3.5.2.1.1 no longer adds up. */
const tartuSumMismatch = () => fixtureImport(fixtureWithLine(264, "5 660,54", "5 600,54"));

/** Opens Kontroll, answers the check with `outcome` and runs it. */
async function runCheck(pane: RenderedPane, outcome: CheckOutcome): Promise<void> {
  pane.services!.check.mockResolvedValue(outcome);
  await openTab(pane.user, "Kontroll");
  await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
  await screen.findByTestId("check-counts");
}

const marksSwitch = () => screen.getByRole("switch", { name: "Märgi lahtrid värviga" });
const implementerSection = (name: string) => screen.getByRole("region", { name });

describe("empty", () => {
  test("before a check the panel shows only what it does, with marking on", async () => {
    const pane = renderApp();
    await openTab(pane.user, "Kontroll");
    expect(screen.getByText(/Kontrollib töövihiku ajakavu/)).toBeVisible();
    expect(marksSwitch()).toBeChecked();
    expect(screen.queryByTestId("check-counts")).not.toBeInTheDocument();
    expect(screen.queryAllByRole("region")).toHaveLength(0);
  });

  test('no findings: "Vastuolusid ei leitud."', async () => {
    const pane = renderApp();
    await runCheck(pane, cleanOutcome());
    expect(screen.getByTestId("check-counts")).toHaveTextContent("Vastuolusid ei leitud.");
    expect(screen.queryAllByRole("region")).toHaveLength(0);
  });
});

describe("running the check", () => {
  test('"Kontrolli" checks with marks and reports the counts and the cells marked', async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome(undefined, 25));
    expect(pane.services!.check).toHaveBeenCalledTimes(1);
    expect(pane.services!.check).toHaveBeenCalledWith({ mark: true });
    expect(screen.getByTestId("check-counts")).toHaveTextContent("18 viga, 10 hoiatust, 4 teadet");
    expect(screen.getByText(/Märgitud 25 lahtrit\./)).toBeVisible();
  });

  test("with the switch off before the first check, it checks without marks", async () => {
    const pane = renderApp();
    pane.services!.check.mockResolvedValue(checkOutcome());
    await openTab(pane.user, "Kontroll");
    await pane.user.click(marksSwitch());
    expect(marksSwitch()).not.toBeChecked();
    // Nothing to clear yet: no check has marked anything.
    expect(pane.services!.clearMarks).not.toHaveBeenCalled();
    await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
    expect(pane.services!.check).toHaveBeenCalledWith({ mark: false });
  });

  test("working: the spinner says the workbook is being checked", async () => {
    const pane = renderApp();
    const pending = deferred<CheckOutcome>();
    pane.services!.check.mockReturnValue(pending.promise);
    await openTab(pane.user, "Kontroll");
    await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
    expect(screen.getByText("Kontrollin töövihikut…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Kontrolli" })).toBeDisabled();
    expect(marksSwitch()).toBeDisabled();
    await act(async () => pending.resolve(checkOutcome()));
    expect(screen.getByRole("button", { name: "Kontrolli" })).toBeEnabled();
  });

  test("error: the message is shown and the previous result stays", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome());
    pane.services!.check.mockRejectedValue(new Error("Excel ei vasta."));
    await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Excel ei vasta.");
    expect(screen.getByTestId("check-counts")).toHaveTextContent("18 viga, 10 hoiatust, 4 teadet");
  });

  test("the workbook's reading diagnostics are listed", async () => {
    const pane = renderApp();
    const outcome = checkOutcome();
    outcome.diagnostics = [
      {
        severity: "warning",
        id: "unreadable-amount",
        line: null,
        message: "Lehel „Tartu“ lahtris G12 ei ole arv.",
        messageEn: "Cell G12 of the sheet “Tartu” is not a number.",
      },
    ];
    await runCheck(pane, outcome);
    expect(screen.getByText("Töövihiku lugemise teated (1)")).toBeVisible();
    expect(screen.getByText("Lehel „Tartu“ lahtris G12 ei ole arv.")).toBeVisible();
  });
});

describe("findings", () => {
  test("are grouped by implementer, in the plan's order, with the whole plan's last", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome());
    const sections = screen.getAllByRole("region");
    expect(sections.map((section) => section.getAttribute("aria-label"))).toEqual([
      "ELVL",
      "Tallinna linn",
      "Rakvere linn",
      "Pärnu linn",
      "Jõhvi vald",
      "Kohtla-Järve linn",
      "Kogu kava",
    ]);
  });

  test("each implementer's heading carries a count badge per severity, and each severity a heading", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome());
    const elvl = implementerSection("ELVL");
    // The badges show the bare counts; a screen reader hears what they count. Its warnings: item 8's missing frame and
    // the two codes its text describes without a row.
    expect(within(elvl).getByRole("heading", { level: 2 })).toHaveTextContent(/^ELVL 232$/);
    expect(within(elvl).getByRole("heading", { level: 2 })).toHaveAccessibleName("ELVL Vead: 2 Hoiatused: 3 Teated: 2");
    expect(
      within(elvl)
        .getAllByRole("heading", { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(["Vead (2)", "Hoiatused (3)", "Teated (2)"]);

    const rakvere = implementerSection("Rakvere linn");
    expect(within(rakvere).getByRole("heading", { level: 2 })).toHaveAccessibleName("Rakvere linn Vead: 13");
    expect(within(rakvere).getByRole("heading", { level: 3, name: "Vead (13)" })).toBeVisible();
    expect(within(rakvere).getAllByRole("heading", { level: 3 })).toHaveLength(1);
  });

  test("a finding shows its message, which names its row once; a text finding its line", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome());
    const finding = checkOutcome().result.findings.find((each) => each.rule === "frame-vs-partnership")!;
    const tallinn = implementerSection("Tallinna linn");
    expect(within(tallinn).getByText(finding.message)).toBeVisible();
    expect(finding.message).toMatch(/^Rea 3\.5\.2\.1\.5 üldajaraam /);
    // The code is not printed again before the message ("3.5.2.1.5 Rea 3.5.2.1.5 …").
    expect(within(tallinn).queryByText("3.5.2.1.5")).not.toBeInTheDocument();
    expect(within(tallinn).getByText(`rida ${finding.position.line}`)).toBeVisible();
    // No workbook cell: nothing to go to.
    expect(within(tallinn).queryByRole("button")).not.toBeInTheDocument();
  });

  test("a rule repeated 3 or more times for one implementer and severity folds into one group", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome());
    const rakvere = implementerSection("Rakvere linn");
    const outsideYear = within(rakvere).getByRole("button", { name: "6 sarnast leidu (plan-outside-year)" });
    const outsideFrame = within(rakvere).getByRole("button", { name: "6 sarnast leidu (plan-outside-frame)" });
    expect(outsideYear).toHaveAttribute("aria-expanded", "false");
    expect(outsideFrame).toHaveAttribute("aria-expanded", "false");
    // The lone duplicate code is not folded.
    expect(rakvere.querySelectorAll('[data-rule="duplicate-code"]')).toHaveLength(1);
    expect(rakvere.querySelectorAll('[data-rule="plan-outside-year"]')).toHaveLength(0);

    await pane.user.click(outsideYear);
    expect(outsideYear).toHaveAttribute("aria-expanded", "true");
    expect(rakvere.querySelectorAll('[data-rule="plan-outside-year"]')).toHaveLength(6);
    expect(rakvere.querySelectorAll('[data-rule="plan-outside-frame"]')).toHaveLength(0);

    // Two of a rule are shown as they are: ELVL's two plan-outside-year errors.
    const elvl = implementerSection("ELVL");
    expect(within(elvl).queryByRole("button", { name: /sarnast leidu/ })).not.toBeInTheDocument();
    expect(elvl.querySelectorAll('[data-rule="plan-outside-year"]')).toHaveLength(2);
  });

  test("a sum finding shows the document's amount, the computed one and the difference", async () => {
    const pane = renderApp();
    const outcome = checkOutcome(tartuSumMismatch());
    const sum = outcome.result.findings.find((finding) => finding.rule === "sum-mismatch")!;
    expect(sum.code).toBe("3.5.2.1.1");
    await runCheck(pane, outcome);
    const tartu = implementerSection("Tartu linn");
    expect(within(tartu).getByText(/^Dokumendis/).textContent).toBe(
      `Dokumendis ${nbsp("5 660,54")} · Arvutatud ${nbsp("5 600,54")} · Vahe -60,00`,
    );
  });

  test("a finding at a workbook cell links to it, and the link goes there", async () => {
    const pane = renderApp();
    const outcome = placeFindings(
      checkOutcome(tartuSumMismatch()),
      (finding) => finding.rule === "sum-mismatch",
      "Tartu",
      "G12",
    );
    pane.services!.goTo.mockResolvedValue(undefined);
    await runCheck(pane, outcome);

    const link = within(implementerSection("Tartu linn")).getByRole("button", { name: "Mine lahtrisse Tartu!G12" });
    expect(link).toHaveTextContent("Tartu!G12");
    await pane.user.click(link);
    expect(pane.services!.goTo).toHaveBeenCalledTimes(1);
    expect(pane.services!.goTo).toHaveBeenCalledWith({ sheet: "Tartu", cell: "G12" });
  });

  test("in English the findings, headings and counts are English", async () => {
    const pane = renderApp({ language: "en" });
    const outcome = checkOutcome();
    pane.services!.check.mockResolvedValue(outcome);
    await openTab(pane.user, "Check");
    await pane.user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByTestId("check-counts")).toHaveTextContent("18 errors, 10 warnings, 4 notes");
    const tallinn = screen.getByRole("region", { name: "Tallinna linn" });
    const finding = outcome.result.findings.find((each) => each.rule === "frame-vs-partnership")!;
    expect(within(tallinn).getByText(finding.messageEn)).toBeVisible();
    expect(within(tallinn).getByRole("heading", { level: 3, name: "Warnings (1)" })).toBeVisible();
    expect(screen.getByRole("region", { name: "Whole plan" })).toBeVisible();
    expect(
      within(screen.getByRole("region", { name: "Rakvere linn" })).getByRole("button", {
        name: "6 similar findings (plan-outside-year)",
      }),
    ).toBeVisible();
  });
});

describe("the marks switch", () => {
  test("off after a check: the marks are cleared and the count of cells is shown", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome(undefined, 25));
    pane.services!.clearMarks.mockResolvedValue(25);
    await pane.user.click(marksSwitch());
    expect(pane.services!.clearMarks).toHaveBeenCalledTimes(1);
    expect(marksSwitch()).not.toBeChecked();
    expect(await screen.findByText(/Märgid eemaldatud \(25 lahtrit, nende oma vormingud taastatud\)\./)).toBeVisible();
    expect(screen.queryByText(/Märgitud 25 lahtrit/)).not.toBeInTheDocument();
    // The findings stay: only the colours went.
    expect(screen.getByTestId("check-counts")).toHaveTextContent("18 viga");
  });

  test("on again: checks again with marks", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome(undefined, 25));
    pane.services!.clearMarks.mockResolvedValue(25);
    await pane.user.click(marksSwitch());
    await screen.findByText(/Märgid eemaldatud/);
    await pane.user.click(marksSwitch());
    expect(pane.services!.check).toHaveBeenCalledTimes(2);
    expect(pane.services!.check).toHaveBeenLastCalledWith({ mark: true });
    expect(await screen.findByText(/Märgitud 25 lahtrit\./)).toBeVisible();
  });

  test("working: the spinner says the marks are being removed", async () => {
    const pane = renderApp();
    await runCheck(pane, checkOutcome(undefined, 25));
    pane.services!.clearMarks.mockReturnValue(new Promise(() => undefined));
    await pane.user.click(marksSwitch());
    expect(screen.getByText("Eemaldan märke…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Kontrolli" })).toBeDisabled();
  });
});
