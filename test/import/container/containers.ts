import { Buffer } from "buffer";
import { X509Certificate, createHash, generateKeyPairSync, sign } from "crypto";
import JSZip from "jszip";

/**
 * DigiDoc containers made for the tests as DigiDoc4 makes them (ASiC-E, ETSI EN 319 162-1): the entry `mimetype`
 * first and stored, the data files, META-INF/manifest.xml in the ODF manifest namespace, and one
 * META-INF/signaturesN.xml per signature, a XAdES skeleton whose certificate is a real one made here (self-signed
 * with a fresh key, so that Node's own X.509 parser can confirm what it says).
 */

export const ASIC_E = "application/vnd.etsi.asic-e+zip";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ContainedFile {
  name: string;
  bytes: Uint8Array | string;
  mimeType?: string;
}

export interface SignatureSpec {
  /** The certificate's subject, as attributes in order: [["CN", "…"], ["SN", "…"], ["GN", "…"]]. */
  subject?: Array<[SubjectKey, string]>;
  /** Written as ds:X509SubjectName instead of (or beside) the certificate. */
  subjectName?: string;
  signingTime?: string;
  role?: string;
}

export interface ContainerSpec {
  files: ContainedFile[];
  signatures?: SignatureSpec[];
  /** The mimetype entry's text; null leaves the entry out. */
  mimetype?: string | null;
  /** False leaves META-INF/manifest.xml out. */
  manifest?: boolean;
  compression?: "STORE" | "DEFLATE";
}

const MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

export function manifestXml(files: ContainedFile[]): string {
  const entries = files.map(
    (file) =>
      `  <manifest:file-entry manifest:full-path="${file.name}" manifest:media-type="${file.mimeType ?? mediaType(file.name)}"/>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>`,
    `<manifest:manifest xmlns:manifest="${MANIFEST_NS}" manifest:version="1.2">`,
    `  <manifest:file-entry manifest:full-path="/" manifest:media-type="${ASIC_E}"/>`,
    ...entries,
    `</manifest:manifest>`,
  ].join("\n");
}

function mediaType(name: string): string {
  if (/\.docx$/i.test(name)) return DOCX_TYPE;
  if (/\.pdf$/i.test(name)) return "application/pdf";
  if (/\.txt$/i.test(name)) return "text/plain";
  return "application/octet-stream";
}

export async function makeContainer(spec: ContainerSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const mimetype = spec.mimetype === undefined ? ASIC_E : spec.mimetype;
  if (mimetype !== null) zip.file("mimetype", mimetype, { compression: "STORE" });
  for (const file of spec.files) zip.file(file.name, file.bytes);
  if (spec.manifest !== false) zip.file("META-INF/manifest.xml", manifestXml(spec.files));
  (spec.signatures ?? []).forEach((signature, index) =>
    zip.file(`META-INF/signatures${index}.xml`, signatureXml(signature, index, spec.files)),
  );
  return zip.generateAsync({ type: "uint8array", compression: spec.compression ?? "DEFLATE" });
}

/** A XAdES signature as DigiDoc4 writes one, its values (digests, signature value) placeholders. */
export function signatureXml(spec: SignatureSpec, index: number, files: ContainedFile[]): string {
  const id = `S${index}`;
  const certificate = spec.subject ? Buffer.from(makeCertificate(spec.subject).der).toString("base64") : null;
  const references = files.map(
    (file) =>
      `<ds:Reference Id="${id}-RefId${files.indexOf(file)}" URI="${encodeURI(file.name)}">` +
      `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>` +
      `<ds:DigestValue>${createHash("sha256").update(file.bytes).digest("base64")}</ds:DigestValue></ds:Reference>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`,
    `<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xades="http://uri.etsi.org/01903/v1.3.2#">`,
    `<ds:Signature Id="${id}">`,
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>`,
    `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>`,
    ...references,
    `</ds:SignedInfo>`,
    `<ds:SignatureValue Id="${id}-SIG">AAAA</ds:SignatureValue>`,
    `<ds:KeyInfo><ds:X509Data>`,
    ...(spec.subjectName ? [`<ds:X509SubjectName>${spec.subjectName}</ds:X509SubjectName>`] : []),
    ...(certificate ? [`<ds:X509Certificate>\n${certificate.replace(/(.{64})/g, "$1\n")}\n</ds:X509Certificate>`] : []),
    `</ds:X509Data></ds:KeyInfo>`,
    `<ds:Object Id="${id}-object-xades"><xades:QualifyingProperties Id="${id}-QualifyingProperties" Target="#${id}">`,
    `<xades:SignedProperties Id="${id}-SignedProperties"><xades:SignedSignatureProperties>`,
    ...(spec.signingTime ? [`<xades:SigningTime>${spec.signingTime}</xades:SigningTime>`] : []),
    `<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>`,
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue>`,
    `</xades:CertDigest></xades:Cert></xades:SigningCertificateV2>`,
    ...(spec.role
      ? [
          `<xades:SignerRoleV2><xades:ClaimedRoles><xades:ClaimedRole>${spec.role}</xades:ClaimedRole></xades:ClaimedRoles></xades:SignerRoleV2>`,
        ]
      : []),
    `</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object>`,
    `</ds:Signature>`,
    `</asic:XAdESSignatures>`,
  ].join("\n");
}

// ---- A real certificate, DER-encoded here ---------------------------------------------------------------------

export type SubjectKey = "CN" | "SN" | "GN" | "O" | "C" | "serialNumber";

const ATTRIBUTE_OIDS: Record<SubjectKey, string> = {
  CN: "2.5.4.3",
  SN: "2.5.4.4",
  GN: "2.5.4.42",
  O: "2.5.4.10",
  C: "2.5.4.6",
  serialNumber: "2.5.4.5",
};

function der(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  const header =
    length < 0x80
      ? [tag, length]
      : length < 0x100
        ? [tag, 0x81, length]
        : length < 0x10000
          ? [tag, 0x82, length >> 8, length & 0xff]
          : [tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

const sequence = (...items: Uint8Array[]) => der(0x30, Buffer.concat(items));
const set = (...items: Uint8Array[]) => der(0x31, Buffer.concat(items));

function oid(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const value of rest) {
    const groups = [value & 0x7f];
    for (let remaining = value >> 7; remaining > 0; remaining >>= 7) groups.unshift((remaining & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(0x06, Uint8Array.from(bytes));
}

function name(attributes: Array<[SubjectKey, string]>): Uint8Array {
  return sequence(
    ...attributes.map(([key, value]) =>
      // Country and serial number are PrintableString, the rest UTF8String, as on Estonian ID cards.
      set(sequence(oid(ATTRIBUTE_OIDS[key]), der(key === "C" ? 0x13 : 0x0c, Buffer.from(value, "utf8")))),
    ),
  );
}

const utcTime = (text: string) => der(0x17, Buffer.from(text, "ascii"));

/** A self-signed ECDSA P-256 certificate with this subject; Node's X509Certificate reads it back. */
export function makeCertificate(subject: Array<[SubjectKey, string]>): { der: Uint8Array; x509: X509Certificate } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const algorithm = sequence(oid("1.2.840.10045.4.3.2"));
  const tbs = sequence(
    der(0xa0, der(0x02, Uint8Array.from([2]))),
    der(0x02, Uint8Array.from([0x12, 0x34, 0x56])),
    algorithm,
    name([
      ["C", "EE"],
      ["O", "Testide sertifitseerija"],
      ["CN", "TEST of ESTEID2018"],
    ]),
    sequence(utcTime("250101000000Z"), utcTime("300101000000Z")),
    name(subject),
    new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = sequence(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const x509 = new X509Certificate(certificate);
  if (!x509.verify(publicKey)) throw new Error("the test certificate does not verify");
  return { der: certificate, x509 };
}

// ---- Zip surgery ----------------------------------------------------------------------------------------------

/**
 * Sets the uncompressed size an entry declares, in its local header and its central directory entry, to `size`:
 * a zip that lies about what it holds. Returns how many headers were changed (2 for one entry).
 */
export function declareSize(bytes: Uint8Array, entryName: string, size: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let patched = 0;
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    const local = signature === 0x04034b50;
    const central = signature === 0x02014b50;
    if (!local && !central) continue;
    const nameLength = view.getUint16(at + (local ? 26 : 28), true);
    const nameAt = at + (local ? 30 : 46);
    if (new TextDecoder().decode(bytes.subarray(nameAt, nameAt + nameLength)) !== entryName) continue;
    view.setUint32(at + (local ? 22 : 24), size, true);
    patched++;
  }
  return patched;
}
