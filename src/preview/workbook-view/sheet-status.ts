import { SheetView } from "../sheet-view";

/** The status line: what of the sheet the grid leaves out or hides, and whether the sheet is protected. */
export function sheetStatus(view: SheetView | null, isProtected: boolean): string {
  if (!view) return "";
  return [
    view.clippedRows || view.clippedColumns
      ? `Näidatud ${view.rows.length} rida ja ${view.columns.length + view.hiddenColumns.length} veergu; ` +
        `peidetud ${view.clippedRows} rida ja ${view.clippedColumns} veergu.`
      : null,
    view.hiddenColumns.length ? `Peidetud veerud: ${view.hiddenColumns.join(", ")}.` : null,
    isProtected ? "Leht on kaitstud." : null,
  ]
    .filter(Boolean)
    .join(" ");
}
