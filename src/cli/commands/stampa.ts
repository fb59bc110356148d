// `piano-perf stampa FILE.xlsx --out COPIA.xlsx`: «Prepara per la stampa» without computing —
// a copy of the workbook where each card sheet prints as in the published document (one
// page wide, the indicator header repeated, print area, sheet name and page number), and
// nothing else changed: no cell, no other part (src/adapters/xlsx/pageSetup.ts).
// `calcola FILE --out COPIA.xlsx --stampa` does the same on top of the calculation.
// Exit 0 written, 1 no card (nothing written), 2 wrong usage or unreadable file.
import { analyzeWorkbook } from "../../core/reader";
import type { WorkbookGrid } from "../../core/reader/grid";
import { planCardPrint, type CardPrint } from "../../core/print";
import { applyPackageEdits, type XlsxPackage } from "../../adapters/xlsx";
import { packageColumnPoints } from "../../adapters/xlsx/columns";
import { CLI } from "../../messages/cli";
import { PRINT } from "../../messages/print";
import type { CliIo } from "./documento";

/** How each card sheet of the analysed grid prints (column widths from the package). */
export function cardPrintsOf(pkg: XlsxPackage, grid: WorkbookGrid, plan: Parameters<typeof planCardPrint>[1]): CardPrint[] {
  return planCardPrint(grid, plan, packageColumnPoints(pkg, grid));
}

/** The report lines: how many sheets, and each one's orientation, area and repeated rows. */
export function printLines(prints: CardPrint[], out: string): string[] {
  return [PRINT.cli.prepared(prints.length, out), ...prints.map((p) => PRINT.cli.sheetLine(p.sheet, p.orientation, p.area, p.titleRows))];
}

export async function runStampa(rest: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--out" || a.startsWith("--out=")) {
      const v = a === "--out" ? rest[++i] : a.slice("--out=".length);
      if (!v || v.startsWith("--")) throw io.usageError(CLI.outMissingValue, true);
      out = v;
    } else if (a.startsWith("-") && a.length > 1) throw io.usageError(CLI.unknownOption(a), true);
    else if (file === undefined) file = a;
    else throw io.usageError(CLI.extraArgument(a), true);
  }
  if (!file) throw io.usageError(CLI.missingFile("stampa"), true);
  if (!out) throw io.usageError(PRINT.cli.outRequired, true);
  if (io.sameFile(file, out)) throw io.usageError(CLI.outIsInput);
  const { pkg, grid } = io.readPackageGrid(file, io.readInput(file));
  const analysis = analyzeWorkbook(grid);
  const prints = cardPrintsOf(pkg, grid, analysis.plan);
  if (!prints.length) {
    io.stdout(PRINT.noCards);
    return 1;
  }
  io.writeAtomic(out, applyPackageEdits(pkg, { cells: new Map(), sheets: [], print: prints }));
  for (const line of printLines(prints, out)) io.stdout(line);
  return 0;
}
