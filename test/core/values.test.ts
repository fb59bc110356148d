import { parseText, parseCellValue, splitOperator, parseOperator, formatKind, serialFromYmd, parseItalianNumber } from "../../src/core";

const num = (value: number, percent = false) => ({ kind: "number", value, percent });
const date = (y: number, m: number, d: number) => ({ kind: "date", serial: serialFromYmd(y, m, d) });

describe("Italian text values", () => {
  it.each([
    ["5.441", num(5441)],
    ["1.500", num(1500)],
    ["0,6", num(0.6)],
    ["2,0", num(2)],
    ["7.176.385", num(7176385)],
    ["161.000,0", num(161000)],
    ["-2%", num(-0.02, true)],
    ["4,00%", num(0.04, true)],
    ["99,83%", num(0.9983, true)],
    ["335.374,13 €", num(335374.13)],
    ["€ 16.000,00", num(16000)],
    ["7.4", num(7.4)],
    ["  101  ", num(101)],
  ])("%s", (text, expected) => {
    const v = parseText(text);
    expect(v.kind).toBe("number");
    if (v.kind === "number") {
      expect(v.value).toBeCloseTo((expected as { value: number }).value, 10);
      expect(v.percent).toBe((expected as { percent: boolean }).percent);
    }
  });

  it.each([
    ["12,5%", 0.125],
    ["100%", 1],
  ])("percentages are fractions: %s", (text, f) => {
    expect(parseText(text)).toEqual(num(f, true));
  });

  it.each([
    ["30/06/2022", date(2022, 6, 30)],
    ["23/09/22", date(2022, 9, 23)],
    ["30.03.2022", date(2022, 3, 30)],
    ["dal 28.10 al 14.11 2022", date(2022, 11, 14)],
    ["16/01/2023", date(2023, 1, 16)],
  ])("dates: %s", (text, expected) => {
    expect(parseText(text)).toEqual(expected);
  });

  it.each(["si", "Si", "SÌ", "sì"])("yes: %s", (t) => expect(parseText(t)).toEqual({ kind: "bool", value: true }));
  it.each(["no", "NO"])("no: %s", (t) => expect(parseText(t)).toEqual({ kind: "bool", value: false }));
  it.each(["n.d.", "nd", "n/d", "N.D.", "n.d"])("not available: %s", (t) => expect(parseText(t)).toEqual({ kind: "na" }));
  it.each(["#DIV/0!", "#N/A", "#VALUE!"])("Excel errors: %s", (t) => expect(parseText(t)).toEqual({ kind: "error", code: t }));

  it.each([
    ["11:22", /orario/],
    ["31/02/2022", /calendario/],
    ["abc", /non è un numero/],
    ["1,2,3", /non è un numero/],
    ["1.23.4", /non è un numero/],
  ])("unreadable with a reason: %s", (text, reason) => {
    const v = parseText(text);
    expect(v.kind).toBe("unreadable");
    if (v.kind === "unreadable") {
      expect(v.text).toBe(text);
      expect(v.reason).toMatch(reason);
    }
  });

  it("blank text is blank", () => {
    expect(parseText("   ")).toEqual({ kind: "blank" });
    expect(parseCellValue("")).toEqual({ kind: "blank" });
    expect(parseCellValue(null)).toEqual({ kind: "blank" });
  });

  it("rejects a number that is not finite", () => {
    expect(parseCellValue(Number.NaN).kind).toBe("unreadable");
  });
});

describe("typed cells, as Office.js passes them", () => {
  it("a date format turns a serial into a date", () => {
    expect(parseCellValue(44742, "dd/mm/yyyy")).toEqual({ kind: "date", serial: 44742 });
    expect(parseCellValue(44742, "d-mmm-yy")).toEqual({ kind: "date", serial: 44742 });
    expect(parseCellValue(44742, "[$-410]dd mmmm yyyy")).toEqual({ kind: "date", serial: 44742 });
  });
  it("a percent format marks a fraction", () => {
    expect(parseCellValue(0.85, "0%")).toEqual(num(0.85, true));
    expect(parseCellValue(0.125, "0.0%")).toEqual(num(0.125, true));
  });
  it("plain numbers stay numbers, whatever the grouping format", () => {
    expect(parseCellValue(5441, "#,##0")).toEqual(num(5441));
    expect(parseCellValue(5441, "General")).toEqual(num(5441));
    expect(parseCellValue(12, '0 "mesi"')).toEqual(num(12));
  });
  it("time-only and elapsed formats are not dates of a plan", () => {
    expect(formatKind("hh:mm")).toBe("number");
    expect(formatKind("[h]:mm:ss")).toBe("number");
    expect(formatKind("mm:ss")).toBe("number");
  });
  it("booleans are si/no", () => {
    expect(parseCellValue(true)).toEqual({ kind: "bool", value: true });
  });
});

describe("operators", () => {
  it("splits operator and value of a target cell", () => {
    expect(splitOperator({ value: ">= 60" })).toEqual({ operator: ">=", value: num(60) });
    expect(splitOperator({ value: "= si" })).toEqual({ operator: "=", value: { kind: "bool", value: true } });
    expect(splitOperator({ value: "<=  31.03.2022" })).toEqual({ operator: "<=", value: date(2022, 3, 31) });
    expect(splitOperator({ value: "≤ 30/06/2022" })).toEqual({ operator: "<=", value: date(2022, 6, 30) });
    expect(splitOperator({ value: 0.8, format: "0%" })).toEqual({ operator: null, value: num(0.8, true) });
  });
  it("reads operator cells", () => {
    expect(parseOperator(">=")).toBe(">=");
    expect(parseOperator(" ≥ ")).toBe(">=");
    expect(parseOperator("=<")).toBe("<=");
    expect(parseOperator("=")).toBe("=");
    expect(parseOperator("maggiore")).toBeNull();
    expect(parseOperator(5)).toBeNull();
  });
  it("does not take a thousands group for a decimal", () => {
    expect(parseItalianNumber("1.000")).toEqual(num(1000));
    expect(parseItalianNumber("1.0000")).toEqual(num(1));
  });
});
