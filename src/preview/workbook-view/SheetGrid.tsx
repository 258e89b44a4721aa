import { mergeClasses } from "@fluentui/react-components";
import { KeyboardEvent, RefObject } from "react";
import { Bounds, columnName } from "../../workbook/fake";
import { SheetView } from "../sheet-view";
import { GridRow, GridState } from "./GridRow";
import { ROW_HEADER_WIDTH, useStyles } from "./styles";

interface SheetGridProps extends GridState {
  onKeyDown(event: KeyboardEvent): void;
  tableRef: RefObject<HTMLTableElement>;
}

/** The active sheet as an ARIA grid: column letters on top, row numbers on the left, the cells between. */
export function SheetGrid(props: SheetGridProps) {
  const { view, tableRef, onKeyDown } = props;
  const styles = useStyles();
  return (
    <table
      ref={tableRef}
      className={styles.table}
      role="grid"
      aria-label={view.name}
      aria-rowcount={view.rows.length + 1}
      aria-colcount={view.columns.length + 1}
      aria-multiselectable="true"
      // A fixed layout keeps the columns' widths only with the table's width given.
      style={{ width: `${ROW_HEADER_WIDTH + [...view.columnWidthsPx.values()].reduce((a, b) => a + b, 0)}px` }}
      onKeyDown={onKeyDown}
    >
      <colgroup>
        <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
        {view.columns.map((column) => (
          <col key={column} style={{ width: `${view.columnWidthsPx.get(column)}px` }} />
        ))}
      </colgroup>
      <thead>
        <ColumnHeaders view={view} selection={props.selection} />
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <GridRow key={row} grid={props} row={row} />
        ))}
      </tbody>
    </table>
  );
}

/** The row of column letters, those of the selected columns highlighted. */
function ColumnHeaders({ view, selection }: { view: SheetView; selection: Bounds | null }) {
  const styles = useStyles();
  return (
    <tr role="row">
      <th className={mergeClasses(styles.columnHeader, styles.corner)} aria-label={view.name} />
      {view.columns.map((column) => (
        <th
          key={column}
          role="columnheader"
          scope="col"
          data-column={columnName(column)}
          className={mergeClasses(
            styles.columnHeader,
            selection !== null && column >= selection.c1 && column <= selection.c2 && styles.headerSelected,
          )}
        >
          {columnName(column)}
        </th>
      ))}
    </tr>
  );
}
