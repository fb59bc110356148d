// The results of "Calcola performance": what was written, the plan's performance, the
// run's problems, the objectives (expandable to their indicators) and the roll-ups.
// Loaded on demand (see CalculatePanel).
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Analysis, WorkbookHost, WriteReport } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { trafficLight } from "../../core/light";
import { LeftOutCards } from "./LeftOutCards";
import { ObjectiveList } from "./ObjectiveList";
import { OperationStatus } from "./OperationStatus";
import { objectivesWithProblems } from "./drilldown";
import { Rollups } from "./Rollups";
import { TrafficLightBadge } from "./TrafficLightBadge";
import { AnalysisProblems } from "./ValidatePanel";
import { percentText } from "./format";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  plan: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  planValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

export default function ResultsView(props: { analysis: Analysis; report: WriteReport | null; host: WorkbookHost; runner: Runner }): React.ReactElement {
  const { analysis, report, host, runner } = props;
  const styles = usePanelStyles();
  const own = useStyles();
  const withProblems = React.useMemo(() => objectivesWithProblems(analysis.result.objectives, analysis.problems), [analysis]);
  const select = (sheet: string, cell: string) => void runner.run("select", () => host.selectCell(sheet, cell));
  return (
    <>
    <MessageBar intent="success">
      <MessageBarBody className={styles.body}>
        {report && report.written > 0
          ? ui.calculate.written(report.written, report.skippedFormulas)
          : ui.calculate.upToDate}
      </MessageBarBody>
    </MessageBar>
    <LeftOutCards analysis={analysis} host={host} runner={runner} />
    {(report?.notices ?? []).map((notice) => (
      <MessageBar key={notice} intent="info" layout="multiline">
        <MessageBarBody className={styles.body}>{notice}</MessageBarBody>
      </MessageBar>
    ))}
    <div className={own.plan} aria-label={ui.calculate.planPerformance} role="group">
      <Text>{ui.calculate.planPerformance}</Text>
      <span className={own.planValue} data-testid="plan-performance">
        {percentText(analysis.result.performance)}
      </span>
      <TrafficLightBadge light={trafficLight(analysis.result.performance, analysis.policy)} />
    </div>
    {analysis.problems.length > 0 && (
      <Accordion collapsible>
        <AccordionItem value="problems">
          <AccordionHeader size="small" expandIconPosition="end">
            {ui.calculate.withProblems(analysis.problems.length)}
          </AccordionHeader>
          <AccordionPanel>
            <AnalysisProblems analysis={analysis} host={host} runner={runner} showCleanMessage={false} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    )}
    <h3 className={styles.subheading}>
      {ui.calculate.objectivesHeading} ({ui.calculate.objectiveCount(analysis.result.objectives.length)})
    </h3>
    <ObjectiveList objectives={analysis.result.objectives} withProblems={withProblems} onSelect={select} disabled={runner.busy !== null} />
    <h3 className={styles.subheading}>{ui.calculate.rollupsHeading}</h3>
    <Rollups rollups={analysis.result.rollups} objectives={analysis.result.objectives} onSelect={select} disabled={runner.busy !== null} />
    <OperationStatus runner={runner} kinds={["select"]} />
    </>
  );
}
