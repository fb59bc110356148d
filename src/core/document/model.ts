// The PIRA document as a renderer-neutral model: headings, paragraphs and tables, with
// every string already formatted in Italian. Pure data — the .docx renderer
// (src/adapters/docx) draws it; tests read it. No library import here.

/** The .docx media type (downloads). */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Document language, written into the styles and every run (accessibility: screen readers, spell check). */
export const DOCUMENT_LANGUAGE = "it-IT";

/** A piece of text. `placeholder` marks text the office must replace; `fromUser` text came from a cell. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  placeholder?: boolean;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1 = section (Heading 1), 2 = card or sub-section (Heading 2). */
  level: 1 | 2;
  text: string;
  /** Start this heading on a new page. */
  pageBreakBefore?: boolean;
}

export interface ParagraphBlock {
  kind: "paragraph";
  content: Inline[];
  /** "title": the title page's large lines; "field": a card's "Label: value" line; "note": small print. */
  style?: "title" | "subtitle" | "field" | "note" | "emphasis";
  /** The whole paragraph is a placeholder the office fills in. */
  placeholder?: boolean;
}

export type ColumnAlign = "left" | "right" | "center";

export interface TableColumn {
  header: string;
  align?: ColumnAlign;
  /** Relative width (the renderer scales to the page). */
  width: number;
}

export interface TableBlock {
  kind: "table";
  /** Short description of the table (table caption / alternative text). */
  caption: string;
  columns: TableColumn[];
  rows: string[][];
  /** Rows (0-based indexes into `rows`) printed bold: totals. */
  emphasisRows?: number[];
}

export interface PageBreakBlock {
  kind: "pageBreak";
}

export type DocumentBlock = HeadingBlock | ParagraphBlock | TableBlock | PageBreakBlock;

export interface DocumentModel {
  language: typeof DOCUMENT_LANGUAGE;
  /** Core properties: title, subject, creator. */
  properties: { title: string; subject: string; creator: string };
  /** Footer text before the page number. */
  footer: string;
  blocks: DocumentBlock[];
}

/** Plain text of a model, in reading order (tests, and a quick look). */
export function documentText(model: DocumentModel): string {
  const lines: string[] = [];
  for (const b of model.blocks) {
    if (b.kind === "heading") lines.push(b.text);
    else if (b.kind === "paragraph") lines.push(b.content.map((c) => c.text).join(""));
    else if (b.kind === "table") {
      lines.push(b.columns.map((c) => c.header).join("\t"));
      for (const r of b.rows) lines.push(r.join("\t"));
    }
  }
  return lines.join("\n");
}
