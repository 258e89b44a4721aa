import JSZip from "jszip";

/**
 * The ZIP layer of a container: what its central directory declares, read from the bytes before anything is
 * inflated, and entries unzipped chunk by chunk under a limit. JSZip checks a declared size against the real one
 * only after inflating everything, which is what a zip bomb counts on; so the limit is applied twice here, to the
 * size the directory declares (refused before unzipping) and to the bytes as they come out (refused at the limit).
 */

export interface DeclaredEntry {
  name: string;
  /** The uncompressed size the central directory states, or null where it does not (ZIP64 beyond 4 GB). */
  size: number | null;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UNKNOWN_32 = 0xffffffff;

/** Whether the bytes begin as a ZIP archive does: with a local file header. */
export function startsAsZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_HEADER;
}

/**
 * The entries the central directory lists, with their declared sizes; an empty list when the directory cannot be
 * found or read (JSZip then says whether the archive opens at all).
 */
export function declaredEntries(bytes: Uint8Array): DeclaredEntry[] {
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  if (end < 0) return [];
  const count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  const entries: DeclaredEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_HEADER) return entries;
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) return entries;
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength));
    const size32 = data.getUint32(at + 24, true);
    const size = size32 === UNKNOWN_32 ? zip64Size(data, at + 46 + nameLength, extraLength) : size32;
    entries.push({ name, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record, searched back from the end over the longest comment it may have. */
function findEndOfDirectory(data: DataView): number {
  const last = data.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** A ZIP64 extra field's uncompressed size (its first value), or null. */
function zip64Size(data: DataView, start: number, length: number): number | null {
  for (let at = start; at + 4 <= start + length;) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 0x0001 && size >= 8 && at + 12 <= data.byteLength) {
      const low = data.getUint32(at + 4, true);
      const high = data.getUint32(at + 8, true);
      return high * 2 ** 32 + low;
    }
    at += 4 + size;
  }
  return null;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Entry names are UTF-8 in every container DigiDoc writes (and in any ZIP flagged so); others read as Latin-1. */
function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

/** `internalStream` is JSZip's documented streaming API (ZipObject#internalStream); its typings leave it out. */
type StreamingEntry = JSZip.JSZipObject & {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

/** Why unzipping stopped: the entry past its own limit, or everything unzipped so far past the container's. */
export class UnzipLimitError extends Error {
  constructor(
    readonly which: "entry" | "total",
    readonly size: number,
  ) {
    super(`unzipped past the ${which} limit`);
    this.name = "UnzipLimitError";
  }
}

/** What may still be unzipped of one container, shared by all its entries. */
export interface UnzipBudget {
  remaining: number;
}

/**
 * An entry's bytes, unzipped chunk by chunk and abandoned as soon as they pass `limit` or the container's budget
 * (UnzipLimitError). Other failures (damaged compressed data) reject with JSZip's error.
 */
export function unzipBounded(entry: JSZip.JSZipObject, limit: number, budget: UnzipBudget): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stream = (entry as StreamingEntry).internalStream("uint8array");
    const stop = (error: unknown) => {
      stopped = true;
      stream.pause();
      reject(error);
    };
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        size += chunk.length;
        budget.remaining -= chunk.length;
        if (size > limit) return stop(new UnzipLimitError("entry", size));
        if (budget.remaining < 0) return stop(new UnzipLimitError("total", size));
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (!stopped) stop(error);
      })
      .on("end", () => {
        if (stopped) return;
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
        resolve(bytes);
      })
      .resume();
  });
}
