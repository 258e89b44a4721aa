import { comparePlans } from "../../src/model/compare";
import { parseDirectiveText } from "../../src/import/text";
import { changesSheet, reasonsOf } from "../../src/workbook/changes-sheet";
import { RawSheet, SheetModel } from "../../src/workbook/model";
import { fixtureText } from "../helpers";

/** The Muudatused sheet's Põhjendus column: what the officer writes there survives writing the sheet again. */

const raw = (sheet: SheetModel): RawSheet => ({
  name: sheet.name,
  rows: sheet.rows.map((row) => row.map((cell) => ({ value: cell?.value ?? null }))),
});

/** The fixture with Tartu's 3.5.2.1.3.2 raised by 100 (and its parents). */
function amended() {
  const text = fixtureText()
    .replace("1 577,15 Tartu linn", "1 677,15 Tartu linn")
    .replace("3 977,15 Tartu linn", "4 077,15 Tartu linn")
    .replace("93 988,53 Tartu linn", "94 088,53 Tartu linn");
  return comparePlans(parseDirectiveText(fixtureText()).plan, parseDirectiveText(text).plan);
}

const reasonColumn = (sheet: SheetModel) => sheet.rows.slice(3, 6).map((row) => [row[1]?.value, row[8]?.value]);

test("a reason stands beside its change again; one whose change is gone is listed below the totals, not lost", () => {
  const comparison = amended();
  const first = changesSheet(comparison);
  expect(reasonColumn(first)).toEqual([
    ["3.5.2.1", ""],
    ["3.5.2.1.3", ""],
    ["3.5.2.1.3.2", ""],
  ]);
  // The officer writes two reasons; one of them beside a row that is later no longer changed.
  const typed = raw(first);
  typed.rows[5][8] = { value: "Trükihinnad tõusid" };
  typed.rows[4][8] = { value: "Ülemrea summa" };
  const reasons = reasonsOf(typed);
  expect([...reasons.values()].map((reason) => [reason.code, reason.reason])).toEqual([
    ["3.5.2.1.3", "Ülemrea summa"],
    ["3.5.2.1.3.2", "Trükihinnad tõusid"],
  ]);
  expect(reasonColumn(changesSheet(comparison, reasons))).toEqual([
    ["3.5.2.1", ""],
    ["3.5.2.1.3", "Ülemrea summa"],
    ["3.5.2.1.3.2", "Trükihinnad tõusid"],
  ]);
  // Compared with itself the plan has no changes: both reasons are kept in a list of their own.
  const none = comparePlans(parseDirectiveText(fixtureText()).plan, parseDirectiveText(fixtureText()).plan);
  const kept = changesSheet(none, reasons);
  const title = kept.rows.findIndex((row) => row[0]?.value === "Põhjendused, mille muudatust enam ei ole");
  expect(title).toBeGreaterThan(3);
  expect(kept.rows.slice(title + 1).map((row) => row.map((cell) => cell?.value))).toEqual([
    ["Elluviija / partner", "Kood", "Kood enne", "Põhjendus"],
    ["Tartu linn", "3.5.2.1.3", "3.5.2.1.3", "Ülemrea summa"],
    ["Tartu linn", "3.5.2.1.3.2", "3.5.2.1.3.2", "Trükihinnad tõusid"],
  ]);
  // Read back from that sheet, they are found again, so a third writing does not lose them either.
  expect([...reasonsOf(raw(kept)).values()].map((reason) => reason.reason)).toEqual([
    "Ülemrea summa",
    "Trükihinnad tõusid",
  ]);
  expect(reasonsOf(undefined).size).toBe(0);
});

test("below the totals: the agreement extended, an implementer gone and an indicator's targets, each in its own table", () => {
  const before = parseDirectiveText(fixtureText()).plan;
  const extended = parseDirectiveText(
    fixtureText().replace("Jõhvi vallal kuni 31.12.2026", "Jõhvi vallal kuni 31.12.2028"),
  ).plan;
  const [first, ...rest] = extended.indicators;
  const after = {
    ...extended,
    implementers: extended.implementers.filter((implementer) => implementer.name !== "Haapsalu linn"),
    indicators: [{ ...first, target: "99" }, ...rest],
  };
  const sheet = changesSheet(comparePlans(before, after));
  const values = sheet.rows.map((row) => row.map((cell) => cell?.value));
  const from = values.findIndex((row) => row[0] === "Kokku") + 1;
  expect(values.slice(from)).toEqual([
    [],
    ["Elluviijad ja partnerid"],
    ["Elluviija / partner", "Muutus"],
    ["Haapsalu linn", "eemaldatud"],
    [],
    ["Partnerluslepingu periood"],
    ["Elluviija / partner", "Enne", "Pärast"],
    ["Jõhvi vald", "01.01.2025–31.12.2026", "01.01.2025–31.12.2028"],
    [],
    ["Näitajate sihttasemed (tegevuskava aasta / 2029)"],
    ["Näitaja", "Ühik", "Enne", "Pärast"],
    [first.name, first.unit, `${first.target} / ${first.target2029}`, `99 / ${first.target2029}`],
  ]);
});
