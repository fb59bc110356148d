// The computed objectives: weighted performance and traffic light; opening one lists its
// indicators, each with the engine's one-line explanation of its number.
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ObjectiveResult } from "../../core/types";
import { ui } from "../../messages/ui";
import { percentText } from "./format";
import { TrafficLightBadge } from "./TrafficLightBadge";

const useStyles = makeStyles({
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0, textAlign: "start" },
  name: { wordBreak: "break-word", fontSize: tokens.fontSizeBase300 },
  meta: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  perf: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  indicator: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  indicatorName: { wordBreak: "break-word", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  explanation: { wordBreak: "break-word", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function ObjectiveList(props: { objectives: ObjectiveResult[] }): React.ReactElement {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible aria-label={ui.calculate.objectivesHeading}>
      {props.objectives.map((o) => (
        <AccordionItem key={o.id} value={o.id} data-objective={o.id} className={styles.item}>
          <AccordionHeader size="small" expandIconPosition="end">
            <span className={styles.header}>
              <span className={styles.name}>{o.name}</span>
              <span className={styles.meta}>
                <span className={styles.perf} data-testid="objective-performance">
                  {percentText(o.performance)}
                </span>
                <TrafficLightBadge light={o.light} />
                {o.sheet && <span className={styles.sheet}>{o.sheet}</span>}
              </span>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={ui.calculate.indicatorsOf(o.name)}>
              {o.indicators.map((ind) => (
                <li key={ind.row} className={styles.indicator}>
                  <span className={styles.indicatorName}>{ind.name}</span>
                  <span className={styles.meta}>
                    <span className={styles.perf}>{percentText(ind.performance)}</span>
                    {ind.weight !== null && <Text size={200}>{ui.calculate.weight(percentText(ind.weight))}</Text>}
                    {ind.stated !== null && <Text size={200}>{ui.calculate.stated(percentText(ind.stated))}</Text>}
                  </span>
                  <span className={styles.explanation}>{ind.explanation}</span>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
