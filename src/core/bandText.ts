// Band bounds as a person writes them: «da 60% a 70%» (60% included, 70% excluded),
// «oltre 99%», «fino a 60%», «sotto 60%», «da 60% a 70% inclusi», «da 60% (escluso) a 70% (incluso)».
// Pure; the policy reader turns the result into a Band and reports what it cannot read.
import type { Band } from "./policy";

const NUM = String.raw`([+-]?\d+(?:[.,]\d+)?)\s*%?`;
const INC = String.raw`(?:\s*\(?\s*(inclus[oa]|esclus[oa])\s*\)?)?`;

function pct(s: string): number {
  return Number(s.replace(",", ".")) / 100;
}

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** The bounds of a band written in words, or null when they cannot be read. */
export function parseBandRange(text: string): Pick<Band, "from" | "to" | "fromIncluded" | "toIncluded"> | null {
  const s = norm(text);
  let m = new RegExp(`^(da|oltre|piu di|sopra)\\s*${NUM}${INC}\\s*(?:a|fino a|al)\\s*${NUM}${INC}\\s*(inclusi|esclusi|incluse|escluse)?$`).exec(s);
  if (m) {
    const all = m[6];
    let fromIncluded = m[1] === "da";
    let toIncluded = /fino a/.test(s);
    if (m[3]) fromIncluded = m[3].startsWith("inclus");
    if (m[5]) toIncluded = m[5].startsWith("inclus");
    if (all) fromIncluded = toIncluded = all.startsWith("inclus");
    return { from: pct(m[2]), to: pct(m[4]), fromIncluded, toIncluded };
  }
  m = new RegExp(`^(>=|≥|da|almeno|oltre|piu di|sopra|>)\\s*${NUM}${INC}\\s*(?:e oltre|in su)?$`).exec(s);
  if (m) {
    let fromIncluded = m[1] === ">=" || m[1] === "≥" || m[1] === "da" || m[1] === "almeno";
    if (m[3]) fromIncluded = m[3].startsWith("inclus");
    return { from: pct(m[2]), to: null, fromIncluded, toIncluded: false };
  }
  m = new RegExp(`^(<=|≤|fino a|sotto|meno di|sotto il|<)\\s*${NUM}${INC}$`).exec(s);
  if (m) {
    let toIncluded = m[1] === "<=" || m[1] === "≤" || m[1] === "fino a";
    if (m[3]) toIncluded = m[3].startsWith("inclus");
    return { from: 0, to: pct(m[2]), fromIncluded: true, toIncluded };
  }
  return null;
}

/** A band's bounds in words, the way parseBandRange reads them back. */
export function describeBandRange(b: Band, fmt: (x: number) => string): string {
  const fromIn = b.fromIncluded !== false;
  const toIn = b.toIncluded === true;
  if (b.to === null) return fromIn ? `da ${fmt(b.from)}` : `oltre ${fmt(b.from)}`;
  if (b.from <= 0 && fromIn) return toIn ? `fino a ${fmt(b.to)}` : `sotto ${fmt(b.to)}`;
  const f = fromIn ? `da ${fmt(b.from)}` : `da ${fmt(b.from)} (escluso)`;
  const t = toIn ? `a ${fmt(b.to)} (incluso)` : `a ${fmt(b.to)}`;
  return `${f} ${t}`;
}

/** Overlaps and gaps between bands sorted by `from`: the index pairs (1-based) and the kind. */
export function bandConflicts(bands: readonly Band[]): { kind: "overlap" | "gap"; a: number; b: number }[] {
  const out: { kind: "overlap" | "gap"; a: number; b: number }[] = [];
  for (let i = 1; i < bands.length; i++) {
    const p = bands[i - 1];
    const c = bands[i];
    if (p.to === null) {
      out.push({ kind: "overlap", a: i, b: i + 1 });
      continue;
    }
    const pIn = p.toIncluded === true;
    const cIn = c.fromIncluded !== false;
    if (c.from < p.to - 1e-12 || (Math.abs(c.from - p.to) <= 1e-12 && pIn && cIn)) out.push({ kind: "overlap", a: i, b: i + 1 });
    else if (c.from > p.to + 1e-12 || (Math.abs(c.from - p.to) <= 1e-12 && !pIn && !cIn)) out.push({ kind: "gap", a: i, b: i + 1 });
  }
  return out;
}

/**
 * The days of a late band written in words («giorni di ritardo»): «da 1 a 30 giorni» (both
 * included: days are whole), «fino a 30 giorni» (from the first day late), «oltre 30 giorni»
 * (from 31), «da 31 giorni», «31 giorni e oltre». Null when it cannot be read.
 */
export function parseLateRange(text: string): { from: number; to: number | null } | null {
  const s = norm(text).replace(/\s*(giorni|giorno|gg\.?)(\s+di ritardo)?/g, "").trim();
  let m = /^(?:da|dal)\s*(\d+)\s*(?:a|al|fino a)\s*(\d+)$/.exec(s);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^(?:fino a|entro|<=|≤)\s*(\d+)$/.exec(s);
  if (m) return { from: 1, to: Number(m[1]) };
  m = /^(?:oltre|piu di|>)\s*(\d+)$/.exec(s);
  if (m) return { from: Number(m[1]) + 1, to: null };
  m = /^(?:da|dal|>=|≥|almeno)?\s*(\d+)\s*(?:e oltre|in su|o piu)?$/.exec(s);
  if (m && /^(da|dal|>=|≥|almeno)|e oltre|in su|o piu/.test(s)) return { from: Number(m[1]), to: null };
  return null;
}
