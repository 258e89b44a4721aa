import { useState } from "react";
import type { ImportPreview, WorkbookServices, WriteResult } from "../../../app";
import { useMessages } from "../../i18n";
import { useOperation } from "../../operation";
import { chosenFile, looksBinary } from "./chosen-file";
import { usePlanWrite } from "./plan-write";

/** The directive flow: its text (pasted, from a file or the sample), the preview of it, and writing that. */
export function useDirectiveImport(services: WorkbookServices | null, onImported: () => void) {
  const t = useMessages();
  const { run } = useOperation();
  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [written, setWritten] = useState<WriteResult | null>(null);
  /** The container last chosen, kept to read another of its documents when the officer picks one. */
  const [container, setContainer] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const writing = usePlanWrite(services, preview, (result) => {
    setWritten(result);
    setPreview(null);
    onImported();
  });

  const readFile = async (file: File) => {
    setInputError(null);
    // Another file's preview must not stand while this one is read, or be written in its place.
    setPreview(null);
    const chosen = chosenFile(file, services !== null, t);
    setContainer(null);
    if (chosen.kind === "refused") {
      setInputError(chosen.message);
      return;
    }
    if (chosen.kind === "document" && services) {
      // Word, PDF and a workbook are read from their own structure, not as text: straight to the preview.
      const bytes = new Uint8Array(await file.arrayBuffer());
      setWritten(null);
      const { format } = chosen;
      // A container's name is shown in what it says; a Word or PDF file's bytes are all its importer takes.
      const found = await run(t.previewing, () =>
        format === "container"
          ? services.previewDocument(format, bytes, { name: file.name })
          : services.previewDocument(format, bytes),
      );
      if (found) setPreview(found);
      if (found && format === "container") setContainer({ bytes, name: file.name });
      return;
    }
    const content = await file.text();
    if (looksBinary(content)) {
      setInputError(t.notText(file.name));
      return;
    }
    setText(content);
    setPreview(null);
  };

  const showPreview = async () => {
    if (!services) return;
    if (text.trim() === "") {
      setInputError(t.emptyText);
      return;
    }
    setInputError(null);
    setWritten(null);
    const found = await run(t.previewing, () => services.previewText(text));
    if (found) setPreview(found);
  };

  /** Another document of the container read in place of the one shown; the preview shows it once read. */
  const chooseDocument = async (document: string) => {
    if (!services || !container) return;
    setPreview(null);
    const found = await run(t.previewing, () =>
      services.previewDocument("container", container.bytes, { name: container.name, choose: document }),
    );
    if (found) setPreview(found);
  };

  /** Typing drops the preview: it no longer shows what would be written. */
  const edit = (value: string) => {
    setText(value);
    setPreview(null);
    setContainer(null);
  };

  const loadSample = (sample: () => Promise<string>) =>
    void run(t.previewing, sample).then((content) => content !== undefined && setText(content));

  return { text, inputError, preview, written, edit, readFile, showPreview, loadSample, chooseDocument, ...writing };
}

export type DirectiveImport = ReturnType<typeof useDirectiveImport>;
