import { evaluatePlan, defaultPolicy } from "../../src/core";
import { seedPlan, loadSeed } from "./seedPlan";

const EXPECTED = [90.74, 100, 98.12, 99.58, 92.86, 96.72, 100, 80, 99.29, 100, 100, 100, 100, 100, 99.76, 99.53, 93.03, 97.76];

describe("the 2022 PIRA of CCIAA Pistoia-Prato with the default policy", () => {
  const seed = loadSeed();
  const result = evaluatePlan(seedPlan(seed), defaultPolicy());

  it("has 18 cards and 136 indicators", () => {
    expect(result.objectives).toHaveLength(18);
    expect(result.objectives.reduce((n, o) => n + o.indicators.length, 0)).toBe(136);
  });

  it("reproduces the objective performances to 0.01 point", () => {
    const got = result.objectives.map((o) => (o.performance === null ? null : o.performance * 100));
    got.forEach((p, i) => expect(p).toBeCloseTo(EXPECTED[i], 2));
  });

  it("reports exactly the 7 stated differences and the 3 unreadable values", () => {
    const byIndicator = result.problems
      .filter((p) => p.indicatorRow !== undefined)
      .map((p) => `${p.code} ${seed.obiettivi.find((o) => o.id === p.objectiveId)!.obiettivoOperativo.slice(0, 30)} #${p.indicatorRow}`)
      .sort();
    const name = (id: string) => seed.obiettivi.find((o) => o.id === id)!.obiettivoOperativo.slice(0, 30);
    const expected = [
      ["STATED_MISMATCH", "OO05", 5],
      ["STATED_MISMATCH", "OO07", 2],
      ["STATED_MISMATCH", "OO13", 3],
      ["STATED_MISMATCH", "OO17", 3],
      ["STATED_MISMATCH", "OO17", 5],
      ["STATED_MISMATCH", "OO17", 11],
      ["STATED_MISMATCH", "OO17", 13],
      ["VALUE_UNREADABLE", "OO11", 1],
      ["VALUE_UNREADABLE", "OO11", 6],
      ["VALUE_UNREADABLE", "OO14", 4],
    ].map(([c, id, r]) => `${c} ${name(id as string)} #${r}`).sort();
    expect(byIndicator).toEqual(expected);
    expect(name("OO05")).toMatch(/^Sostegno del turismo/);
    expect(name("OO07")).toMatch(/^Infrastrutture/);
    expect(name("OO13")).toMatch(/^Sito camerale/);
    expect(name("OO17")).toMatch(/^Salute organizzativa/);
    expect(name("OO11")).toMatch(/^Composizione negoziata/);
    expect(name("OO14")).toMatch(/^Trasparenza/);
  });

  it("reports nothing else: the whole problem list is those 10 plus the two Missione/Programma warnings", () => {
    const all = result.problems.map((p) => `${p.code} ${p.objectiveId} ${p.indicatorRow ?? "-"}`).sort();
    expect(all).toEqual(
      [
        "STATED_MISMATCH OO05 5",
        "STATED_MISMATCH OO07 2",
        "STATED_MISMATCH OO13 3",
        "STATED_MISMATCH OO17 3",
        "STATED_MISMATCH OO17 5",
        "STATED_MISMATCH OO17 11",
        "STATED_MISMATCH OO17 13",
        "VALUE_UNREADABLE OO11 1",
        "VALUE_UNREADABLE OO11 6",
        "VALUE_UNREADABLE OO14 4",
        "MISSIONE_PROGRAMMA OO11 -",
        "MISSIONE_MISSING OO14 -",
      ].sort(),
    );
    // The printed weights (7,1% × 14 = 99,4%; 16,7% × 6 = 100,2%) are rounded equal shares: no warning.
    expect(result.objectives[16].weightSum).toBeCloseTo(0.994, 10);
  });

  it("points each indicator problem at its cell", () => {
    const p = result.problems.find((x) => x.objectiveId === "OO11" && x.indicatorRow === 1)!;
    expect(p).toMatchObject({ severity: "error", sheet: "OO11", cell: "E2" });
    expect(p.message).toContain("11:22");
    const s = result.problems.find((x) => x.objectiveId === "OO17" && x.indicatorRow === 13)!;
    expect(s).toMatchObject({ severity: "warning", cell: "H14" });
    expect(s.message).toContain("15%");
    expect(s.message).toContain("55,56%");
  });

  it("flags the Missione/Programma anomalies of the seed", () => {
    const pair = result.problems.find((p) => p.code === "MISSIONE_PROGRAMMA")!;
    expect(pair.objectiveId).toBe("OO11");
    expect(pair.message).toContain("011");
    expect(pair.message).toContain("002");
    const missing = result.problems.find((p) => p.code === "MISSIONE_MISSING")!;
    expect(missing.objectiveId).toBe("OO14");
    expect(missing.message).toContain("032");
  });

  it("explains the late dates of the seed with day numbers", () => {
    const cug = result.objectives[14].indicators[6];
    expect(cug.performance).toBeCloseTo(59 / 60, 10);
    expect(cug.explanation).toBe("realizzato il 01/03/2022, oltre il 28/02/2022: 59/60 = 98,33%");
    const acc = result.objectives[15].indicators[0];
    expect(acc.performance).toBeCloseTo(365 / 381, 10);
    expect(result.objectives[15].indicators[7].explanation).toBe("n.d.: escluso dalla media, pesi ricalcolati");
    expect(result.objectives[0].indicators[2].explanation).toBe("3 / 10 = 30%");
  });

  it("rolls up by missione code, whatever the spelling", () => {
    const m = result.rollups.missione.map((r) => r.key).sort();
    expect(m).toEqual(["", "011", "016", "032"]); // "" = OO14, which has no Missione
    const m11 = result.rollups.missione.find((r) => r.key === "011")!;
    expect(m11.objectiveCount).toBe(9);
    const m32 = result.rollups.missione.find((r) => r.key === "032")!;
    expect(m32.internalCount).toBe(6);
    expect(m32.resources).toBe(0);
    const m16 = result.rollups.missioneProgramma.find((r) => r.key === "016|005")!;
    expect(m16.resources).toBeCloseTo(238000 + 40950, 6);
    expect(m16.performance).toBeCloseTo((1 + 0.98125) / 2, 10);
  });
});
