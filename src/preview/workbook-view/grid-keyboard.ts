import { KeyboardEvent } from "react";
import { CellView, SheetView } from "../sheet-view";
import { ActiveSheet, cellAt } from "./use-active-sheet";
import type { CellEditing } from "./use-cell-editing";
import type { SheetCommands } from "./use-sheet-commands";

/**
 * Where an arrow or Tab moves from a cell: [row, column], the column undefined at the grid's edge. Merged areas
 * are stepped over whole; hidden columns are not in `view.columns`, so they are skipped.
 */
function keyTargets(view: SheetView, from: CellView, shiftKey: boolean): Record<string, [number, number | undefined]> {
  const { bounds } = from;
  const columnBefore = [...view.columns].reverse().find((column) => column < bounds.c1);
  const columnAfter = view.columns.find((column) => column > bounds.c2);
  const lastRow = view.rows.length - 1;
  return {
    ArrowUp: [Math.max(0, bounds.r1 - 1), bounds.c1],
    ArrowDown: [Math.min(lastRow, bounds.r2 + 1), bounds.c1],
    ArrowLeft: [bounds.r1, columnBefore],
    ArrowRight: [bounds.r1, columnAfter],
    Tab: [bounds.r1, shiftKey ? columnBefore : columnAfter],
  };
}

/**
 * The grid's keys, as in Excel: arrows and Tab move the selection, Enter and F2 edit the active cell, Delete and
 * Backspace empty the selection, and a typed character replaces the cell's content. Keys in the editor are its own.
 */
export function gridKeyDownHandler(sheet: ActiveSheet, editor: CellEditing, commands: SheetCommands) {
  const { active, view, activeCell } = sheet;
  return (event: KeyboardEvent) => {
    if (!active || !view || editor.isOpen()) return;
    const from = activeCell ?? cellAt(view, 0, view.columns[0]);
    if (!from) return;
    const target = keyTargets(view, from, event.shiftKey)[event.key];
    if (target) {
      const [row, column] = target;
      // Tab at the grid's edge leaves the grid, in the browser's focus order.
      if (column === undefined && event.key === "Tab") return;
      event.preventDefault();
      const cell = column === undefined ? from : cellAt(view, row, column);
      if (cell) commands.select(active.name, cell.bounds);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      editor.start(from);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      commands.clearSelection();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing into a selected cell replaces its content, as in Excel.
      event.preventDefault();
      editor.start(from, event.key);
    }
  };
}
