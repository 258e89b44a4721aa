import { createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { TARTU_FIRST_ROW, TARTU_ROWS } from "../cli/tartu-workbook";

/**
 * An officer's own workbook open in Excel (the fake): Tartu's schedule typed into a sheet "Tartu 2025" of their own,
 * columns in their own order from B4 (code, responsible, amount, activity, frame start and end, plan period), and a
 * hidden old copy. `amounts` replaces amounts by code.
 */
/** Excel's day numbers of 01.01.2023 and 31.12.2025 (1900 date system). */
const FRAME = [44927, 46022] as const;

export async function officerWorkbook(amounts: Record<string, number> = {}) {
  const fake = createFakeExcel();
  const sheets = fake.context.workbook.worksheets;
  const sheet = sheets.add("Tartu 2025");
  sheet.getRange("B2").values = [["Tartu linna tegevuste ajakava 2025"]];
  sheet.getRange("B4:H5").values = [
    [
      "Kood",
      "Tegevuse eest vastutaja",
      "Planeeritav maksumus tegevuskava aastal (EUR)",
      "Tegevus",
      "Tegevuse üldajaraam",
      "",
      "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
    ],
    ["", "", "", "", "algus", "lõpp", ""],
  ];
  const last = TARTU_FIRST_ROW + TARTU_ROWS.length - 1;
  sheet.getRange(`B${TARTU_FIRST_ROW}:H${last}`).values = TARTU_ROWS.map(
    ([code, label, amount, responsible], index) => [
      code ?? "",
      responsible,
      (code && amounts[code]) ?? amount,
      label,
      // Dates as Excel keeps them (day numbers under a date format), every third row typed as text.
      ...(index % 3 === 2 ? ["01.01.2023", "31.12.2025"] : FRAME),
      "01.01.2025- 31.12.2025",
    ],
  );
  sheet.getRange(`F${TARTU_FIRST_ROW}:G${last}`).numberFormat = TARTU_ROWS.map(() => ["dd.mm.yyyy", "dd.mm.yyyy"]);
  // An old copy kept out of sight: not the officer's current table.
  const old = sheets.add("Vana");
  old.getRange("A1:E2").values = [
    [
      "Tegevus",
      "Tegevuse üldajaraam",
      "Tegevuse algus- ja lõppkuupäev",
      "Planeeritav maksumus",
      "Tegevuse eest vastutaja",
    ],
    ["3.5.2.1 Vana rida", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", 1, "Tartu linn"],
  ];
  old.visibility = "Hidden";
  await fake.context.sync();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  return { fake, adapter };
}
