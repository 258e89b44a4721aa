import { Body1, Button, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { SelectionPreview } from "../../../app";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";
import { Diagnostics } from "./Diagnostics";
import { OwnerFields } from "./OwnerFields";
import type { SelectionImportFlow } from "./selection-import";

export interface PastedRangeProps {
  pasted: SelectionImportFlow;
  disabled: boolean;
}

/** "From a table pasted into Excel": read the selected range, then write it as one implementer's schedule. */
export function PastedRange({ pasted, disabled }: PastedRangeProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { selection, written } = pasted;
  return (
    <>
      <Subtitle2 as="h2">{t.selectionTitle}</Subtitle2>
      <Body1>{t.selectionLead}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void pasted.readSelection()} disabled={disabled}>
          {t.readSelection}
        </Button>
      </div>
      {selection && <SelectionFound selection={selection} pasted={pasted} disabled={disabled} />}
      {written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.selectionWritten(written.sheet, written.backups.join(", "))}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What the range holds, what could not be read, and (when there are rows) whose schedule it is. */
function SelectionFound({ selection, pasted, disabled }: PastedRangeProps & { selection: SelectionPreview }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { rows, diagnostics } = selection.mapping;
  return (
    <section aria-label={t.selectionTitle} className={styles.panel}>
      <Body1>{t.selectionFound(rows.length, `${selection.sheet}!${selection.address}`)}</Body1>
      {diagnostics.length > 0 && <Diagnostics diagnostics={diagnostics} />}
      {rows.length > 0 && <OwnerFields pasted={pasted} disabled={disabled} />}
    </section>
  );
}
