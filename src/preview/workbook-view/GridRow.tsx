import { mergeClasses } from "@fluentui/react-components";
import { MouseEvent } from "react";
import { Bounds, intersects } from "../../workbook/fake";
import { CellView, DEFAULT_ROW_HEIGHT_PX, SheetView } from "../sheet-view";
import { CellEditor } from "./CellEditor";
import { cellStyle } from "./cell-style";
import { useStyles } from "./styles";
import type { CellEditing } from "./use-cell-editing";

/** What each row and cell draws from: the sheet, the selection, the edit, and where a click goes. */
export interface GridState {
  view: SheetView;
  selection: Bounds | null;
  activeCell: CellView | null;
  editor: CellEditing;
  onCellClick(event: MouseEvent, cell: CellView): void;
}

/** One row of the grid: its number, then its cells (none where a merged area from above or the left covers it). */
export function GridRow({ grid, row }: { grid: GridState; row: number }) {
  const { view, selection } = grid;
  const styles = useStyles();
  return (
    <tr role="row" style={{ height: `${view.rowHeightsPx.get(row) ?? DEFAULT_ROW_HEIGHT_PX}px` }}>
      <th
        role="rowheader"
        scope="row"
        data-row={row + 1}
        className={mergeClasses(
          styles.rowHeader,
          selection !== null && row >= selection.r1 && row <= selection.r2 && styles.headerSelected,
        )}
      >
        {row + 1}
      </th>
      {view.columns.map((column) => {
        const cell = view.cells.get(row)?.get(column);
        if (!cell) return null;
        return <GridCell key={column} grid={grid} row={row} column={column} cell={cell} />;
      })}
    </tr>
  );
}

interface GridCellProps {
  grid: GridState;
  row: number;
  column: number;
  cell: CellView;
}

/** A cell: its text (running on over empty neighbours), or the editor while it is edited. */
function GridCell({ grid, row, column, cell }: GridCellProps) {
  const { view, selection, activeCell, editor, onCellClick } = grid;
  const styles = useStyles();
  const { editing } = editor;
  const isEditing = editing?.sheetId === view.id && editing.cell.address === cell.address;
  const isActive = activeCell?.address === cell.address;
  const selected = selection !== null && intersects(cell.bounds, selection);
  const formula = typeof cell.formula === "string" && cell.formula.startsWith("=") ? cell.formula : undefined;
  return (
    <td
      role="gridcell"
      data-cell={cell.address}
      data-formula={formula}
      aria-selected={selected}
      tabIndex={isActive || (!selection && row === 0 && column === view.columns[0]) ? 0 : -1}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      className={styles.cell}
      style={cellStyle(cell, selection, !isEditing)}
      title={formula}
      onClick={(event) => onCellClick(event, cell)}
      onDoubleClick={() => editor.start(cell)}
    >
      {isEditing ? (
        <CellEditor address={cell.address} draft={editing.draft} editor={editor} />
      ) : cell.overflowPx > 0 && cell.text ? (
        // Runs on over the empty cells to the right and no further, above their fills.
        <div className={styles.overflowText} style={{ width: `calc(100% + ${cell.overflowPx}px)` }}>
          {cell.text}
        </div>
      ) : (
        cell.text
      )}
    </td>
  );
}
