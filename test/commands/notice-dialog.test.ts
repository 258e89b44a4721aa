/** @jest-environment jsdom */
import { showNotice } from "../../src/commands/notice-dialog";

/**
 * The ribbon command ends exactly once on every path: Excel keeps the button busy until `event.completed()`, and a
 * second call is an error. Office.js's enums as @types/office-js gives their values.
 */
(globalThis as unknown as { Office: unknown }).Office = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
};

type Handler = () => void;

/** A dialog whose events the test fires. */
function dialogHost(status: "succeeded" | "failed") {
  const handlers = new Map<string, Handler>();
  const dialog = { addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler), close: jest.fn() };
  const opened: string[] = [];
  const ui = {
    displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
      opened.push(url);
      callback({ status, value: dialog });
    },
  } as unknown as Pick<Office.UI, "displayDialogAsync">;
  return { ui, dialog, opened, fire: (type: string) => handlers.get(type)?.() };
}

test("the notice's button closes the dialog and ends the command once, even when the close event follows", () => {
  const host = dialogHost("succeeded");
  const done = jest.fn();
  showNotice(["Kontroll: 18 viga"], "et", done, host.ui);
  expect(new URL(host.opened[0]).searchParams.getAll("line")).toEqual(["Kontroll: 18 viga"]);
  expect(done).not.toHaveBeenCalled();
  host.fire("dialogMessageReceived");
  host.fire("dialogEventReceived");
  expect(host.dialog.close).toHaveBeenCalledTimes(1);
  expect(done).toHaveBeenCalledTimes(1);
});

test("a dialog that cannot open ends the command at once", () => {
  const done = jest.fn();
  showNotice(["x"], "et", done, dialogHost("failed").ui);
  expect(done).toHaveBeenCalledTimes(1);
});

test("displayDialogAsync throwing at once still ends the command, once", () => {
  const done = jest.fn();
  const ui = {
    displayDialogAsync: () => {
      throw new Error("Dialogs are not supported here");
    },
  } as unknown as Pick<Office.UI, "displayDialogAsync">;
  expect(() => showNotice(["x"], "et", done, ui)).not.toThrow();
  expect(done).toHaveBeenCalledTimes(1);
});
