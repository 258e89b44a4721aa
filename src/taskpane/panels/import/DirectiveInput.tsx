import { Button, Caption1, Field, Textarea } from "@fluentui/react-components";
import { useRef } from "react";
import { useMessages } from "../../i18n";
import { useOperation } from "../../operation";
import { usePanelStyles } from "../styles";
import type { DirectiveImport } from "./directive-import";

/** The documents a directive comes in, for the file picker: text, Word, PDF and DigiDoc containers. */
export const DIRECTIVE_FILES =
  ".txt,.docx,.pdf,.asice,.bdoc,.ddoc,text/plain,application/pdf," +
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.etsi.asic-e+zip";

export interface DirectiveInputProps {
  directive: DirectiveImport;
  sample?: () => Promise<string>;
  disabled: boolean;
}

/** Where the directive comes from: the text box, a chosen file or the sample; and the button that previews it. */
export function DirectiveInput({ directive, sample, disabled }: DirectiveInputProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy } = useOperation();
  const { inputError } = directive;
  return (
    <>
      <Field
        label={t.textLabel}
        validationMessage={inputError ?? undefined}
        validationState={inputError ? "error" : "none"}
      >
        <Textarea
          value={directive.text}
          onChange={(_, data) => directive.edit(data.value)}
          placeholder={t.textPlaceholder}
          resize="vertical"
          rows={6}
        />
      </Field>
      <div className={styles.actions}>
        <FileChooser
          label={t.chooseFile}
          testId="import-file"
          onFile={(file) => void directive.readFile(file)}
          disabled={disabled}
        />
        {sample && (
          <Button onClick={() => directive.loadSample(sample)} disabled={busy !== null}>
            {t.loadSample}
          </Button>
        )}
        <Button appearance="primary" onClick={() => void directive.showPreview()} disabled={disabled}>
          {t.preview}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{t.fileFormats}</Caption1>
    </>
  );
}

/** A button that opens the file picker for a directive's documents; the same file can be chosen again. */
export function FileChooser({
  label,
  testId,
  onFile,
  disabled,
  primary = false,
}: {
  label: string;
  testId: string;
  onFile(file: File): void;
  disabled: boolean;
  primary?: boolean;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        appearance={primary ? "primary" : "secondary"}
        onClick={() => fileInput.current?.click()}
        disabled={disabled}
      >
        {label}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept={DIRECTIVE_FILES}
        hidden
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
    </>
  );
}
