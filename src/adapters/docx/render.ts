// Draws the PIRA document model (src/core/document) as a Word file with the `docx`
// package. Accessible as «Amministrazione trasparente» publication requires: real
// Heading 1/2 styles (navigable outline), table header rows marked `tblHeader` (repeated
// on every page, announced as headers by screen readers), rows that do not split, the
// language it-IT in the styles and on every run, a caption (alternative text) on every
// table, title and subject in the core properties.
//
// Text is always written as text runs: Word has no formulas in body text, and characters
// XML cannot hold (control characters) are dropped so a cell's content cannot break the file.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import type { ColumnAlign, DocumentBlock, DocumentModel, Inline, ParagraphBlock, TableBlock } from "../../core/document/model";

const FONT = "Calibri";
const LANG = { value: "it-IT" } as const;
/** A4 landscape, 2 cm margins (twips). */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const HEADER_FILL = "D9E1F2";
const PLACEHOLDER_FILL = "FFF2CC";

/** Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, "");
}

/** Runs for one piece of text: line breaks inside become real breaks. */
function runs(inline: Inline, extra: Partial<IRunOptions> = {}): TextRun[] {
  const lines = xmlSafe(inline.text).replace(/\r\n?/g, "\n").split("\n");
  return lines.map(
    (line, k) =>
      new TextRun({
        text: line,
        break: k > 0 ? 1 : undefined,
        bold: inline.bold,
        italics: inline.italic,
        language: LANG,
        shading: inline.placeholder ? { type: ShadingType.CLEAR, fill: PLACEHOLDER_FILL, color: "auto" } : undefined,
        ...extra,
      }),
  );
}

const ALIGN: Record<ColumnAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

function paragraph(b: ParagraphBlock): Paragraph {
  const children = b.content.flatMap((c) => runs(c));
  switch (b.style) {
    case "title":
      return new Paragraph({ style: "Title", children, alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 400 } });
    case "subtitle":
      return new Paragraph({ style: "Subtitle", children, alignment: AlignmentType.CENTER, spacing: { before: 200, after: 200 } });
    case "note":
      return new Paragraph({ style: "PianoNote", children, spacing: { before: 120, after: 120 } });
    case "emphasis":
      return new Paragraph({ children, spacing: { before: 200, after: 120 }, keepLines: true });
    case "field":
      return new Paragraph({ children, spacing: { before: 40, after: 40 }, keepNext: true });
    default:
      return new Paragraph({ children, spacing: { after: 120 } });
  }
}

function cell(text: string, opts: { header: boolean; align: ColumnAlign; width: number; bold: boolean }): TableCell {
  const lines = xmlSafe(text).replace(/\r\n?/g, "\n").split("\n");
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[opts.header ? "left" : opts.align],
          children: [new TextRun({ text: line, bold: opts.header || opts.bold, language: LANG, size: 18 })],
        }),
    ),
  });
}

function table(b: TableBlock): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = b.columns.map((c) => Math.floor((c.width / total) * CONTENT_WIDTH));
  const emphasis = new Set(b.emphasisRows ?? []);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map((c, k) => cell(c.header, { header: true, align: c.align ?? "left", width: widths[k], bold: true })),
  });
  const body = b.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: b.columns.map((c, k) => cell(r[k] ?? "", { header: false, align: c.align ?? "left", width: widths[k], bold: emphasis.has(i) })),
      }),
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: "8EA9DB" };
  return new Table({
    rows: [header, ...body],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function blocks(list: DocumentBlock[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let pendingBreak = false;
  for (const b of list) {
    switch (b.kind) {
      case "heading":
        out.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            pageBreakBefore: b.pageBreakBefore || pendingBreak || undefined,
            keepNext: true,
            children: runs({ text: b.text }),
          }),
        );
        pendingBreak = false;
        break;
      case "paragraph":
        out.push(paragraph(b));
        break;
      case "table":
        out.push(table(b));
        // A paragraph after each table keeps two tables from merging and gives room.
        out.push(new Paragraph({ children: [], spacing: { after: 120 } }));
        break;
      case "pageBreak":
        pendingBreak = true;
        break;
    }
  }
  return out;
}

/** The model as a docx `Document` (exported for tests that inspect it). */
export function toDocxDocument(model: DocumentModel): Document {
  const run = { font: FONT, size: 21, language: LANG };
  return new Document({
    title: xmlSafe(model.properties.title),
    subject: xmlSafe(model.properties.subject),
    creator: xmlSafe(model.properties.creator),
    styles: {
      default: {
        document: { run },
        title: { run: { ...run, size: 48, bold: true, color: "1F3864" } },
        heading1: { run: { ...run, size: 32, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 160 }, outlineLevel: 0 } },
        heading2: { run: { ...run, size: 26, bold: true, color: "2E75B6" }, paragraph: { spacing: { before: 200, after: 120 }, outlineLevel: 1 } },
      },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { ...run, size: 32, color: "1F3864" } },
        { id: "PianoNote", name: "Nota Piano Performance", basedOn: "Normal", next: "Normal", run: { ...run, size: 18, color: "404040" } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: xmlSafe(model.footer), language: LANG, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], language: LANG, size: 16 }),
                  new TextRun({ text: " di ", language: LANG, size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], language: LANG, size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: blocks(model.blocks),
      },
    ],
  });
}

const escapeAttr = (s: string) => xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Adds each table's caption (`w:tblCaption`, Word's table alternative text) — the docx
 * package has no option for it. It is the last child of `w:tblPr` (ECMA-376 CT_TblPr), and
 * tables appear in document.xml in model order (no nested tables here).
 */
function addTableCaptions(bytes: Uint8Array, captions: string[]): Uint8Array {
  const files = unzipSync(bytes);
  const name = "word/document.xml";
  let k = 0;
  const xml = strFromU8(files[name]).replace(/<\/w:tblPr>/g, (end) => {
    const caption = captions[k++];
    return caption === undefined ? end : `<w:tblCaption w:val="${escapeAttr(caption)}"/>${end}`;
  });
  files[name] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/** The .docx bytes. Works in Node and in the browser. */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const doc = toDocxDocument(model);
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  const captions = model.blocks.filter((b): b is TableBlock => b.kind === "table").map((t) => t.caption);
  return addTableCaptions(bytes, captions);
}
