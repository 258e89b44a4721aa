/* eslint-disable office-addins/no-context-sync-in-loop -- one probe after another, each in its own Excel.run and scratch sheet. */
import type { ExcelContext } from "../excel-api";
import type { ExcelRunner } from "../office-adapter";
import type { ExcelProbe } from "./probe";

/**
 * Runs probes one by one, each in a scratch sheet of its own ("tat-budget proov …", a name no sheet has) that is
 * deleted afterwards, also when the probe fails. Only that sheet is deleted, found by the id Excel gave it: the
 * officer's sheets are never touched by the runner (probes that change workbook-wide state put it back themselves).
 */

export interface ProbeReport {
  id: string;
  api: string;
  set: string;
  kind: ExcelProbe["kind"];
  source: string;
  expect: string;
  passed: boolean;
  /** What Excel did instead, for a failure; "" when the probe passed. */
  seen: string;
  ms: number;
}

/** Office.context.diagnostics, as far as it is known. */
export interface ProbeEnvironment {
  host?: string;
  platform?: string;
  version?: string;
  /** Office.context.requirements: the newest ExcelApi set found, e.g. "1.17". */
  excelApi?: string;
}

export const SCRATCH_STEM = "tat-budget proov";

const describe = (error: unknown): string => {
  if (error instanceof Error || (typeof error === "object" && error !== null)) {
    const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
    const text = typeof message === "string" && message ? message : String(name ?? error);
    return typeof code === "string" && code && !text.includes(code) ? `${code}: ${text}` : text;
  }
  return String(error);
};

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A scratch sheet under a free name; its id. */
async function addScratch(context: ExcelContext, index: number): Promise<{ id: string; name: string }> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
  let name = `${SCRATCH_STEM} ${index + 1}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SCRATCH_STEM} ${index + 1}-${n}`;
  const scratch = context.workbook.worksheets.add(name);
  scratch.load("id,name");
  await context.sync();
  return { id: scratch.id, name: scratch.name };
}

/** Deletes the scratch sheet if it is still there: made visible first, as a very hidden sheet cannot be deleted. */
async function removeScratch(run: ExcelRunner, id: string): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(id);
    sheet.load("visibility");
    await context.sync();
    if (sheet.isNullObject) return;
    if (sheet.visibility !== "Visible") sheet.visibility = "Visible";
    sheet.delete();
    await context.sync();
  });
}

/** Runs `probes` in order; `onProgress` hears of each report as it is made. */
export async function runProbes(
  run: ExcelRunner,
  probes: readonly ExcelProbe[],
  onProgress?: (report: ProbeReport, index: number, total: number) => void,
): Promise<ProbeReport[]> {
  const reports: ProbeReport[] = [];
  for (const [index, probe] of probes.entries()) {
    const started = now();
    let scratchId: string | null = null;
    let seen = "";
    try {
      await run(async (context) => {
        const scratch = await addScratch(context, index);
        scratchId = scratch.id;
        const sheet = context.workbook.worksheets.getItem(scratch.id);
        sheet.load("id,name");
        await context.sync();
        await probe.run(context, sheet);
      });
    } catch (error) {
      seen = describe(error);
    }
    if (scratchId !== null) {
      try {
        await removeScratch(run, scratchId);
      } catch (error) {
        seen = `${seen ? `${seen}; ` : ""}the scratch sheet could not be deleted: ${describe(error)}`;
      }
    }
    const report: ProbeReport = {
      id: probe.id,
      api: probe.api,
      set: probe.set,
      kind: probe.kind,
      source: probe.source,
      expect: probe.expect,
      passed: seen === "",
      seen,
      ms: Math.round(now() - started),
    };
    reports.push(report);
    onProgress?.(report, index, probes.length);
  }
  return reports;
}

/** The plain-text report to paste: the environment, a count, one line per probe, and under a failure what was seen. */
export function probeReportText(reports: readonly ProbeReport[], environment: ProbeEnvironment = {}): string {
  const failed = reports.filter((report) => !report.passed);
  const lines = ["tat-budget: Exceli enesetest"];
  if (environment.host) lines.push(`Rakendus: ${environment.host}`);
  if (environment.platform) lines.push(`Platvorm: ${environment.platform}`);
  if (environment.version) lines.push(`Versioon: ${environment.version}`);
  if (environment.excelApi) lines.push(`ExcelApi: ${environment.excelApi}`);
  lines.push(`Proove: ${reports.length}, läbis: ${reports.length - failed.length}, ei läbinud: ${failed.length}`, "");
  for (const report of reports) {
    lines.push(`${report.passed ? "OK  " : "VIGA"} ${report.id} (${report.set}, ${report.kind}) ${report.ms} ms`);
    if (!report.passed) {
      lines.push(`     oodati: ${report.expect}`);
      lines.push(`     nähti:  ${report.seen}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
