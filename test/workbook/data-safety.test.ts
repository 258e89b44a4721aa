import Decimal from "decimal.js";
import { implementerTotals } from "../../src/model/totals";
import fc from "fast-check";
import { analysePlan, lisa2SheetsForWorkbook, previewEdit } from "../../src/app";
import { Finding } from "../../src/checks/types";
import { parseDirectiveText } from "../../src/import/text";
import { ActionPlan } from "../../src/model/plan";
import { WorkbookWriteError } from "../../src/workbook/errors";
import { createFakeExcel, FakeExcel } from "../../src/workbook/fake";
import { LISA2_MATRIX_SHEET, LISA2_SHEET, SETTINGS_SHEET } from "../../src/workbook/layout";
import { WorkbookModel } from "../../src/workbook/model";
import { isMarkFormula, MARK_FILL } from "../../src/workbook/marks";
import { OfficeWorkbookAdapter, SheetConflict } from "../../src/workbook/office/office-adapter";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { rollupFormulas } from "../../src/workbook/rollups";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { elluviija, partner, personnel, plan, row } from "../checks/plan-builder";
import { fixtureText } from "../helpers";

/**
 * Data safety of every writing operation of the Office adapter, against the Excel fake:
 * - a failure at any sync, after any number of the batch's actions, leaves the workbook exactly as it was or
 *   exactly as a successful run leaves it, never in between (the fake fails the n-th sync on request);
 * - no operation changes anything outside what it owns;
 * - what an operation replaces is kept as a backup; marks give every cell back its own fill.
 */

// ---- Workbooks the operations meet -------------------------------------------------------------------

/**
 * A small plan of the directive's shape: enough rows for every operation, few enough to fail at every action. Built
 * once: the plan builder numbers lines as it goes, and every setup must meet the same workbook.
 */
let small: ActionPlan | null = null;
const smallPlan = () => (small ??= buildSmallPlan());

function buildSmallPlan(): ActionPlan {
  // Five findings on five cells: a sum off by 10,00, a plan date in 2026, a missing responsible party, a frame
  // that is not the partnership's, and a code used twice.
  return plan([
    elluviija([
      row("3.5.1", "310,00"),
      row("3.5.1.1", "100,00"),
      row("3.5.1.2", "200,00", { responsible: null }),
      personnel("50,00"),
    ]),
    partner("Tartu linn", "01.01.2023-31.12.2025", [
      row("3.5.2.1", "1 000,00"),
      row("3.5.2.1.1", "600,00"),
      row("3.5.2.1.1.1", "250,00", { frame: "01.01.2024-31.12.2025" }),
      row("3.5.2.1.1.2", "350,00"),
      row("3.5.2.1.2", "300,00", { plan: "01.09.2025-31.01.2026" }),
      row("3.5.2.1.2", "0,00"),
      personnel("100,00"),
    ]),
  ]);
}

let fixture: ActionPlan | null = null;
const fixturePlan = () => (fixture ??= parseDirectiveText(fixtureText()).plan);

/** An officer's workbook before the add-in touches it: a sheet of notes with values, a formula and fills. */
async function officersWorkbook(): Promise<{ fake: FakeExcel; adapter: OfficeWorkbookAdapter }> {
  const fake = createFakeExcel({ sheets: ["Märkmed"] });
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  fake.workbook.setCells("Märkmed", "A1", [
    ["Küsida Tartult", 1250.5],
    ["Kokku", "=B1*2"],
  ]);
  const sheet = fake.context.workbook.worksheets.getItem("Märkmed");
  sheet.getRange("A1").format.fill.color = "#C6EFCE";
  sheet.getRange("B2").format.font.bold = true;
  await fake.context.sync();
  return { fake, adapter };
}

async function withPlan(source: ActionPlan) {
  const excel = await officersWorkbook();
  await excel.adapter.writeWorkbook(planToWorkbook(source).workbook);
  return excel;
}

const annexOf = (source: ActionPlan, rate: number): WorkbookModel =>
  lisa2SheetsForWorkbook(analysePlan(source), { indirectRatePercent: new Decimal(rate) }).workbook;

async function findingsOf(adapter: OfficeWorkbookAdapter): Promise<Finding[]> {
  return analysePlan(workbookToPlan(await adapter.readWorkbook()).plan).check.findings;
}

interface Scenario {
  name: string;
  /** The workbook the operation meets, built afresh each time. */
  setup(): Promise<{ fake: FakeExcel; adapter: OfficeWorkbookAdapter; operation: () => Promise<unknown> }>;
}

function scenarios(source: () => ActionPlan): Scenario[] {
  const replaceAll = (model: WorkbookModel, conflict: SheetConflict) =>
    Object.fromEntries(model.sheets.map((sheet) => [sheet.name, conflict]));
  return [
    {
      name: "writeWorkbook into the officer's workbook",
      async setup() {
        const excel = await officersWorkbook();
        const model = planToWorkbook(source()).workbook;
        return { ...excel, operation: () => excel.adapter.writeWorkbook(model) };
      },
    },
    {
      name: "writeWorkbook replacing the plan's sheets (old ones kept as backups)",
      async setup() {
        const excel = await withPlan(source());
        const model = planToWorkbook(source()).workbook;
        return { ...excel, operation: () => excel.adapter.writeWorkbook(model, replaceAll(model, "replace")) };
      },
    },
    {
      name: "writeWorkbook keeping both",
      async setup() {
        const excel = await withPlan(source());
        const model = planToWorkbook(source()).workbook;
        return { ...excel, operation: () => excel.adapter.writeWorkbook(model, replaceAll(model, "keep-both")) };
      },
    },
    {
      name: "writeWorkbook of one sheet with its row on Seaded",
      async setup() {
        const excel = await withPlan(source());
        const model = planToWorkbook(source()).workbook;
        const schedule = { ...model.sheets.find((sheet) => sheet.kind === "schedule")!, name: "Kleebitud" };
        const cells = {
          sheet: SETTINGS_SHEET,
          updates: [
            { cell: "A30", value: "Kleebitud linn", numFmt: "@" },
            { cell: "C30", value: "Kleebitud", numFmt: "@" },
          ],
        };
        return { ...excel, operation: () => excel.adapter.writeWorkbook({ sheets: [schedule] }, {}, cells) };
      },
    },
    {
      name: "writeAnnexSheets, the first time",
      async setup() {
        const excel = await withPlan(source());
        const annex = annexOf(source(), 7);
        return { ...excel, operation: () => excel.adapter.writeAnnexSheets(annex) };
      },
    },
    {
      name: "writeAnnexSheets, regenerating",
      async setup() {
        const excel = await withPlan(source());
        await excel.adapter.writeAnnexSheets(annexOf(source(), 7));
        const annex = annexOf(source(), 5);
        return { ...excel, operation: () => excel.adapter.writeAnnexSheets(annex) };
      },
    },
    {
      name: "writeCells on Seaded",
      async setup() {
        const excel = await withPlan(source());
        const updates = [
          { cell: "B2", value: "69", numFmt: "@" },
          { cell: "B3", value: 45757, numFmt: "dd.mm.yyyy" },
          { cell: "B6", value: 7 },
        ];
        return { ...excel, operation: () => excel.adapter.writeCells(SETTINGS_SHEET, updates) };
      },
    },
    {
      name: "writeCellsOnSheets: money moved between two schedules, with Koond",
      async setup() {
        const excel = await withPlan(fixturePlan());
        const preview = await previewEdit(excel.adapter, {
          kind: "move",
          implementer: "Tartu linn",
          from: "3.5.2.1.3.1",
          to: "3.5.2.1.3.1",
          toImplementer: "Tallinna linn",
          amount: new Decimal(1000),
        });
        expect(preview.writes.map((write) => write.sheet)).toEqual(["Tartu", "Tallinn", "Koond"]);
        return { ...excel, operation: () => excel.adapter.writeCellsOnSheets(preview.writes) };
      },
    },
    {
      name: "markFindings, the first time",
      async setup() {
        const excel = await withPlan(source());
        const findings = await findingsOf(excel.adapter);
        return { ...excel, operation: () => excel.adapter.markFindings(findings) };
      },
    },
    {
      name: "markFindings again, over earlier marks",
      async setup() {
        const excel = await withPlan(source());
        const findings = await findingsOf(excel.adapter);
        await excel.adapter.markFindings(findings);
        const fewer = findings.filter((_, index) => index % 2 === 1);
        return { ...excel, operation: () => excel.adapter.markFindings(fewer) };
      },
    },
    {
      name: "clearMarks",
      async setup() {
        const excel = await withPlan(source());
        await excel.adapter.markFindings(await findingsOf(excel.adapter));
        return { ...excel, operation: () => excel.adapter.clearMarks() };
      },
    },
    {
      name: "rewriteFormulas over a parent typed over",
      async setup() {
        const excel = await withPlan(source());
        const typedOver = parentAmountCells(excel.fake).slice(0, 2);
        for (const { sheet, cell } of typedOver) excel.fake.workbook.setCells(sheet, cell, [[4000]]);
        const formulas = rollupFormulas(
          implementerTotals(workbookToPlan(await excel.adapter.readWorkbook()).plan),
          () => null,
        );
        return { ...excel, operation: () => excel.adapter.rewriteFormulas(formulas) };
      },
    },
  ];
}

/** The amount cells (column G) of the schedule sheets that hold a SUM. */
function parentAmountCells(fake: FakeExcel): Array<{ sheet: string; cell: string }> {
  const cells: Array<{ sheet: string; cell: string }> = [];
  for (const sheet of fake.workbook.sheetNames()) {
    const used = fake.workbook.usedRange(sheet);
    if (!used) continue;
    const last = Number(/(\d+)$/.exec(used)![1]);
    for (let r = 1; r <= last; r++) {
      const formula = fake.workbook.formula(sheet, `G${r}`);
      if (typeof formula === "string" && formula.startsWith("=SUM(")) cells.push({ sheet, cell: `G${r}` });
    }
  }
  return cells;
}

// ---- Half-way failures ---------------------------------------------------------------------------------

/** Where to cut a batch of `actions` actions: every place for small batches, a spread for big ones. */
function cuts(actions: number, exhaustiveUpTo: number): Array<number | "all"> {
  const places: Array<number | "all"> = [];
  if (actions <= exhaustiveUpTo) for (let k = 0; k < actions; k++) places.push(k);
  else {
    const spread = new Set([0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, actions - 2, actions - 1]);
    for (let part = 1; part < 8; part++) spread.add(Math.floor((actions * part) / 8));
    places.push(...[...spread].filter((k) => k >= 0 && k < actions).sort((a, b) => a - b));
  }
  places.push("all");
  return places;
}

async function cleanRun(scenario: Scenario) {
  const { fake, operation } = await scenario.setup();
  const before = fake.workbook.snapshot();
  const first = fake.stats.syncs;
  fake.stats.reset();
  fake.stats.syncs = first;
  const result = await operation();
  const requests = fake.stats.requests.map((record) => ({ sync: record.sync - first, actions: record.actions }));
  return { before, after: fake.workbook.snapshot(), result, syncs: fake.stats.syncs - first, requests };
}

function describeFailures(title: string, source: () => ActionPlan, exhaustiveUpTo: number) {
  describe(title, () => {
    for (const scenario of scenarios(source)) {
      it(`${scenario.name}: as it was or fully done, whatever sync fails after whatever action`, async () => {
        const clean = await cleanRun(scenario);
        expect(clean.after).not.toEqual(clean.before);
        let rolledBack = 0;
        let completed = 0;
        let cases = 0;
        for (let sync = 1; sync <= clean.syncs; sync++) {
          // A sync with nothing queued sends no request; failing it still rejects, as Office.js would.
          const actions = clean.requests.find((request) => request.sync === sync)?.actions ?? 0;
          for (const applied of cuts(actions, exhaustiveUpTo)) {
            const { fake, operation } = await scenario.setup();
            fake.control.failSync(fake.stats.syncs + sync, { applied, code: "GeneralException" });
            let outcome: { result: unknown } | { error: unknown };
            try {
              outcome = { result: await operation() };
            } catch (error) {
              outcome = { error };
            }
            const now = fake.workbook.snapshot();
            const where = `${scenario.name}: sync ${sync} of ${clean.syncs}, ${String(applied)} of ${actions} actions applied`;
            if ("result" in outcome) {
              completed++;
              expect({ where, result: outcome.result }).toEqual({ where, result: clean.result });
              expect({ where, workbook: now }).toEqual({ where, workbook: clean.after });
            } else {
              if (outcome.error instanceof WorkbookWriteError) {
                rolledBack++;
                expect({ where, outcome: outcome.error.outcome }).toEqual({ where, outcome: "rolled-back" });
                expect(outcome.error.message).toMatch(/GeneralException/);
                expect(outcome.error.messageEn).toMatch(/left as it was before/);
              }
              expect({ where, workbook: now }).toEqual({ where, workbook: clean.before });
            }
            cases++;
          }
        }
        // Every sync was failed at least at its start, and the writing ones were put back or finished.
        expect(cases).toBeGreaterThanOrEqual(clean.syncs);
        expect(rolledBack + completed).toBeGreaterThan(0);
      });
    }
  });
}

describeFailures("a failure half-way, on a small plan (every action of every batch)", smallPlan, 400);
describeFailures("a failure half-way, on the directive of 25.03.2025 nr 68 (a spread of places)", fixturePlan, 40);

describe("when putting the workbook back fails too", () => {
  it("says so and names the sheets to look at, instead of claiming the workbook is whole", async () => {
    const { fake, adapter } = await officersWorkbook();
    const model = planToWorkbook(smallPlan()).workbook;
    // The write's second sync fails half-way, and so does the first sync of putting it back.
    fake.control.failSync(fake.stats.syncs + 2, { applied: 5 });
    fake.control.failSync(fake.stats.syncs + 3, { code: "RequestAborted" });
    const error = await adapter.writeWorkbook(model).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as WorkbookWriteError).outcome).toBe("unknown");
    expect((error as WorkbookWriteError).message).toContain("ei õnnestunud endiseks taastada");
    expect((error as WorkbookWriteError).message).toContain("„Koond“");
    expect((error as WorkbookWriteError).messageEn).toContain("could not be put back");
  });

  it("a refusal before anything is written is passed on as it is, and nothing changes", async () => {
    const excel = await withPlan(smallPlan());
    const before = excel.fake.workbook.snapshot();
    const model = planToWorkbook(smallPlan()).workbook;
    await expect(excel.adapter.writeWorkbook(model)).rejects.toThrow(/on juba olemas/);
    expect(excel.fake.workbook.snapshot()).toEqual(before);
  });
});

// ---- Nothing outside what an operation owns ------------------------------------------------------------

interface SheetSnapshot {
  name: string;
  visibility: string;
  cells: Array<{ address: string; value?: unknown; formula?: unknown; prefixed?: unknown; style: unknown }>;
  [key: string]: unknown;
}

const sheetsOf = (snapshot: unknown) => (snapshot as { sheets: SheetSnapshot[] }).sheets;
const sheetIn = (snapshot: unknown, name: string) => sheetsOf(snapshot).find((sheet) => sheet.name === name);

/** The cells that differ between two snapshots of one sheet, with what differs in each. */
function changedCells(before: SheetSnapshot, after: SheetSnapshot): Map<string, string[]> {
  const index = (sheet: SheetSnapshot) => new Map(sheet.cells.map((cell) => [cell.address, cell]));
  const [old, now] = [index(before), index(after)];
  const changed = new Map<string, string[]>();
  for (const address of new Set([...old.keys(), ...now.keys()])) {
    const a = (old.get(address) ?? {}) as Record<string, unknown>;
    const b = (now.get(address) ?? {}) as Record<string, unknown>;
    const fields = ["value", "formula", "prefixed", "style"].filter(
      (field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]),
    );
    if (fields.length > 0) changed.set(address, fields);
  }
  return changed;
}

/** Everything of a sheet but its cells and name: layout, protection, widths. */
function sheetFrame(sheet: SheetSnapshot): Record<string, unknown> {
  const frame: Record<string, unknown> = { ...sheet };
  delete frame.name;
  delete frame.cells;
  return frame;
}

describe("no operation changes anything outside what it owns", () => {
  it("writing the plan leaves the officer's own sheet as it was, and replacing keeps each old sheet whole as a backup", async () => {
    const excel = await withPlan(fixturePlan());
    // The officer works in the plan's sheets too.
    excel.fake.workbook.setCells("Tartu", "J3", [["oma märkus"]]);
    const before = excel.fake.workbook.snapshot();
    const model = planToWorkbook(fixturePlan()).workbook;
    const conflicts = Object.fromEntries(model.sheets.map((sheet) => [sheet.name, "replace" as const]));
    const { backups } = await excel.adapter.writeWorkbook(model, conflicts);
    const after = excel.fake.workbook.snapshot();

    expect(sheetIn(after, "Märkmed")).toEqual(sheetIn(before, "Märkmed"));
    expect(backups).toHaveLength(model.sheets.length);
    // Excel follows a renamed sheet in the formulas that name it, so the old Koond names the old sheets.
    const unrenamed = (sheet: SheetSnapshot): SheetSnapshot => ({
      ...sheet,
      cells: sheet.cells.map((cell) =>
        typeof cell.formula === "string"
          ? { ...cell, formula: cell.formula.replace(/'/g, "").replace(/ \(varu\)!/g, "!") }
          : cell,
      ),
    });
    model.sheets.forEach((sheet, index) => {
      // The old sheet, every cell and format of it, the officer's note included, under its backup name.
      expect(unrenamed({ ...sheetIn(after, backups[index])!, name: sheet.name })).toEqual(
        unrenamed(sheetIn(before, sheet.name)!),
      );
    });
    expect(backups).toContain("Tartu (varu)");
    expect(sheetIn(after, "Tartu (varu)")!.cells).toContainEqual(
      expect.objectContaining({ address: "J3", value: "oma märkus" }),
    );
  });

  it("lisa 2 changes only its own two sheets, and keeps the others' order", async () => {
    const excel = await withPlan(fixturePlan());
    await excel.adapter.writeAnnexSheets(annexOf(fixturePlan(), 7));
    const before = excel.fake.workbook.snapshot();
    await excel.adapter.writeAnnexSheets(annexOf(fixturePlan(), 5));
    const after = excel.fake.workbook.snapshot();
    const others = (snapshot: unknown) =>
      sheetsOf(snapshot).filter((sheet) => sheet.name !== LISA2_SHEET && sheet.name !== LISA2_MATRIX_SHEET);
    expect(others(after)).toEqual(others(before));
    expect(sheetsOf(after).map((sheet) => sheet.name)).toEqual(sheetsOf(before).map((sheet) => sheet.name));
    expect(changedCells(sheetIn(before, LISA2_SHEET)!, sheetIn(after, LISA2_SHEET)!).size).toBeGreaterThan(0);
  });

  it("writeCells changes the cells it is given and nothing else", async () => {
    const excel = await withPlan(fixturePlan());
    const before = excel.fake.workbook.snapshot();
    await excel.adapter.writeCells(SETTINGS_SHEET, [
      { cell: "B2", value: "69", numFmt: "@" },
      { cell: "B6", value: 7 },
    ]);
    const after = excel.fake.workbook.snapshot();
    for (const sheet of sheetsOf(before)) {
      if (sheet.name === SETTINGS_SHEET) continue;
      expect(sheetIn(after, sheet.name)).toEqual(sheet);
    }
    expect([...changedCells(sheetIn(before, SETTINGS_SHEET)!, sheetIn(after, SETTINGS_SHEET)!).keys()].sort()).toEqual([
      "B2",
      "B6",
    ]);
  });

  it("rewriting roll-ups changes only the formulas of the cells it rewrites, and lists each old one in its backup", async () => {
    const excel = await withPlan(fixturePlan());
    const targets = parentAmountCells(excel.fake).filter((_, index) => index % 5 === 0);
    for (const { sheet, cell } of targets) excel.fake.workbook.setCells(sheet, cell, [[4000]]);
    const before = excel.fake.workbook.snapshot();
    const formulas = rollupFormulas(
      implementerTotals(workbookToPlan(await excel.adapter.readWorkbook()).plan),
      () => null,
    );
    const { changed, backup } = await excel.adapter.rewriteFormulas(formulas);
    const after = excel.fake.workbook.snapshot();
    expect(changed).toBe(targets.length);

    const touched = new Set<string>();
    for (const sheet of sheetsOf(before)) {
      const now = sheetIn(after, sheet.name)!;
      expect(sheetFrame(now)).toEqual(sheetFrame(sheet));
      for (const [address, fields] of changedCells(sheet, now)) {
        touched.add(`${sheet.name}!${address}`);
        // The typed-over number gives way to the formula; the cell's format stays.
        expect({ address, fields: fields.filter((field) => field !== "value" && field !== "formula") }).toEqual({
          address,
          fields: [],
        });
      }
    }
    expect([...touched].sort()).toEqual(targets.map(({ sheet, cell }) => `${sheet}!${cell}`).sort());
    const list = excel.fake.workbook.values(backup!, `A2:C${targets.length + 1}`);
    expect(list.map(([sheet, cell, old]) => `${sheet}!${cell}=${old}`).sort()).toEqual(
      targets.map(({ sheet, cell }) => `${sheet}!${cell}=4000`).sort(),
    );
    expect(excel.fake.workbook.visibility(backup!)).toBe("VeryHidden");
  });

  it("marking changes no cell: it adds only conditional formats carrying the marker, over the findings' cells", async () => {
    const excel = await withPlan(fixturePlan());
    const findings = await findingsOf(excel.adapter);
    const before = excel.fake.workbook.snapshot();
    const marked = await excel.adapter.markFindings(findings);
    const after = excel.fake.workbook.snapshot();
    const expected = new Set(
      findings
        .filter((finding) => finding.position.cell)
        .map((finding) => `${finding.position.sheet}!${finding.position.cell}`),
    );
    expect(marked).toBe(expected.size);
    const withoutFormats = (snapshot: unknown) =>
      sheetsOf(snapshot).map((sheet) => ({ ...sheet, conditionalFormats: undefined }));
    expect(withoutFormats(after)).toEqual(withoutFormats(before));
    for (const sheet of sheetsOf(before))
      expect((sheet as { conditionalFormats?: unknown[] }).conditionalFormats).toEqual([]);
    for (const sheet of sheetsOf(after))
      for (const format of excel.fake.workbook.conditionalFormatList(sheet.name))
        expect([sheet.name, isMarkFormula(format.formula)]).toEqual([sheet.name, true]);
    for (const cell of expected) {
      const [sheet, address] = cell.split("!");
      expect([cell, Object.values(MARK_FILL)]).toEqual([
        cell,
        expect.arrayContaining([excel.fake.workbook.displayedFill(sheet, address)]),
      ]);
    }
  });
});

// ---- Marks give every cell its own fill back -----------------------------------------------------------

describe("marks restore formats exactly", () => {
  const FILLS = ["#FFFFFF", "#C6EFCE", "#FFC7CE", "#00B0F0", "#F8CBAD"];

  it("whatever fills the cells had, and however often they are marked, clearing gives each its own back", async () => {
    const source = smallPlan();
    const base = await withPlan(source);
    const findings = (await findingsOf(base.adapter)).filter((finding) => finding.position.cell);
    const cells = [...new Set(findings.map((finding) => `${finding.position.sheet}!${finding.position.cell}`))];
    expect(cells.length).toBeGreaterThan(3);

    await fc.assert(
      fc.asyncProperty(
        // Each finding's cell: no fill, or one of the colours (one of them a mark's own colour).
        fc.array(fc.option(fc.constantFrom(...FILLS), { nil: null }), {
          minLength: cells.length,
          maxLength: cells.length,
        }),
        // Two markings with different findings, the officer recolouring a cell in between.
        fc.subarray(findings),
        fc.subarray(findings),
        fc.nat(cells.length - 1),
        async (fills, first, second, recoloured) => {
          const { fake, adapter } = await withPlan(source);
          await paint(fake, cells, fills);
          await adapter.markFindings(first);
          await adapter.markFindings(second);
          // A cell the second marking does not cover may be recoloured by the officer: clearing must keep that.
          const covered = second.some((f) => `${f.position.sheet}!${f.position.cell}` === cells[recoloured]);
          if (!covered) await paint(fake, [cells[recoloured]], ["#7030A0"]);
          await adapter.clearMarks();

          const reference = await withPlan(source);
          await paint(
            reference.fake,
            cells,
            fills.map((fill, index) => (index === recoloured && !covered ? "#7030A0" : fill)),
          );
          expect(fake.workbook.snapshot()).toEqual(reference.fake.workbook.snapshot());
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it("clearing after a sheet was deleted or protected takes off what it can and leaves the protected sheet's on", async () => {
    const { fake, adapter } = await withPlan(fixturePlan());
    const findings = (await findingsOf(adapter)).filter((finding) => finding.position.cell);
    const sheets = [...new Set(findings.map((finding) => finding.position.sheet!))];
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    const [deleted, locked] = sheets;
    await adapter.markFindings(findings);
    const rules = (name: string) => fake.workbook.conditionalFormatList(name);
    const onLocked = rules(locked);
    const total = fake.workbook.sheetNames().reduce((sum, name) => sum + rules(name).length, 0);
    const onDeleted = rules(deleted).length;
    expect(onLocked.length).toBeGreaterThan(0);
    fake.context.workbook.worksheets.getItem(deleted).delete();
    fake.context.workbook.worksheets.getItem(locked).protection.protect();
    await fake.context.sync();

    expect(await adapter.clearMarks()).toBe(total - onDeleted - onLocked.length);
    for (const name of fake.workbook.sheetNames()) expect(rules(name)).toEqual(name === locked ? onLocked : []);
    // Once the sheet is unprotected, clearing finishes.
    fake.context.workbook.worksheets.getItem(locked).protection.unprotect();
    await fake.context.sync();
    expect(await adapter.clearMarks()).toBe(onLocked.length);
    for (const name of fake.workbook.sheetNames()) expect(rules(name)).toEqual([]);
  });
});

/** Fills cells ("Tartu!G5") as the officer would; null leaves a cell without fill. */
async function paint(fake: FakeExcel, cells: string[], fills: Array<string | null>): Promise<void> {
  cells.forEach((key, index) => {
    const [sheet, cell] = key.split("!");
    const fill = fills[index];
    if (fill) fake.context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill.color = fill;
  });
  await fake.context.sync();
}
