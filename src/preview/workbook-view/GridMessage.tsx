import { useStyles } from "./styles";

interface GridMessageProps {
  message: string;
  onDismiss(): void;
}

/** A refused change, above the grid until dismissed or until the next change goes through. */
export function GridMessage({ message, onDismiss }: GridMessageProps) {
  const styles = useStyles();
  return (
    <div className={styles.message} role="alert" data-testid="grid-message">
      <span className={styles.messageText}>{message}</span>
      <button type="button" className={styles.dismiss} aria-label="Sulge teade" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
