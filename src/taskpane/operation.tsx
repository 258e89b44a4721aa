import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { Language, errorMessage } from "../app";

/**
 * One operation at a time across the whole pane: a second click while Excel is still working is ignored and every
 * action button is disabled, so nothing is written twice. Failures become a message, never a blank pane.
 */
export interface OperationApi {
  /** The running operation's label, or null when idle. */
  busy: string | null;
  error: string | null;
  /**
   * Runs `work` unless another operation is running; resolves to undefined when refused or failed. A run starts by
   * clearing the last error, except with `keepError`: for a run the pane starts by itself (not a click), which must
   * not wipe a failure the user has not seen yet.
   */
  run<T>(label: string, work: () => Promise<T>, options?: { keepError?: boolean }): Promise<T | undefined>;
  dismissError(): void;
}

const OperationContext = createContext<OperationApi | null>(null);

export function useOperation(): OperationApi {
  const api = useContext(OperationContext);
  if (!api) throw new Error("useOperation outside OperationProvider");
  return api;
}

export function OperationProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: two clicks in one frame both see the state before either re-render.
  const running = useRef(false);
  const run = useCallback(
    async <T,>(label: string, work: () => Promise<T>, options?: { keepError?: boolean }): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(label);
      if (!options?.keepError) setError(null);
      try {
        return await work();
      } catch (caught) {
        setError(errorMessage(caught, language));
        return undefined;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [language],
  );
  const dismissError = useCallback(() => setError(null), []);
  const api = useMemo(() => ({ busy, error, run, dismissError }), [busy, error, run, dismissError]);
  return <OperationContext.Provider value={api}>{children}</OperationContext.Provider>;
}
