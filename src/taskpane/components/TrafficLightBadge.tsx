// A traffic light as a coloured badge with its name in words (colour is never the only cue).
import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { TrafficLight } from "../../core/types";
import { ui } from "../../messages/ui";

const color: Record<TrafficLight, "success" | "warning" | "danger"> = { verde: "success", giallo: "warning", rosso: "danger" };
const glyph: Record<TrafficLight, string> = { verde: "●", giallo: "▲", rosso: "■" };

export function TrafficLightBadge(props: { light: TrafficLight | null }): React.ReactElement {
  if (!props.light) {
    return (
      <Badge appearance="outline" color="informative" size="small">
        {ui.light.none}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color={color[props.light]} size="small" data-light={props.light} aria-label={ui.lightLabel(ui.light[props.light])}>
      {`${glyph[props.light]} ${ui.light[props.light]}`}
    </Badge>
  );
}
