import Decimal from "decimal.js";
import { workbookServices } from "../../src/app";
import { createFakeExcel } from "../../src/workbook/fake";
import type { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * Lisa 2 as the pane makes it for the bundled directive: imported into the Excel fake through the Office adapter,
 * then `lisa2Docx` with the rate 7 — the same use cases, over the same adapter, as the Lisa 2 tab in Excel.
 */
export async function demoLisa2Docx(): Promise<Uint8Array> {
  const fake = createFakeExcel();
  const services = workbookServices(
    new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext)),
  );
  const preview = await services.previewText(fixtureText());
  await services.importPlan(preview, {});
  return services.lisa2Docx(new Decimal(7));
}
