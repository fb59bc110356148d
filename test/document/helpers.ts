// Shared by the document and open-data tests: the example plan analysed, a small plan
// built by hand, an RFC 4180 parser, the .docx parts, LibreOffice as the independent reader.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { evaluatePlan } from "../../src/core/plan";
import { defaultPolicy } from "../../src/core/policy";
import type { ObjectiveInput, PlanResult } from "../../src/core/types";
import { exampleWorkbook } from "../reader/helpers";

let cached: WorkbookAnalysis | null = null;
/** The example workbook (built from the seed) as the add-in analyses it. */
export function exampleAnalysis(): WorkbookAnalysis {
  cached ??= analyzeWorkbook(gridFromExcelJs(exampleWorkbook()));
  return cached;
}

/** An independent Italian formatter (ICU), not the engine's: "90,74%", "100%". */
export const italianPercent = (fraction: number) => `${new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 }).format(fraction * 100)}%`;

/** A plan of one objective whose texts are chosen by the test. */
export function smallPlan(objective: Partial<ObjectiveInput>, indicators: Array<{ name: string; actual: number | string; target: number | string; operator?: string; weight?: number; stated?: number; forced?: number | string; note?: string }>): PlanResult {
  const o: ObjectiveInput = {
    id: "T1",
    sheet: "Scheda prova",
    obiettivoOperativo: "Obiettivo di prova",
    ...objective,
    indicators: indicators.map((i, k) => ({
      name: i.name,
      row: k + 1,
      actual: { value: i.actual, address: `E${17 + k}` },
      operator: { value: i.operator ?? ">=", address: `F${17 + k}` },
      target: { value: i.target, address: `G${17 + k}` },
      stated: i.stated === undefined ? undefined : { value: i.stated, format: "0%", address: `H${17 + k}` },
      weight: { value: i.weight ?? 1 / indicators.length, format: "0%", address: `I${17 + k}` },
      ...(i.forced === undefined ? {} : { forced: { value: i.forced, format: typeof i.forced === "number" ? "0%" : "General", address: `J${17 + k}` } }),
      ...(i.note === undefined ? {} : { note: { value: i.note, address: `K${17 + k}` } }),
    })),
  };
  return evaluatePlan({ year: 2022, objectives: [o] }, defaultPolicy());
}

/** RFC 4180 parser (written for the tests, independent of the writer): rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted && field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      fieldStarted = false;
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStarted = false;
      i += 2;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The parts of a .docx as text (XML). */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Converts `file` with LibreOffice (`soffice --headless --convert-to`), with a private
 * profile so parallel runs do not lock each other. Throws — the test FAILS, it does not
 * skip — when LibreOffice is not installed.
 */
export function libreOfficeConvert(file: string, to: string, outDir: string): string {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "LibreOffice (soffice) non è installato o non si avvia: questo test legge il documento con LibreOffice. " +
        "Installarlo con `apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`. " +
        `(${probe.error ? probe.error.message : probe.stderr})`,
    );
  }
  const profile = tmpDir("lo-profile-");
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file], { encoding: "utf8", timeout: 120_000 });
  fs.rmSync(profile, { recursive: true, force: true });
  const ext = to.split(":")[0];
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${ext}`));
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice conversion failed (${r.status}): ${r.stderr}`);
  return out;
}
