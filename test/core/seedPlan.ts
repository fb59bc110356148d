// The seed transcription (assets/seed/pira-2022.json, raw strings as printed) as an
// engine plan whose cells hold that text, the way a pasted report would.
import * as fs from "fs";
import * as path from "path";
import type { PlanInput, ObjectiveInput } from "../../src/core";
import type { SeedPlan } from "../../src/adapters/exceljs/example";

export type Seed = SeedPlan;

export function loadSeed(): Seed {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../assets/seed/pira-2022.json"), "utf8"));
}

export function seedPlan(seed: Seed = loadSeed()): PlanInput {
  const objectives: ObjectiveInput[] = seed.obiettivi.map((o) => ({
    id: o.id,
    sheet: o.id,
    missione: o.missione ?? undefined,
    programma: o.programma ?? undefined,
    ambitoStrategico: o.ambitoStrategico ?? undefined,
    obiettivoStrategico: o.obiettivoStrategico ?? undefined,
    obiettivoOperativo: o.obiettivoOperativo,
    risorseEconomiche: o.risorseEconomiche === null ? undefined : { value: o.risorseEconomiche },
    areaResponsabilita: o.areaResponsabilita ?? undefined,
    ufficio: o.ufficio ?? undefined,
    indicators: o.indicatori.map((i, k) => ({
      row: k + 1,
      name: i.nome,
      algorithm: i.algoritmo ?? undefined,
      type: i.tipologia ?? undefined,
      unit: i.udm ?? undefined,
      actual: { value: i.stato, address: `E${k + 2}` },
      operator: { value: i.operatore, address: `F${k + 2}` },
      target: { value: i.target, address: `G${k + 2}` },
      stated: { value: i.performance, address: `H${k + 2}` },
      weight: { value: i.peso, address: `I${k + 2}` },
    })),
  }));
  return { year: seed.anno, objectives };
}
