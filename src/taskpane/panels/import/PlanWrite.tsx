import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
} from "@fluentui/react-components";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";
import type { DirectiveImport } from "./directive-import";

/** The button that writes a previewed directive, and what the last write did. */
export function PlanWrite({ directive, disabled }: { directive: DirectiveImport; disabled: boolean }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { preview, written } = directive;
  return (
    <>
      {preview && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void directive.write(null)} disabled={disabled}>
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
    </>
  );
}

const useDialogStyles = makeStyles({
  // The pane, not the screen, is the dialog's room: in the preview (and a wide Excel window) Fluent's narrow-screen
  // media query does not apply, and three long buttons in one row reached past a 320 px pane.
  actions: { flexWrap: "wrap" },
});

/** Asked before a write when sheets of the preview already exist: replace them (with a backup) or keep both. */
export function ConflictDialog({ directive }: { directive: DirectiveImport }) {
  const t = useMessages();
  const styles = useDialogStyles();
  const { asking, setAsking, write } = directive;
  return (
    <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.conflictTitle}</DialogTitle>
          <DialogContent>{t.conflictBody(directive.preview?.conflicts.join(", ") ?? "")}</DialogContent>
          <DialogActions fluid className={styles.actions}>
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
  );
}
