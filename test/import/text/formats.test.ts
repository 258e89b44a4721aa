import { parseDirectiveText } from "../../../src/import/text";
import { importResultToJson } from "../../../src/model/json";

/** A small directive in the shape of the real one, for the forms the importer must read. */
function directive(tables: string): string {
  return [
    "MINISTRI KÄSKKIRI",
    "Tallinn 02.02.2026 nr 7",
    "KINNITATUD kultuuriministri 02.02.2026",
    "käskkirjaga nr 7",
    "Toetatava tegevuse „Näidistegevus“ tegevuskava perioodil",
    "01.01.2026 – 31.12.2026",
    "Partnerluslepingute raames viiakse ellu tegevusi KOV-ides järgnevalt: Narva linnas ajavahemikus 01.03.2024-31.12.2026 ja Viimsi vallas 01.01.2025 – 31.12.2027.",
    tables,
  ].join("\r\n");
}

type JsonRow = {
  code: string | null;
  amount: string | null;
  frame: unknown;
  plan: unknown;
  responsible: string | null;
  label: string;
};
const rowsOf = (text: string, name: string): JsonRow[] => {
  const json = importResultToJson(parseDirectiveText(text)) as {
    implementers: Array<{ name: string; rows: JsonRow[] }>;
  };
  return json.implementers.find((implementer) => implementer.name === name)?.rows ?? [];
};

const NARVA_HEADING = "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Narva linnas";

describe("forms of the activity schedule", () => {
  it.each([
    ["93 988,53", "93988.53"],
    ["115 817.00", "115817.00"],
    ["3300", "3300.00"],
    ["0", "0.00"],
    ["1\u00a0234\u00a0567,8", "1234567.80"],
    ["12,345", "12.345"],
  ])("amount %s reads as %s", (printed, expected) => {
    const text = directive(
      [
        NARVA_HEADING,
        "Tabel 1. Tegevuste ajakava",
        "Tegevus",
        "Tegevuse eest vastutaja",
        "3.5.2.1 Tegevus",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        `${printed} Narva linn`,
      ].join("\n"),
    );
    expect(rowsOf(text, "Narva linn")[0].amount).toBe(expected);
  });

  it.each([
    ["hyphen", "01.03.2024- 31.12.2026\n01.01.2026- 31.12.2026"],
    ["en dash with spaces", "01.03.2024 – 31.12.2026\n01.01.2026 – 31.12.2026"],
    ["no dash", "01.03.2024 31.12.2026\n01.01.2026 31.12.2026"],
    ["broken over lines", "01.03.2024-\n31.12.2026\n01.01.2026-\n31.12.2026"],
    ["no spaces", "01.03.2024-31.12.2026\n01.01.2026-31.12.2026"],
  ])("date ranges written with %s", (_, ranges) => {
    const text = directive(
      [NARVA_HEADING, "Tabel 1. Tegevuste ajakava", "Tegevus", "3.5.2.1.1. Infopäevad", ranges, "500 Narva linn"].join(
        "\n",
      ),
    );
    expect(rowsOf(text, "Narva linn")).toEqual([
      {
        code: "3.5.2.1.1",
        label: "Infopäevad",
        kind: "activity",
        amount: "500.00",
        frame: { start: "2024-03-01", end: "2026-12-31" },
        plan: { start: "2026-01-01", end: "2026-12-31" },
        responsible: "Narva linn",
        line: 11,
      },
    ]);
  });

  it("a single range outside the plan year is the frame; inside it, the plan-period dates", () => {
    const text = directive(
      [
        NARVA_HEADING,
        "Tabel 1. Tegevuste ajakava",
        "3.5.2.1.1 Üks",
        "01.03.2024- 31.12.2026",
        "100 Narva linn",
        "3.5.2.1.2 Kaks",
        "01.02.2026- 30.06.2026",
        "200 Narva linn",
      ].join("\n"),
    );
    const rows = rowsOf(text, "Narva linn");
    expect([rows[0].frame, rows[0].plan]).toEqual([{ start: "2024-03-01", end: "2026-12-31" }, null]);
    expect([rows[1].frame, rows[1].plan]).toEqual([null, { start: "2026-02-01", end: "2026-06-30" }]);
  });

  it("responsible parties on their own line, wrapped, or missing", () => {
    const text = directive(
      [
        NARVA_HEADING,
        "Tabel 1. Tegevuste ajakava",
        "3.5.2.1.1 Üks",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "1 000",
        "Narva linn",
        "3.5.2.1.2 Kaks",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "0 ELVL ja Narva",
        "linn",
        "3.5.2.1.3 Kolm",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "2 400",
        "Otsesed personalikulud 01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "48 000",
        "Narva linn",
      ].join("\n"),
    );
    expect(rowsOf(text, "Narva linn").map((row) => [row.code, row.amount, row.responsible])).toEqual([
      ["3.5.2.1.1", "1000.00", "Narva linn"],
      ["3.5.2.1.2", "0.00", "ELVL ja Narva linn"],
      ["3.5.2.1.3", "2400.00", null],
      [null, "48000.00", "Narva linn"],
    ]);
  });

  it("reads agreement periods in other case forms and partners of other names", () => {
    const text = directive(
      [
        "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Viimsi vallas",
        "Tabel 1. Tegevuste ajakava",
        "3.5.2.1 Tegevus",
        "01.01.2025- 31.12.2027",
        "01.01.2026- 31.12.2026",
        "10 Viimsi vald",
        NARVA_HEADING,
        "Tabel 2. Tegevuste ajakava",
        "3.5.2.1 Tegevus",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "20 Narva linn",
      ].join("\n"),
    );
    const { plan, diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([]);
    expect(plan.directive.number).toBe("7");
    expect(plan.planPeriod?.start.toIso()).toBe("2026-01-01");
    expect(
      plan.implementers.map((implementer) => [
        implementer.name,
        implementer.tables,
        implementer.partnership?.start.toIso(),
      ]),
    ).toEqual([
      ["Viimsi vald", [1], "2025-01-01"],
      ["Narva linn", [2], "2024-03-01"],
    ]);
  });

  it("a table with no section heading before it still imports, with a warning", () => {
    const text = directive(
      [
        "Tabel 4. Tegevuste ajakava",
        "3.5.2.1 Tegevus",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "20 Narva linn",
      ].join("\n"),
    );
    const { plan, diagnostics } = parseDirectiveText(text);
    expect(plan.implementers[0].rows).toHaveLength(1);
    expect(diagnostics.map((diagnostic) => diagnostic.id)).toEqual(["unknown-implementer"]);
  });

  it("a partner whose agreement period section 1.1 does not give is reported", () => {
    const text = directive(
      [
        "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tapa vallas",
        "Tabel 1. Tegevuste ajakava",
        "3.5.2.1 Tegevus",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "20 Tapa vald",
      ].join("\n"),
    );
    const { plan, diagnostics } = parseDirectiveText(text);
    expect(plan.implementers[0]).toMatchObject({ name: "Tapa vald", partnership: null });
    expect(diagnostics.map((diagnostic) => diagnostic.id)).toEqual(["missing-partnership"]);
  });
});
