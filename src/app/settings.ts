import { ImportError } from "../model/plan";
import { SETTINGS_SHEET } from "../workbook/layout";
import type { WorkbookPort } from "../workbook/port";
import { PlanSettings, settingsCellUpdates, settingsOf } from "../workbook/settings";
import { readWorkbookPlan } from "./read";

/** The settings as Seaded holds them now: the one place they live, read afresh each time. */
export async function readSettings(port: Pick<WorkbookPort, "readWorkbook">): Promise<PlanSettings> {
  return settingsOf((await readWorkbookPlan(port)).result.plan);
}

/** Writes the settings into Seaded's cells, found by their labels; nothing else changes. */
export async function writeSettings(
  port: Pick<WorkbookPort, "readWorkbook" | "writeCells">,
  settings: PlanSettings,
): Promise<void> {
  const sheets = await port.readWorkbook();
  const seaded = sheets.find((sheet) => sheet.name.toLocaleLowerCase("et") === SETTINGS_SHEET.toLocaleLowerCase("et"));
  if (!seaded)
    throw new ImportError(
      `Töövihikus puudub leht „${SETTINGS_SHEET}“: importige käskkiri esmalt.`,
      `The workbook has no "${SETTINGS_SHEET}" sheet: import the directive first.`,
    );
  await port.writeCells(seaded.name, settingsCellUpdates(seaded, settings));
}
