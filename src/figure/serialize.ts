// A deterministic XML serializer for SVG figures. Browsers and jsdom differ in how their
// XMLSerializer writes namespaces, self-closing tags and escapes; this writer does not depend on
// either, so the app's export and `npm run figure` give the same bytes for the same drawing.

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Writes an element and its subtree (elements and text only; comments are dropped). */
export function serializeElement(el: Element): string {
  const out: string[] = [];
  const walk = (node: Element) => {
    const name = node.localName;
    let open = `<${name}`;
    const seen = new Set<string>();
    for (const a of Array.from(node.attributes)) {
      if (seen.has(a.name)) continue;
      seen.add(a.name);
      open += ` ${a.name}="${escAttr(a.value)}"`;
    }
    const kids = Array.from(node.childNodes).filter((c) => c.nodeType === 1 || c.nodeType === 3);
    if (kids.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    for (const c of kids) {
      if (c.nodeType === 3) out.push(escText(c.nodeValue ?? ''));
      else walk(c as Element);
    }
    out.push(`</${name}>`);
  };
  walk(el);
  return out.join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
