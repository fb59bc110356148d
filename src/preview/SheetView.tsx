// The preview's read-only view of the in-memory workbook: sheet tabs and a plain table
// of the active sheet, with the cell selected by the task pane highlighted. Virtualised by
// column (issue 14: a sheet 16,384 columns wide took 54 s to open): only the columns in view
// are drawn, with spacer columns for the rest; rows stop at MAX_ROWS.
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { a1, columnLetters, parseA1, type SheetGrid } from "../core/reader/grid";
import { ui } from "../messages/ui";
import { cellText } from "./cellText";

/** Rows drawn at most: a preview, not a spreadsheet engine. */
export const MAX_ROWS = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, flexGrow: 1 },
  tabs: { overflowX: "auto", flexShrink: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  caption: { textAlign: "start", padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    zIndex: 1,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    overflow: "hidden",
    whiteSpace: "pre",
    textOverflow: "clip",
    wordBreak: "break-word",
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  wrap: { whiteSpace: "pre-wrap" },
  // Text runs on over empty cells to its right, as in Excel.
  spill: { whiteSpace: "pre", overflow: "visible", position: "relative", zIndex: 0 },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { padding: tokens.spacingVerticalS },
});

interface Props {
  sheetNames: string[];
  active: string | null;
  sheet: SheetGrid | null;
  /** Pixel width of each column of `sheet`. */
  widths: number[];
  /** Cells that wrap their text; the others stay on one line, as in Excel. */
  wrapped: Set<string>;
  selected: { sheet: string; cell: string } | null;
  onShowSheet: (name: string) => void;
}

/** Pixels drawn beyond each side of the visible area, so a short scroll shows no gap. */
const OVERSCAN_PX = 320;
/** Width assumed before the scroller is measured (and where layout is not available, as in jsdom). */
const DEFAULT_VIEW_PX = 1600;

interface Window {
  /** First and last drawn column (grid-relative, inclusive). */
  c0: number;
  c1: number;
}

/** Prefix sums of the column widths: offsets[c] is the left edge of column c. */
function offsetsOf(widths: number[]): number[] {
  const out = new Array<number>(widths.length + 1);
  out[0] = 0;
  for (let c = 0; c < widths.length; c++) out[c + 1] = out[c] + widths[c];
  return out;
}

/** The first column whose right edge passes x. */
function columnAt(offsets: number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= x) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** A sheet this narrow is drawn whole (a card, the summary): windowing is for the 16,384-column ones. */
const ALWAYS_DRAWN_COLUMNS = 64;

function visibleWindow(offsets: number[], cols: number, left: number, width: number): Window {
  if (cols === 0) return { c0: 0, c1: -1 };
  if (cols <= ALWAYS_DRAWN_COLUMNS) return { c0: 0, c1: cols - 1 };
  const c0 = columnAt(offsets, Math.max(0, left - OVERSCAN_PX));
  const c1 = Math.min(cols - 1, columnAt(offsets, left + width + OVERSCAN_PX));
  return { c0, c1 };
}

interface Layout {
  /** Key "r,c" (grid-relative) of cells covered by a merged area drawn elsewhere. */
  covered: Set<string>;
  /** Where a merged area is drawn (its master, or its first visible column) and its spans there. */
  spans: Map<string, { rowSpan: number; colSpan: number; master: [number, number] }>;
}

/** Merged areas clipped to the drawn rows and columns: only what is on screen is laid out. */
function layout(sheet: SheetGrid, rows: number, w: Window): Layout {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number; master: [number, number] }>();
  for (const m of sheet.merges) {
    const top = m.top - sheet.startRow;
    const left = m.left - sheet.startCol;
    const bottom = Math.min(m.bottom - sheet.startRow, rows - 1);
    const right = m.right - sheet.startCol;
    const l = Math.max(left, w.c0);
    const r = Math.min(right, w.c1);
    if (top > bottom || l > r || top < 0) continue;
    spans.set(`${top},${l}`, { rowSpan: bottom - top + 1, colSpan: r - l + 1, master: [top, left] });
    for (let rr = top; rr <= bottom; rr++) {
      for (let cc = l; cc <= r; cc++) if (rr !== top || cc !== l) covered.add(`${rr},${cc}`);
    }
  }
  return { covered, spans };
}

function SheetViewImpl(props: Props): React.ReactElement {
  const styles = useStyles();
  const { sheet, selected, widths } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, width: DEFAULT_VIEW_PX });
  const rows = sheet ? Math.min(sheet.values.length, MAX_ROWS) : 0;
  const cols = sheet ? sheet.values.reduce((m, r) => Math.max(m, r.length), 0) : 0;
  const offsets = useMemo(() => offsetsOf(widths.length >= cols ? widths : [...widths, ...new Array<number>(cols - widths.length).fill(64)]), [widths, cols]);
  const win = useMemo(() => visibleWindow(offsets, cols, view.left, view.width), [offsets, cols, view]);
  const shape = useMemo(() => (sheet ? layout(sheet, rows, win) : null), [sheet, rows, win]);
  const selectedCell = selected && sheet && selected.sheet === sheet.name ? selected.cell : null;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const width = el.clientWidth > 0 ? el.clientWidth : DEFAULT_VIEW_PX;
    setView((v) => (v.left === el.scrollLeft && v.width === width ? v : { left: el.scrollLeft, width }));
  }, []);

  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  // A new sheet starts at its top-left corner.
  useEffect(() => {
    const el = scroller.current;
    if (el) {
      el.scrollLeft = 0;
      el.scrollTop = 0;
    }
    measure();
  }, [sheet?.name, measure]);

  // The selected cell: bring its column into the drawn window first, then scroll it into view.
  useEffect(() => {
    if (!selectedCell || !sheet) return;
    const p = parseA1(selectedCell);
    const el = scroller.current;
    if (!p || !el) return;
    const c = p.col - sheet.startCol;
    if (c >= 0 && c < cols && (c < win.c0 || c > win.c1)) {
      el.scrollLeft = Math.max(0, offsets[c] - (el.clientWidth || DEFAULT_VIEW_PX) / 2);
      measure();
      return;
    }
    const td = el.querySelector<HTMLElement>(`[data-cell="${selectedCell}"]`);
    td?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selectedCell, sheet, cols, win, offsets, measure]);

  const before = offsets[win.c0] ?? 0;
  const after = (offsets[cols] ?? 0) - (offsets[win.c1 + 1] ?? 0);
  const drawn = win.c1 >= win.c0 ? Array.from({ length: win.c1 - win.c0 + 1 }, (_v, i) => win.c0 + i) : [];

  return (
    <section className={styles.root} aria-label={ui.preview.sheetsLabel}>
      <TabList
        className={styles.tabs}
        size="small"
        // Always a string: an undefined value would leave Fluent's TabList uncontrolled.
        selectedValue={props.active ?? ""}
        onTabSelect={(_e, d) => props.onShowSheet(String(d.value))}
        aria-label={ui.preview.sheetsLabel}
      >
        {props.sheetNames.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.scroller}
        ref={scroller}
        tabIndex={0}
        role="region"
        onScroll={measure}
        aria-label={sheet ? ui.preview.gridLabel(sheet.name) : ui.preview.sheetsLabel}
      >
        {sheet && shape && rows > 0 ? (
          // A fixed layout honours the column widths only when the table has a width. Only the
          // columns in view (and a margin) are drawn; spacer columns keep the scroll width.
          <table className={styles.table} data-sheet={sheet.name} data-columns={cols} style={{ width: `${40 + (offsets[cols] ?? 0)}px` }}>
            <caption className={styles.caption}>
              {ui.preview.gridLabel(sheet.name)}
              {selectedCell ? ` — ${ui.preview.selected(sheet.name, selectedCell)}` : ""}
            </caption>
            <colgroup>
              <col style={{ width: "40px" }} />
              {before > 0 && <col style={{ width: `${before}px` }} />}
              {drawn.map((c) => (
                <col key={c} style={{ width: `${offsets[c + 1] - offsets[c]}px` }} />
              ))}
              {after > 0 && <col style={{ width: `${after}px` }} />}
            </colgroup>
            <thead>
              <tr>
                <td className={styles.head} />
                {before > 0 && <td className={styles.head} aria-hidden="true" />}
                {drawn.map((c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {columnLetters(c + sheet.startCol)}
                  </th>
                ))}
                {after > 0 && <td className={styles.head} aria-hidden="true" />}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_v, r) => (
                <tr key={r}>
                  <th scope="row" className={styles.rowHead}>
                    {r + sheet.startRow + 1}
                  </th>
                  {before > 0 && <td aria-hidden="true" />}
                  {drawn.map((c) => {
                    if (shape.covered.has(`${r},${c}`)) return null;
                    const span = shape.spans.get(`${r},${c}`);
                    // A merged area cut by the window's left edge shows its master's value.
                    const [vr, vc] = span ? span.master : [r, c];
                    const address = a1(vr + sheet.startRow, vc + sheet.startCol);
                    const value = sheet.values[vr]?.[vc] ?? "";
                    const isSelected = address === selectedCell;
                    const next = sheet.values[r]?.[c + 1];
                    const wraps = props.wrapped.has(address);
                    const spills = !wraps && typeof value === "string" && value !== "" && !span && (next === undefined || next === "" || next === null);
                    const cls = mergeClasses(styles.cell, typeof value === "number" && styles.number, wraps && styles.wrap, spills && styles.spill, isSelected && styles.selected);
                    return (
                      <td
                        key={c}
                        className={cls}
                        data-cell={address}
                        data-selected={isSelected ? "true" : undefined}
                        aria-current={isSelected ? "true" : undefined}
                        rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
                        colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
                      >
                        {cellText(value, sheet.formats[vr]?.[vc])}
                      </td>
                    );
                  })}
                  {after > 0 && <td aria-hidden="true" />}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Text className={styles.note}>{sheet ? ui.preview.emptySheet : ui.preview.noWorkbook}</Text>
        )}
      </div>
    </section>
  );
}

/** Re-rendered only when what it draws changes (not at every snapshot of the preview). */
export const SheetView = React.memo(
  SheetViewImpl,
  (a, b) =>
    a.sheet === b.sheet &&
    a.active === b.active &&
    a.widths === b.widths &&
    a.wrapped === b.wrapped &&
    a.selected?.sheet === b.selected?.sheet &&
    a.selected?.cell === b.selected?.cell &&
    a.sheetNames.join("\u0000") === b.sheetNames.join("\u0000") &&
    a.onShowSheet === b.onShowSheet,
);
