/**
 * An operation that Excel stopped part-way (a failed `context.sync()`), and what became of the workbook then. Excel
 * applies a batch's actions in order and keeps those before the failing one, and an add-in's changes cannot be
 * undone with Ctrl+Z, so the adapter puts the workbook back itself; this error says whether it could.
 *
 * - `rolled-back`: the workbook is as it was before the operation;
 * - `unknown`: putting it back failed too (Excel unreachable, say); `sheets` names what the operation may have
 *   left behind, for the user to look at.
 */
export class WorkbookWriteError extends Error {
  readonly messageEn: string;

  constructor(
    readonly outcome: "rolled-back" | "unknown",
    readonly cause: unknown,
    readonly sheets: string[] = [],
  ) {
    const what = describe(cause);
    const left = sheets.length > 0 ? sheets.map((name) => `„${name}“`).join(", ") : "";
    super(
      outcome === "rolled-back"
        ? `Excel katkestas toimingu (${what}). Töövihik on jäetud selliseks, nagu see oli enne; proovige uuesti.`
        : `Excel katkestas toimingu (${what}) ja töövihikut ei õnnestunud endiseks taastada.` +
            (left ? ` Vaadake üle lehed ${left}.` : " Vaadake töövihik üle."),
    );
    this.name = "WorkbookWriteError";
    this.messageEn =
      outcome === "rolled-back"
        ? `Excel stopped the operation (${what}). The workbook was left as it was before; try again.`
        : `Excel stopped the operation (${what}) and the workbook could not be put back as it was.` +
          (sheets.length > 0 ? ` Look over the sheets ${sheets.map((name) => `"${name}"`).join(", ")}.` : "");
  }
}

/** Office.js errors carry a code ("GeneralException") and a message. */
function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const parts = [code, message].filter((part): part is string => typeof part === "string" && part !== "");
    if (parts.length > 0) return [...new Set(parts)].join(": ");
  }
  return String(error);
}
