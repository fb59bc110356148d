// Number display in the pane: the engine's Italian formatting, with "n.d." for null.
import { formatEuro, formatPercent } from "../../core/format";
import { ui } from "../../messages/ui";

export function percentText(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? ui.notAvailable : formatPercent(fraction);
}

export function euroText(euro: number): string {
  return formatEuro(euro);
}
