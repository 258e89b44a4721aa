import { MouseEvent, MutableRefObject } from "react";
import { Bounds } from "../../workbook/fake";
import { CellView, selectionAddress } from "../sheet-view";
import type { ActiveSheet } from "./use-active-sheet";
import type { CellEditing } from "./use-cell-editing";
import { refusal, RunChange } from "./use-workbook-change";

export interface SheetCommands {
  /** Selects a range of a sheet; a move hands the focus to its cell. */
  select(sheet: string, bounds: Bounds): void;
  /** Opens a sheet's tab, ending the edit first. */
  activate(sheet: string): void;
  /** Empties the selected cells (Delete, Backspace). */
  clearSelection(): void;
  /** A click on a cell selects it; with shift, the range from the selection's corner to it. */
  clickCell(event: MouseEvent, cell: CellView): void;
}

interface SheetCommandsOptions {
  sheet: ActiveSheet;
  change: RunChange;
  focusGrid: MutableRefObject<boolean>;
  editor: CellEditing;
}

/** What the grid's clicks and keys ask of the workbook, each through `change`. */
export function useSheetCommands({ sheet, change, focusGrid, editor }: SheetCommandsOptions): SheetCommands {
  const { state, active, selection, selectionKey } = sheet;

  const select = (name: string, bounds: Bounds) => {
    const address = selectionAddress(bounds);
    // Only a move changes the selection key, which is what hands the focus over and resets this.
    focusGrid.current = `${state.sheetByName(name)?.id}!${address}` !== selectionKey;
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(name).getRange(address).select();
        await context.sync();
      },
      (error) => `Lahtrit ${address} ei saanud valida: ${(error as Error).message}`,
    );
  };

  const activate = (name: string) => {
    if (name === active?.name) return;
    editor.commit(false);
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      },
      (error) => `Lehte „${name}“ ei saanud avada: ${(error as Error).message}`,
    );
  };

  const clearSelection = () => {
    if (!active || !selection) return;
    const address = selectionAddress(selection);
    const rows = selection.r2 - selection.r1 + 1;
    const columns = selection.c2 - selection.c1 + 1;
    if (rows * columns > 100_000) return;
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(active.name).getRange(address).formulas = Array.from({ length: rows }, () =>
          Array<string>(columns).fill(""),
        );
        await context.sync();
      },
      (error) => refusal(error, active.name, address, active.protection !== null),
    );
  };

  const clickCell = (event: MouseEvent, cell: CellView) => {
    if (!active) return;
    editor.commit(false);
    if (event.shiftKey && selection) {
      select(active.name, {
        r1: Math.min(selection.r1, cell.bounds.r1),
        c1: Math.min(selection.c1, cell.bounds.c1),
        r2: Math.max(selection.r1, cell.bounds.r2),
        c2: Math.max(selection.c1, cell.bounds.c2),
      });
    } else select(active.name, cell.bounds);
  };

  return { select, activate, clearSelection, clickCell };
}
