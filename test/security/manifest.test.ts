import { readFileSync } from "fs";
import * as path from "path";
import { SCHEMA_NAMESPACES, manifestFacts } from "./manifest-facts";

/**
 * The manifest asks for the least the add-in needs: to read and write the workbook (ReadWriteDocument), nothing of
 * the user's mailbox or identity, no other domains; and every address in it is on the add-in's own https origin.
 * The production manifest (the build's copy, with TAT_BUDGET_URL) is checked in addin-pages.test.ts.
 */

const MANIFEST = readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  const facts = manifestFacts(MANIFEST);

  test("requires ExcelApi 1.9, the newest set the Office adapter calls (getCellProperties, pageLayout)", () => {
    // Established from @types/office-js's "[Api set: …]" of each member in src/workbook/office/excel-api.ts: 1.9 is
    // the highest (Range.getCellProperties/setCellProperties, Worksheet.pageLayout); an Excel without it would
    // install the add-in and fail at its first write.
    const sets = [...MANIFEST.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([["ExcelApi", "1.9"]]);
  });

  test("asks for one permission: ReadWriteDocument", () => {
    expect(facts.permissions).toEqual(["ReadWriteDocument"]);
  });

  test("has no element that widens it: no AppDomains, no SSO scopes, no extended permissions", () => {
    expect(facts.widening).toEqual([]);
  });

  test("declares only Microsoft's manifest schemas and XML Schema's instance namespace", () => {
    expect([...new Set(facts.namespaces)].sort()).toEqual([...SCHEMA_NAMESPACES].sort());
  });

  test("points only at https://localhost:3000/, the dev server, which the build replaces", () => {
    // The add-in's two icons, the ribbon's six images, the pane twice (DefaultSettings and the ribbon's button),
    // the commands page; the header comment's mention of the dev server is not one of them.
    expect(facts.urls).toHaveLength(11);
    for (const { url, where } of facts.urls) {
      const parsed = new URL(url);
      expect({ where, protocol: parsed.protocol, origin: parsed.origin }).toEqual({
        where,
        protocol: "https:",
        origin: "https://localhost:3000",
      });
    }
    expect(facts.urls.map(({ url }) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(["/taskpane.html", "/commands.html", "/assets/icon-32.png"]),
    );
  });

  test("the reader would see what widens a manifest, and URLs in text as well as attributes", () => {
    const wider = MANIFEST.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<AppDomains><AppDomain>http://other.example.com</AppDomain></AppDomains><Permissions>ReadWriteMailbox</Permissions>",
    );
    const facts = manifestFacts(wider);
    expect(facts.permissions).toEqual(["ReadWriteMailbox"]);
    expect(facts.widening).toEqual(["/OfficeApp/AppDomains", "/OfficeApp/AppDomains/AppDomain"]);
    expect(facts.urls).toContainEqual({ url: "http://other.example.com", where: "/OfficeApp/AppDomains/AppDomain" });
  });
});
