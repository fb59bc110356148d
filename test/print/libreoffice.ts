// LibreOffice as the independent reader of what we print: an .xlsx converted to PDF by
// `soffice --headless`, read back with poppler (pdfinfo, pdftotext, pdftoppm). A missing
// tool FAILS the test with the package to install — a print test never skips silently.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

function which(tool: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Throws, with what to install, when soffice or poppler is missing. */
export function requirePrintTools(): void {
  const missing = [
    ["soffice", "libreoffice-calc-nogui"],
    ["pdfinfo", "poppler-utils"],
    ["pdftotext", "poppler-utils"],
    ["pdftoppm", "poppler-utils"],
  ].filter(([tool]) => !which(tool));
  if (missing.length)
    throw new Error(`Print tests need ${missing.map(([t]) => t).join(", ")}: apt-get install -y ${[...new Set(missing.map(([, p]) => p))].join(" ")}`);
}

/** A private LibreOffice profile with the Italian locale (so numbers print as Excel in Italy does: 97,08%). */
function italianProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>it-IT</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>it</value></prop></item>
</oor:items>
`,
  );
  return "file://" + dir;
}

/** Converts `file` to PDF with LibreOffice; returns the PDF's path. */
export function toPdf(file: string, outDir: string): string {
  const profile = italianProfile(fs.mkdtempSync(path.join(outDir, "lo-profile-")));
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], { encoding: "utf8", timeout: 120_000 });
  const pdf = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, "") + ".pdf");
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  const r = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
  if (!m) throw new Error(`pdfinfo: ${r.stderr}`);
  return Number(m[1]);
}

/** The PDF's text, one string per page (pdftotext separates pages with a form feed). */
export function pdfText(pdf: string, layout = false): string[] {
  const r = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
  const pages = r.stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Renders pages to PNG (for a person to look at); returns the files. */
export function pdfPictures(pdf: string, prefix: string, dpi = 50): string[] {
  spawnSync("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix]);
  const dir = path.dirname(prefix);
  return fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".png")).map((f) => path.join(dir, f));
}

/**
 * A copy of the .xlsx where only `keep` is visible (the package edited at the XML level,
 * nothing else touched), so LibreOffice prints that sheet alone with its own page setup.
 */
export function onlySheetVisible(file: string, keep: string, out: string): string {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const xml = strFromU8(files["xl/workbook.xml"]);
  const unescape = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  let found = false;
  const edited = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    const name = unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "");
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    if (name === keep) {
      found = true;
      return bare;
    }
    return bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (!found) throw new Error(`sheet ${keep} not in ${file}`);
  // The visible sheet must be the active tab.
  const index = [...edited.matchAll(/<sheet\b[^>]*\/>/g)].findIndex((m) => !/state="/.test(m[0]));
  const view = `<workbookView activeTab="${index}" firstSheet="${index}"/>`;
  const withView = /<bookViews>/.test(edited) ? edited.replace(/<bookViews>[\s\S]*?<\/bookViews>/, `<bookViews>${view}</bookViews>`) : edited.replace("<sheets>", `<bookViews>${view}</bookViews><sheets>`);
  files["xl/workbook.xml"] = strToU8(withView);
  fs.writeFileSync(out, zipSync(files));
  return out;
}
