// The example workbook: the seed's cards (assets/seed/pira-2022.json) in the card layout,
// with TYPED cells as a real workbook holds them — numbers, percentages as fractions with
// a % format, dates as dates — while the seed's anomalies ("11:22", "dal 28.10 al 14.11
// 2022", "6" in a si/no row) stay text, as a person would have typed them.
import type ExcelJS from "exceljs";
import { EXAMPLE } from "../../messages/workbook";
import { dateFromSerial } from "./grid";
import { parseText } from "../../core/values";

export interface SeedIndicator {
  nome: string;
  algoritmo: string | null;
  tipologia: string | null;
  udm: string | null;
  stato: string | null;
  operatore: string | null;
  target: string | null;
  performance: string | null;
  peso: string | null;
}

export interface SeedObjective {
  id: string;
  missione: string | null;
  programma: string | null;
  ambitoStrategico: string | null;
  obiettivoStrategico: string | null;
  obiettivoOperativo: string;
  descrizione: string | null;
  beneficiAttesi: string[] | string | null;
  risorseEconomiche: string | null;
  areaResponsabilita: string | null;
  ufficio: string | null;
  indicatori: SeedIndicator[];
  notes?: string[];
}

export interface SeedPlan {
  source: string;
  anno: number;
  obiettivi: SeedObjective[];
}

/** A cell as ExcelJS takes it: a typed value and its number format. */
export interface TypedCell {
  value: number | string | Date | null;
  numFmt?: string;
}

/** Where things are on each example card (1-based rows, column letters). */
export const EXAMPLE_LAYOUT = {
  titleRow: 1,
  firstLabelRow: 4,
  headerRow: 16,
  firstIndicatorRow: 17,
  columns: { name: "A", algorithm: "B", type: "C", unit: "D", actual: "E", operator: "F", target: "G", stated: "H", weight: "I" },
} as const;

const decimalsFormat = (digits: number) => (digits > 0 ? "0." + "0".repeat(digits) : "0");

const PLAIN_DATE_RE = /^\d{1,2}([/.])\d{1,2}\1(\d{4}|\d{2})$/;

/**
 * One seed string as a typed cell, read by the engine's own parser: "5.441" → 5441,
 * "0,6" → 0.6, "12,5%" → 0.125 with "0.0%", "30/06/2022" → a date, "335.374,13 €" →
 * 335374.13 in euro; si/no, n.d., ranges and anything else stay text as printed. In a
 * "si/no" row every value stays text (the seed's "6" is an anomaly).
 */
export function typedSeedCell(raw: string | null | undefined, unit?: string | null): TypedCell {
  if (raw === null || raw === undefined) return { value: null };
  const s = raw.trim();
  if (s === "") return { value: null };
  if (unit && unit.trim().toLowerCase() === "si/no") return { value: s };
  const v = parseText(s);
  if (v.kind === "number") return { value: v.percent ? round(v.value, 12) : v.value, numFmt: seedNumberFormat(s, v.percent) };
  // Only a plain date becomes a date cell; "dal 28.10 al 14.11 2022" stays the text it was.
  const d = v.kind === "date" ? PLAIN_DATE_RE.exec(s) : null;
  if (v.kind === "date" && d) {
    const sep = d[1];
    return { value: dateFromSerial(v.serial), numFmt: d[2].length === 2 ? `dd${sep}mm${sep}yy` : `dd${sep}mm${sep}yyyy` };
  }
  return { value: s };
}

/** The number format a printed number implies: its decimals, its %, its €, its grouping. */
function seedNumberFormat(s: string, percent: boolean): string {
  const decimals = /,(\d+)/.exec(s)?.[1].length ?? 0;
  if (percent) return decimalsFormat(decimals) + "%";
  if (s.includes("€")) return '#,##0.00 "€"';
  if (/\d\.\d{3}/.test(s)) return "#,##0" + (decimals ? "." + "0".repeat(decimals) : "");
  return decimals ? decimalsFormat(decimals) : "General";
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const FORBIDDEN = /[[\]:*?/\\]/g;

/** "OO05 Sostegno del turismo": the card id and the first words of its objective, ≤ 31 characters. */
export function exampleSheetName(o: SeedObjective): string {
  const words = o.obiettivoOperativo.replace(/\(.*?\)/g, " ").replace(FORBIDDEN, " ").split(/\s+/).filter(Boolean);
  let name = o.id;
  for (const w of words) {
    if ((name + " " + w).length > 31) break;
    name += " " + w;
  }
  // Never end on a dangling "e", "di", "per"…
  const parts = name.split(" ");
  while (parts.length > 2 && TRAILING.has(parts[parts.length - 1].toLowerCase())) parts.pop();
  return parts.join(" ").replace(/[\s\-–]+$/, "");
}

const TRAILING = new Set(["e", "ed", "di", "del", "della", "dei", "degli", "delle", "per", "a", "al", "alla", "alle", "in", "con", "da", "-", "–"]);

const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Fills an empty workbook with one card sheet per seed objective. Returns the workbook. */
export function buildExampleWorkbook(workbook: ExcelJS.Workbook, seed: SeedPlan): ExcelJS.Workbook {
  const year = seed.anno;
  // Fixed metadata, so regenerating the example gives the same workbook.
  workbook.creator = "Piano Performance";
  workbook.created = new Date(Date.UTC(year + 1, 0, 31));
  workbook.modified = new Date(Date.UTC(year + 1, 0, 31));
  const L = EXAMPLE_LAYOUT;
  const C = L.columns;
  for (const o of seed.obiettivi) {
    const ws = workbook.addWorksheet(exampleSheetName(o), { views: [{ state: "frozen", ySplit: 0, xSplit: 0, showGridLines: false }] });
    ws.columns = [{ width: 46 }, { width: 46 }, { width: 16 }, { width: 8 }, { width: 13 }, { width: 11 }, { width: 13 }, { width: 13 }, { width: 11 }];

    ws.mergeCells(`A${L.titleRow}:I${L.titleRow}`);
    const title = ws.getCell(`A${L.titleRow}`);
    title.value = EXAMPLE.title(year);
    title.font = { bold: true, size: 14 };
    const src = ws.getCell(`A${L.titleRow + 1}`);
    src.value = EXAMPLE.source(seed.source);
    src.font = { italic: true, size: 9, color: { argb: "FF595959" } };

    const benefici = Array.isArray(o.beneficiAttesi) ? o.beneficiAttesi.join("\n") : (o.beneficiAttesi ?? "");
    const fields: [string, TypedCell][] = [
      [EXAMPLE.labels.missione, { value: o.missione }],
      [EXAMPLE.labels.programma, { value: o.programma }],
      [EXAMPLE.labels.ambitoStrategico, { value: o.ambitoStrategico }],
      [EXAMPLE.labels.obiettivoStrategico, { value: o.obiettivoStrategico }],
      [EXAMPLE.labels.obiettivoOperativo, { value: o.obiettivoOperativo }],
      [EXAMPLE.labels.descrizione, { value: o.descrizione }],
      [EXAMPLE.labels.beneficiAttesi, { value: benefici || null }],
      [EXAMPLE.labels.risorseEconomiche, typedSeedCell(o.risorseEconomiche)],
      [EXAMPLE.labels.unitaOrganizzative, { value: null }],
      [EXAMPLE.labels.areaResponsabilita, { value: o.areaResponsabilita }],
      [EXAMPLE.labels.ufficio, { value: o.ufficio }],
    ];
    fields.forEach(([label, typed], i) => {
      const r = L.firstLabelRow + i;
      ws.mergeCells(`A${r}:B${r}`);
      ws.mergeCells(`C${r}:I${r}`);
      const lc = ws.getCell(`A${r}`);
      lc.value = label;
      lc.font = { bold: true };
      lc.alignment = { vertical: "top" };
      const vc = ws.getCell(`C${r}`);
      vc.value = typed.value;
      if (typed.numFmt) vc.numFmt = typed.numFmt;
      vc.alignment = { wrapText: true, vertical: "top", horizontal: typeof typed.value === "number" ? "left" : undefined };
      const len = typeof typed.value === "string" ? typed.value.length + 40 * (typed.value.split("\n").length - 1) : 0;
      if (len > 120) ws.getRow(r).height = 15 * Math.min(8, Math.ceil(len / 120));
    });

    const headers = EXAMPLE.headers(year, (o.notes ?? []).some((n) => n.includes("Sttao")));
    const hr = ws.getRow(L.headerRow);
    headers.forEach((h, i) => {
      const cell = hr.getCell(i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.alignment = { wrapText: true, vertical: "middle" };
      cell.border = BORDER;
    });

    o.indicatori.forEach((ind, i) => {
      const r = L.firstIndicatorRow + i;
      const put = (col: string, typed: TypedCell) => {
        const cell = ws.getCell(`${col}${r}`);
        cell.value = typed.value;
        if (typed.numFmt) cell.numFmt = typed.numFmt;
        cell.border = BORDER;
        cell.alignment = { wrapText: true, vertical: "top" };
      };
      put(C.name, { value: ind.nome });
      put(C.algorithm, { value: ind.algoritmo });
      put(C.type, { value: ind.tipologia });
      put(C.unit, { value: ind.udm });
      put(C.actual, typedSeedCell(ind.stato, ind.udm));
      put(C.operator, { value: ind.operatore });
      put(C.target, typedSeedCell(ind.target, ind.udm));
      put(C.stated, typedSeedCell(ind.performance));
      put(C.weight, typedSeedCell(ind.peso));
      const len = Math.max(ind.nome.length, ind.algoritmo?.length ?? 0);
      if (len > 45) ws.getRow(r).height = 15 * Math.min(6, Math.ceil(len / 45));
    });

    const pr = L.firstIndicatorRow + o.indicatori.length + 1;
    ws.mergeCells(`A${pr}:G${pr}`);
    const pl = ws.getCell(`A${pr}`);
    pl.value = EXAMPLE.labels.performanceObiettivo;
    pl.font = { bold: true };
    pl.alignment = { horizontal: "right" };
    const pv = ws.getCell(`${C.stated}${pr}`);
    pv.numFmt = "0.00%";
    pv.font = { bold: true };
    pv.border = BORDER;
  }
  return workbook;
}
