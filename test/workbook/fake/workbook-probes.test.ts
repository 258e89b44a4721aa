import { createFakeExcel } from "../../../src/workbook/fake";
import { PROBES } from "../../../src/workbook/office/probes";
import { WORKBOOK_PROBES } from "../../../src/workbook/office/probes/workbook";

/**
 * The workbook-wide probes (structure protection, manual calculation) against the fake, each in a scratch sheet as
 * the self-test runs them in Excel; and each leaves the workbook's own state as it found it.
 */
describe("workbook probes against the Excel fake", () => {
  it("are all in the registry the self-test runs", () => {
    for (const probe of WORKBOOK_PROBES) expect(PROBES).toContain(probe);
  });

  it.each(WORKBOOK_PROBES.map((probe) => [probe.id, probe] as const))("%s", async (_, probe) => {
    const excel = createFakeExcel({ sheets: ["Koond"], calculationMode: "AutomaticExceptTables" });
    const scratch = excel.context.workbook.worksheets.add("tat-budget test");
    await excel.context.sync();
    await probe.run(excel.context, scratch);
    expect(excel.workbook.workbookProtection).toBeNull();
    expect(excel.workbook.calculationMode).toBe("AutomaticExceptTables");
    expect(excel.workbook.sheetNames()).toEqual(["Koond", "tat-budget test"]);
    expect(excel.workbook.visibility("tat-budget test")).toBe("Visible");
  });

  it("refuse to touch a workbook the officer has protected, and leave its protection on", async () => {
    const excel = createFakeExcel();
    const scratch = excel.context.workbook.worksheets.add("tat-budget test");
    await excel.context.sync();
    excel.context.workbook.protection.protect("officer's");
    await excel.context.sync();
    const structural = WORKBOOK_PROBES.filter((probe) => probe.id.startsWith("workbook-protection"));
    for (const probe of structural)
      await expect(probe.run(excel.context, scratch)).rejects.toThrow(/protected already/);
    expect(excel.workbook.workbookProtection).toEqual({ password: "officer's" });
  });
});
