import { DOMParser, Element } from "@xmldom/xmldom";

/**
 * XML for the importers (a Word document's parts, a container's manifest and signatures), parsed strictly: the
 * document element, or null where the text is not well-formed, so that a damaged part reads as unreadable rather
 * than as whatever xmldom recovered of it.
 */
export function parseXml(xml: string): Element | null {
  try {
    const parser = new DOMParser({
      onError: (level) => {
        if (level !== "warning") throw new Error("malformed XML");
      },
    });
    return parser.parseFromString(xml, "text/xml").documentElement;
  } catch {
    return null;
  }
}

/** An attribute by its local name, whatever prefix its namespace has (Strict OOXML's, a manifest's own). */
export function attribute(element: Element, localName: string): string | null {
  for (let index = 0; index < element.attributes.length; index++) {
    const item = element.attributes.item(index);
    if (item && item.localName === localName) return item.value;
  }
  return null;
}
