// What a summary was built from, in a few characters: the plan's content (every card's
// fields and indicators, the stated Performance cells left out — the add-in writes those),
// the SMVP rules and the corrections. Stored with the summary (settings sheet); when the
// workbook's fingerprint no longer matches, the summary is stale ("riepilogo da aggiornare").
import type { PlanInput } from "../types";
import type { Policy } from "../policy";
import type { Rectification } from "../rectifications";

/** Hashes: 32-bit FNV-1a over the canonical text (see canonicalHash). */
/** Array-index keys, which JavaScript objects always list first, in numeric order. */
const INDEX_KEY = /^(0|[1-9]\d{0,8})$/;

const toJson = (v: unknown): unknown => (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON: () => unknown }).toJSON() : v);
const omitted = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * JSON with object keys sorted, so the same content always gives the same text: exactly
 * JSON.stringify's with sorted keys — array-index keys ("2022") first in numeric order, as
 * a rebuilt object lists them — so stored fingerprints stay valid. Produced piece by piece
 * (no sorted copy of every object, no whole text held: on 50,000 indicators both cost
 * seconds and hundreds of MB).
 */
function emitCanonical(input: unknown, emit: (piece: string) => void): void {
  const v = input;
  switch (typeof v) {
    case "string":
      emit(JSON.stringify(v));
      return;
    case "number":
      emit(Number.isFinite(v) ? String(v) : "null");
      return;
    case "boolean":
      emit(v ? "true" : "false");
      return;
    case "object":
      break;
    default:
      emit("null");
      return;
  }
  if (v === null) {
    emit("null");
    return;
  }
  if (Array.isArray(v)) {
    emit("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) emit(",");
      const item = toJson(v[i]);
      if (omitted(item)) emit("null");
      else emitCanonical(item, emit);
    }
    emit("]");
    return;
  }
  const o = v as Record<string, unknown>;
  const shape = shapeOf(Object.keys(o));
  emit("{");
  let first = true;
  for (let i = 0; i < shape.keys.length; i++) {
    const item = toJson(o[shape.keys[i]]);
    if (omitted(item)) continue;
    emit(first ? shape.first[i] : shape.next[i]);
    first = false;
    emitCanonical(item, emit);
  }
  emit("}");
}

/** An object's keys in canonical order, with their JSON text ready: `"k":` first, `,"k":` after. */
interface Shape {
  keys: string[];
  first: string[];
  next: string[];
}

// A plan's objects come in a handful of shapes (every indicator has the same keys): each
// shape is sorted and its keys stringified once, not once per object.
const shapes = new Map<string, Shape>();

function shapeOf(raw: string[]): Shape {
  const signature = raw.join("\u0000");
  let shape = shapes.get(signature);
  if (shape === undefined) {
    const keys = [...raw].sort();
    const index = keys.filter((k) => INDEX_KEY.test(k));
    const ordered = index.length ? [...index.sort((x, y) => Number(x) - Number(y)), ...keys.filter((k) => !INDEX_KEY.test(k))] : keys;
    shape = { keys: ordered, first: ordered.map((k) => JSON.stringify(k) + ":"), next: ordered.map((k) => "," + JSON.stringify(k) + ":") };
    if (shapes.size >= 1000) shapes.clear();
    shapes.set(signature, shape);
  }
  return shape;
}

/** The canonical text (for the tests: the fingerprint hashes it as it is produced). */
export function canonical(x: unknown): string {
  const out: string[] = [];
  emitCanonical(toJson(x), (p) => out.push(p));
  return out.join("");
}

/** fnv1a(canonical(x), seed), without building the text. */
function canonicalHash(x: unknown, seed: number): number {
  let h = seed >>> 0;
  emitCanonical(toJson(x), (t) => {
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  });
  return h;
}

/** "3f9a0c12-7be41d05": two FNV-1a hashes (64 bits) of plan + rules + corrections. */
export function summaryFingerprint(plan: PlanInput, policy: Policy, rectifications: readonly Rectification[]): string {
  const objectives = plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map(({ stated: _s, ...rest }) => rest) }));
  const content = { year: plan.year, objectives, policy, rectifications: rectifications.map((r) => [r.sheet, r.cell, r.original, r.computed]) };
  const a = canonicalHash(content, 0x811c9dc5);
  const b = canonicalHash(content, a ^ 0x5bd1e995);
  return a.toString(16).padStart(8, "0") + "-" + b.toString(16).padStart(8, "0");
}
