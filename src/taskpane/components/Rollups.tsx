// The roll-ups (by strategic objective, area, mission…) as compact lists: a table is too
// wide for a 320 px pane.
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import type { RollupRow, Rollups as RollupsData } from "../../core/types";
import { ui } from "../../messages/ui";
import { euroText, percentText } from "./format";
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
});

const order: (keyof RollupsData)[] = ["obiettivoStrategico", "ambitoStrategico", "areaResponsabilita", "missione", "missioneProgramma"];

function RollupList(props: { rows: RollupRow[]; label: string }): React.ReactElement {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.rows.map((r) => (
        <li key={r.key} className={styles.row}>
          <span className={styles.label}>{r.label}</span>
          <span className={styles.meta}>
            <span className={styles.perf}>{percentText(r.performance)}</span>
            <TrafficLightBadge light={r.light} />
            <span className={styles.dim}>{ui.calculate.rollupObjectives(r.objectiveCount)}</span>
            {r.resources > 0 && <span className={styles.dim}>{ui.calculate.resources(euroText(r.resources))}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Rollups(props: { rollups: RollupsData }): React.ReactElement {
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
              <RollupList rows={props.rollups[k]} label={ui.calculate.rollups[k]} />
            </AccordionPanel>
          </AccordionItem>
        ))}
    </Accordion>
  );
}
