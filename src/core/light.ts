// Traffic light by the policy's thresholds.
import type { TrafficLight } from "./types";
import type { Policy } from "./policy";

const EPS = 1e-9;

export function trafficLight(performance: number | null, policy: Pick<Policy, "thresholds">): TrafficLight | null {
  if (performance === null || !Number.isFinite(performance)) return null;
  if (performance >= policy.thresholds.green - EPS) return "verde";
  if (performance >= policy.thresholds.yellow - EPS) return "giallo";
  return "rosso";
}
