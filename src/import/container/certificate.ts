/**
 * The subject of an X.509 certificate, read from its DER bytes without a crypto library: only the structure is
 * walked (Certificate → tbsCertificate → subject), nothing is verified. The signer's name is all that is wanted.
 */

/** The parts of a subject the signer's name is made of. */
export interface SubjectName {
  commonName: string | null;
  surname: string | null;
  givenName: string | null;
}

const OIDS: Record<string, keyof SubjectName> = {
  "2.5.4.3": "commonName",
  "2.5.4.4": "surname",
  "2.5.4.42": "givenName",
};

interface Node {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `at`: its tag and where its content lies; null where the bytes do not hold one. */
function element(bytes: Uint8Array, at: number, limit: number): Node | null {
  if (at + 2 > limit) return null;
  const tag = bytes[at];
  let length = bytes[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || start + octets > limit) return null;
    length = 0;
    for (let index = 0; index < octets; index++) length = length * 256 + bytes[start + index];
    start += octets;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

function children(bytes: Uint8Array, parent: Node): Node[] {
  const nodes: Node[] = [];
  for (let at = parent.start; at < parent.end;) {
    const node = element(bytes, at, parent.end);
    if (!node) return nodes;
    nodes.push(node);
    at = node.end;
  }
  return nodes;
}

function objectIdentifier(bytes: Uint8Array, node: Node): string {
  const parts: number[] = [];
  let value = 0;
  for (let at = node.start; at < node.end; at++) {
    value = value * 128 + (bytes[at] & 0x7f);
    if (bytes[at] & 0x80) continue;
    if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else parts.push(value);
    value = 0;
  }
  return parts.join(".");
}

/** A directory string: UTF8String, PrintableString, IA5String, T61String (read as Latin-1) or BMPString. */
function directoryString(bytes: Uint8Array, node: Node): string | null {
  const content = bytes.subarray(node.start, node.end);
  switch (node.tag) {
    case 0x0c:
      return new TextDecoder("utf-8").decode(content);
    case 0x13:
    case 0x16:
    case 0x14:
      return String.fromCharCode(...content);
    case 0x1e: {
      let text = "";
      for (let at = 0; at + 1 < content.length; at += 2)
        text += String.fromCharCode(content[at] * 256 + content[at + 1]);
      return text;
    }
    default:
      return null;
  }
}

const SEQUENCE = 0x30;
const SET = 0x31;

/** The certificate's subject, or null when the bytes are not a certificate this walk can read. */
export function certificateSubject(der: Uint8Array): SubjectName | null {
  const certificate = element(der, 0, der.length);
  if (!certificate || certificate.tag !== SEQUENCE) return null;
  const tbs = children(der, certificate)[0];
  if (!tbs || tbs.tag !== SEQUENCE) return null;
  const fields = children(der, tbs);
  // version [0] is optional; then serialNumber, signature, issuer, validity, subject.
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  if (!subject || subject.tag !== SEQUENCE) return null;
  const name: SubjectName = { commonName: null, surname: null, givenName: null };
  for (const rdn of children(der, subject)) {
    if (rdn.tag !== SET) continue;
    for (const attribute of children(der, rdn)) {
      const [type, value] = children(der, attribute);
      if (!type || type.tag !== 0x06 || !value) continue;
      const key = OIDS[objectIdentifier(der, type)];
      if (key && name[key] === null) name[key] = directoryString(der, value);
    }
  }
  return name;
}

/**
 * A subject written as text (ds:X509SubjectName, RFC 4514: "CN=MAASIKAS\,MARI\,48001010000,SN=MAASIKAS,…"); the
 * attributes are found by their short names or their numbers.
 */
export function parseSubjectText(text: string): SubjectName {
  const name: SubjectName = { commonName: null, surname: null, givenName: null };
  const keys: Record<string, keyof SubjectName> = {
    cn: "commonName",
    "2.5.4.3": "commonName",
    sn: "surname",
    surname: "surname",
    "2.5.4.4": "surname",
    g: "givenName",
    gn: "givenName",
    givenname: "givenName",
    "2.5.4.42": "givenName",
  };
  for (const part of splitUnescaped(text)) {
    const equals = part.indexOf("=");
    if (equals < 0) continue;
    const key = keys[part.slice(0, equals).trim().toLowerCase()];
    if (key && name[key] === null) name[key] = unescapeValue(part.slice(equals + 1).trim());
  }
  return name;
}

/** The parts between unescaped commas and plus signs. */
function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "\\" && index + 1 < text.length) {
      current += character + text[++index];
    } else if (character === "," || character === "+") {
      parts.push(current);
      current = "";
    } else current += character;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  const unquoted = /^".*"$/.test(value) ? value.slice(1, -1) : value;
  const bytes: number[] = [];
  let text = "";
  const flush = () => {
    if (bytes.length) text += new TextDecoder("utf-8").decode(new Uint8Array(bytes.splice(0)));
  };
  for (let index = 0; index < unquoted.length; index++) {
    const character = unquoted[index];
    if (character === "\\" && /^[0-9a-f]{2}$/i.test(unquoted.slice(index + 1, index + 3))) {
      bytes.push(parseInt(unquoted.slice(index + 1, index + 3), 16));
      index += 2;
      continue;
    }
    flush();
    if (character === "\\" && index + 1 < unquoted.length) text += unquoted[++index];
    else text += character;
  }
  flush();
  return text;
}

/**
 * The signer's name as a person reads it: given name and surname where the certificate has them (Estonian ID
 * cards and Mobile-ID do), else the common name (an organisation's e-seal).
 */
export function signerName(subject: SubjectName): string | null {
  if (subject.givenName && subject.surname) return `${subject.givenName} ${subject.surname}`;
  return subject.commonName;
}

/** Base64 to bytes, whitespace ignored (certificates in XML wrap their lines); null for anything else. */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const digits = clean.replace(/=+$/, "");
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const character of digits) {
    value = ((value << 6) | alphabet.indexOf(character)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}
