/** Pads columns to a common width; `rightAligned` holds the indexes of numeric columns. */
export function alignColumns(rows: string[][], rightAligned: number[]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const padding = " ".repeat(widths[column] - [...cell].length);
        return rightAligned.includes(column) ? padding + cell : cell + padding;
      })
      .join("  ")
      .trimEnd(),
  );
}
