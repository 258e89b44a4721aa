import { PANE_WIDTH_PX, paneWidthFrom } from "../../src/preview/PreviewPage";

/** `?pane=320` sets the preview's pane width (the width tests in test/e2e/pane-widths.e2e.test.ts use it). */
test("the pane's width comes from ?pane= when it is a whole number of pixels in range", () => {
  expect(PANE_WIDTH_PX).toBe(360);
  expect(paneWidthFrom("")).toBe(360);
  expect(paneWidthFrom("?pane=320")).toBe(320);
  expect(paneWidthFrom("?lang=et&pane=450")).toBe(450);
  for (const wrong of ["?pane=", "?pane=abc", "?pane=32.5", "?pane=-320", "?pane=100", "?pane=5000"])
    expect(paneWidthFrom(wrong)).toBe(360);
});
