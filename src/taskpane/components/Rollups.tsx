// The roll-ups (by strategic objective, area, mission…, and the indicators by Tipologia) as
// compact lists: a table is too wide for a 320 px pane. A row below 100% opens what pulls it
// down: its objectives below 100%, worst first, each with the indicators that cost points,
// their explanation and a link to their cell.
import * as React from "react";
import { useState } from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ObjectiveResult, RollupRow, Rollups as RollupsData } from "../../core/types";
import { ui } from "../../messages/ui";
import { CellLink, type SelectCell } from "./CellLink";
import { pullingDown } from "./drilldown";
import { euroText, percentText } from "./format";
import { IndicatorLine } from "./ObjectiveList";
import { TrafficLightBadge } from "./TrafficLightBadge";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  label: { wordBreak: "break-word", fontSize: tokens.fontSizeBase200 },
  meta: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", fontSize: tokens.fontSizeBase200 },
  perf: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  dim: { color: tokens.colorNeutralForeground3 },
  drill: {
    listStyleType: "none",
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  objective: { paddingTop: tokens.spacingVerticalXS, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  objectiveName: { wordBreak: "break-word", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  indicators: { listStyleType: "none", margin: 0, padding: 0 },
  toggle: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0 },
});

const order: (keyof RollupsData)[] = ["obiettivoStrategico", "ambitoStrategico", "areaResponsabilita", "missione", "missioneProgramma", "tipologia"];

function Drilldown(props: { kind: keyof RollupsData; row: RollupRow; objectives: ObjectiveResult[]; onSelect: SelectCell; disabled?: boolean }): React.ReactElement {
  const styles = useStyles();
  const items = pullingDown(props.kind, props.row.key, props.objectives);
  if (!items.length) return <span className={styles.dim}>{ui.calculate.drillNone}</span>;
  return (
    <ul className={styles.drill} aria-label={ui.calculate.drillLabel(props.row.label)}>
      {items.map(({ objective: o, indicators }) => (
        <li key={o.id} className={styles.objective} data-drill-objective={o.id}>
          <span className={styles.objectiveName}>{o.name}</span>
          <span className={styles.meta}>
            <span className={styles.perf}>{percentText(o.performance)}</span>
            <TrafficLightBadge light={o.light} />
            <CellLink sheet={o.sheet} cell={o.cell} onSelect={props.onSelect} disabled={props.disabled} />
          </span>
          {indicators.length ? (
            <ul className={styles.indicators} aria-label={ui.calculate.indicatorsOf(o.name)}>
              {indicators.map((ind) => (
                <IndicatorLine key={ind.row} indicator={ind} sheet={o.sheet} onSelect={props.onSelect} disabled={props.disabled} />
              ))}
            </ul>
          ) : (
            <span className={styles.dim}>{ui.calculate.drillAllFull}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function RollupList(props: { kind: keyof RollupsData; rows: RollupRow[]; label: string; objectives: ObjectiveResult[]; onSelect: SelectCell; disabled?: boolean }): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.rows.map((r) => {
        const expanded = open.has(r.key);
        const canDrill = r.performance !== null && r.performance < 1 - 1e-9;
        return (
          <li key={r.key} className={styles.row} data-rollup={r.key}>
            <span className={styles.label}>{r.label}</span>
            <span className={styles.meta}>
              <span className={styles.perf}>{percentText(r.performance)}</span>
              <TrafficLightBadge light={r.light} />
              {r.indicatorCount !== undefined && <span className={styles.dim}>{ui.calculate.rollupIndicators(r.indicatorCount)}</span>}
              <span className={styles.dim}>{ui.calculate.rollupObjectives(r.objectiveCount)}</span>
              {r.resources > 0 && <span className={styles.dim}>{ui.calculate.resources(euroText(r.resources))}</span>}
            </span>
            {canDrill && (
              <Button
                appearance="transparent"
                size="small"
                className={styles.toggle}
                aria-expanded={expanded}
                aria-label={`${expanded ? ui.calculate.drillClose : ui.calculate.drillOpen}: ${r.label}`}
                onClick={() => toggle(r.key)}
              >
                {expanded ? ui.calculate.drillClose : ui.calculate.drillOpen}
              </Button>
            )}
            {canDrill && expanded && <Drilldown kind={props.kind} row={r} objectives={props.objectives} onSelect={props.onSelect} disabled={props.disabled} />}
          </li>
        );
      })}
    </ul>
  );
}

export function Rollups(props: { rollups: RollupsData; objectives?: ObjectiveResult[]; onSelect?: SelectCell; disabled?: boolean }): React.ReactElement {
  const onSelect = props.onSelect ?? (() => undefined);
  return (
    <Accordion multiple collapsible>
      {order
        .filter((k) => (props.rollups[k] ?? []).length > 0)
        .map((k) => (
          <AccordionItem key={k} value={k}>
            <AccordionHeader size="small" expandIconPosition="end">
              {ui.calculate.rollups[k]}
            </AccordionHeader>
            <AccordionPanel>
              <RollupList kind={k} rows={props.rollups[k]} label={ui.calculate.rollups[k]} objectives={props.objectives ?? []} onSelect={onSelect} disabled={props.disabled} />
            </AccordionPanel>
          </AccordionItem>
        ))}
    </Accordion>
  );
}
