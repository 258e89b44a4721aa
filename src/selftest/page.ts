import type { ExcelRunner } from "../workbook/office/office-adapter";
import {
  ExcelProbe,
  PROBES,
  ProbeEnvironment,
  ProbeReport,
  probeReportText,
  runProbes,
} from "../workbook/office/probes";

/**
 * The self-test page, in plain DOM (a page of its own, opened from the pane's Seaded tab): it runs the probes in
 * this Excel and shows each with OK or VIGA, and the report to paste. Everything shown is set as text.
 */

export interface SelfTestOptions {
  /** Excel.run, or null outside Excel (the page then says so and runs nothing). */
  run: ExcelRunner | null;
  environment: ProbeEnvironment;
  probes?: readonly ExcelProbe[];
  /** Writes the report to the clipboard; rejects where the webview does not allow it. */
  copy?: (text: string) => Promise<void>;
}

const TEXT = {
  title: "Exceli enesetest",
  lead:
    "Kontrollib, kas see Excel teeb seda, mida lisandmoodul temalt eeldab. Iga proov töötab oma ajutisel lehel " +
    "„tat-budget proov …“, mis pärast kustutatakse; teie lehti see ei muuda. Parim on käivitada see uues, tühjas töövihikus.",
  notInExcel: "Enesetest töötab ainult Excelis: avage see lisandmooduli paani seadetest.",
  run: "Käivita enesetest",
  running: (done: number, total: number) => `Proov ${done}/${total}…`,
  summary: (passed: number, total: number) =>
    passed === total
      ? `Kõik ${total} proovi läbisid.`
      : `Läbis ${passed} proovi ${total}-st; ülejäänud on märgitud VIGA.`,
  copy: "Kopeeri aruanne",
  copied: "Aruanne on lõikelaual.",
  copyByHand: "Kopeerimine ei õnnestunud: tekst on valitud, vajutage Ctrl+C.",
  reportLabel: "Aruanne (kopeerige see ja saatke arendajatele)",
  back: "Tagasi paani",
  environment: (environment: ProbeEnvironment) =>
    [
      environment.host && `Rakendus: ${environment.host}`,
      environment.platform && `Platvorm: ${environment.platform}`,
      environment.version && `Versioon: ${environment.version}`,
      environment.excelApi && `ExcelApi: ${environment.excelApi}`,
    ]
      .filter(Boolean)
      .join(" · "),
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function reportItem(report: ProbeReport): HTMLLIElement {
  const item = element("li", `${report.passed ? "OK" : "VIGA"} ${report.id}`, {
    class: report.passed ? "pass" : "fail",
    "data-probe": report.id,
  });
  item.appendChild(element("small", `${report.api} (${report.set}, ${report.kind})`));
  if (!report.passed) {
    item.appendChild(element("small", `Oodati: ${report.expect}`));
    item.appendChild(element("small", `Nähti: ${report.seen}`));
  }
  return item;
}

/** Builds the page in `root`; returns the run, for the tests to await. */
export function mountSelfTest(root: HTMLElement, options: SelfTestOptions): { start(): Promise<ProbeReport[]> } {
  const probes = options.probes ?? PROBES;
  root.replaceChildren();
  root.appendChild(element("h1", TEXT.title));
  root.appendChild(element("p", TEXT.lead));
  const environment = TEXT.environment(options.environment);
  if (environment) root.appendChild(element("p", environment, { id: "environment" }));
  const status = element("p", options.run ? "" : TEXT.notInExcel, { id: "status", role: "status" });
  const start = element("button", TEXT.run, { type: "button", id: "run" });
  start.disabled = options.run === null;
  const list = element("ol", undefined, { id: "results" });
  const label = element("label", TEXT.reportLabel, { for: "report" });
  const text = element("textarea", undefined, { id: "report", readonly: "", rows: "10" });
  const copy = element("button", TEXT.copy, { type: "button", id: "copy" });
  copy.disabled = true;
  const back = element("a", TEXT.back, { href: "taskpane.html" });
  root.append(start, status, list, label, text, copy, element("p"), back);
  label.hidden = text.hidden = true;

  copy.addEventListener("click", () => {
    const select = () => {
      text.focus();
      text.select();
    };
    const done = (message: string) => {
      status.textContent = message;
    };
    if (options.copy)
      options.copy(text.value).then(
        () => done(TEXT.copied),
        () => {
          select();
          done(TEXT.copyByHand);
        },
      );
    else {
      select();
      done(TEXT.copyByHand);
    }
  });

  const runAll = async (): Promise<ProbeReport[]> => {
    if (!options.run) return [];
    start.disabled = copy.disabled = true;
    list.replaceChildren();
    status.textContent = TEXT.running(0, probes.length);
    const reports = await runProbes(options.run, probes, (report, index, total) => {
      list.appendChild(reportItem(report));
      status.textContent = TEXT.running(index + 1, total);
    });
    status.textContent = TEXT.summary(reports.filter((report) => report.passed).length, reports.length);
    text.value = probeReportText(reports, options.environment);
    label.hidden = text.hidden = false;
    start.disabled = copy.disabled = false;
    return reports;
  };
  start.addEventListener("click", () => void runAll());
  return { start: runAll };
}
