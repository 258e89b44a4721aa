import Decimal from "decimal.js";
import {
  checkWorkbook,
  errorMessage,
  generateLisa2,
  importPlan,
  isExpectedError,
  previewImport,
  readSettings,
  recalc,
  writeSettings,
} from "../../src/app";
import { CalculationMode, createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * The use cases in a workbook whose structure is protected, or whose calculation is Manual, through the Office
 * adapter over the Excel fake. The command line is not concerned: its .xlsx port has neither (ExcelJS writes a file
 * that no engine calculates until it is opened), and its tests (use-cases.test.ts) run as before.
 */
jest.setTimeout(60_000);

function officer(calculationMode: CalculationMode = "Automatic") {
  const fake = createFakeExcel({ calculationMode });
  const port = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  return { fake, port };
}

/** The sample directive imported, as the Import tab does it. */
async function imported(calculationMode: CalculationMode = "Automatic") {
  const subject = officer(calculationMode);
  const preview = await previewImport(subject.port, { kind: "text", text: fixtureText() });
  await importPlan(subject.port, preview, {});
  return subject;
}

/** Tartu's 3.5.2.1.3 row (a SUM of its two items) in the workbook. */
function tartuSection(fake: ReturnType<typeof createFakeExcel>): number {
  const codes = fake.workbook.values("Tartu", "A1:A60").map((cells) => cells[0]);
  return codes.indexOf("3.5.2.1.3") + 1;
}

async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("with the workbook's structure protected", () => {
  async function protectedWorkbook(withPlan: boolean) {
    const subject = withPlan ? await imported() : officer();
    subject.fake.context.workbook.protection.protect();
    await subject.fake.context.sync();
    return subject;
  }

  it("importing is refused with a message in the officer's language, and the workbook stays as it was", async () => {
    const { fake, port } = await protectedWorkbook(false);
    const before = fake.workbook.snapshot();
    // The preview only reads: it is shown as ever.
    const preview = await previewImport(port, { kind: "text", text: fixtureText() });
    const error = await rejection(importPlan(port, preview, {}));
    expect(isExpectedError(error)).toBe(true);
    expect(errorMessage(error, "et")).toMatch(
      /^Töövihiku struktuur on kaitstud: kava lehti ei saa lisada\. Eemaldage kaitse \(Läbivaatus → Kaitse töövihikut/,
    );
    expect(errorMessage(error, "en")).toMatch(/^The workbook's structure is protected: .*Review → Protect Workbook/);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("lisa 2 and recalculating are refused and change nothing; settings and the check without marks still work", async () => {
    const { fake, port } = await protectedWorkbook(true);
    const row = tartuSection(fake);
    fake.workbook.setCells("Tartu", `G${row}`, [[4000]]);
    const before = fake.workbook.snapshot();

    expect(errorMessage(await rejection(generateLisa2(port, new Decimal(7))), "et")).toMatch(
      /^Töövihiku struktuur on kaitstud: lisa 2 lehti ei saa lisada ega asendada\./,
    );
    expect(errorMessage(await rejection(recalc(port)), "en")).toMatch(
      /^The workbook's structure is protected: the backup sheet of the formulas cannot be added/,
    );
    expect(fake.workbook.snapshot()).toEqual(before);

    const checked = await checkWorkbook(port, { mark: false });
    expect(checked.result.findings.some((finding) => finding.rule === "parent-overridden")).toBe(true);
    const settings = await readSettings(port);
    await writeSettings(port, { ...settings, indirectRatePercent: new Decimal(9) });
    expect((await readSettings(port)).indirectRatePercent?.toString()).toBe("9");
  });
});

describe("with Manual calculation", () => {
  /** An officer's afternoon: import, an item edited, a parent typed over, recalculate, lisa 2. */
  async function afternoon(calculationMode: CalculationMode) {
    const { fake, port } = await imported(calculationMode);
    const row = tartuSection(fake);
    await port.writeCells("Tartu", [{ cell: `G${row + 1}`, value: 2500 }]);
    // The one-click check (read and mark in one run) straight after an item's edit, before anything recalculates.
    const clicked = await checkWorkbook(port, { mark: true });
    await port.writeCells("Tartu", [{ cell: `G${row}`, value: 4000 }]);
    const recalculated = await recalc(port);
    const lisa2 = await generateLisa2(port, new Decimal(7));
    const checked = await checkWorkbook(port, { mark: false });
    return {
      fake,
      seen: {
        changed: recalculated.changed,
        tartu: fake.workbook.values("Tartu", `G1:G${row + 10}`),
        koond: fake.workbook.values("Koond", "A1:D20"),
        lisa2: lisa2.lisa2.lines.map((line) => [line.number, line.amount.toFixed(2)]),
        lisa2Sheet: fake.workbook.values("Lisa 2", "A1:E40"),
        counts: checked.result.counts,
        clicked: clicked.result.findings.map((finding) => [finding.rule, finding.message]),
      },
    };
  }

  it("the officer sees and the use cases read the totals an automatic workbook gives; the mode stays Manual", async () => {
    const manual = await afternoon("Manual");
    const automatic = await afternoon("Automatic");
    expect(manual.seen).toEqual(automatic.seen);
    expect(manual.seen.changed).toHaveLength(1);
    expect(manual.fake.workbook.calculationMode).toBe("Manual");
  });
});
