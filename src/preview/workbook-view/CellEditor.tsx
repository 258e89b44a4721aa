import { useStyles } from "./styles";
import type { CellEditing } from "./use-cell-editing";

interface CellEditorProps {
  address: string;
  draft: string;
  editor: CellEditing;
}

/**
 * The input over an edited cell. Enter writes and moves down, Escape cancels, leaving it writes; its keys and
 * clicks stay its own, so the grid neither moves nor starts another edit.
 */
export function CellEditor({ address, draft, editor }: CellEditorProps) {
  const styles = useStyles();
  return (
    <input
      className={styles.editor}
      data-testid="cell-editor"
      aria-label={`Lahter ${address}`}
      autoFocus
      value={draft}
      onChange={(event) => editor.setDraft(event.target.value)}
      onBlur={() => editor.commit(false)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Enter") {
          event.preventDefault();
          editor.commit(true);
        } else if (event.key === "Escape") {
          event.preventDefault();
          editor.cancel();
        }
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
