import ExcelJS from "exceljs";

/**
 * Tartu linn's schedule (table 9 of the directive of 25.03.2025 nr 68, fixtures/kaskkiri-2025-03-25-nr68.txt lines
 * 236–322) as an officer would type it into a workbook of their own: a title above, the table from B4, columns in
 * another order than the directive's, amounts as numbers, the overall frame in two date columns (Excel dates, a few
 * typed as text) and the plan-period dates as text. Built with ExcelJS directly, not with our writer.
 */
type Row = [code: string | null, label: string, amount: number, responsible: string];

export const TARTU_ROWS: readonly Row[] = [
  ["3.5.2.1", "Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.", 93988.53, "Tartu linn"],
  [
    "3.5.2.1.1",
    "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
    5660.54,
    "Tartu linn",
  ],
  ["3.5.2.1.1.1", "Lõimumisklubi.", 0, "Tartu linn"],
  ["3.5.2.1.1.2", "Osaluskogu.", 5660.54, "Tartu linn"],
  ["3.5.2.1.2", "Vajaduspõhise tugiteenuse pakkumine sihtrühmale.", 0, "Tartu linn"],
  ["3.5.2.1.2.1.", "Nõustamisteenuse ja infohaldamise elluviimine ja arendamine.", 0, "Tartu linn"],
  ["3.5.2.1.2.2", "Sihtrühmale KOV registriteenuste pakkumine.", 0, "Tartu linn"],
  ["3.5.2.1.3", "Tõhusa kommunikatsiooni tagamine sihtrühmale.", 3977.15, "Tartu linn"],
  ["3.5.2.1.3.1", "Tegevused info kättesaadavuse ja nõustamise nähtavuse tõstmiseks.", 2400, "Tartu linn"],
  ["3.5.2.1.3.2", "„Abiks tartlasele“ infokogumiku kujundus ja 200 eksemplari trükk.", 1577.15, "Tartu linn"],
  [
    "3.5.2.1.4",
    "Kohalike koostöövõrgustike arendamine ja koostöö koordineerimine KOV-i ja sidusrühmade vahel.",
    0,
    "Tartu linn",
  ],
  ["3.5.2.1.4.1", "Sihtrühmaga kokku puutuvate spetsialistide võrgustik.", 0, "Tartu linn"],
  [
    "3.5.2.1.5",
    "Koostöös elluviijaga lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine.",
    0,
    "ELVL ja Tartu linn",
  ],
  ["3.5.2.1.5.1", "Osalemine võrgustikutöös", 0, "ELVL ja Tartu linn"],
  [null, "Otsesed personalikulud", 84350.84, "Tartu linn"],
];

/** The sheet row of the table's first data row: title in row 2, header in 4 and its sub-header in 5. */
export const TARTU_FIRST_ROW = 6;

/**
 * The workbook's bytes. `amounts` replaces amounts by code, for a plan with a fault in it; `sheetName` is the tab's
 * name. Columns B…H: Kood, Tegevuse eest vastutaja, Planeeritav maksumus, Tegevus, Tegevuse üldajaraam (algus,
 * lõpp), Tegevuse algus- ja lõppkuupäev tegevuskava perioodil.
 */
export async function tartuWorkbook(
  options: {
    amounts?: Record<string, number>;
    sheetName?: string;
    extraSheets?: (workbook: ExcelJS.Workbook) => void;
  } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? "Tartu 2025");
  sheet.getCell("B2").value = "Tartu linna tegevuste ajakava 2025 (partneri koopia)";
  sheet.getRow(4).values = [
    null,
    "Kood",
    "Tegevuse eest vastutaja",
    "Planeeritav maksumus tegevuskava aastal (EUR)",
    "Tegevus",
    "Tegevuse üldajaraam",
    null,
    "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  ];
  sheet.mergeCells("F4:G4");
  sheet.getCell("F5").value = "algus";
  sheet.getCell("G5").value = "lõpp";
  TARTU_ROWS.forEach(([code, label, amount, responsible], index) => {
    const row = sheet.getRow(TARTU_FIRST_ROW + index);
    row.getCell("B").value = code;
    row.getCell("C").value = responsible;
    row.getCell("D").value = (code && options.amounts?.[code]) ?? amount;
    row.getCell("D").numFmt = "#,##0.00";
    row.getCell("E").value = label;
    // Every third row's frame typed as text, the others Excel dates (UTC midnight, as ExcelJS writes serials).
    if (index % 3 === 2) {
      row.getCell("F").value = "01.01.2023";
      row.getCell("G").value = "31.12.2025";
    } else {
      row.getCell("F").value = new Date(Date.UTC(2023, 0, 1));
      row.getCell("G").value = new Date(Date.UTC(2025, 11, 31));
      row.getCell("F").numFmt = "dd.mm.yyyy";
      row.getCell("G").numFmt = "dd.mm.yyyy";
    }
    row.getCell("H").value = "01.01.2025- 31.12.2025";
  });
  options.extraSheets?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
