/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES } from "../../src/import/limits";
import { renderApp } from "./harness";

/**
 * The task pane refuses a chosen file over its size limit from `file.size` alone, before reading it, with the
 * importers' own message in the pane's existing error display.
 */

/** A file that says it is `size` bytes long and fails the test if it is read. */
function hugeFile(name: string, size: number): File {
  const file = new File(["x"], name);
  Object.defineProperty(file, "size", { value: size });
  const read = () => Promise.reject(new Error(`${name} was read although it is too large`));
  Object.defineProperty(file, "arrayBuffer", { value: read });
  Object.defineProperty(file, "text", { value: read });
  return file;
}

describe("a file over its size limit", () => {
  test.each([
    ["kaskkiri.txt", MAX_TEXT_BYTES + 1, "Fail „kaskkiri.txt“ on liiga suur: 5,1 MB; suurim lubatud on 5 MB."],
    ["lisa1.docx", 40 * 1024 * 1024, "Fail „lisa1.docx“ on liiga suur: 40 MB; suurim lubatud on 20 MB."],
    ["lisa1.pdf", MAX_PDF_BYTES + 1, "Fail „lisa1.pdf“ on liiga suur: 30,1 MB; suurim lubatud on 30 MB."],
  ])("%s is refused unread, with the limit", async (name, size, message) => {
    const pane = renderApp();
    await pane.user.upload(screen.getByTestId("import-file"), hugeFile(name, size));
    expect(await screen.findByText((text) => text.startsWith(message))).toBeVisible();
    expect(pane.services!.previewDocument).not.toHaveBeenCalled();
    expect(pane.services!.previewText).not.toHaveBeenCalled();
  });

  test("in English when the pane is", async () => {
    const pane = renderApp({ language: "en" });
    await pane.user.upload(screen.getByTestId("import-file"), hugeFile("lisa1.docx", MAX_DOCX_BYTES + 1));
    expect(
      await screen.findByText((text) =>
        text.startsWith('The file "lisa1.docx" is too large: 20.1 MB; the largest accepted is 20 MB.'),
      ),
    ).toBeVisible();
    expect(pane.services!.previewDocument).not.toHaveBeenCalled();
  });

  test("a file at its limit is read", async () => {
    const pane = renderApp();
    const file = new File(["x"], "lisa1.pdf");
    Object.defineProperty(file, "size", { value: MAX_PDF_BYTES });
    pane.services!.previewDocument.mockRejectedValue(new Error("stop here"));
    await pane.user.upload(screen.getByTestId("import-file"), file);
    await screen.findByText(/stop here/);
    expect(pane.services!.previewDocument).toHaveBeenCalledTimes(1);
  });
});
