import { Bounds } from "../../workbook/fake";
import { editText } from "../number-format";
import { CellView, selectionAddress } from "../sheet-view";
import { useStyles } from "./styles";

interface FormulaBarProps {
  selection: Bounds | null;
  activeCell: CellView | null;
}

/** The name box with the selection's address, and the active cell's content as its editor would show it. */
export function FormulaBar({ selection, activeCell }: FormulaBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.formulaBar}>
      <output className={styles.nameBox} aria-label="Nimeväli" data-testid="name-box">
        {selection ? selectionAddress(selection) : ""}
      </output>
      <output className={styles.formulaText} aria-label="Valemiriba" data-testid="formula-bar">
        {activeCell ? editText(activeCell.value, activeCell.formula, activeCell.numberFormat) : ""}
      </output>
    </div>
  );
}
