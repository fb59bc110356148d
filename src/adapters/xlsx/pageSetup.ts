// «Prepara per la stampa» in the package: a user's worksheet part given the page setup of
// src/core/print (fit to one page wide, orientation, margins, header/footer), spliced in
// place — the sheet's cells, columns, merges, formats and every other element untouched —
// plus the print area and print titles as the workbook's `_xlnm.` defined names.
// ECMA-376 Part 1: §18.3.1.99 CT_Worksheet (element order), §18.3.1.82 sheetPr /
// §18.3.1.65 pageSetUpPr (fitToPage), §18.3.1.70 printOptions, §18.3.1.62 pageMargins,
// §18.3.1.63 pageSetup, §18.3.1.46 headerFooter, §18.2.5 definedName (_xlnm.Print_Area,
// _xlnm.Print_Titles, with localSheetId).
import type { CardPrint } from "../../core/print";
import { absoluteArea, absoluteRows } from "../../core/print";
import { childElements, escapeXml, prefixOf, removeAttr, rootElement, setAttr, splice, type ElementSpan } from "./xml";

/** Worksheet children, in schema order, from printOptions on (CT_Worksheet). */
const TAIL = ["printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The part's text with the child `name` of the root replaced (or inserted in schema order). */
function upsert(xml: string, name: string, make: (p: string, existing: ElementSpan | undefined) => string): string {
  const root = rootElement(xml);
  if (!root || root.selfClosing) return xml;
  const p = prefixOf(root.tag);
  const kids = childElements(xml, root.contentStart, root.contentEnd);
  const existing = kids.find((k) => k.name === name);
  if (existing) return splice(xml, existing.start, existing.end, make(p, existing));
  const after = TAIL.slice(TAIL.indexOf(name) + 1);
  const next = kids.find((k) => after.includes(k.name));
  const at = next ? next.start : root.contentEnd;
  return splice(xml, at, at, make(p, undefined));
}

/** <sheetPr> with <pageSetUpPr fitToPage="1"/> (its last child in CT_SheetPr), other content kept. */
function withFitToPage(xml: string): string {
  const root = rootElement(xml);
  if (!root || root.selfClosing) return xml;
  const p = prefixOf(root.tag);
  const kids = childElements(xml, root.contentStart, root.contentEnd);
  const sheetPr = kids.find((k) => k.name === "sheetPr");
  const fit = `<${p}pageSetUpPr fitToPage="1"/>`;
  if (!sheetPr) return splice(xml, root.contentStart, root.contentStart, `<${p}sheetPr>${fit}</${p}sheetPr>`);
  if (sheetPr.selfClosing) return splice(xml, sheetPr.start, sheetPr.end, `${sheetPr.tag.replace(/\s*\/>$/, ">")}${fit}</${p}sheetPr>`);
  const inner = childElements(xml, sheetPr.contentStart, sheetPr.contentEnd, "pageSetUpPr")[0];
  if (inner) return splice(xml, inner.start, inner.start + inner.tag.length, setAttr(inner.tag, "fitToPage", "1"));
  return splice(xml, sheetPr.contentEnd, sheetPr.contentEnd, fit);
}

const inches = (n: number) => String(n);

/**
 * A worksheet part's text with the card's page setup. Attributes of an existing <pageSetup>
 * the decision does not concern (its printer settings r:id, copies, paper size) are kept;
 * an absent paper size becomes A4 (9).
 */
export function withPageSetup(xml: string, setup: CardPrint): string {
  let out = withFitToPage(xml);
  // printOptions and pageSetup have no children: an existing one becomes an empty element with its attributes.
  out = upsert(out, "printOptions", (p, e) => setAttr(e ? e.tag.replace(/\s*\/?>$/, "/>") : `<${p}printOptions/>`, "horizontalCentered", "1"));
  const m = setup.margins;
  out = upsert(out, "pageMargins", (p) => `<${p}pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`);
  out = upsert(out, "pageSetup", (p, e) => {
    let tag = e ? e.tag.replace(/\s*\/?>$/, "/>") : `<${p}pageSetup/>`;
    if (!/\spaperSize\s*=/.test(tag)) tag = setAttr(tag, "paperSize", "9");
    tag = setAttr(tag, "orientation", setup.orientation);
    tag = setAttr(tag, "fitToWidth", String(setup.fitToWidth));
    tag = setAttr(tag, "fitToHeight", String(setup.fitToHeight));
    return removeAttr(tag, "usePrinterDefaults");
  });
  out = upsert(out, "headerFooter", (p) => `<${p}headerFooter><${p}oddHeader>${escapeXml("&C" + setup.centerHeader)}</${p}oddHeader><${p}oddFooter>${escapeXml("&R" + setup.rightFooter)}</${p}oddFooter></${p}headerFooter>`);
  return out;
}

/** "'Scheda 1'!": a sheet name as formulas quote it (apostrophes doubled). */
export function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** The card's print area and print titles as <definedName> elements (localSheetId set by the caller). */
export function printNameElements(setup: CardPrint): string[] {
  const s = sheetPrefix(setup.sheet);
  return [
    `<definedName name="_xlnm.Print_Area" localSheetId="0">${escapeXml(s + absoluteArea(setup.area))}</definedName>`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(s + absoluteRows(setup.titleRows))}</definedName>`,
  ];
}
