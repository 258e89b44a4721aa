import { MutableRefObject, RefObject, useRef, useState } from "react";
import { columnName } from "../../workbook/fake";
import { editText, typedInput } from "../number-format";
import { CellView } from "../sheet-view";
import type { ActiveSheet } from "./use-active-sheet";
import { refusal, RunChange } from "./use-workbook-change";

export interface Editing {
  sheetId: string;
  cell: CellView;
  draft: string;
  /** What the editor opened with: committing it unchanged writes nothing. */
  original: string;
}

export interface CellEditing {
  /** The open edit, as of this render. */
  editing: Editing | null;
  /** Whether an edit is open now, also in a handler that runs before the next render. */
  isOpen(): boolean;
  /** Opens the editor on a cell, with its text, or with `replace` typed over it. */
  start(cell: CellView, replace?: string): void;
  setDraft(draft: string): void;
  /** Closes the editor without writing, and gives the cell back the focus. */
  cancel(): void;
  /** Writes the editor's text as typed; with `moveDown` (Enter) the cell below is selected after, as in Excel. */
  commit(moveDown: boolean): void;
}

interface CellEditingOptions {
  sheet: ActiveSheet;
  change: RunChange;
  /** Set by a commit that moves down, so that the cell below takes the focus. */
  focusGrid: MutableRefObject<boolean>;
  tableRef: RefObject<HTMLTableElement>;
}

/** The cell editor's state: which cell is being edited, the text typed so far, and the ways the edit ends. */
export function useCellEditing({ sheet, change, focusGrid, tableRef }: CellEditingOptions): CellEditing {
  const { state, active } = sheet;
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Blur, Enter and a click elsewhere may all end one edit: the ref lets only the first one commit it.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  const start = (cell: CellView, replace?: string) => {
    if (!active) return;
    const original = editText(cell.value, cell.formula, cell.numberFormat);
    setEditing({
      sheetId: active.id,
      cell,
      draft: replace ?? original,
      original: replace === undefined ? original : "",
    });
  };

  const cancel = () => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${current.cell.address}"]`)?.focus();
  };

  const commit = (moveDown: boolean) => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    const target = state.sheetById(current.sheetId);
    if (!target) return;
    focusGrid.current = moveDown;
    const { address, bounds } = current.cell;
    const below = `${columnName(bounds.c1)}${bounds.r2 + 2}`;
    const unchanged = current.draft === current.original;
    if (unchanged && !moveDown) return;
    void change(
      async (context) => {
        const worksheet = context.workbook.worksheets.getItem(target.name);
        if (!unchanged) worksheet.getRange(address).formulas = [[typedInput(current.draft)]];
        // After the write: Excel stops a batch at a refused action, so a refused write keeps the selection.
        if (moveDown) worksheet.getRange(below).select();
        await context.sync();
      },
      (error) => refusal(error, target.name, address, target.protection !== null),
    );
  };

  return {
    editing,
    isOpen: () => editingRef.current !== null,
    start,
    setDraft: (draft) => {
      if (editing) setEditing({ ...editing, draft });
    },
    cancel,
    commit,
  };
}
