// The preview's read-only view of the in-memory workbook: sheet tabs and a plain table
// of the active sheet, with the cell selected by the task pane highlighted.
import * as React from "react";
import { useEffect, useMemo, useRef } from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { a1, columnLetters, type SheetGrid } from "../core/reader/grid";
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

interface Layout {
  rows: number;
  cols: number;
  /** Key "r,c" (grid-relative) of covered cells of merged areas. */
  covered: Set<string>;
  spans: Map<string, { rowSpan: number; colSpan: number }>;
}

function layout(sheet: SheetGrid): Layout {
  const rows = Math.min(sheet.values.length, MAX_ROWS);
  const cols = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    const top = m.top - sheet.startRow;
    const left = m.left - sheet.startCol;
    spans.set(`${top},${left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = top; r <= m.bottom - sheet.startRow; r++) {
      for (let c = left; c <= m.right - sheet.startCol; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
    }
  }
  return { rows, cols, covered, spans };
}

export function SheetView(props: Props): React.ReactElement {
  const styles = useStyles();
  const { sheet, selected } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const shape = useMemo(() => (sheet ? layout(sheet) : null), [sheet]);
  const selectedCell = selected && sheet && selected.sheet === sheet.name ? selected.cell : null;

  useEffect(() => {
    if (!selectedCell) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${selectedCell}"]`);
    el?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selectedCell, sheet]);

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
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={sheet ? ui.preview.gridLabel(sheet.name) : ui.preview.sheetsLabel}>
        {sheet && shape && shape.rows > 0 ? (
          // A fixed layout honours the column widths only when the table has a width.
          <table className={styles.table} data-sheet={sheet.name} style={{ width: `${40 + props.widths.reduce((a, b) => a + b, 0)}px` }}>
            <caption className={styles.caption}>
              {ui.preview.gridLabel(sheet.name)}
              {selectedCell ? ` — ${ui.preview.selected(sheet.name, selectedCell)}` : ""}
            </caption>
            <colgroup>
              <col style={{ width: "40px" }} />
              {props.widths.map((w, c) => (
                <col key={c} style={{ width: `${w}px` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <td className={styles.head} />
                {Array.from({ length: shape.cols }, (_v, c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {columnLetters(c + sheet.startCol)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: shape.rows }, (_v, r) => (
                <tr key={r}>
                  <th scope="row" className={styles.rowHead}>
                    {r + sheet.startRow + 1}
                  </th>
                  {Array.from({ length: shape.cols }, (_w, c) => {
                    if (shape.covered.has(`${r},${c}`)) return null;
                    const address = a1(r + sheet.startRow, c + sheet.startCol);
                    const value = sheet.values[r]?.[c] ?? "";
                    const span = shape.spans.get(`${r},${c}`);
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
                        {cellText(value, sheet.formats[r]?.[c])}
                      </td>
                    );
                  })}
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
