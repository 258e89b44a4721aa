import { parseDirectiveText } from "../../../src/import/text";
import { ImportError, ScheduleRow } from "../../../src/model/plan";
import { fixtureHead, fixtureText, fixtureWithLine } from "../../helpers";

const tartuRows = (text: string): ScheduleRow[] =>
  parseDirectiveText(text).plan.implementers.find((implementer) => implementer.name === "Tartu linn")?.rows ?? [];

describe("input the importer refuses", () => {
  it.each([
    ["empty text", ""],
    ["only whitespace", " \n\n\t \r\n"],
  ])("%s, saying what it expected", (_, text) => {
    expect(() => parseDirectiveText(text)).toThrow(ImportError);
    expect(() => parseDirectiveText(text)).toThrow(/käskkirja lisa 1/);
  });

  it("text with no schedule table, naming the caption it looks for", () => {
    const preambleOnly = fixtureHead(48);
    let error: unknown;
    try {
      parseDirectiveText(preambleOnly);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain("„Tabel N. Tegevuste ajakava“");
    expect((error as ImportError).messageEn).toContain('"Tabel N. Tegevuste ajakava"');
  });

  it("a text that is not a directive at all", () => {
    expect(() => parseDirectiveText("Kallis Mari,\nsaadan eelarve homme.\n1 200 eurot\n")).toThrow(ImportError);
  });
});

describe("a garbled amount", () => {
  const text = fixtureWithLine(256, "5 660,54 Tartu linn", "5 66O,54 Tartu linn");

  it("becomes a diagnostic with the row's line and the text as printed", () => {
    const { diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", id: "unreadable-amount", line: 250, text: "5 66O,54" }),
    ]);
    expect(diagnostics[0].message).toContain("3.5.2.1.1");
  });

  it("keeps the row, its other values and every other row", () => {
    const rows = tartuRows(text);
    expect(rows).toHaveLength(15);
    const row = rows.find((candidate) => candidate.line === 250);
    expect(row).toMatchObject({ code: "3.5.2.1.1", amount: null, amountText: "5 66O,54", responsible: "Tartu linn" });
    expect(row?.plan?.start.toIso()).toBe("2025-01-01");
  });
});

describe("a garbled date", () => {
  it("a day that does not exist is reported and its range left empty, the printed text kept", () => {
    const text = fixtureWithLine(258, "01.01.2023- 31.12.2025", "01.01.2023- 31.02.2025");
    const { diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([expect.objectContaining({ id: "invalid-date", line: 258, text: "31.02.2025" })]);
    const row = tartuRows(text).find((candidate) => candidate.line === 257);
    expect(row?.frame).toBeNull();
    expect(row?.frameText).toBe("01.01.2023 – 31.02.2025");
    expect(row?.plan?.end.toIso()).toBe("2025-12-31");
    expect(row?.amountText).toBe("0");
  });

  it("letters copied in place of digits are reported, not read as label text", () => {
    const text = fixtureWithLine(259, "01.01.2025- 31.12.2025", "0l.01.2025- 31.12.2025");
    const { diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([expect.objectContaining({ id: "invalid-date", line: 259, text: "0l.01.2025" })]);
    const row = tartuRows(text).find((candidate) => candidate.line === 257);
    expect(row).toMatchObject({ label: "Lõimumisklubi.", plan: null, planText: "0l.01.2025 – 31.12.2025" });
    expect(tartuRows(text)).toHaveLength(15);
  });

  it("a range with a date missing is reported", () => {
    const text = fixtureWithLine(255, "01.01.2025- 31.12.2025", "01.01.2025-");
    const { diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([expect.objectContaining({ id: "unreadable-dates", line: 250 })]);
    expect(tartuRows(text)).toHaveLength(15);
  });
});

describe("truncated text", () => {
  it("cut in the middle of a row's label: the rows before are kept, the cut row reported", () => {
    const { plan, diagnostics } = parseDirectiveText(fixtureHead(299));
    const tartu = plan.implementers.find((implementer) => implementer.name === "Tartu linn");
    expect(tartu?.rows.map((row) => row.line)).toEqual([244, 250, 257, 262, 266, 272, 276, 280, 286, 293, 297]);
    expect(tartu?.rows.at(-1)).toMatchObject({ code: "3.5.2.1.4", amount: null, frame: null, plan: null });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", id: "incomplete-row", line: 297 })]);
  });

  it("cut between the dates and the amount: the row keeps its dates", () => {
    const { plan, diagnostics } = parseDirectiveText(fixtureHead(302));
    const row = plan.implementers.find((implementer) => implementer.name === "Tartu linn")?.rows.at(-1);
    expect(row).toMatchObject({ code: "3.5.2.1.4", amount: null });
    expect(row?.frame?.start.toIso()).toBe("2023-01-01");
    expect(row?.plan?.end.toIso()).toBe("2025-12-31");
    expect(diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.line])).toEqual([["incomplete-row", 297]]);
  });

  it("cut right after a table's caption: the empty table is reported", () => {
    const { plan, diagnostics } = parseDirectiveText(fixtureHead(243));
    expect(plan.implementers.map((implementer) => implementer.name)).toEqual(["ELVL", "Tartu linn"]);
    expect(diagnostics).toEqual([expect.objectContaining({ id: "empty-table", line: 229 })]);
  });

  it("every possible cut parses without crashing and keeps every row that ended before the cut", () => {
    const lines = fixtureText().split("\n");
    const complete = parseDirectiveText(fixtureText()).plan.implementers.flatMap((implementer) => implementer.rows);
    for (let count = 49; count <= lines.length; count++) {
      const { plan } = parseDirectiveText(lines.slice(0, count).join("\n"));
      const found = new Map(plan.implementers.flatMap((implementer) => implementer.rows.map((row) => [row.line, row])));
      // No row of the fixture spans more than ten lines from its code to its amount.
      for (const row of complete.filter((candidate) => candidate.line + 10 < count)) {
        expect([row.line, found.get(row.line)?.amountText]).toEqual([row.line, row.amountText]);
      }
    }
  });
});

describe("a row that never reaches its numbers", () => {
  it("is kept with what is missing reported", () => {
    const text = fixtureWithLine(274, "01.01.2025- 31.12.2025", "").replace(
      "01.01.2023- 31.12.2025\n\n0 Tartu linn\n3.5.2.1.2.2",
      "\n\n\n3.5.2.1.2.2",
    );
    const { diagnostics } = parseDirectiveText(text);
    const rows = tartuRows(text);
    expect(rows.find((row) => row.line === 272)).toMatchObject({ code: "3.5.2.1.2.1", amount: null, plan: null });
    expect(diagnostics).toEqual([expect.objectContaining({ id: "incomplete-row", line: 272 })]);
    expect(rows).toHaveLength(15);
  });
});

describe("an unreadable line inside a table", () => {
  it("is reported with its line, never dropped silently", () => {
    const text = fixtureWithLine(275, "0 Tartu linn", "0 Tartu linn\n@@ ### @@");
    const { diagnostics } = parseDirectiveText(text);
    expect(diagnostics).toEqual([expect.objectContaining({ id: "unparsed-line", line: 276, text: "@@ ### @@" })]);
  });
});
