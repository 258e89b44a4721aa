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

/**
 * A write that would add, rename, delete or hide sheets, refused before anything changed because the workbook's
 * structure is protected (Excel refuses such changes then: Microsoft's "Protect a workbook"). Writing cells is not
 * refused: structure protection does not guard cells. `operation` says which write, for whoever words it otherwise.
 */
export class StructureProtectedError extends Error {
  readonly messageEn: string;

  constructor(readonly operation: "write" | "annex" | "recalc") {
    const [what, whatEn] = STRUCTURE_OPERATIONS[operation];
    super(
      `Töövihiku struktuur on kaitstud: ${what}. Eemaldage kaitse (Läbivaatus → Kaitse töövihikut; kui kaitsel ` +
        "on parool, küsib Excel seda) ja proovige uuesti. Töövihikut ei muudetud.",
    );
    this.name = "StructureProtectedError";
    this.messageEn =
      `The workbook's structure is protected: ${whatEn}. Unprotect it (Review → Protect Workbook; Excel asks for ` +
      "the password if it has one) and try again. The workbook was not changed.";
  }
}

const STRUCTURE_OPERATIONS: Record<StructureProtectedError["operation"], [string, string]> = {
  write: ["kava lehti ei saa lisada", "the plan's sheets cannot be added"],
  annex: ["lisa 2 lehti ei saa lisada ega asendada", "lisa 2's sheets cannot be added or replaced"],
  recalc: [
    "valemite varukoopia lehte ei saa lisada, seega valemeid ei taastatud",
    "the backup sheet of the formulas cannot be added, so no formula was restored",
  ],
};
