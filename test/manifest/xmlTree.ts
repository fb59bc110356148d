// A strict XML reader for the manifest tests: saxes (a conformant, non-validating XML 1.0
// parser with namespace checks, shipped as a dependency of exceljs) turns the text into a
// small element tree. Any well-formedness error (unclosed or mismatched tag, bad entity,
// duplicate attribute, unbound prefix, text outside the root…) throws with line and column.
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  /** Local name, e.g. "Image". */
  local: string;
  /** Namespace URI the element is bound to. */
  uri: string;
  /** Attributes by qualified name, e.g. "xsi:type", "resid". */
  attributes: Record<string, string>;
  children: XmlElement[];
  parent: XmlElement | null;
  text: string;
}

export function parseXml(xml: string, fileName = "manifest.xml"): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [qname, attr] of Object.entries(tag.attributes)) attributes[qname] = attr.value;
    const parent = stack[stack.length - 1] ?? null;
    const el: XmlElement = { name: tag.name, local: tag.local, uri: tag.uri, attributes, children: [], parent, text: "" };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error(`${fileName}: nessun elemento radice`);
  return root;
}

/** Every element below `el` (depth first, document order), `el` excluded. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Elements reached by a path of local names, e.g. child(root, "VersionOverrides", "Hosts"). */
export function path(el: XmlElement, ...locals: string[]): XmlElement[] {
  let level = [el];
  for (const l of locals) level = level.flatMap((e) => e.children.filter((c) => c.local === l));
  return level;
}

export function one(el: XmlElement, ...locals: string[]): XmlElement {
  const found = path(el, ...locals);
  if (found.length !== 1) throw new Error(`atteso un solo ${locals.join("/")}, trovati ${found.length}`);
  return found[0];
}

/** Ancestors' local names from the root down to `el`, for messages. */
export function where(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) names.unshift(e.local);
  return names.join("/");
}
