import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { fileSizeRefusal } from "../../import/limits";
import { formatMoneyEstonian, sumMoney } from "../../model/money";
import { declaredTotal } from "../../model/totals";
import type { SheetConflict, WriteResult } from "../../workbook/office/office-adapter";
import { useMessages } from "../i18n";
import { useOperation } from "../operation";
import { ImportPreview, PaneServices, SelectionImport, SelectionPreview } from "../services";
import { usePanelStyles } from "./styles";

export interface ImportPanelProps {
  services: PaneServices | null;
  sample?: () => Promise<string>;
  onImported(): void;
}

const TEXT_FILE = /\.txt$/i;
const DOCUMENT_FILE = /\.(docx|pdf)$/i;

export function ImportPanel({ services, sample, onImported }: ImportPanelProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [asking, setAsking] = useState(false);
  const [written, setWritten] = useState<WriteResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<SelectionPreview | null>(null);
  const [owner, setOwner] = useState<{ name: string; role: "elluviija" | "partner" }>({ name: "", role: "partner" });
  const [selectionWritten, setSelectionWritten] = useState<SelectionImport | null>(null);

  const readFile = async (file: File) => {
    setInputError(null);
    // Another file's preview must not stand while this one is read, or be written in its place.
    setPreview(null);
    const documentKind = DOCUMENT_FILE.exec(file.name);
    // The size is known before the file is read: one too large is refused without loading it into the pane.
    const tooLarge = documentKind || TEXT_FILE.test(file.name) ? fileSizeRefusal(file.name, file.size) : null;
    if (tooLarge) {
      setInputError(t.language === "et" ? tooLarge.message : tooLarge.messageEn);
      return;
    }
    if (documentKind && services) {
      // Word and PDF are read from their own structure, not as text: straight to the preview.
      const kind = documentKind[1].toLowerCase() as "docx" | "pdf";
      const bytes = new Uint8Array(await file.arrayBuffer());
      setWritten(null);
      const found = await run(t.previewing, () => services.previewDocument(kind, bytes));
      if (found) setPreview(found);
      return;
    }
    if (!TEXT_FILE.test(file.name)) {
      setInputError(t.unsupportedFile(file.name));
      return;
    }
    const content = await file.text();
    if (content.includes("\ufffd") || content.includes("\u0000")) {
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

  const write = async (choice: SheetConflict | null) => {
    setAsking(false);
    if (!services || !preview) return;
    if (preview.conflicts.length > 0 && choice === null) {
      setAsking(true);
      return;
    }
    const conflicts = Object.fromEntries(preview.conflicts.map((sheet) => [sheet, choice ?? "replace"]));
    const result = await run(t.writing, () => services.importPlan(preview, conflicts));
    if (result) {
      setWritten(result);
      setPreview(null);
      onImported();
    }
  };

  const readSelection = async () => {
    if (!services) return;
    setSelectionWritten(null);
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
      setSelectionWritten(result);
      setSelection(null);
      onImported();
    }
  };

  const disabled = !services || busy !== null;
  return (
    <div className={styles.panel}>
      <Body1>{t.importLead}</Body1>
      <Field
        label={t.textLabel}
        validationMessage={inputError ?? undefined}
        validationState={inputError ? "error" : "none"}
      >
        <Textarea
          value={text}
          onChange={(_, data) => {
            setText(data.value);
            setPreview(null);
          }}
          placeholder={t.textPlaceholder}
          resize="vertical"
          rows={6}
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled}>
          {t.chooseFile}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readFile(file);
            event.target.value = "";
          }}
        />
        {sample && (
          <Button
            onClick={() => void run(t.previewing, sample).then((content) => content !== undefined && setText(content))}
            disabled={busy !== null}
          >
            {t.loadSample}
          </Button>
        )}
        <Button appearance="primary" onClick={() => void showPreview()} disabled={disabled}>
          {t.preview}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{t.fileFormats}</Caption1>

      {preview && <PreviewTable preview={preview} />}
      {preview && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void write(null)} disabled={disabled}>
            {t.write}
          </Button>
        </div>
      )}
      {written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t.imported(Object.values(written.sheets).join(", "), written.backups.join(", "))}
          </MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2 as="h2">{t.selectionTitle}</Subtitle2>
      <Body1>{t.selectionLead}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void readSelection()} disabled={disabled}>
          {t.readSelection}
        </Button>
      </div>
      {selection && (
        <section aria-label={t.selectionTitle} className={styles.panel}>
          <Body1>{t.selectionFound(selection.mapping.rows.length, `${selection.sheet}!${selection.address}`)}</Body1>
          {selection.mapping.diagnostics.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <strong>{t.diagnosticsTitle(selection.mapping.diagnostics.length)}</strong>
                <ul className={styles.list}>
                  {selection.mapping.diagnostics.map((diagnostic, index) => (
                    <li key={index}>
                      {t.lineLabel(diagnostic.line)} {t.language === "et" ? diagnostic.message : diagnostic.messageEn}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {selection.mapping.rows.length > 0 && (
            <>
              <Subtitle2 as="h3">{t.selectionOwner}</Subtitle2>
              <Field label={t.ownerName}>
                <Input value={owner.name} onChange={(_, data) => setOwner({ ...owner, name: data.value })} />
              </Field>
              <Field label={t.ownerRole}>
                <Dropdown
                  value={t.roleNames[owner.role]}
                  selectedOptions={[owner.role]}
                  onOptionSelect={(_, data) =>
                    data.optionValue && setOwner({ ...owner, role: data.optionValue as "elluviija" | "partner" })
                  }
                >
                  {(["partner", "elluviija"] as const).map((role) => (
                    <Option key={role} value={role}>
                      {t.roleNames[role]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  onClick={() => void writeSelection()}
                  disabled={disabled || owner.name.trim() === ""}
                >
                  {t.writeSelection}
                </Button>
              </div>
            </>
          )}
        </section>
      )}
      {selectionWritten && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t.selectionWritten(selectionWritten.sheet, selectionWritten.backups.join(", "))}
          </MessageBarBody>
        </MessageBar>
      )}

      <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.conflictTitle}</DialogTitle>
            <DialogContent>{t.conflictBody(preview?.conflicts.join(", ") ?? "")}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void write("replace")}>
                {t.replace}
              </Button>
              <Button onClick={() => void write("keep-both")}>{t.keepBoth}</Button>
              <Button appearance="subtle" onClick={() => setAsking(false)}>
                {t.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { plan, diagnostics } = preview.result;
  const totals = plan.implementers.map((implementer) => declaredTotal(implementer).amount);
  const known = totals.filter((amount): amount is NonNullable<typeof amount> => amount !== null);
  return (
    <section aria-label={t.previewTitle} className={styles.panel}>
      <Subtitle2 as="h2">{t.previewTitle}</Subtitle2>
      <Table size="small" aria-label={t.previewTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.implementerColumn}</TableHeaderCell>
            <TableHeaderCell>{t.rowsColumn}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.totalColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.implementers.map((implementer, index) => (
            <TableRow key={implementer.name}>
              <TableCell>
                {implementer.name}
                <Caption1 className={styles.hint}> · {implementer.role}</Caption1>
              </TableCell>
              <TableCell>{implementer.rows.length}</TableCell>
              <TableCell className={styles.number}>
                {totals[index] ? formatMoneyEstonian(totals[index]!) : "—"}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <strong>{t.grandTotal}</strong>
            </TableCell>
            <TableCell>{plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0)}</TableCell>
            <TableCell className={styles.number}>
              <strong>{formatMoneyEstonian(sumMoney(known))}</strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {diagnostics.length === 0 ? (
        <Caption1>{t.noDiagnostics}</Caption1>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <strong>{t.diagnosticsTitle(diagnostics.length)}</strong>
            <ul className={styles.list}>
              {diagnostics.map((diagnostic, index) => (
                <li key={index}>
                  {t.lineLabel(diagnostic.line)} {t.language === "et" ? diagnostic.message : diagnostic.messageEn}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
