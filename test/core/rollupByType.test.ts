// The roll-up of the indicators by Tipologia (issue 13): the seed's 136 indicators grouped by
// their Tipologia column, computed here from the seed's own text and the engine's per-indicator
// results, against rollupByType; the same rows in the summary model and in `piano-perf --json`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { analyzeWorkbook, buildSummaryModel } from "../../src/core/reader";
import { exampleWorkbook, gridViaFile, saveXlsx, seed, tmpDir } from "../reader/helpers";

const root = path.resolve(__dirname, "../..");

describe("roll-up per tipologia", () => {
  let analysis: ReturnType<typeof analyzeWorkbook>;
  beforeAll(async () => {
    analysis = analyzeWorkbook((await gridViaFile(exampleWorkbook(), tmpDir())).grid);
  });

  test("una riga per tipologia del seed, con il numero di indicatori e la media semplice delle loro performance", () => {
    const expected = new Map<string, { n: number; sum: number; counted: number; cards: Set<string> }>();
    seed.obiettivi.forEach((o, k) =>
      o.indicatori.forEach((ind, i) => {
        const label = (ind.tipologia ?? "").trim().toLocaleLowerCase("it");
        const g = expected.get(label) ?? { n: 0, sum: 0, counted: 0, cards: new Set<string>() };
        const w = analysis.result.objectives[k].indicators[i].weighted;
        g.n++;
        g.cards.add(o.id);
        if (w !== null) {
          g.sum += w;
          g.counted++;
        }
        expected.set(label, g);
      }),
    );
    const rows = analysis.result.rollups.tipologia;
    expect(rows.length).toBe(expected.size);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      const e = expected.get(r.key)!;
      expect({ key: r.key, n: r.indicatorCount, cards: r.objectiveCount }).toEqual({ key: r.key, n: e.n, cards: e.cards.size });
      expect(r.performance).toBeCloseTo(e.sum / e.counted, 12);
      expect(r.label.toLocaleLowerCase("it")).toBe(r.key);
    }
    expect(rows.reduce((n, r) => n + (r.indicatorCount ?? 0), 0)).toBe(136);
  });

  test("nel riepilogo: il blocco «Indicatori per tipologia» con le stesse righe", () => {
    const block = buildSummaryModel(analysis).blocks.find((b) => b.id === "tipologia")!;
    expect(block.title).toBe("Indicatori per tipologia");
    expect(block.columns.map((c) => c.header)).toEqual(["Tipologia", "Indicatori", "Obiettivi", "Performance media", "Semaforo"]);
    expect(block.rows.map((r) => [r[0].value, r[1].value, r[3].value])).toEqual(analysis.result.rollups.tipologia.map((r) => [r.label, r.indicatorCount, r.performance]));
  });

  test("in `piano-perf verifica --json`", async () => {
    const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
    expect(b.status).toBe(0);
    const file = await saveXlsx(exampleWorkbook(), path.join(tmpDir(), "esempio.xlsx"));
    const r = spawnSync(process.execPath, [path.join(root, "bin", "piano-perf.js"), "verifica", file, "--json"], { cwd: root, encoding: "utf8" });
    const json = JSON.parse(r.stdout);
    expect(json.rollups.tipologia).toEqual(JSON.parse(JSON.stringify(analysis.result.rollups.tipologia)));
  }, 60_000);
});
