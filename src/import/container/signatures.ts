import { Element } from "@xmldom/xmldom";
import { parseXml } from "../xml";
import { base64Bytes, certificateSubject, parseSubjectText, signerName } from "./certificate";

/**
 * The signatures of a container as information: who signed and when, as each XAdES signature states it. Nothing
 * here verifies anything: that needs the certificates' chains, their revocation status and the time stamps checked
 * against trusted lists over the network, which this add-in does not use. What a signature claims is shown as
 * claimed, and said to be unverified wherever it is shown.
 */
export interface SignatureInfo {
  /** The signature file in the container, e.g. META-INF/signatures0.xml. */
  file: string;
  /** The signer's name from the signing certificate's subject; null when the signature carries none readable. */
  signer: string | null;
  /** The role the signer claimed (xades:ClaimedRole), e.g. "Minister"; null when none. */
  role: string | null;
  /** xades:SigningTime as written (ISO 8601, usually UTC: "2025-03-25T08:15:30Z"); null when absent. */
  signingTime: string | null;
}

const XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

/** Whether an entry of the container is a XAdES signature file (ASiC-E: META-INF/*signatures*.xml). */
export function isSignatureFile(name: string): boolean {
  return /^META-INF\/[^/]*signatures[^/]*\.xml$/i.test(name);
}

/**
 * The signatures one signature file holds (ASiC-E puts one in each, but a file may hold several). A file that is
 * not XML gives a signature with nothing readable, so that it is still counted.
 */
export function readSignatures(file: string, xml: string): SignatureInfo[] {
  const root = parseXml(xml);
  const unreadable = [{ file, signer: null, role: null, signingTime: null }];
  if (!root) return unreadable;
  const signatures = outermost(root, (element) => element.localName === "Signature" && isDsig(element));
  if (signatures.length === 0) return unreadable;
  return signatures.map((signature) => ({
    file,
    signer: signerOf(signature),
    role: textOf(descendants(signature, (element) => element.localName === "ClaimedRole")[0]),
    signingTime: textOf(descendants(signature, (element) => element.localName === "SigningTime")[0]),
  }));
}

/** The name from ds:X509SubjectName where the signature gives one, else from the certificate in ds:KeyInfo. */
function signerOf(signature: Element): string | null {
  const keyInfo = descendants(signature, (element) => element.localName === "KeyInfo" && isDsig(element))[0];
  if (!keyInfo) return null;
  const subjectText = textOf(descendants(keyInfo, (element) => element.localName === "X509SubjectName")[0]);
  if (subjectText) {
    const name = signerName(parseSubjectText(subjectText));
    if (name) return name;
  }
  for (const certificate of descendants(keyInfo, (element) => element.localName === "X509Certificate")) {
    const der = base64Bytes(textOf(certificate) ?? "");
    const subject = der ? certificateSubject(der) : null;
    const name = subject ? signerName(subject) : null;
    if (name) return name;
  }
  return null;
}

const isDsig = (element: Element) => element.namespaceURI === XMLDSIG;

function elementChildren(parent: Element): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) found.push(child as Element);
  }
  return found;
}

function descendants(parent: Element, match: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    for (const child of elementChildren(element)) {
      if (match(child)) found.push(child);
      walk(child);
    }
  };
  walk(parent);
  return found;
}

/** The matching elements that no matching element contains, the root included. */
function outermost(root: Element, match: (element: Element) => boolean): Element[] {
  if (match(root)) return [root];
  return elementChildren(root).flatMap((child) => outermost(child, match));
}

function textOf(element: Element | undefined): string | null {
  const text = element?.textContent?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}
