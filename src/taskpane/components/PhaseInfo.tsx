// The phase the reader chose (issue 11), shown above the problems: «Fase: preventivo 2023»,
// and for a monitoring the share of the year elapsed with the indicators in linea / in ritardo.
import * as React from "react";
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Analysis } from "../../host/workbookHost";
import { formatPercent } from "../../core/format";
import { PHASE_UI } from "../../messages/phasesUi";

export function PhaseInfo(props: { analysis: Analysis; computing?: boolean }): React.ReactElement | null {
  const a = props.analysis;
  if (!a.phase || a.cardCount === 0) return null;
  const m = a.monitoring;
  const count = (k: "onTrack" | "late" | "notMeasured") => (m ? m.objectives.reduce((n, o) => n + o[k], 0) : 0);
  return (
    <div data-testid="phase-info" data-phase={a.phase}>
      <Text weight="semibold">{PHASE_UI.label(a.phase, a.year, a.asOf)}</Text>
      {a.phase === "preventivo" && (
        <MessageBar intent="info">
          <MessageBarBody>{props.computing ? PHASE_UI.nothingToCompute : PHASE_UI.preventivoNote}</MessageBarBody>
        </MessageBar>
      )}
      {m && (
        <Text as="p" size={200} data-testid="phase-progress">
          {PHASE_UI.progress(count("onTrack"), count("late"), count("notMeasured"), formatPercent(m.share))}
        </Text>
      )}
    </div>
  );
}
