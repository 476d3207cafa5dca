import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from './eforms.ts';

/** Why a document is not well-formed XML, and where. */
export interface XmlSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: XmlSyntaxError };

/** A node of fast-xml-parser's `preserveOrder` output: one element name key, or a text node. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // A notice declares no entities of its own: refusing DTDs keeps entity expansion out.
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: '#cdata',
});

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name === '#cdata') return null;
  const content = (node[name] as OrderedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if ('#text' in child) text += String(child['#text']);
    else if ('#cdata' in child) {
      for (const part of child['#cdata'] as OrderedNode[]) text += String(part['#text'] ?? '');
    } else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attributes: node[':@'] ?? {}, children, text: text.trim() };
}

/**
 * Reads an XML document (an eForms notice, say) into the `XmlElement` tree `readEFormsNotice`
 * takes, or says where it is not well-formed. The whole text is parsed in memory: notices are a
 * few hundred kilobytes.
 */
export function parseXml(source: string): XmlParseResult {
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: true });
  if (valid !== true) {
    return { ok: false, error: { line: valid.err.line, column: valid.err.col, message: valid.err.msg } };
  }
  const nodes = parser.parse(source) as OrderedNode[];
  for (const node of nodes) {
    const root = toElement(node);
    if (root) return { ok: true, root };
  }
  return { ok: false, error: { line: 1, column: 1, message: 'The document has no root element.' } };
}
