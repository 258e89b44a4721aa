import { useState } from "react";
import type { SelectionImport, SelectionPreview, WorkbookServices } from "../../../app";
import { useMessages } from "../../i18n";
import { useOperation } from "../../operation";

/** Whose schedule a pasted table is: asked before it is written, preset from what the table says. */
export interface Owner {
  name: string;
  role: "elluviija" | "partner";
}

/** The pasted-range flow: read the range selected in Excel, say whose schedule it is, write it as a schedule. */
export function useSelectionImport(services: WorkbookServices | null, onImported: () => void) {
  const t = useMessages();
  const { run } = useOperation();
  const [selection, setSelection] = useState<SelectionPreview | null>(null);
  const [owner, setOwner] = useState<Owner>({ name: "", role: "partner" });
  const [written, setWritten] = useState<SelectionImport | null>(null);

  const readSelection = async () => {
    if (!services) return;
    setWritten(null);
    const found = await run(t.readingSelection, () => services.previewSelection());
    if (!found) return;
    setSelection(found);
    const guessed = found.mapping.implementer;
    setOwner({ name: guessed?.name ?? "", role: guessed?.role ?? found.mapping.roleHint ?? "partner" });
  };

  const writeSelection = async () => {
    if (!services || !selection) return;
    const result = await run(t.writingSelection, () =>
      services.importSelection(selection, { name: owner.name.trim(), role: owner.role }),
    );
    if (result) {
      setWritten(result);
      setSelection(null);
      onImported();
    }
  };

  return { selection, owner, setOwner, written, readSelection, writeSelection };
}

export type SelectionImportFlow = ReturnType<typeof useSelectionImport>;
