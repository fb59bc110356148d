// Issue 13: «A Stato typed as 75 in a General cell against a Target of 80%» gave 100%
// «raggiunto» without a word when the UdM does not say «%». The cells' formats disagree and
// the sizes differ by a factor near 100: the engine keeps the numbers and warns on the cell.
// (With UdM «%» the rule reads the points itself and reports PERCENT_READING.)
import { evaluateIndicator } from "../../src/core/indicator";
import { defaultPolicy } from "../../src/core/policy";
import type { CellValue } from "../../src/core/types";

const run = (a: CellValue, af: string, t: CellValue, tf: string, unit?: string) =>
  evaluateIndicator(
    { name: "Soddisfazione", unit, actual: { value: a, format: af, address: "E17" }, operator: { value: ">=" }, target: { value: t, format: tf, address: "G17" }, weight: { value: 1 }, row: 1 },
    defaultPolicy(),
    { year: 2022, card: "Scheda" },
  );

describe("percentuale nascosta dal formato", () => {
  test("75 (Generale) contro 80% con UdM «n.»: avviso sulla cella dello Stato, numeri invariati", () => {
    const { result, problems } = run(75, "General", 0.8, "0%", "n.");
    expect(result.performance).toBe(1);
    const p = problems.filter((x) => x.code === "PERCENT_FORMAT");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: "warning", cell: "E17" });
    expect(p[0].message).toMatch(/Stato «75» è un numero, l'altro valore «80%» è una percentuale: differiscono di circa 100 volte/);
  });

  test("anche senza UdM e dal lato del Target", () => {
    expect(run(0.75, "0%", 80, "General").problems.map((p) => [p.code, p.cell])).toContainEqual(["PERCENT_FORMAT", "G17"]);
  });

  test("con UdM «%» parla la regola (PERCENT_READING), una volta sola", () => {
    const codes = run(75, "General", 0.8, "0%", "%").problems.map((p) => p.code);
    expect(codes).toContain("PERCENT_READING");
    expect(codes).not.toContain("PERCENT_FORMAT");
  });

  test("nessun avviso quando i formati concordano o le grandezze sono vicine", () => {
    expect(run(75, "General", 80, "General", "n.").problems).toEqual([]);
    expect(run(0.75, "0%", 0.8, "0%", "n.").problems).toEqual([]);
    expect(run(0.9, "General", 0.8, "0%", "n.").problems).toEqual([]);
    expect(run(5000, "General", 0.8, "0%", "n.").problems.map((p) => p.code)).not.toContain("PERCENT_FORMAT");
  });
});
