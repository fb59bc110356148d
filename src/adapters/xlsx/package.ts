// An .xlsx package (OPC, ECMA-376 Part 2) as a map of part names to bytes. Read with the
// one zip reader (zip.ts: the central directory, the limits of src/core/limits.ts, the same
// as the package check): a part is inflated only when asked for. Written back with the
// parts nobody changed copied as they are stored (same compressed bytes, same CRC); only
// the parts an edit touches are decoded, changed and re-encoded.
import { deflateSync, strFromU8, strToU8 } from "fflate";
import { LIMITS } from "../../core/limits";
import { crc32, inflateEntry, PackageError as ZipError, rawData, readCentralDirectory, writeZip, type InflateBudget, type OutEntry, type ZipEntry } from "./zip";
import { childElements, escapeXml, getAttr, rootElement, splice } from "./xml";

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  customProperty: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  customProperty: "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** As written (relative to the source part's folder, or absolute from the package root). */
  target: string;
  external: boolean;
}

/** How changed parts are compressed: raw DEFLATE (RFC 1951) at a level, and the zip's CRC-32. */
export interface Codec {
  deflateRaw(data: Uint8Array, level: 1 | 6): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** fflate's, in JavaScript: runs in the browser (the preview) as in Node. */
export const FFLATE_CODEC: Codec = { deflateRaw: (data, level) => deflateSync(data, { level }), crc32 };

/** Thrown when the bytes are not a package this writer can edit (the caller words it for the user). */
export class PackageError extends Error {}

/** A part as read from the zip: where its bytes are, inflated on first use. */
interface Stored {
  source: Uint8Array;
  entry: ZipEntry;
}

export class XlsxPackage {
  /** Part names without a leading slash, in the zip's order. */
  private readonly parts = new Map<string, Uint8Array | Stored>();
  private readonly text = new Map<string, string>();
  private readonly budget: InflateBudget = { total: 0 };

  constructor(entries: Record<string, Uint8Array>) {
    for (const [name, data] of Object.entries(entries)) if (!name.endsWith("/")) this.parts.set(name, data);
  }

  /** The package in `bytes` (its central directory only: parts inflate when first read). */
  static read(bytes: Uint8Array): XlsxPackage {
    const pkg = new XlsxPackage({});
    try {
      for (const entry of readCentralDirectory(bytes)) if (!entry.name.endsWith("/")) pkg.parts.set(entry.name, { source: bytes, entry });
    } catch (e) {
      if (e instanceof ZipError) throw new PackageError(e.what);
      throw e;
    }
    if (!pkg.has("[Content_Types].xml")) throw new PackageError("[Content_Types].xml mancante");
    return pkg;
  }

  /**
   * The package whose central directory the package check has already read (`entries`), with
   * the parts it already inflated (`inflated`): nothing is read or inflated twice.
   */
  static fromEntries(bytes: Uint8Array, entries: ZipEntry[], inflated?: Map<string, Uint8Array>): XlsxPackage {
    const pkg = new XlsxPackage({});
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue;
      const stored = { source: bytes, entry };
      const data = inflated?.get(entry.name);
      if (data) {
        pkg.parts.set(entry.name, data);
        pkg.stored.set(entry.name, stored);
      } else pkg.parts.set(entry.name, stored);
    }
    if (!pkg.has("[Content_Types].xml")) throw new PackageError("[Content_Types].xml mancante");
    return pkg;
  }

  /** A part's bytes as stored in the package (inflated, within the limits), or undefined. */
  private data(n: string): Uint8Array | undefined {
    const p = this.parts.get(n);
    if (!p || p instanceof Uint8Array) return p;
    let out: Uint8Array;
    try {
      out = inflateEntry(p.source, p.entry, this.budget, LIMITS, true) ?? new Uint8Array(0);
    } catch (e) {
      if (e instanceof ZipError) throw new PackageError(e.what);
      throw e;
    }
    this.parts.set(n, out);
    // Keep where it came from: an unchanged part is written back as it was stored.
    this.stored.set(n, p);
    return out;
  }

  private readonly stored = new Map<string, Stored>();

  /**
   * Lets the inflated bytes of the parts nobody changed go (a big sheet, once read): they
   * are inflated again if asked for. Parts set by an edit are kept.
   */
  release(): void {
    for (const [n, p] of this.parts) {
      const stored = this.stored.get(n);
      if (p instanceof Uint8Array && stored && !this.text.has(n)) this.parts.set(n, stored);
    }
    this.stored.clear();
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(stripSlash(name));
  }

  bytes(name: string): Uint8Array | undefined {
    const n = stripSlash(name);
    const t = this.text.get(n);
    return t !== undefined ? strToU8(t) : this.data(n);
  }

  /** A part's text (UTF-8; a UTF-8 byte-order mark is dropped), or undefined. */
  xml(name: string): string | undefined {
    const n = stripSlash(name);
    const cached = this.text.get(n);
    if (cached !== undefined) return cached;
    const data = this.data(n);
    if (!data) return undefined;
    const s = strFromU8(data);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /** Replaces (or adds, at the end) a part's text. */
  setXml(name: string, xml: string): void {
    const n = stripSlash(name);
    // The text replaces the part: its inflated bytes (26 MB for a 54,000-row sheet) can go.
    this.parts.set(n, new Uint8Array(0));
    this.text.set(n, xml);
  }

  setBytes(name: string, data: Uint8Array): void {
    const n = stripSlash(name);
    this.text.delete(n);
    this.stored.delete(n);
    this.parts.set(n, data);
  }

  /** Was this part changed (or added) since it was read? */
  changed(name: string): boolean {
    return this.text.has(stripSlash(name));
  }

  /**
   * The package as a zip: parts never changed keep their stored bytes (no inflate, no deflate).
   * `codec` compresses the changed parts (fflate's by default; the CLI gives Node's zlib).
   */
  write(codec: Codec = FFLATE_CODEC): Uint8Array {
    const enc = new TextEncoder();
    const out: OutEntry[] = [];
    for (const [name, p] of this.parts) {
      const kept = this.text.has(name) ? undefined : p instanceof Uint8Array ? this.stored.get(name) : p;
      if (kept && (kept.entry.method === 0 || kept.entry.method === 8)) {
        const e = kept.entry;
        out.push({ name: enc.encode(name), method: e.method, crc: e.crc, compressedSize: e.compressedSize, size: e.size, data: rawData(kept.source, e) });
        continue;
      }
      const data = this.bytes(name)!;
      // A big part (a 50k-row sheet) at level 1: three times faster, a little larger.
      const packed = codec.deflateRaw(data, data.length > 8 * 1024 * 1024 ? 1 : 6);
      out.push({ name: enc.encode(name), method: 8, crc: codec.crc32(data), compressedSize: packed.length, size: data.length, data: packed });
    }
    return writeZip(out);
  }

  // ---- relationships --------------------------------------------------------------

  relsPathOf(part: string): string {
    const n = stripSlash(part);
    const i = n.lastIndexOf("/");
    return `${n.slice(0, i + 1)}_rels/${n.slice(i + 1)}.rels`;
  }

  rels(part: string): Relationship[] {
    const xml = this.xml(this.relsPathOf(part));
    if (!xml) return [];
    const root = rootElement(xml);
    if (!root) return [];
    return childElements(xml, root.contentStart, root.contentEnd, "Relationship").map((e) => ({
      id: getAttr(e.tag, "Id") ?? "",
      type: getAttr(e.tag, "Type") ?? "",
      target: getAttr(e.tag, "Target") ?? "",
      external: getAttr(e.tag, "TargetMode") === "External",
    }));
  }

  /** The part a relationship of `source` points to (absolute targets, as openpyxl writes them, included). */
  resolve(source: string, target: string): string {
    if (target.startsWith("/")) return normalizePath(target.slice(1));
    const n = stripSlash(source);
    return normalizePath(n.slice(0, n.lastIndexOf("/") + 1) + target);
  }

  /** Adds a relationship from `source` (creating its .rels part); returns the new Id. */
  addRel(source: string, type: string, target: string): string {
    const relsPath = this.relsPathOf(source);
    let xml = this.xml(relsPath) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(this.rels(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rIdPp${n}`)) n++;
    const id = `rIdPp${n}`;
    const root = rootElement(xml);
    if (!root) throw new PackageError(`${relsPath} illeggibile`);
    const entry = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
    xml = root.selfClosing
      ? splice(xml, root.start, root.end, root.tag.replace(/\s*\/>$/, ">") + entry + "</Relationships>")
      : splice(xml, root.contentEnd, root.contentEnd, entry);
    this.setXml(relsPath, xml);
    return id;
  }

  // ---- content types ----------------------------------------------------------------

  /** Declares a part's content type with an Override (never a Default: an .xlsm's "bin" default belongs to its VBA project). */
  addOverride(part: string, contentType: string): void {
    const name = "[Content_Types].xml";
    let xml = this.xml(name)!;
    const partName = "/" + stripSlash(part);
    const root = rootElement(xml)!;
    const existing = childElements(xml, root.contentStart, root.contentEnd, "Override").find((e) => (getAttr(e.tag, "PartName") ?? "").toLowerCase() === partName.toLowerCase());
    if (existing) return;
    xml = splice(xml, root.contentEnd, root.contentEnd, `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`);
    this.setXml(name, xml);
  }

  /** A part name not used yet: `xl/worksheets/sheet7.xml` for prefix `xl/worksheets/sheet`, ext `.xml`. */
  freeName(prefix: string, ext: string): string {
    const lower = new Set(this.names().map((n) => n.toLowerCase()));
    for (let i = 1; ; i++) {
      const n = `${prefix}${i}${ext}`;
      if (!lower.has(n.toLowerCase())) return n;
    }
  }

  /** The main workbook part (xl/workbook.xml, or wherever the root relationship points). */
  workbookPart(): string {
    const rel = this.rels("").find((r) => r.type === REL_TYPES.officeDocument || r.type.endsWith("/officeDocument"));
    if (!rel) throw new PackageError("relazione officeDocument mancante");
    return this.resolve("", rel.target);
  }

  /** Drops a part (its relationships and content type are the caller's to remove). */
  remove(name: string): void {
    const n = stripSlash(name);
    this.parts.delete(n);
    this.text.delete(n);
    this.stored.delete(n);
  }
}

function stripSlash(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

/** "xl/worksheets/../drawings/d1.xml" → "xl/drawings/d1.xml". */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A target for a relationship from `source` to `part`, relative as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = stripSlash(source).split("/").slice(0, -1);
  const to = stripSlash(part).split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
