import { importPdf } from "../../../src/import/pdf";

/**
 * `tat-budget parse lisa1.pdf --json` must print only JSON on stdout. pdf.js's Node build, loading without the
 * optional `canvas` package (not installed here, nor by `npm ci`), warns with console.log that it cannot polyfill
 * DOMMatrix and Path2D. This file is its own module registry, so pdf.js loads for the first time below.
 */
describe("loading pdf.js in Node", () => {
  it("prints nothing on stdout, and not the rendering polyfill warnings on stderr either", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => {});
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    const stdout = jest.spyOn(process.stdout, "write");
    try {
      // Enough of a PDF to load pdf.js; it is then refused as unreadable, which is beside the point here.
      await expect(importPdf(new TextEncoder().encode("%PDF-1.4\nnot really a PDF\n"))).rejects.toThrow();
      expect(log).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
      expect(error.mock.calls.flat().join(" ")).not.toMatch(/polyfill/);
      // The redirect is undone: console.log is the one this test installed, again.
      expect(console.log).toBe(log);
    } finally {
      log.mockRestore();
      error.mockRestore();
      stdout.mockRestore();
    }
  });
});
