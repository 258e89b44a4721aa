import { DOMParser, Node as XmlNode, onErrorStopParsing } from "@xmldom/xmldom";

/**
 * What an add-in manifest asks for and where it points, read from its XML: the permissions, every URL in an
 * attribute or text (comments aside), and the namespaces it declares.
 */
export interface ManifestFacts {
  permissions: string[];
  /** Every URL outside the namespace declarations, with the element and attribute it is in. */
  urls: Array<{ url: string; where: string }>;
  namespaces: string[];
  /** Elements that would widen what the add-in reaches or asks for. */
  widening: string[];
}

/** Microsoft's manifest schemas and XML Schema's instance namespace: names, never fetched. */
export const SCHEMA_NAMESPACES = [
  "http://schemas.microsoft.com/office/appforoffice/1.1",
  "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  "http://www.w3.org/2001/XMLSchema-instance",
];

/**
 * AppDomains lets the pane navigate to other domains; WebApplicationInfo asks for Microsoft Graph scopes (SSO);
 * ExtendedPermissions and Requirements/Sets can ask for more of the host.
 */
const WIDENING = ["AppDomains", "AppDomain", "WebApplicationInfo", "Scopes", "ExtendedPermissions"];

const URL_PATTERN = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

export function manifestFacts(xml: string): ManifestFacts {
  const document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml");
  const facts: ManifestFacts = { permissions: [], urls: [], namespaces: [], widening: [] };
  const visit = (node: XmlNode, path: string) => {
    if (node.nodeType === XmlNode.ELEMENT_NODE) {
      const element = node as unknown as Element;
      const name = element.localName ?? element.nodeName;
      const here = `${path}/${name}`;
      if (name === "Permissions") facts.permissions.push((element.textContent ?? "").trim());
      if (WIDENING.includes(name)) facts.widening.push(here);
      for (let i = 0; i < element.attributes.length; i++) {
        const attribute = element.attributes[i];
        if (attribute.name === "xmlns" || attribute.name.startsWith("xmlns:")) {
          facts.namespaces.push(attribute.value);
          continue;
        }
        for (const url of attribute.value.match(URL_PATTERN) ?? [])
          facts.urls.push({ url, where: `${here}@${attribute.name}` });
      }
    } else if (node.nodeType === XmlNode.TEXT_NODE || node.nodeType === XmlNode.CDATA_SECTION_NODE) {
      for (const url of (node.nodeValue ?? "").match(URL_PATTERN) ?? []) facts.urls.push({ url, where: path });
    }
    const here = node.nodeType === XmlNode.ELEMENT_NODE ? `${path}/${(node as unknown as Element).localName}` : path;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, here);
  };
  visit(document as unknown as XmlNode, "");
  return facts;
}
