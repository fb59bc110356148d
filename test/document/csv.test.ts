// The open-data CSV read back with an RFC 4180 parser written for the test: one row per
// indicator (136 for the example), a header row, comma separator, "." decimals, UTF-8
// without BOM, CRLF; text that looks like a formula (=, +, -, @, tab, CR first) neutralised
// with an apostrophe (OWASP «CSV Injection»), as AgID's open-data guidelines and the
// project's rule "strings can never become formulas" require.
import { indicatorCsv, indicatorRows, neutralizeFormula, csvNumber, csvField } from "../../src/core/opendata";
import { OPEN_DATA } from "../../src/messages/document";
import { defaultPolicy } from "../../src/core/policy";
import { exampleAnalysis, parseCsv, smallPlan } from "./helpers";
import { seed } from "../reader/helpers";

const col = (name: (typeof OPEN_DATA.columns)[number]) => OPEN_DATA.columns.indexOf(name);

describe("the example's CSV", () => {
  const a = exampleAnalysis();
  const text = indicatorCsv({ result: a.result, policy: a.policy, year: a.year });
  const rows = parseCsv(text);

  it("has a header row and one row per indicator, all with the same number of fields", () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"[^"]*"/g, "").split("\n").every((l, i, all) => i === all.length - 1 || l.endsWith("\r"))).toBe(true);
    expect(rows[0]).toEqual([...OPEN_DATA.columns]);
    expect(rows).toHaveLength(1 + 136);
    for (const r of rows) expect(r).toHaveLength(OPEN_DATA.columns.length);
    // Column names are machine-friendly: lower case, digits, underscores.
    for (const h of rows[0]) expect(h).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("carries each indicator with its objective's fields, Stato, Target, rule, performance and weight, in card order", () => {
    let r = 1;
    seed.obiettivi.forEach((o, k) => {
      const result = a.result.objectives[k];
      o.indicatori.forEach((ind, j) => {
        const row = rows[r++];
        expect(row[col("anno")]).toBe("2022");
        expect(row[col("obiettivo_operativo")]).toBe(o.obiettivoOperativo);
        expect(row[col("indicatore")]).toBe(ind.nome.trim());
        expect(row[col("indicatore_n")]).toBe(String(j + 1));
        const perf = result.indicators[j].performance;
        expect(row[col("performance_indicatore_percentuale")]).toBe(perf === null ? "" : String(Math.round(perf * 100 * 1e4) / 1e4));
        expect(Number(row[col("performance_obiettivo_percentuale")])).toBeCloseTo(result.performance! * 100, 3);
        expect(row[col("regola")]).not.toBe("");
      });
    });
    const first = rows[1];
    expect(first[col("risorse_economiche_euro")]).toBe("335374.13");
    expect(first[col("risorse_interne")]).toBe("no");
    expect(first[col("stato")]).toBe("101");
    expect(first[col("operatore")]).toBe("maggiore o uguale");
    expect(first[col("target")]).toBe("60");
    expect(first[col("regola")]).toBe("rapporto"); // RULE_NAMES, as the «Regola» column names it
    expect(first[col("peso_percentuale")]).toBe("12.5");
    expect(first[col("performance_obiettivo_percentuale")]).toBe("90.7432");
    // Numbers in machine form: "." decimals, no thousands separator, no % or € sign.
    for (const r2 of rows.slice(1)) {
      for (const c of ["risorse_economiche_euro", "performance_indicatore_percentuale", "peso_percentuale", "performance_obiettivo_percentuale"] as const) {
        expect(r2[col(c)]).toMatch(/^(-?\d+(\.\d+)?)?$/);
      }
    }
    // Values as the engine read them, in machine form: dates ISO 8601 (the range "dal 28.10 al
    // 14.11 2022" is its end date, as scored), percentages as points.
    const byName = (n: string) => rows.find((x) => x[col("indicatore")] === n)!;
    expect(byName("Giornata della Trasparenza")[col("stato")]).toBe("2022-11-14");
    expect(byName("Giornata della Trasparenza")[col("target")]).toBe("2022-11-30");
    expect(byName("Giornata della Trasparenza")[col("regola")]).toBe("proporzionale ai giorni dal 1° gennaio");
    expect(rows.some((x) => x[col("udm")] === "%" && x[col("stato")] === "85" && x[col("target")] === "80")).toBe(true);
    // Internal resources are said, not written as 0.
    const internal = rows.find((x) => x[col("obiettivo_operativo")] === "Sito camerale")!;
    expect(internal[col("risorse_interne")]).toBe("si");
    expect(internal[col("risorse_economiche_euro")]).toBe("");
  });

  it("round-trips fields with commas and quotes (the Programma texts have commas)", () => {
    expect(text).toContain('"005 – Promozione ed attuazione di politiche di sviluppo, competitività ed innovazione');
    expect(rows[1][col("programma")]).toBe(seed.obiettivi[0].programma);
  });
});

describe("formula-like text", () => {
  it("is neutralised in every text column, and survives commas, quotes and line breaks", () => {
    const result = smallPlan(
      { obiettivoOperativo: '=HYPERLINK("http://x","clic")', missione: "+39 Missione", programma: "-1 programma", ambitoStrategico: "@SUM(A1)", ufficio: "\tUfficio", areaResponsabilita: "\rArea" },
      [
        { name: "=1+1", actual: 5, target: 10 },
        { name: '-2+3+cmd|" /C calc"!A0', actual: 1, target: 1 },
        { name: "@cmd", actual: -0.05, target: 0.1, operator: "<=" },
        { name: 'Testo, con "virgolette"\ne a capo', actual: "-5 giorni", target: 3 },
      ],
    );
    const text = indicatorCsv({ result, policy: defaultPolicy(), year: 2022 });
    const rows = parseCsv(text);
    expect(rows).toHaveLength(5);
    const r = rows[1];
    expect(r[col("obiettivo_operativo")]).toBe(`'=HYPERLINK("http://x","clic")`);
    expect(r[col("missione")]).toBe("'+39 Missione");
    expect(r[col("programma")]).toBe("'-1 programma");
    expect(r[col("ambito_strategico")]).toBe("'@SUM(A1)");
    expect(r[col("ufficio")]).toBe("Ufficio"); // trimmed: a leading tab is whitespace
    expect(rows.map((x) => x[col("indicatore")]).slice(1)).toEqual(["'=1+1", `'-2+3+cmd|" /C calc"!A0`, "'@cmd", 'Testo, con "virgolette"\ne a capo']);
    // No field of any row starts with a formula character, except numbers we wrote.
    for (const row of rows.slice(1)) for (const f of row) if (/^[=+\-@\t\r]/.test(f)) expect(f).toMatch(/^-\d+(\.\d+)?$/);
    expect(rows[3][col("stato")]).toBe("-0.05"); // a negative number stays a number
    expect(rows[4][col("stato")]).toBe("'-5 giorni"); // the user's text does not
  });

  it("neutralises exactly the characters OWASP lists", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralizeFormula(`${c}x`)).toBe(`'${c}x`);
    for (const s of ["x=1", " =1", "'=1", "#N/D", "", "Ufficio"]) expect(neutralizeFormula(s)).toBe(s);
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("ab")).toBe("ab");
    expect(csvNumber(1e21)).toBe("1000000000000000000000");
    expect(csvNumber(0.1 + 0.2)).toBe("0.3");
    expect(csvNumber(-0.00001)).toBe("0");
    expect(csvNumber(null)).toBe("");
  });

  it("lists the rows it writes (header first) for callers that count them", () => {
    const a = exampleAnalysis();
    expect(indicatorRows({ result: a.result, policy: a.policy })).toHaveLength(137);
  });
});
