import { CalendarDate, Period } from "../model/calendar-date";
import { Money, formatMoneyEstonian, parseMoney, parseRatePercent } from "../model/money";
import {
  ActionPlan,
  DirectiveMetadata,
  ImportDiagnostic,
  ImportError,
  ImportResult,
  Implementer,
  ImplementerRole,
  IndicatorRow,
  ScheduleRow,
} from "../model/plan";
import Decimal from "decimal.js";
import {
  COLUMN,
  INDICATORS_SHEET,
  SCHEDULE_COLUMNS,
  SETTINGS_SHEET,
  ScheduleColumnKey,
  cellAddress,
  fromExcelSerial,
} from "./layout";
import { RawCell, RawSheet, isDate } from "./model";
import { IMPLEMENTER_HEADERS, INDICATOR_HEADERS, NARRATIVE_COLUMN, NARRATIVE_HEADERS, SETTING } from "./write-plan";
import { cellAt } from "../model/a1";

/** Näitajad's column of the 2029 target (0-based), where write-plan puts it: INDICATOR_HEADERS' order. */
const INDICATOR_TARGET_2029_COLUMN = INDICATOR_HEADERS.indexOf("Sihttase (2029)");

/**
 * Reads the plan back from the canonical sheets, with everything the user changed there: amounts, dates,
 * labels, rows added or removed. Each row keeps its sheet and row so that findings point at cells.
 */
export function workbookToPlan(sheets: RawSheet[]): ImportResult {
  const diagnostics: ImportDiagnostic[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name.toLocaleLowerCase("et"), sheet]));
  const settings = byName.get(SETTINGS_SHEET.toLocaleLowerCase("et"));
  if (!settings) {
    throw new ImportError(
      `Töövihikus puudub leht „${SETTINGS_SHEET}“: see ei ole tat-budgeti töövihik. Importige käskkiri uuesti.`,
      `The workbook has no "${SETTINGS_SHEET}" sheet: it is not a tat-budget workbook. Import the directive again.`,
    );
  }
  const setting = (label: string) => valueBeside(settings, label);
  const planStart = toDate(setting(SETTING.planStart));
  const planEnd = toDate(setting(SETTING.planEnd));
  const tatNumber = text(setting(SETTING.tatNumber));
  const tatDate = toDate(setting(SETTING.tatDate));
  const directive: DirectiveMetadata = {
    number: text(setting(SETTING.directiveNumber)),
    date: toDate(setting(SETTING.directiveDate)),
    activityName: text(setting(SETTING.activityName)),
    tat: tatNumber || tatDate ? { number: tatNumber, date: tatDate } : null,
  };

  const implementers: Implementer[] = [];
  const header = findRow(settings, (row) => text(row[0]?.value) === IMPLEMENTER_HEADERS[0]);
  for (let index = header + 1; header >= 0 && index < settings.rows.length; index++) {
    const row = settings.rows[index] ?? [];
    const name = text(row[0]?.value);
    if (!name) break;
    const role: ImplementerRole = text(row[1]?.value) === "elluviija" ? "elluviija" : "partner";
    const sheetName = text(row[2]?.value) ?? name;
    const start = toDate(row[4]?.value);
    const end = toDate(row[5]?.value);
    const implementer: Implementer = {
      name,
      role,
      aliases: [name, ...(text(row[6]?.value) ?? "").split(/\s*;\s*/).filter((alias) => alias !== "")],
      tables: (text(row[3]?.value) ?? "")
        .split(/\s*,\s*/)
        .map(Number)
        .filter((table) => Number.isInteger(table) && table > 0),
      partnership: start && end ? { start, end } : null,
      rows: [],
    };
    const sheet = byName.get(sheetName.toLocaleLowerCase("et"));
    if (!sheet) {
      diagnostics.push(
        problem(
          "missing-sheet",
          null,
          `Leht „${sheetName}“ (${name}) puudub töövihikust.`,
          `Sheet "${sheetName}" (${name}) is missing from the workbook.`,
        ),
      );
    } else {
      implementer.rows = readSchedule(sheet, diagnostics);
    }
    implementers.push(implementer);
  }
  readNarratives(settings, implementers);
  if (implementers.length === 0) {
    throw new ImportError(
      `Lehel „${SETTINGS_SHEET}“ ei ole ühtegi elluviijat ega partnerit (tabel päisega „${IMPLEMENTER_HEADERS[0]}“).`,
      `Sheet "${SETTINGS_SHEET}" lists no implementer or partner (a table headed "${IMPLEMENTER_HEADERS[0]}").`,
    );
  }
  const indicatorsSheet = byName.get(INDICATORS_SHEET.toLocaleLowerCase("et"));
  const plan: ActionPlan = {
    planPeriod: planStart && planEnd ? { start: planStart, end: planEnd } : null,
    directive,
    implementers,
    indicators: indicatorsSheet ? readIndicators(indicatorsSheet) : [],
  };
  const rate = readRate(setting(SETTING.indirectRate), diagnostics);
  if (rate) plan.indirectRatePercent = rate;
  return { plan, diagnostics };
}

function readSchedule(sheet: RawSheet, diagnostics: ImportDiagnostic[]): ScheduleRow[] {
  const header = findRow(
    sheet,
    (row) =>
      text(row[COLUMN.code]?.value) === SCHEDULE_COLUMNS[0].header && text(row[COLUMN.label]?.value) === "Tegevus",
  );
  if (header < 0) {
    diagnostics.push(
      problem(
        "missing-header",
        null,
        `Lehel „${sheet.name}“ ei leitud ajakava päist („Kood“, „Tegevus“, …).`,
        `No schedule header ("Kood", "Tegevus", …) was found on sheet "${sheet.name}".`,
      ),
    );
    return [];
  }
  const rows: ScheduleRow[] = [];
  for (let index = header + 1; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    const get = (key: ScheduleColumnKey) => cells[COLUMN[key]] ?? null;
    const printedCode = text(get("code")?.value);
    const label = text(get("label")?.value) ?? "";
    const amountCell = get("amount");
    if (!printedCode && label === "" && (amountCell?.value ?? null) === null && !amountCell?.formula) break;
    const sheetRow = index + 1;
    const code = printedCode ? printedCode.replace(/\.+$/, "") : null;
    const codeStyle = !code ? null : /^\d+$/.test(code) ? "numbered" : "dotted";
    const personnel = !code && /otsesed\s+personalikulud/i.test(label);

    const declaredCell = get("declared");
    const isParent = Boolean(amountCell?.formula) || (declaredCell?.value ?? null) !== null;
    const shown = readAmount(amountCell);
    const declared = isParent ? readAmount(declaredCell) : shown;
    const printed = text(get("printed")?.value);
    let amountText: string | null;
    if (declared.amount) {
      amountText =
        printed && parseMoney(printed)?.equals(declared.amount) ? printed : formatMoneyEstonian(declared.amount);
    } else {
      amountText = declared.text ?? (isParent ? null : printed);
    }
    const frame = readRange(get("frameStart"), get("frameEnd"));
    const plan = readRange(get("planStart"), get("planEnd"));
    const line = Number(get("line")?.value);
    const table = Number(get("table")?.value);
    rows.push({
      code: personnel ? null : code,
      printedCode: personnel ? null : printedCode,
      codeStyle: personnel ? null : codeStyle,
      label,
      kind: personnel ? "personnel" : "activity",
      amount: declared.amount,
      amountText,
      frame: frame.period,
      frameText: frame.text,
      plan: plan.period,
      planText: plan.text,
      responsible: text(get("responsible")?.value),
      line: Number.isFinite(line) && line > 0 ? line : 0,
      table: Number.isFinite(table) ? table : 0,
      sheet: {
        name: sheet.name,
        row: sheetRow,
        amountCell: cellAddress("amount", sheetRow),
        amountIsFormula: Boolean(amountCell?.formula),
        shownAmount: shown.amount,
      },
    });
    if (declared.text !== null && !declared.amount) {
      diagnostics.push(
        problem(
          "unreadable-cell",
          null,
          `Lehe „${sheet.name}“ lahtris ${cellAddress(isParent ? "declared" : "amount", sheetRow)} ei ole arv: „${declared.text}“.`,
          `Cell ${cellAddress(isParent ? "declared" : "amount", sheetRow)} of sheet "${sheet.name}" is not a number: "${declared.text}".`,
        ),
      );
    }
  }
  return rows;
}

/**
 * Seaded's block of what the implementers' texts describe (write-plan's NARRATIVE_HEADERS): each code keeps its
 * cell, where findings about it point. A row without a code says the text is known and describes nothing by code;
 * a workbook without the block (an earlier version's) knows no text, and the text's rules stay silent.
 */
function readNarratives(settings: RawSheet, implementers: Implementer[]): void {
  const at = NARRATIVE_COLUMN;
  const header = findRow(settings, (row) => text(row[at]?.value) === NARRATIVE_HEADERS[0]);
  for (let index = header + 1; header >= 0 && index < settings.rows.length; index++) {
    const row = settings.rows[index] ?? [];
    const name = text(row[at]?.value);
    if (!name) break;
    const implementer = implementers.find((candidate) => candidate.name === name);
    if (!implementer) continue;
    const narrative = (implementer.narrative ??= []);
    const code = text(row[at + 1]?.value)?.replace(/\.+$/, "");
    if (!code) continue;
    const line = Number(row[at + 3]?.value);
    const sheetRow = index + 1;
    narrative.push({
      code,
      title: text(row[at + 2]?.value) ?? "",
      line: Number.isInteger(line) && line > 0 ? line : 0,
      sheet: { name: settings.name, row: sheetRow, cell: cellAt(at + 1, sheetRow) },
    });
  }
}

function readIndicators(sheet: RawSheet): IndicatorRow[] {
  const header = findRow(sheet, (row) => text(row[1]?.value) === INDICATOR_HEADERS[1]);
  const indicators: IndicatorRow[] = [];
  for (let index = header + 1; header >= 0 && index < sheet.rows.length; index++) {
    const row = sheet.rows[index] ?? [];
    const name = text(row[1]?.value);
    if (!name) break;
    const sheetRow = index + 1;
    indicators.push({
      table: Number(row[0]?.value) || 0,
      name,
      unit: text(row[2]?.value) ?? "",
      target: text(row[3]?.value) ?? "",
      target2029: text(row[4]?.value) ?? "",
      explanation: text(row[5]?.value) ?? "",
      line: Number(row[6]?.value) || 0,
      sheet: { name: sheet.name, row: sheetRow, target2029Cell: cellAt(INDICATOR_TARGET_2029_COLUMN, sheetRow) },
    });
  }
  return indicators;
}

/** The indirect-cost rate in per cent: a number (7, 7.5) or text ("7 %", "7,5"); empty means none is set. */
function readRate(value: RawCell["value"] | undefined, diagnostics: ImportDiagnostic[]): Money | null {
  if (value === null || value === undefined || value === "") return null;
  const rate = parseRatePercent(typeof value === "number" ? new Decimal(String(value)).toFixed() : String(value));
  if (rate) return rate;
  diagnostics.push(
    problem(
      "invalid-indirect-rate",
      null,
      `Lehel „${SETTINGS_SHEET}“ ei ole kaudsete kulude määr „${String(value)}“ protsent vahemikus 0–100; lisa 2 koostatakse ilma kaudsete kuludeta.`,
      `The indirect-cost rate "${String(value)}" on sheet "${SETTINGS_SHEET}" is not a percentage from 0 to 100; lisa 2 is made without indirect costs.`,
    ),
  );
  return null;
}

/**
 * Money comes back from Excel as a binary number: its shortest decimal form is the amount that was written. A SUM's
 * result can carry binary noise (8160.540000000001); Excel keeps 15 significant digits, and so do we.
 */
function readAmount(raw: RawCell | null): { amount: Money | null; text: string | null } {
  const value = raw?.value ?? null;
  if (value === null || value === "") return { amount: null, text: null };
  if (typeof value === "number")
    return Number.isFinite(value)
      ? { amount: new Decimal(String(value)).toSignificantDigits(15), text: null }
      : { amount: null, text: String(value) };
  const printed = isDate(value) ? value.toISOString() : String(value).trim();
  return { amount: parseMoney(printed), text: printed };
}

function readRange(startCell: RawCell | null, endCell: RawCell | null): { period: Period | null; text: string | null } {
  const start = toDate(startCell?.value ?? null);
  const end = toDate(endCell?.value ?? null);
  if (start && end) return { period: { start, end }, text: `${start.toEstonian()} – ${end.toEstonian()}` };
  const parts = [startCell, endCell].map((raw) => {
    const date = toDate(raw?.value ?? null);
    return date ? date.toEstonian() : text(raw?.value ?? null);
  });
  if (parts.every((part) => part === null)) return { period: null, text: null };
  return { period: null, text: parts.map((part) => part ?? "").join(" – ") };
}

function toDate(value: RawCell["value"] | undefined): CalendarDate | null {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return CalendarDate.of(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === "number") return fromExcelSerial(value);
  if (typeof value === "string") return CalendarDate.parseEstonian(value) ?? CalendarDate.parseIso(value.slice(0, 10));
  return null;
}

function text(value: RawCell["value"] | undefined): string | null {
  if (value === null || value === undefined) return null;
  const string = isDate(value) ? value.toISOString() : String(value).trim();
  return string === "" ? null : string;
}

function valueBeside(sheet: RawSheet, label: string): RawCell["value"] | null {
  const index = findRow(sheet, (row) => text(row[0]?.value) === label);
  return index >= 0 ? (sheet.rows[index]?.[1]?.value ?? null) : null;
}

function findRow(sheet: RawSheet, test: (row: Array<RawCell | null>) => boolean): number {
  return sheet.rows.findIndex((row) => row !== undefined && row !== null && test(row));
}

function problem(id: string, line: number | null, message: string, messageEn: string): ImportDiagnostic {
  return { severity: "warning", id, line, message, messageEn };
}
