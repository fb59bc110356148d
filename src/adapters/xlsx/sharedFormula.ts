// Shared formulas (ECMA-376 Part 1, §18.3.1.40 `f`, ST_CellFormulaType "shared"): the file
// writes the formula once, on the master cell, and the other cells of its range only name
// it (`<f t="shared" si="0"/>`). Each cell's own formula is the master's with every relative
// reference moved by the cell's offset from the master — what Office.js `range.formulas`
// returns for that cell, and what «Ripristina» must put back.
//
// Moved: A1 references (`B2`, `$B2`, `B$2`; each end of a range), whole columns (`B:D`) and
// whole rows (`2:5`). Left as written: text in double quotes, quoted sheet names, sheet and
// workbook prefixes (`Foglio1!`, `[1]`), structured references in brackets, function and
// defined names, numbers. A reference moved off the sheet becomes #REF!, as in Excel.

import { columnLetters, columnNumber } from "../../core/reader/grid";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;


const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL_RE = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_RE = /^(\$?)(\d{1,7})$/;

const isNameChar = (ch: string) => /[A-Za-z0-9_.$\\?\u00C0-\uFFFF]/.test(ch);

/** `formula` (without "=") as it reads `dRow` rows and `dCol` columns away from where it was written. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  // Tokens first (a name, or one character of anything else), so a range's two ends are known.
  const tokens: { text: string; name: boolean }[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name: up to the closing quote (a doubled one is part of it).
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      tokens.push({ text: formula.slice(i, j + 1), name: false });
      i = j + 1;
    } else if (ch === "[") {
      // A workbook index or a structured reference, brackets nested.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      tokens.push({ text: formula.slice(i, j + 1), name: false });
      i = j + 1;
    } else if (isNameChar(ch)) {
      let j = i + 1;
      while (j < formula.length && isNameChar(formula[j])) j++;
      tokens.push({ text: formula.slice(i, j), name: true });
      i = j;
    } else {
      tokens.push({ text: ch, name: false });
      i++;
    }
  }
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const next = tokens[k + 1]?.text;
    const prev = tokens[k - 1]?.text;
    // A function (followed by "(") or a sheet prefix (followed by "!") is not a reference.
    if (!t.name || next === "(" || next === "!") {
      out.push(t.text);
      continue;
    }
    const cell = CELL_RE.exec(t.text);
    if (cell) {
      const col = columnNumber(cell[2]) + 1;
      const row = Number(cell[4]);
      if (col <= MAX_COL && row >= 1 && row <= MAX_ROW) {
        const c = cell[1] ? col : col + dCol;
        const r = cell[3] ? row : row + dRow;
        out.push(c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW ? "#REF!" : `${cell[1]}${columnLetters(c - 1)}${cell[3]}${r}`);
        continue;
      }
    }
    // Whole columns or rows: only as one end of a range (`B:D`, `2:5`); a lone `B` is a name.
    const inRange = next === ":" || prev === ":";
    const other = next === ":" ? tokens[k + 2]?.text : prev === ":" ? tokens[k - 2]?.text : undefined;
    const col = inRange ? COL_RE.exec(t.text) : null;
    if (col && other && COL_RE.test(other) && columnNumber(col[2]) < MAX_COL) {
      const c = columnNumber(col[2]) + 1 + (col[1] ? 0 : dCol);
      out.push(c < 1 || c > MAX_COL ? "#REF!" : `${col[1]}${columnLetters(c - 1)}`);
      continue;
    }
    const row = inRange ? ROW_RE.exec(t.text) : null;
    if (row && other && ROW_RE.test(other)) {
      const r = row[1] ? Number(row[2]) : Number(row[2]) + dRow;
      out.push(r < 1 || r > MAX_ROW ? "#REF!" : `${row[1]}${r}`);
      continue;
    }
    out.push(t.text);
  }
  return out.join("");
}
