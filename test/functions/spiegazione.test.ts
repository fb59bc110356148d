// PIANO.SPIEGAZIONE over the 136 seed indicators: the explanation the task pane shows for
// each indicator of the example workbook (assets/seed → buildExampleWorkbook → a real .xlsx
// read back), against the function called with the same cells as Excel passes them (the
// cells' values: numbers, fractions for % cells, date serials, text).
import { analyzeWorkbook } from "../../src/core/reader";
import { resetFunctionsPolicy } from "../../src/functions/policyState";
import { exampleWorkbook, gridViaFile, tmpDir } from "../reader/helpers";
import { formatKind } from "../../src/core/values";
import { loadExcel, type ExcelLike } from "./excel";

/**
 * What Excel's CELL("format"; ref) (CELLA("formato"; rif)) returns for a number format: "P0"/"P2"
 * for percentages, "D1"… for dates, "G" for General, "F0"/",0"… for numbers (Microsoft support,
 * "CELL function", the table of format codes). Modelled for the formats the example uses.
 */
function cellFormatCode(format: string | undefined): string {
  const kind = formatKind(format);
  const decimals = /\.(0+)/.exec(format ?? "")?.[1].length ?? 0;
  if (kind === "percent") return `P${decimals}`;
  if (kind === "date") return "D1";
  if (!format || format === "General") return "G";
  return format.includes(",") ? `,${decimals}` : `F${decimals}`;
}

let excel: ExcelLike;
let analysis: ReturnType<typeof analyzeWorkbook>;
beforeAll(async () => {
  resetFunctionsPolicy();
  excel = await loadExcel();
  analysis = analyzeWorkbook((await gridViaFile(exampleWorkbook(), tmpDir())).grid);
});

describe("PIANO.SPIEGAZIONE", () => {
  test("sui 136 indicatori del seed, con i formati delle celle (CELLA(\"formato\")): la stessa spiegazione del riquadro", () => {
    let n = 0;
    const differ: string[] = [];
    analysis.plan.objectives.forEach((o, k) => {
      o.indicators.forEach((ind, i) => {
        n++;
        const pane = analysis.result.objectives[k].indicators[i].explanation;
        const cell = excel.call(
          "PIANO.SPIEGAZIONE",
          ind.actual.value,
          ind.operator?.value ?? "",
          ind.target.value,
          ind.unit ?? null,
          cellFormatCode(ind.actual.format),
          cellFormatCode(ind.target.format),
        );
        if (cell !== pane) differ.push(`${o.sheet}/${ind.row}: ${JSON.stringify(cell)} ≠ ${JSON.stringify(pane)}`);
      });
    });
    expect(n).toBe(136);
    expect(differ).toEqual([]);
  });

  test("senza i formati: l'udm decide (%, data); le differenze dal riquadro sono solo di formato", () => {
    let same = 0;
    analysis.plan.objectives.forEach((o, k) => {
      o.indicators.forEach((ind, i) => {
        const pane = analysis.result.objectives[k].indicators[i].explanation;
        if (excel.call("PIANO.SPIEGAZIONE", ind.actual.value, ind.operator?.value ?? "", ind.target.value, ind.unit ?? null) === pane) same++;
      });
    });
    expect(same).toBeGreaterThanOrEqual(128);
    expect(excel.call("PIANO.SPIEGAZIONE", 4.16, ">=", 4.1, "%")).toBe("416% ≥ 410%: raggiunto");
    expect(excel.call("PIANO.SPIEGAZIONE", 0.67, ">=", 0.67, "n.", "P0", "P0")).toBe("67% ≥ 67%: raggiunto");
    expect(excel.call("PIANO.SPIEGAZIONE", 44722, "<=", 44742, "n.", "D1", "D1")).toBe("realizzato il 10/06/2022, entro il 30/06/2022: raggiunto");
    expect(excel.call("PIANO.SPIEGAZIONE", 44722, "<=", 44742, "n.", "gg/mm/aaaa", "gg/mm/aaaa")).toBe("realizzato il 10/06/2022, entro il 30/06/2022: raggiunto");
  });

  test("esempi: rapporto, raggiunto, date, n.d.; un errore in ingresso torna uguale", () => {
    expect(excel.call("PIANO.SPIEGAZIONE", { code: "#N/A" }, ">=", 10)).toMatchObject({ error: "#N/A" });
    expect(excel.call("PIANO.SPIEGAZIONE", 3, ">=", 10)).toBe("3 / 10 = 30%");
    expect(excel.call("PIANO.SPIEGAZIONE", 0.96, ">=", 0.8, "%")).toBe("96% ≥ 80%: raggiunto");
    expect(excel.call("PIANO.SPIEGAZIONE", "n.d.", ">=", 10)).toBe("n.d.: escluso dalla media, pesi ricalcolati");
    // 01/07/2022 against 30/06/2022 typed as dates (serials), no udm: read as dates.
    expect(excel.call("PIANO.SPIEGAZIONE", 44743, "<=", 44742)).toMatch(/^realizzato il 01\/07\/2022, oltre il 30\/06\/2022/);
    expect(excel.call("PIANO.SPIEGAZIONE", 44743, "<=", 44742, "n.")).toMatch(/^44\.742 \/ 44\.743/);
  });
});

describe("PIANO.PERF e le date senza udm", () => {
  test("due seriali di data sono date (01/07 contro 30/06 è un giorno di ritardo, non 99,998%)", () => {
    const late = excel.call("PIANO.PERF", 44743, "<=", 44742) as number;
    const asDates = excel.call("PIANO.PERF", 44743, "<=", 44742, "data") as number;
    expect(late).toBe(asDates);
    expect(late).not.toBeCloseTo(44742 / 44743, 6);
    // The caller's hint wins: udm «n.» keeps them numbers.
    expect(excel.call("PIANO.PERF", 44743, "<=", 44742, "n.")).toBeCloseTo(44742 / 44743, 12);
    // Ordinary counts are never dates.
    expect(excel.call("PIANO.PERF", 101, ">=", 60)).toBe(1);
    expect(excel.call("PIANO.SCOSTAMENTO", 44743, 44742)).toBe(1);
  });
});

describe("PIANO.SPIEGAZIONE con gli argomenti di regola di PIANO.PERF (issue 10)", () => {
  // The rules' own cases from the issue (GZOOM WECONVER_PERCENTPY, WECONVER_PERCLIMITS): the
  // explanation names the number PIANO.PERF gives with the same arguments, never another one.
  const pct = (x: number) => `${Math.round(x * 1000) / 10}`.replace(".", ",") + "%";
  test.each([
    ["baseline, più è meglio", [75, ">=", 100, "n.", "baseline", 50], 0.5],
    ["baseline, meno è meglio", [12, "<=", 10, "n.", "baseline", 15], 0.6],
    // Under the default policy's 100% cap: between Soglia minima (0%) and Target (100%).
    ["soglie", [75, ">=", 100, "n.", "soglie", null, 50, 150], 0.5],
    ["scostamento", [120, "<=", 100, "n.", "scostamento"], 0.8],
  ] as const)("%s: la spiegazione dà la performance di PIANO.PERF", (_name, args, expected) => {
    const [stato, op, target, udm, ...rule] = args as unknown as unknown[];
    const perf = excel.call("PIANO.PERF", stato, op, target, udm, ...rule) as number;
    expect(perf).toBeCloseTo(expected, 9);
    const text = excel.call("PIANO.SPIEGAZIONE", stato, op, target, udm, "", "", ...rule) as string;
    expect(typeof text).toBe("string");
    expect(text).toContain(pct(expected));
    // Without the rule the explanation is the policy's (a different number): the arguments are used.
    expect(excel.call("PIANO.SPIEGAZIONE", stato, op, target, udm)).not.toBe(text);
  });

  test("una regola sconosciuta è #VALORE! con le regole ammesse, come in PIANO.PERF", () => {
    const r = excel.call("PIANO.SPIEGAZIONE", 3, ">=", 10, "n.", "", "", "a occhio");
    expect(r).toMatchObject({ error: "#VALUE!" });
    expect(r).toEqual(excel.call("PIANO.PERF", 3, ">=", 10, "n.", "a occhio"));
  });

  test("una formula di PIANO.PERF rinominata (la regola al posto del formato) è #VALORE! che lo dice, mai letta come formato", () => {
    const r = excel.call("PIANO.SPIEGAZIONE", 75, ">=", 100, "n.", "baseline", 50) as { error: string; message: string };
    expect(r).toMatchObject({ error: "#VALUE!" });
    expect(r.message).toContain("«baseline» è una regola, non un formato");
    // The cell formats still work in those positions.
    expect(excel.call("PIANO.SPIEGAZIONE", 0.67, ">=", 0.67, "n.", "P0", "P0")).toBe("67% ≥ 67%: raggiunto");
  });
});
