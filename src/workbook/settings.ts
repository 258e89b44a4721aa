import { CalendarDate, Period } from "../model/calendar-date";
import { Money } from "../model/money";
import { ActionPlan } from "../model/plan";
import { DATE_FORMAT, cellAddress, toExcelSerial } from "./layout";
import { CellValue, RawSheet } from "./model";
import { IMPLEMENTER_HEADERS, SETTING } from "./write-plan";

/**
 * The settings an officer edits in the pane, and the cells of the Seaded sheet that hold them. Seaded stays the
 * one place they live, so co-authors of the workbook see the same settings as the pane.
 */
export interface PlanSettings {
  directiveNumber: string | null;
  directiveDate: CalendarDate | null;
  planPeriod: Period | null;
  indirectRatePercent: Money | null;
  /** Each partner's partnership agreement period, by name as in Seaded. */
  partnerships: Array<{ name: string; period: Period | null }>;
}

export function settingsOf(plan: ActionPlan): PlanSettings {
  return {
    directiveNumber: plan.directive.number,
    directiveDate: plan.directive.date,
    planPeriod: plan.planPeriod,
    indirectRatePercent: plan.indirectRatePercent ?? null,
    partnerships: plan.implementers
      .filter((implementer) => implementer.role === "partner")
      .map((implementer) => ({ name: implementer.name, period: implementer.partnership })),
  };
}

export interface CellUpdate {
  cell: string;
  /** With `formula`, the result it gives: a file no engine recalculates before it is read again shows this. */
  value: CellValue;
  numFmt?: string;
  /** A formula to write (without "="), rather than a value. */
  formula?: string;
}

const dateValue = (date: CalendarDate | null | undefined): CellUpdate["value"] => (date ? toExcelSerial(date) : null);

/**
 * The Seaded cells to write for `settings`, found by their labels (column A) and the implementers' table, so that
 * rows the user inserted above them do not misplace anything. Throws when a label or partner is not on the sheet.
 */
export function settingsCellUpdates(seaded: RawSheet, settings: PlanSettings): CellUpdate[] {
  const rowOfLabel = (label: string): number => {
    const index = seaded.rows.findIndex((row) => row?.[0]?.value === label);
    if (index < 0) throw new Error(`Lehel „${seaded.name}“ puudub rida „${label}“.`);
    return index + 1;
  };
  const beside = (label: string, value: CellValue, numFmt?: string): CellUpdate => ({
    cell: `B${rowOfLabel(label)}`,
    value,
    ...(numFmt ? { numFmt } : {}),
  });
  const updates: CellUpdate[] = [
    beside(SETTING.directiveNumber, settings.directiveNumber, "@"),
    beside(SETTING.directiveDate, dateValue(settings.directiveDate), DATE_FORMAT),
    beside(SETTING.planStart, dateValue(settings.planPeriod?.start), DATE_FORMAT),
    beside(SETTING.planEnd, dateValue(settings.planPeriod?.end), DATE_FORMAT),
    beside(
      SETTING.indirectRate,
      settings.indirectRatePercent ? settings.indirectRatePercent.toNumber() : null,
      "General",
    ),
  ];
  const header = seaded.rows.findIndex((row) => row?.[0]?.value === IMPLEMENTER_HEADERS[0]);
  if (header < 0) throw new Error(`Lehel „${seaded.name}“ puudub tabel päisega „${IMPLEMENTER_HEADERS[0]}“.`);
  for (const { name, period } of settings.partnerships) {
    let index = header + 1;
    while (index < seaded.rows.length && seaded.rows[index]?.[0]?.value !== name) index++;
    if (index >= seaded.rows.length) throw new Error(`Lehel „${seaded.name}“ puudub partner „${name}“.`);
    updates.push({ cell: cellAddress(4, index + 1), value: dateValue(period?.start), numFmt: DATE_FORMAT });
    updates.push({ cell: cellAddress(5, index + 1), value: dateValue(period?.end), numFmt: DATE_FORMAT });
  }
  return updates;
}
