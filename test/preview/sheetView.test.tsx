// The preview's sheet view draws only the columns in view (issue 14: a sheet 16,384 columns
// wide took 54 s to open and 25–60 s per action in the preview).
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetView } from "../../src/preview/SheetView";
import type { SheetGrid } from "../../src/core/reader/grid";

const COLS = 16_384;

function wideSheet(): SheetGrid {
  const values = [new Array(COLS).fill(""), new Array(COLS).fill("")];
  values[0][0] = "Missione";
  values[0][COLS - 1] = "lontano";
  values[1][1] = "unione";
  const formats = values.map((r) => r.map(() => "General"));
  return { name: "Largo", startRow: 0, startCol: 0, values, formats, merges: [{ top: 1, left: 1, bottom: 1, right: 5000 }] };
}

function draw(sheet: SheetGrid, selected: { sheet: string; cell: string } | null = null) {
  const widths = new Array(COLS).fill(64);
  return render(
    <FluentProvider theme={webLightTheme}>
      <SheetView sheetNames={[sheet.name]} active={sheet.name} sheet={sheet} widths={widths} wrapped={new Set()} selected={selected} onShowSheet={() => undefined} />
    </FluentProvider>,
  );
}

test("16,384 columns: only the columns in view are drawn, the table keeps the full width", () => {
  const t0 = Date.now();
  const { container } = draw(wideSheet());
  const table = container.querySelector("table")!;
  expect(table.getAttribute("data-columns")).toBe(String(COLS));
  expect(table.style.width).toBe(`${40 + COLS * 64}px`);
  const headers = container.querySelectorAll('th[scope="col"]');
  // 1600 px assumed before measuring, plus the overscan: a few dozen columns, not 16,384.
  expect(headers.length).toBeGreaterThan(10);
  expect(headers.length).toBeLessThan(60);
  expect(container.querySelectorAll("td[data-cell]").length).toBeLessThan(2 * 60);
  expect(container.querySelector('td[data-cell="A1"]')?.textContent).toBe("Missione");
  // The merge B2:GJH2 is drawn clipped to the window, once, with its master's value.
  const merged = container.querySelector('td[data-cell="B2"]')!;
  expect(merged.textContent).toBe("unione");
  expect(Number(merged.getAttribute("colspan"))).toBe(headers.length - 1);
  expect(Date.now() - t0).toBeLessThan(5000);
});
