import { useState } from "react";
import type { ImportPreview, SheetConflict, WorkbookServices, WriteResult } from "../../../app";
import { useMessages } from "../../i18n";
import { useOperation } from "../../operation";

/**
 * The write step of a directive's preview. When some of its sheets already exist, the first `write(null)` only asks
 * (`asking`); the answer writes them with that choice.
 */
export function usePlanWrite(
  services: WorkbookServices | null,
  preview: ImportPreview | null,
  onWritten: (result: WriteResult) => void,
) {
  const t = useMessages();
  const { run } = useOperation();
  const [asking, setAsking] = useState(false);

  const write = async (choice: SheetConflict | null) => {
    setAsking(false);
    if (!services || !preview) return;
    if (preview.conflicts.length > 0 && choice === null) {
      setAsking(true);
      return;
    }
    const conflicts = Object.fromEntries(preview.conflicts.map((sheet) => [sheet, choice ?? "replace"]));
    const result = await run(t.writing, () => services.importPlan(preview, conflicts));
    if (result) onWritten(result);
  };

  return { asking, setAsking, write };
}
