// "Risorse economiche": an amount in euro, or "Risorse interne" (internal staff time,
// which is not 0 €: it is counted apart).
import type { CellInput } from "./types";
import { parseValue } from "./values";

export interface Resources {
  euro: number | null;
  internal: boolean;
  /** The cell held something that is neither an amount nor "risorse interne". */
  unreadable: boolean;
}

const INTERNAL_RE = /intern[ei]/i;

export function parseResources(cell: CellInput | undefined): Resources {
  if (!cell) return { euro: null, internal: false, unreadable: false };
  if (typeof cell.value === "string" && INTERNAL_RE.test(cell.value)) return { euro: null, internal: true, unreadable: false };
  const v = parseValue(cell);
  if (v.kind === "number" && !v.percent && v.value >= 0) return { euro: v.value, internal: false, unreadable: false };
  if (v.kind === "blank") return { euro: null, internal: false, unreadable: false };
  return { euro: null, internal: false, unreadable: true };
}
