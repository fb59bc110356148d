// Piecewise-linear scoring through points (value → score), in either direction:
// the points' values must be strictly monotone (all increasing or all decreasing).
/** Score of `a` on the line through `points`; before the first point 0, after the last the last score. */
export function piecewise(a: number, points: readonly (readonly [number, number])[]): number {
  const up = points[points.length - 1][0] > points[0][0];
  const beyond = (x: number, y: number) => (up ? x >= y : x <= y);
  if (!beyond(a, points[0][0])) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if (!beyond(a, x1)) return y0 + ((a - x0) / (x1 - x0)) * (y1 - y0);
  }
  return points[points.length - 1][1];
}

/** True when the values are strictly monotone (same direction throughout). */
export function monotone(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  const up = values[1] > values[0];
  for (let i = 1; i < values.length; i++) if (up ? !(values[i] > values[i - 1]) : !(values[i] < values[i - 1])) return false;
  return true;
}
