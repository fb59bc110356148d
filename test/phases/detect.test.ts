// Phase detection from the headers (issue 11): preventivo, monitoraggio, consuntivo, in
// card and table layouts, with the header synonyms, and the trap of the monitoring table
// (Stato 2022 + Stato al 30/06/2023 + Target 2023).
import { analyzeWorkbook } from "../../src/core/reader";
import { headerDate } from "../../src/core/reader/columns";
import { resolveSheetPhase } from "../../src/core/reader/phase";
import { gridViaFile, tmpDir } from "../reader/helpers";
import { cardWorkbook, flatWorkbook } from "./workbooks";

const dir = tmpDir("phases-");
const analyze = async (wb: Parameters<typeof gridViaFile>[0]) => analyzeWorkbook((await gridViaFile(wb, dir, `${Math.random()}.xlsx`)).grid);
const codes = (a: { problems: { code: string }[] }) => a.problems.map((p) => p.code);

describe("preventivo", () => {
  const headers = ["Indicatore", "Operatore", "Target 2023", "Target 2024", "Target 2025", "Peso"];
  const rows = [
    ["Pratiche evase", ">=", 100, 120, 140, 0.5],
    ["Tempo medio (giorni)", "<=", 10, 12, 9, 0.5],
  ];

  it("a card with three target years and no Stato: phase preventivo, year 2023, no missing Stato, targets by year", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "Scheda 1", name: "Efficienza", headers, rows }]));
    expect(a.phase).toBe("preventivo");
    expect(a.year).toBe(2023);
    expect(codes(a)).not.toContain("READER_MISSING_COLUMN");
    expect(codes(a)).not.toContain("ACTUAL_BLANK");
    expect(codes(a)).not.toContain("NO_PERFORMANCE");
    const ind = a.plan.objectives[0].indicators[0];
    expect(ind.targets?.map((t) => [t.year, t.cell.value, t.cell.address])).toEqual([
      [2023, 100, "C8"],
      [2024, 120, "D8"],
      [2025, 140, "E8"],
    ]);
    // The main target is the plan year's.
    expect(ind.target.address).toBe("C8");
    // A "<=" target rising from 2023 to 2024 gets easier: a warning on the 2024 cell; 2025 dropping is fine.
    const easier = a.problems.filter((p) => p.code === "TARGET_EASIER");
    expect(easier.map((p) => [p.cell, p.severity])).toEqual([["D9", "warning"]]);
    expect(a.writes).toEqual([]);
  });

  it("a '>=' target that drops is a warning; a blank year is «da definire»; unreadable is an error", async () => {
    const a = await analyze(
      cardWorkbook([
        {
          sheet: "S",
          name: "O",
          headers,
          rows: [
            ["A", ">=", 100, 90, 95, 0.5],
            ["B", ">=", 5, "", "boh", 0.5],
          ],
        },
      ]),
    );
    expect(a.problems.filter((p) => p.code === "TARGET_EASIER").map((p) => p.cell)).toEqual(["D8"]);
    expect(a.problems.find((p) => p.code === "TARGET_TO_DEFINE")).toMatchObject({ cell: "D9", severity: "warning" });
    expect(a.problems.find((p) => p.code === "TARGET_TO_DEFINE")!.message).toContain("target 2024 da definire");
    expect(a.problems.find((p) => p.code === "TARGET_UNREADABLE")).toMatchObject({ cell: "E9", severity: "error" });
  });

  it.each([["Valore atteso"], ["Risultato atteso"]])("synonym %s with years in a table layout", async (word) => {
    const a = await analyze(
      flatWorkbook(
        ["Indicatore", "Operatore", `${word} 2024`, `${word} 2025`, "Peso"],
        [
          ["032", "004", "Obiettivo A", "Ind 1", ">=", 1, 2, 1],
          ["032", "004", "Obiettivo B", "Ind 2", ">=", 3, 4, 1],
        ],
      ),
    );
    expect(a.phase).toBe("preventivo");
    expect(a.year).toBe(2024);
    expect(a.plan.objectives.map((o) => o.obiettivoOperativo)).toEqual(["Obiettivo A", "Obiettivo B"]);
    expect(a.plan.objectives[1].indicators[0].targets?.map((t) => t.cell.value)).toEqual([3, 4]);
    expect(a.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("a Consuntivo of the year before is the Baseline (the shape nuovo-anno writes)", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Consuntivo 2022", "Operatore", "Target 2023", "Peso"], rows: [["A", 80, ">=", 90, 1]] }]));
    expect(a.phase).toBe("preventivo");
    expect(a.year).toBe(2023);
    const ind = a.plan.objectives[0].indicators[0];
    expect(ind.baseline).toMatchObject({ value: 80, address: "B8" });
    expect(ind.actual.value).toBe("");
  });
});

describe("monitoraggio", () => {
  it("the trap: Stato 2022 + Stato al 30/06/2023 + Target 2023 → the 30/06 column is the Stato, 2022 the Baseline, year 2023", async () => {
    const headers = ["Indicatore", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Peso"];
    const a = await analyze(cardWorkbook([{ sheet: "Scheda", name: "O", headers, rows: [["Pratiche", 1000, 600, ">=", 1000, 1]] }]));
    expect(a.phase).toBe("monitoraggio");
    expect(a.year).toBe(2023);
    expect(a.asOf).toBe("2023-06-30");
    const ind = a.plan.objectives[0].indicators[0];
    expect(ind.actual).toMatchObject({ value: 600, address: "C8" });
    expect(ind.baseline).toMatchObject({ value: 1000, address: "B8" });
    expect(codes(a)).not.toContain("READER_MIXED_YEARS");
    // Performance against the year's target, as in the consuntivo: 600 / 1000.
    expect(a.result.objectives[0].indicators[0].performance).toBeCloseTo(0.6, 9);
    // Cumulative count, half the year gone: 600 >= 1000 × 181/365 → on track.
    expect(a.monitoring!.share).toBeCloseTo(181 / 365, 9);
    expect(a.monitoring!.indicators[0]).toMatchObject({ cumulative: true, progress: "inLinea" });
    expect(a.monitoring!.indicators[0].expected).toBeCloseTo((1000 * 181) / 365, 6);
  });

  it("the same trap in a table layout, columns in another order, with «Rilevazione al» and a late indicator", async () => {
    const a = await analyze(
      flatWorkbook(
        ["Indicatore", "UdM", "Target 2023", "Rilevazione al 30/06/2023", "Operatore", "Stato 2022", "Peso"],
        [
          ["032", "004", "Ob", "Pratiche", "n.", 1000, 400, ">=", 900, 0.5],
          ["032", "004", "Ob", "Soddisfazione", "%", 0.9, 0.8, ">=", 0.85, 0.5],
        ],
      ),
    );
    expect(a.phase).toBe("monitoraggio");
    expect(a.year).toBe(2023);
    const [i1] = a.plan.objectives[0].indicators;
    expect(i1.actual.address).toBe("G2");
    expect(i1.baseline?.address).toBe("I2");
    // 400 < 1000 × 181/365 ≈ 496: late; a percentage is judged on its value: 80% < 90%: late.
    expect(a.monitoring!.indicators.map((i) => [i.cumulative, i.progress])).toEqual([
      [true, "inRitardo"],
      [false, "inRitardo"],
    ]);
    expect(a.monitoring!.objectives[0]).toMatchObject({ onTrack: 0, late: 2, notMeasured: 0 });
  });

  it("«Stato I semestre 2023» is a monitoring at 30/06", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Stato I semestre 2023", "Operatore", "Target 2023", "Peso"], rows: [["A", 5, ">=", 10, 1]] }]));
    expect(a.phase).toBe("monitoraggio");
    expect(a.asOf).toBe("2023-06-30");
  });

  it("two Stato columns of the Target's year cannot be told apart: an error naming both", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Stato al 30/06/2023", "Stato 2023", "Operatore", "Target 2023", "Peso"], rows: [["A", 5, 6, ">=", 10, 1]] }]));
    const p = a.problems.find((x) => x.code === "READER_AMBIGUOUS_ACTUAL")!;
    expect(p.severity).toBe("error");
    expect(p.message).toContain("«Stato al 30/06/2023»");
    expect(p.message).toContain("«Stato 2023»");
    expect(p.cell).toBe("B7");
    expect(codes(a)).not.toContain("READER_MISSING_COLUMN");
  });

  it("Stato 2022 and Stato 2023 with a Target without year: an error naming them", () => {
    const r = resolveSheetPhase(
      [
        { col: 1, text: "Stato 2022", distance: 0, year: 2022 },
        { col: 2, text: "Stato 2023", distance: 0, year: 2023 },
      ],
      [{ col: 3, text: "Target", distance: 0 }],
    );
    expect(r.ambiguous.map((c) => c.text)).toEqual(["Stato 2022", "Stato 2023"]);
    expect(r.ambiguousMessage("S")).toContain("«Stato 2022», «Stato 2023»");
  });
});

describe("consuntivo", () => {
  it("Stato 2022 + Target 2022: consuntivo 2022, as before", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Stato 2022", "Operatore", "Target 2022", "Peso"], rows: [["A", 5, ">=", 10, 1]] }]));
    expect(a.phase).toBe("consuntivo");
    expect(a.year).toBe(2022);
    expect(a.asOf).toBeUndefined();
    expect(a.monitoring).toBeUndefined();
    expect(a.result.objectives[0].performance).toBeCloseTo(0.5, 9);
  });

  it("«Stato al 31/12/2023» is the year's end: consuntivo", async () => {
    const a = await analyze(flatWorkbook(["Indicatore", "Stato al 31/12/2023", "Operatore", "Target 2023", "Peso"], [["032", "004", "Ob", "A", 5, ">=", 10, 1]]));
    expect(a.phase).toBe("consuntivo");
    expect(a.year).toBe(2023);
  });

  it("the plan year comes from the Target, not from the first header with a number", async () => {
    const a = await analyze(cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Valore 2022", "Valore 2023", "Operatore", "Target 2023", "Peso"], rows: [["A", 1, 5, ">=", 10, 1]] }]));
    expect(a.year).toBe(2023);
    expect(a.phase).toBe("consuntivo");
    expect(a.plan.objectives[0].indicators[0].actual.value).toBe(5);
    expect(a.plan.objectives[0].indicators[0].baseline?.value).toBe(1);
  });
});

describe("dates in headers", () => {
  it.each([
    ["stato al 30 06 2023", { text: "stato 2023", y: 2023, m: 6, d: 30 }],
    ["rilevazione alla data del 31 3 2024", { text: "rilevazione 2024", y: 2024, m: 3, d: 31 }],
    ["stato ii trimestre 2023", { text: "stato 2023", y: 2023, m: 6, d: 30 }],
    ["stato 1 semestre 2023", { text: "stato 2023", y: 2023, m: 6, d: 30 }],
  ])("%s", (norm, expected) => {
    expect(headerDate(norm)).toEqual(expected);
  });
  it("no date", () => {
    expect(headerDate("stato 2023")).toBeNull();
    expect(headerDate("stato al 40 13 2023")).toBeNull();
  });
});
