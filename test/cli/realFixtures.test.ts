// Workbooks saved for real by openpyxl 3.0.9 and LibreOffice 7.4 (test/fixtures/real, made by
// scripts/fixtures/make_real.py: see the README there), not emulated: the example plan with a
// comment, an image, a chart, a defined name and a data validation. `verifica` gives the same
// numbers as on the ExcelJS original, and `calcola --out` keeps every part it does not own
// byte for byte (the part-by-part comparison of ./packages) and changes only planned cells.
import path from "node:path";
import { buildCli, calcolaOut, fixtures, verifica } from "./realHelpers";
import { tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const dir = tmpDir("piano-perf-real-");

beforeAll(buildCli, 60_000);

const reference = () => verifica(path.join(fixtures, "esempio-exceljs.xlsx"));

describe.each([
  ["esempio-openpyxl.xlsx", ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/comments/comment1.xml", "xl/drawings/drawing1.xml", "xl/drawings/commentsDrawing1.vml"]],
  ["esempio-libreoffice.xlsx", ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/comments1.xml", "xl/drawings/drawing1.xml", "xl/drawings/vmlDrawing1.vml", "xl/sharedStrings.xml", "docProps/custom.xml"]],
])("%s (saved for real)", (name, foreign) => {
  const input = path.join(fixtures, name);

  it("verifica: the same numbers as the ExcelJS original", () => {
    const ref = reference();
    const got = verifica(input);
    expect(ref.objectives).toHaveLength(18);
    // The seed's first objective (2022 PIRA of the CCIAA Pistoia-Prato): 90.74%.
    expect(ref.objectives[0].performance).toBeCloseTo(0.9074324324324324, 12);
    expect(got.objectives.map((o) => o.sheet)).toEqual(ref.objectives.map((o) => o.sheet));
    got.objectives.forEach((o, i) => expect(o.performance).toBeCloseTo(ref.objectives[i].performance as number, 12));
    expect(got.problems.filter((p) => p.severity === "error")).toHaveLength(3);
  });

  it("calcola --out: every part it does not own byte for byte, only planned cells changed, the same numbers after", async () => {
    const out = path.join(dir, name.replace(/\.xlsx$/, "-out.xlsx"));
    const { cmp } = await calcolaOut(input, out);
    for (const p of foreign) expect(cmp.identical).toContain(p);
    expect([...cmp.changedCells.values()].reduce((n, c) => n + c.length, 0)).toBeGreaterThan(0);
    const again = verifica(out);
    again.objectives.forEach((o, i) => expect(o.performance).toBeCloseTo(reference().objectives[i].performance as number, 12));
  });
});
