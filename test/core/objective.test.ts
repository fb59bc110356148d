import { evaluateObjective, evaluatePlan, defaultPolicy, validateObjective, type ObjectiveInput, type Policy } from "../../src/core";

const card = (weights: (string | number)[], extra: Partial<ObjectiveInput> = {}, actuals?: (string | number)[]): ObjectiveInput => ({
  id: "C",
  obiettivoOperativo: "Prova",
  missione: "011 - Competitività",
  programma: "005 - Promozione",
  obiettivoStrategico: "S",
  areaResponsabilita: "A",
  indicators: weights.map((w, i) => ({
    row: i + 1,
    name: `i${i + 1}`,
    actual: { value: actuals ? actuals[i] : 10 },
    operator: { value: ">=" },
    target: { value: 10 },
    weight: { value: w, address: `I${i + 2}` },
  })),
  ...extra,
});

const codes = (o: ObjectiveInput, policy: Policy = defaultPolicy()) => evaluateObjective(o, policy, 2022).problems.map((p) => p.code);

describe("weight sum", () => {
  it("tolerates rounded equal shares: 14 × 7,1% and 3 × 33,3%", () => {
    expect(codes(card(Array(14).fill("7,1%")))).not.toContain("WEIGHT_SUM");
    expect(codes(card(Array(3).fill("33,3%")))).not.toContain("WEIGHT_SUM");
    expect(codes(card(Array(7).fill("14,3%")))).not.toContain("WEIGHT_SUM");
  });
  it("warns beyond max(0,1; 0,05·n) points, on the first weight's cell", () => {
    const { problems } = evaluateObjective(card(["50%", "40%"]), defaultPolicy(), 2022);
    const w = problems.find((p) => p.code === "WEIGHT_SUM")!;
    expect(w).toMatchObject({ severity: "warning", cell: "I2" });
    expect(w.message).toContain("90%");
    // 2 indicators: tolerance 0,1 point; 100,2% is out, 100,1% is in.
    expect(codes(card(["50,1%", "50,1%"]))).toContain("WEIGHT_SUM");
    expect(codes(card(["50,1%", "50%"]))).not.toContain("WEIGHT_SUM");
  });
});

describe("n.d. policy at objective level", () => {
  it("excludes n.d. and renormalises by default, counts it as 0 when the policy says so", () => {
    const o = card(["50%", "50%"], {}, [10, "n.d."]);
    expect(evaluateObjective(o, defaultPolicy(), 2022).result.performance).toBe(1);
    const zero = evaluateObjective(o, { ...defaultPolicy(), notAvailable: "zero" }, 2022).result;
    expect(zero.performance).toBe(0.5);
    expect(zero.notAvailableCount).toBe(1);
  });
});

describe("Missione/Programma of the Camere di commercio", () => {
  it("a Programma 032-004 is a warning that names 032-003", () => {
    const p = validateObjective(card(["100%"], { missione: "032 - Servizi istituzionali", programma: "004 - Servizi generali" }), "Prova");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: "PROGRAMMA_MOVED", severity: "warning" });
    expect(p[0].message).toContain("032-003");
  });
  it("accepts every pair of the list whatever the spelling of the code", () => {
    for (const [m, pr] of [["11 – X", "005 – Y"], ["012 - X", "4 - Y"], ["016", "005"], ["32", "2"], ["032", "003"], ["033", "001"]]) {
      expect(validateObjective(card(["100%"], { missione: m, programma: pr }), "Prova")).toEqual([]);
    }
  });
});

describe("roll-ups weighted by resources", () => {
  const plan = {
    year: 2022,
    objectives: [
      { ...card(["100%"], { id: "A", risorseEconomiche: { value: "30.000,00 €" } }, [10]) },
      { ...card(["100%"], { id: "B", risorseEconomiche: { value: 10000 } }, [5]) },
      { ...card(["100%"], { id: "C", risorseEconomiche: { value: "Risorse interne" } }, [0]) },
    ],
  };
  it("simple mean by default", () => {
    const r = evaluatePlan(plan, defaultPolicy());
    expect(r.rollups.missione[0].performance).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
    expect(r.rollups.missione[0].resources).toBe(40000);
    expect(r.rollups.missione[0].internalCount).toBe(1);
  });
  it("weighted by euro resources, internal-only objectives carrying no weight", () => {
    const r = evaluatePlan(plan, { ...defaultPolicy(), rollupMean: "resources" });
    expect(r.rollups.missione[0].performance).toBeCloseTo((1 * 30000 + 0.5 * 10000) / 40000, 12);
    expect(r.performance).toBeCloseTo(0.875, 12);
  });
  it("falls back to the simple mean when no objective has euro resources", () => {
    const internal = { year: 2022, objectives: plan.objectives.map((o) => ({ ...o, risorseEconomiche: { value: "risorse interne" } })) };
    expect(evaluatePlan(internal, { ...defaultPolicy(), rollupMean: "resources" }).performance).toBeCloseTo(0.5, 12);
  });
});
