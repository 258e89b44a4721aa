/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { workbookServices } from "../../src/app";
import { createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";
import { FakeServices, openTab, renderApp } from "./harness";

/**
 * The pane over the real services and adapter, in a workbook whose structure the officer has protected: the
 * refusal reaches the officer as the alert every failed operation shows, in the pane's language, saying where in
 * Excel to lift the protection; nothing was written.
 */
jest.setTimeout(60_000);

async function protectedWorkbookWithTypedOverParent() {
  const fake = createFakeExcel();
  const services = workbookServices(new OfficeWorkbookAdapter((batch) => batch(fake.context)));
  await services.importPlan(await services.previewText(fixtureText()), {});
  const codes = fake.workbook.values("Tartu", "A1:A60").map((cells) => cells[0]);
  fake.workbook.setCells("Tartu", `G${codes.indexOf("3.5.2.1.3") + 1}`, [[4000]]);
  fake.context.workbook.protection.protect();
  await fake.context.sync();
  // The pane takes the services as props; these are the real ones, not mocks.
  return { fake, services: services as unknown as FakeServices };
}

describe("Summad in a workbook whose structure is protected", () => {
  test("the alert says the structure is protected and how to unprotect it; the workbook is unchanged", async () => {
    const { fake, services } = await protectedWorkbookWithTypedOverParent();
    // jsdom has no structuredClone for snapshot(): the sheets and the schedule's cells stand for the workbook.
    const before = { sheets: fake.workbook.sheetNames(), tartu: fake.workbook.values("Tartu", "A1:K60") };
    const { user } = renderApp({ services });
    await openTab(user, "Summad");
    await user.click(screen.getByRole("button", { name: "Arvuta ülemread uuesti" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Töövihiku struktuur on kaitstud");
    expect(alert).toHaveTextContent("Läbivaatus → Kaitse töövihikut");
    expect({ sheets: fake.workbook.sheetNames(), tartu: fake.workbook.values("Tartu", "A1:K60") }).toEqual(before);
  });

  test("in English", async () => {
    const { services } = await protectedWorkbookWithTypedOverParent();
    const { user } = renderApp({ services, language: "en" });
    await openTab(user, "Totals");
    await user.click(screen.getByRole("button", { name: "Recalculate parent rows" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The workbook's structure is protected");
    expect(alert).toHaveTextContent("Review → Protect Workbook");
  });
});
