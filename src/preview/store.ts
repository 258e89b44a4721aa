import { createFakeExcel, FakeExcel, FakeExcelOptions, FakeRequestContext } from "../workbook/fake";
import type { ExcelContext } from "../workbook/office/excel-api";
import type { ExcelRunner } from "../workbook/office/office-adapter";

/**
 * The preview's workbook: the Excel fake, a `run` for the Office adapter and the grid, and a change signal for
 * React (`subscribe` + `version`, the shape useSyncExternalStore takes). Everything that changes the workbook
 * goes through `run`, so the grid redraws after every batch, whoever ran it.
 */
export interface PreviewWorkbook {
  readonly fake: FakeExcel;
  /** Excel.run over the fake: each batch gets its own request context, and listeners hear when it ends. */
  readonly run: ExcelRunner;
  subscribe(listener: () => void): () => void;
  /** Bumped after every batch (and by `notify`): the snapshot to compare. */
  readonly version: number;
  /** For changes made on `fake.workbook` directly (test setup), which `run` does not see. */
  notify(): void;
}

export function createPreviewWorkbook(options: FakeExcelOptions = {}): PreviewWorkbook {
  // The workbook reads typed text as an Estonian Excel does ("2500,5" is a number, "31.12.2025" a date), the
  // users' own locale; the adapter writes text with the "@" format, so its writes do not depend on it.
  const fake = createFakeExcel({ inputLocale: "et-EE", ...options });
  const listeners = new Set<() => void>();
  let version = 0;
  const notify = () => {
    version++;
    for (const listener of [...listeners]) listener();
  };

  const run: ExcelRunner = async (batch) => {
    // A context per batch, as Excel.run gives: the pane and the grid may run at the same time (a click during
    // an import), and a shared context would send one batch's queued actions with the other's sync.
    const context = new FakeRequestContext(fake.workbook, fake.stats, fake.control);
    try {
      // The adapter's tests hold the fake to ExcelContext; the cast keeps the preview building in the meantime
      // when the adapter gains a method before the fake does.
      return await batch(context as unknown as ExcelContext);
    } finally {
      notify();
    }
  };

  return {
    fake,
    run,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get version() {
      return version;
    },
    notify,
  };
}
