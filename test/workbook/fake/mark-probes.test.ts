import { createFakeExcel } from "../../../src/workbook/fake";
import { PROBES } from "../../../src/workbook/office/probes";
import { MARK_PROBES } from "../../../src/workbook/office/probes/marks";

describe("the marks' probes against the fake", () => {
  it("are in the registry", () => {
    for (const probe of MARK_PROBES) expect(PROBES).toContain(probe);
  });

  it.each(MARK_PROBES.map((probe) => [probe.id, probe] as const))("%s", async (_, probe) => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const scratch = fake.context.workbook.worksheets.add("probe");
    await fake.context.sync();
    await probe.run(fake.context, scratch);
    // Nothing outside the scratch sheet changed.
    expect(fake.workbook.conditionalFormatList("Sheet1")).toEqual([]);
    expect(fake.workbook.usedRange("Sheet1")).toBeNull();
  });
});
