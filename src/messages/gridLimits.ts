// Italian user-facing strings: the bounds of a sheet's grid (src/core/limits.ts), shared by
// the ExcelJS adapter and the Office.js reader. Apart from src/messages/limits.ts (the package
// check) so the task pane's bundle carries only these few lines.

const q = (s: string) => `«${s}»`;
const n = (x: number) => x.toLocaleString("it-IT");

export const GRID_LIMITS = {
  sheetTooWide: (sheet: string, range: string, cells: number, max: number, far: string) =>
    `Il foglio ${q(sheet)} ha valori sparsi su ${range} (${n(cells)} celle; il massimo è ${n(max)}): oltre ogni piano plausibile. ` +
    `La cella più lontana è ${far}: cancellarla o spostarla vicino al resto, poi salvare di nuovo.`,
  workbookTooWide: (cells: number, max: number) =>
    `I fogli della cartella coprono in tutto ${n(cells)} celle (il massimo è ${n(max)}): oltre ogni piano plausibile. Dividere il piano in più cartelle o cancellare le celle lontane dalle schede.`,
};
