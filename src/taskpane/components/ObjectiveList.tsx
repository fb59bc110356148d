// The computed objectives: weighted performance and traffic light, filtered (all / yellow /
// red / with problems); opening one lists its indicators, each with the engine's one-line
// explanation of its number and a link to its Stato cell.
import * as React from "react";
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IndicatorResult, ObjectiveResult } from "../../core/types";
import { ui } from "../../messages/ui";
import { CellLink, type SelectCell } from "./CellLink";
import { filterObjectives, type ObjectiveFilter } from "./drilldown";
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
  filters: { display: "flex", flexWrap: "wrap", columnGap: 0, rowGap: 0 },
});

/** One indicator: name, performance, weight, stated value, explanation, link to its cell. */
export function IndicatorLine(props: { indicator: IndicatorResult; sheet?: string; onSelect: SelectCell; disabled?: boolean }): React.ReactElement {
  const styles = useStyles();
  const ind = props.indicator;
  return (
    <li className={styles.indicator} data-indicator={ind.row}>
      <span className={styles.indicatorName}>{ind.name}</span>
      <span className={styles.meta}>
        <span className={styles.perf}>{percentText(ind.performance)}</span>
        {ind.weight !== null && <Text size={200}>{ui.calculate.weight(percentText(ind.weight))}</Text>}
        {ind.stated !== null && <Text size={200}>{ui.calculate.stated(percentText(ind.stated))}</Text>}
        <CellLink sheet={ind.sheet ?? props.sheet} cell={ind.cell} onSelect={props.onSelect} disabled={props.disabled} />
      </span>
      <span className={styles.explanation}>{ind.explanation}</span>
    </li>
  );
}

const FILTERS: ObjectiveFilter[] = ["all", "giallo", "rosso", "problems"];

export function ObjectiveList(props: {
  objectives: ObjectiveResult[];
  /** Ids of the objectives with at least one problem (filter «Con problemi»). */
  withProblems?: ReadonlySet<string>;
  onSelect?: SelectCell;
  disabled?: boolean;
}): React.ReactElement {
  const styles = useStyles();
  const [filter, setFilter] = useState<ObjectiveFilter>("all");
  const withProblems = props.withProblems ?? new Set<string>();
  const onSelect = props.onSelect ?? (() => undefined);
  const shown = filterObjectives(props.objectives, filter, withProblems);
  return (
    <>
      <RadioGroup
        layout="horizontal"
        className={styles.filters}
        aria-label={ui.calculate.filterLabel}
        value={filter}
        onChange={(_e, d) => setFilter(d.value as ObjectiveFilter)}
      >
        {FILTERS.map((f) => (
          <Radio key={f} value={f} label={ui.calculate.filters[f](filterObjectives(props.objectives, f, withProblems).length)} />
        ))}
      </RadioGroup>
      {shown.length === 0 && <Text size={200}>{ui.calculate.noneInFilter}</Text>}
      <Accordion multiple collapsible aria-label={ui.calculate.objectivesHeading}>
        {shown.map((o) => (
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
                  <IndicatorLine key={ind.row} indicator={ind} sheet={o.sheet} onSelect={onSelect} disabled={props.disabled} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}
