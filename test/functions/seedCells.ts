// The seed plan (assets/seed/pira-2022.json, raw strings as printed) twice over:
// as the engine's PlanInput (text cells, as the reader would hand them) and as what Excel
// passes to a custom function when the same strings are typed into an Italian Excel:
// numbers and percentages become numbers (percentages as fractions), dd/mm/yyyy dates
// become serials, everything else (si/no, n.d., "11:22", "30.03.2022", ranges) stays text.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PlanInput } from "../../src/core/types";

export interface SeedIndicator {
  nome: string;
  algoritmo?: string;
  tipologia?: string;
  udm: string;
  stato: string;
  operatore: string;
  target: string;
  performance: string;
  peso: string;
}
export interface SeedObjective {
  id: string;
  missione?: string;
  programma?: string;
  ambitoStrategico?: string;
  obiettivoStrategico?: string;
  obiettivoOperativo: string;
  risorseEconomiche?: string | null;
  areaResponsabilita?: string;
  ufficio?: string;
  indicatori: SeedIndicator[];
}
export interface Seed {
  anno: number;
  obiettivi: SeedObjective[];
}

export function loadSeed(): Seed {
  return JSON.parse(readFileSync(path.resolve(__dirname, "../../assets/seed/pira-2022.json"), "utf8")) as Seed;
}

export function planFromSeed(seed: Seed): PlanInput {
  return {
    year: seed.anno,
    objectives: seed.obiettivi.map((o) => ({
      id: o.id,
      sheet: o.id,
      missione: o.missione,
      programma: o.programma,
      ambitoStrategico: o.ambitoStrategico,
      obiettivoStrategico: o.obiettivoStrategico,
      obiettivoOperativo: o.obiettivoOperativo,
      risorseEconomiche: o.risorseEconomiche == null ? undefined : { value: o.risorseEconomiche },
      areaResponsabilita: o.areaResponsabilita,
      ufficio: o.ufficio,
      indicators: o.indicatori.map((i, k) => ({
        name: i.nome,
        algorithm: i.algoritmo,
        type: i.tipologia,
        unit: i.udm,
        actual: { value: i.stato },
        operator: { value: i.operatore },
        target: { value: i.target },
        stated: { value: i.performance },
        weight: { value: i.peso },
        row: k + 1,
      })),
    })),
  };
}

// Excel keeps 15 significant digits of what is typed.
const excelNumber = (x: number) => Number(x.toPrecision(15));
const ITALIAN_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const ITALIAN_PERCENT = /^(-?\d+(?:,\d+)?)%$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

/** The value an Italian Excel stores when `raw` is typed into a General cell. */
export function typedInExcel(raw: string): number | string {
  const s = raw.trim();
  if (ITALIAN_NUMBER.test(s)) return excelNumber(Number(s.replace(/\./g, "").replace(",", ".")));
  const p = ITALIAN_PERCENT.exec(s);
  if (p) return excelNumber(Number(p[1].replace(",", ".")) / 100);
  const d = SLASH_DATE.exec(s);
  if (d) {
    let y = Number(d[3]);
    if (d[3].length === 2) y += y < 30 ? 2000 : 1900; // Excel's two-digit-year cut-off
    // Serial = days since 1899-12-30 (Excel's 1900 system, for dates after February 1900).
    return Math.round((Date.UTC(y, Number(d[2]) - 1, Number(d[1])) - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  return raw;
}
