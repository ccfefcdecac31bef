// Reads the text files of a zip in the browser. Validate takes a zipped candidate as it is, but the
// dry-run endpoint takes JSON only ({files, remove}: DryRunResource), so the rules page unzips the
// candidate to dry-run it. Enough of the zip format for a tree of text files as zip tools write it:
// stored or deflated entries (inflated by the browser's DecompressionStream), no zip64, no encryption.
// Like the service's own reader (rulesets/CandidateFiles.fromZip), it skips directories and any
// path with a part starting with "." and decodes each file as UTF-8.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The service's own limit on a candidate's unzipped size (CandidateFiles.MAX_UNZIPPED). */
const MAX_UNZIPPED = 50 * 1024 * 1024;

/** Why a zip could not be read; `reason` names a message (rules.zip.<reason>), `entry` the file. */
export class ZipError extends Error {
  constructor(reason, entry) {
    super(`${reason}${entry ? ": " + entry : ""}`);
    this.reason = reason;
    this.entry = entry || "";
  }
}

/** path → text of every file in the zip (a Blob or File). */
export async function readZip(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder("utf-8");
  const files = new Map();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipError("damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const path = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith("/") || path.split("/").some((part) => part.startsWith("."))) continue;
    if (flags & 1) throw new ZipError("encrypted", path);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localAt === 0xffffffff) throw new ZipError("zip64", path);
    total += size;
    if (total > MAX_UNZIPPED) throw new ZipError("too_large");
    if (localAt + 30 > bytes.length || view.getUint32(localAt, true) !== LOCAL_HEADER) throw new ZipError("damaged", path);
    const start = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipError("damaged", path);
    files.set(path, await text(bytes.subarray(start, start + compressedSize), method, path));
  }
  return files;
}

/** The end-of-directory record: the last 22 bytes, unless a comment (up to 64 KiB) follows it. */
function findEnd(view) {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipError("not_a_zip");
}

async function text(data, method, path) {
  if (method === 0) return new TextDecoder("utf-8").decode(data);
  if (method !== 8) throw new ZipError("method", path);
  let inflater;
  try {
    inflater = new DecompressionStream("deflate-raw");
  } catch (e) {
    throw new ZipError("unsupported_browser");
  }
  try {
    return await new Response(new Blob([data]).stream().pipeThrough(inflater)).text();
  } catch (e) {
    throw new ZipError("damaged", path);
  }
}
