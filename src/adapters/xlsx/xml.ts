// Small string-level XML helpers for editing SpreadsheetML parts in place. The writer
// never re-serialises a part it does not own: it splices the few elements it changes
// into the original text, so everything else in the part stays as the author wrote it.

/** Escapes text for an element's content or an attribute value (double quotes). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Decodes the five predefined entities and numeric character references. */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** One pattern per attribute name, made once (the package reader asks for every row's `r`). */
const attrPatterns = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag (`<c r="A1" s="3">`), decoded; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** The start tag with attribute `name` set to `value` (added before the tag's end when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, p: string) => p + v);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${v}${tag.slice(end)}`;
}

/** The start tag without attribute `name`. */
export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, "");
}

/** An element found in a text: its start and end offsets, its start tag, its local name. */
export interface ElementSpan {
  start: number;
  /** Offset just after the element (after `/>` or its end tag). */
  end: number;
  /** The start tag, `<name ...>` or `<name .../>`. */
  tag: string;
  /** Offset just after the start tag (= where content starts). */
  contentStart: number;
  /** Offset of the end tag (= where content ends); equals `end` for an empty element. */
  contentEnd: number;
  name: string;
  selfClosing: boolean;
}

const TAG_RE = /<(\/?)([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/**
 * The direct child elements of the text between `from` and `to` (the content of one
 * element), in order. Comments, processing instructions and text are skipped. When
 * `only` is given, only children with that local name are returned (others are still
 * walked over). `max`: stop once that many are found (the text after them is not read).
 */
export function childElements(xml: string, from: number, to: number, only?: string, max = Infinity): ElementSpan[] {
  const out: ElementSpan[] = [];
  TAG_RE.lastIndex = from;
  let depth = 0;
  let open: { start: number; tag: string; name: string; contentStart: number } | null = null;
  for (let m = TAG_RE.exec(xml); m && m.index < to; m = TAG_RE.exec(xml)) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === "/";
    const selfClosing = m[5] === "/";
    const name = m[3];
    if (closing) {
      depth--;
      if (depth === 0 && open) {
        if (!only || open.name === only) out.push({ start: open.start, end: m.index + m[0].length, tag: open.tag, contentStart: open.contentStart, contentEnd: m.index, name: open.name, selfClosing: false });
        open = null;
        if (out.length >= max) break;
      }
      continue;
    }
    if (depth === 0) {
      if (selfClosing) {
        if (!only || name === only) {
          const end = m.index + m[0].length;
          out.push({ start: m.index, end, tag: m[0], contentStart: end, contentEnd: end, name, selfClosing: true });
          if (out.length >= max) break;
        }
        continue;
      }
      open = { start: m.index, tag: m[0], name, contentStart: m.index + m[0].length };
      depth = 1;
      continue;
    }
    if (!selfClosing) depth++;
  }
  return out;
}

/** The first element with local name `name` anywhere in `xml` (from `from`), or null. */
export function findElement(xml: string, name: string, from = 0): ElementSpan | null {
  const re = new RegExp(`<([A-Za-z_][\\w.\\-]*:)?${name}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  // Only the element found: its following siblings (a whole sheetData after a dimension) are not read.
  const kids = childElements(xml, m.index, xml.length, undefined, 1);
  return kids[0] && kids[0].start === m.index ? kids[0] : null;
}

/** The root element of a part (after the XML declaration). */
export function rootElement(xml: string): ElementSpan | null {
  const kids = childElements(xml, 0, xml.length);
  return kids[0] ?? null;
}

/** The namespace prefix ("x:" or "") an element's tag uses. */
export function prefixOf(tag: string): string {
  const m = /^<([A-Za-z_][\w.\-]*:)?/.exec(tag);
  return m?.[1] ?? "";
}

/** Replaces text between offsets. */
export function splice(xml: string, start: number, end: number, insert: string): string {
  return xml.slice(0, start) + insert + xml.slice(end);
}

/** XML 1.0 forbids most C0 controls even escaped: Excel writes them as `_xHHHH_` (ECMA-376 §22.4.2.4). */
export function encodeCellText(s: string): string {
  // A literal "_x0041_" in the text is protected by escaping its underscore first.
  const guarded = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  return escapeXml(guarded.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}
