import { useState } from "react";
import type { ExcelContext } from "../../workbook/office/excel-api";
import type { PreviewWorkbook } from "../store";

/** Runs a change through the fake; a refusal shows above the grid. */
export type RunChange = (
  batch: (context: ExcelContext) => Promise<void>,
  describe: (error: unknown) => string,
) => Promise<void>;

/** What a refused change tells the user: a protected sheet, else Excel's own message. */
export function refusal(error: unknown, sheet: string, address: string, isProtected: boolean): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === "AccessDenied" || isProtected) return `Leht „${sheet}“ on kaitstud: lahtrit ${address} ei saa muuta.`;
  return `Lahtrit ${address} ei saanud muuta: ${message ?? String(error)}`;
}

/**
 * The grid's way into the workbook: `change` runs a batch through `store.run`, like the add-in's own calls, so the
 * fake decides; its refusal becomes `message`, and the next change that goes through clears it.
 */
export function useWorkbookChange(store: PreviewWorkbook) {
  const [message, setMessage] = useState<string | null>(null);

  const change: RunChange = async (batch, describe) => {
    try {
      await store.run(batch);
      setMessage(null);
    } catch (error) {
      setMessage(describe(error));
    }
  };

  return { message, dismissMessage: () => setMessage(null), change };
}
