import Decimal from "decimal.js";
import { applyEdit, previewEdit } from "../../src/app";
import { compareCodes } from "../../src/model/hierarchy";
import { createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { partner, personnel, plan, row } from "../checks/plan-builder";

/**
 * A spread over thousands of items, written to Excel: the benchmark at 100 000 rows found the request of such an
 * edit over Excel on the web's 5 MB ("RequestPayloadSizeLimitExceeded"). Cells are now written a range per run of
 * rows, and a request that would still outgrow the limit is cut in batches. The limits here are scaled down (the
 * adapter's batch 100 KB, the fake's refusal at 150 KB) so that a few thousand rows show what 100 000 do at 4 and 5 MB.
 */

jest.setTimeout(120_000);

const ITEMS = 12_000;

/** One partner whose top row has ITEMS items in five sections, and personnel. */
function largePlan() {
  const rows = [row("3.5.2.1", "0", { line: 1 })];
  for (let index = 0; index < ITEMS; index++) {
    rows.push(row(`3.5.2.1.${(index % 5) + 1}.${Math.floor(index / 5) + 1}`, "12,34", { line: index + 2 }));
  }
  rows.push(personnel("100", { line: ITEMS + 2 }));
  const sorted = [rows[0], ...rows.slice(1, -1).sort((a, b) => compareCodes(a.code!, b.code!)), rows[rows.length - 1]];
  return plan([partner("Tartu linn", "01.01.2023-31.12.2025", sorted)]);
}

async function largeWorkbook(requestLimit: number, refuseAbove: number) {
  const fake = createFakeExcel({ requestLimitBytes: null, responseLimitBytes: null });
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context), requestLimit);
  await adapter.writeWorkbook(planToWorkbook(largePlan()).workbook);
  fake.control.requestLimitBytes = refuseAbove;
  fake.control.responseLimitBytes = refuseAbove;
  const preview = await previewEdit(adapter, {
    kind: "spread",
    implementer: "Tartu linn",
    code: "3.5.2.1",
    total: new Decimal("200000"),
    mode: "equal",
  });
  return { fake, adapter, preview };
}

test("a spread over 12 000 items is written in batches under the limit, every amount where it belongs", async () => {
  const { fake, adapter, preview } = await largeWorkbook(100_000, 150_000);
  const cells = preview.writes.reduce((sum, write) => sum + write.updates.length, 0);
  expect(cells).toBeGreaterThan(ITEMS);
  const before = fake.stats.syncs;
  const largest = () => Math.max(...fake.stats.requests.slice(before).map((request) => request.requestBytes));
  await applyEdit(adapter, preview);
  expect(largest()).toBeLessThanOrEqual(150_000);
  const syncs = fake.stats.syncs - before;
  // More than the 2 of a small edit, and still a handful: a batch per 100 KB, not a sync per cell.
  expect(syncs).toBeGreaterThan(2);
  expect(syncs).toBeLessThan(40);
  // 200 000 over the 12 000 items and personnel equally: 16,665277… each, to the cent by the largest remainders.
  const codes = fake.workbook.values("Tartu", `A1:A${ITEMS + 10}`).map((cells) => String(cells[0] ?? ""));
  const amounts = fake.workbook.values("Tartu", `G1:G${ITEMS + 10}`).map((cells) => cells[0]);
  const itemAmounts = codes.flatMap((code, index) => (code.split(".").length === 6 ? [amounts[index] as number] : []));
  expect(itemAmounts).toHaveLength(ITEMS);
  expect(new Set(itemAmounts)).toEqual(new Set([16.67, 16.66]));
  const personnelAmount = amounts[codes.findIndex((code, index) => index > 4 && code === "")] as number;
  const total = itemAmounts.reduce((sum: Decimal, value) => sum.plus(value), new Decimal(0));
  expect(total.plus(personnelAmount).toFixed(2)).toBe("200000.00");
});

test("a failure in a later batch puts every cell back, those of earlier batches too", async () => {
  const { fake, adapter, preview } = await largeWorkbook(100_000, 150_000);
  const snapshot = fake.workbook.snapshot();
  // Sync 1 reads the first batch; the writes start after all reads: fail the third write batch.
  const reads = await countReadSyncs(preview);
  fake.control.failSync(fake.stats.syncs + reads + 3, { applied: "all" });
  await expect(applyEdit(adapter, preview)).rejects.toThrow();
  expect(fake.workbook.snapshot()).toEqual(snapshot);
});

/** How many syncs the spread's reading takes, found by writing it once on a copy. */
async function countReadSyncs(preview: Awaited<ReturnType<typeof largeWorkbook>>["preview"]): Promise<number> {
  const { fake, adapter } = await largeWorkbook(100_000, 150_000);
  const before = fake.stats.syncs;
  await adapter.writeCellsOnSheets(preview.writes);
  // As many read syncs as write syncs: the same batches.
  return (fake.stats.syncs - before) / 2;
}
