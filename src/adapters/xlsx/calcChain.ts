// The calculation chain (xl/calcChain.xml, ECMA-376 Part 1 §18.6): the formula cells in the
// order Excel last calculated them, one <c r i/> each, `i` the sheetId (an entry without it
// belongs to the previous entry's sheet). Excel saves it; a chain that names a cell holding
// no formula makes Excel report unreadable content and drop the chain («Removed Records:
// Formula from /xl/calcChain.xml part»). The add-in never writes over a user's formula, but
// when it replaces the content of one of its own sheets (the summary, whose HYPERLINK
// formulas Excel listed when the user saved our output), the entries of that sheet that no
// longer name a formula go. Entries of every other sheet stay as Excel wrote them; when no
// entry is left the part goes, with its relationship and content type (the chain is optional:
// Excel builds it again).
import { childElements, getAttr, rootElement, setAttr, splice } from "./xml";
import type { XlsxPackage } from "./package";

const CALC_CHAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/** The cells of a worksheet part that hold a formula (an <f> child, shared formulas' children included). */
export function formulaCells(sheetXml: string): Set<string> {
  const out = new Set<string>();
  const cell = /<(?:[\w.-]+:)?c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*?(\/?)>/g;
  const close = /<\/(?:[\w.-]+:)?c>/g;
  for (let m = cell.exec(sheetXml); m; m = cell.exec(sheetXml)) {
    if (m[2] === "/") continue;
    close.lastIndex = cell.lastIndex;
    const end = close.exec(sheetXml);
    const body = sheetXml.slice(cell.lastIndex, end ? end.index : sheetXml.length);
    if (/<(?:[\w.-]+:)?f[\s>/]/.test(body)) out.add(m[1]);
    if (end) cell.lastIndex = close.lastIndex;
  }
  return out;
}

/**
 * Drops the calcChain entries of the sheets in `replaced` (sheetId → the sheet's new XML)
 * whose cell holds no formula any more. Does nothing (no part touched) when nothing is stale.
 */
export function pruneCalcChain(pkg: XlsxPackage, replaced: Map<number, string>): void {
  if (!replaced.size) return;
  const wbPart = pkg.workbookPart();
  const rel = pkg.rels(wbPart).find((r) => r.type === CALC_CHAIN && !r.external);
  if (!rel) return;
  const part = pkg.resolve(wbPart, rel.target);
  const xml = pkg.xml(part);
  const root = xml ? rootElement(xml) : null;
  if (!xml || !root || root.selfClosing) return;
  const entries = childElements(xml, root.contentStart, root.contentEnd, "c");
  const formulas = new Map<number, Set<string>>();
  const isFormula = (sheetId: number, ref: string) => {
    let set = formulas.get(sheetId);
    if (!set) formulas.set(sheetId, (set = formulaCells(replaced.get(sheetId)!)));
    return set.has(ref);
  };
  let sheet = 0;
  let lastKept: number | null = null;
  let dropped = 0;
  const kept: string[] = [];
  for (const e of entries) {
    const i = getAttr(e.tag, "i");
    if (i !== undefined) sheet = Number(i);
    const ref = getAttr(e.tag, "r") ?? "";
    if (replaced.has(sheet) && !isFormula(sheet, ref)) {
      dropped++;
      continue;
    }
    // An entry that took its sheet from a dropped one names it itself.
    const whole = xml.slice(e.start, e.end);
    kept.push(i === undefined && lastKept !== sheet ? setAttr(e.tag, "i", String(sheet)) + whole.slice(e.tag.length) : whole);
    lastKept = sheet;
  }
  if (!dropped) return;
  if (kept.length) {
    // Between the entries there is only whitespace (the chain's only children are <c>).
    pkg.setXml(part, splice(xml, root.contentStart, root.contentEnd, kept.join("")));
    return;
  }
  removePart(pkg, wbPart, rel.id, part);
}

/** Removes a part with the relationship that points to it and its content-type override. */
function removePart(pkg: XlsxPackage, source: string, relId: string, part: string): void {
  const relsPath = pkg.relsPathOf(source);
  const rels = pkg.xml(relsPath)!;
  const rroot = rootElement(rels)!;
  const r = childElements(rels, rroot.contentStart, rroot.contentEnd, "Relationship").find((x) => getAttr(x.tag, "Id") === relId);
  if (r) pkg.setXml(relsPath, splice(rels, r.start, r.end, ""));
  const ctName = "[Content_Types].xml";
  const ct = pkg.xml(ctName)!;
  const croot = rootElement(ct)!;
  const o = childElements(ct, croot.contentStart, croot.contentEnd, "Override").find((x) => (getAttr(x.tag, "PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase());
  if (o) pkg.setXml(ctName, splice(ct, o.start, o.end, ""));
  pkg.remove(part);
}
