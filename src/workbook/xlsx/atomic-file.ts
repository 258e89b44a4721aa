import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "fs";
import * as path from "path";

/**
 * Writes a file so that it is either the old one or the whole new one, never a truncated mix: the bytes go to a
 * temporary file beside it (the same directory, so the same file system), are flushed to disk, and the temporary
 * file is then renamed over the target, which POSIX makes atomic. A failure at any point leaves the target as it
 * was and removes the temporary file. `recalc -o` and `annex` with `--force` may write over the user's workbook.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array): void {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  let written = false;
  try {
    const descriptor = openSync(temporary, "wx");
    try {
      for (let offset = 0; offset < bytes.length;) offset += writeSync(descriptor, bytes, offset);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
    written = true;
  } finally {
    if (!written) {
      try {
        unlinkSync(temporary);
      } catch {
        // Never created, or already gone: nothing to clean up.
      }
    }
  }
}
