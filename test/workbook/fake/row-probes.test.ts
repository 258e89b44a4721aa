import { createFakeExcel } from "../../../src/workbook/fake";
import { PROBES } from "../../../src/workbook/office/probes";
import { ROW_PROBES } from "../../../src/workbook/office/probes/rows";

describe("the row probes against the fake", () => {
  it("are in the registry", () => {
    for (const probe of ROW_PROBES) expect(PROBES).toContain(probe);
  });

  it.each(ROW_PROBES.map((probe) => [probe.id, probe] as const))("%s", async (_, probe) => {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    const scratch = fake.context.workbook.worksheets.add("probe");
    await fake.context.sync();
    await probe.run(fake.context, scratch);
    expect(fake.workbook.usedRange("Sheet1")).toBeNull();
  });
});
