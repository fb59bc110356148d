// Which rule scores an indicator: its own «Regola» cell when filled, else the policy's rule
// for its operator. The Italian names (and their synonyms) live in the messages module.
import type { Operator } from "../types";
import type { Policy } from "../policy";
import { RULE_NAMES, RULE_SYNONYMS } from "../../messages/engine";
import { ratio } from "./ratio";
import { inverse } from "./inverse";
import { reflection } from "./reflection";
import { exact } from "./allOrNothing";
import type { NumericRule } from "./common";

export type RuleId = "ratio" | "inverse" | "reflection" | "allOrNothing" | "baseline" | "thresholds" | "bands" | "daysLate";

/** A rule as an indicator names it: the rule, and for «fasce <nome>» the band set. */
export interface RuleSpec {
  id: RuleId;
  bandSet?: string;
}

export const RULE_IDS: readonly RuleId[] = ["ratio", "inverse", "reflection", "allOrNothing", "baseline", "thresholds", "bands", "daysLate"];

/** Every rule a policy may name by operator (the two-number rules). */
export const RULES: { [K in Operator]: Record<Policy["rules"][K], NumericRule> } = {
  ">=": { ratio },
  "<=": { inverse, reflection },
  "=": { exact },
};

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();

const BY_NAME = new Map<string, RuleId>();
for (const id of RULE_IDS) {
  BY_NAME.set(norm(RULE_NAMES[id]), id);
  for (const s of RULE_SYNONYMS[id] ?? []) BY_NAME.set(norm(s), id);
}

/**
 * Reads a «Regola» cell: "rapporto", "Inverso", "tutto o niente", "fasce 2023"…
 * Null for blank; "unknown" when the text names no rule.
 */
const parsedNames = new Map<string, RuleSpec | null | "unknown">();

export function parseRuleName(text: unknown): RuleSpec | null | "unknown" {
  if (text === null || text === undefined) return null;
  const key = String(text);
  let r = parsedNames.get(key);
  if (r === undefined) {
    r = parseRuleText(key);
    // A plan names a handful of rules: a small cache keeps the normalisation off the hot path.
    if (parsedNames.size < 1000) parsedNames.set(key, r);
  }
  return r;
}

function parseRuleText(text: string): RuleSpec | null | "unknown" {
  const raw = text.trim();
  if (raw === "") return null;
  const n = norm(raw);
  const id = BY_NAME.get(n);
  if (id) return { id };
  const fasce = /^(fasce|fascia)\s+(.+)$/.exec(n);
  if (fasce) {
    // The set's name as written after the word, trimmed.
    const name = raw.replace(/^\s*fasc[ei]a?\s+/i, "").trim();
    return { id: "bands", bandSet: name };
  }
  return "unknown";
}

/** The policy's rule for an operator, as a RuleSpec. */
export function policyRule(op: Operator, policy: Policy): RuleSpec {
  if (op === ">=") return { id: "ratio" };
  if (op === "<=") return { id: policy.rules["<="] };
  return { id: "allOrNothing" };
}
