// Card-level checks: required hierarchy fields and the Missione/Programma pair.
import type { ObjectiveInput, Problem } from "./types";
import { FIELD_LABELS, PROBLEMS } from "../messages/engine";
import { CCIAA_PROGRAMMI, MOVED_PROGRAMMI, isKnownPair, leadingCode, missioniOfProgramma, pad3, pairLabel } from "./missioni";

const REQUIRED = ["obiettivoStrategico", "areaResponsabilita"] as const;

export function validateObjective(o: ObjectiveInput, card: string): Problem[] {
  const problems: Problem[] = [];
  const at = (field: keyof NonNullable<ObjectiveInput["fieldCells"]>) => o.fieldCells?.[field] ?? o.cell;
  const add = (code: string, severity: Problem["severity"], message: string, cell?: string) =>
    problems.push({ code, severity, message, sheet: o.sheet, cell, objectiveId: o.id });

  for (const f of REQUIRED) {
    if (!o[f]?.trim()) add("FIELD_MISSING", "warning", PROBLEMS.fieldMissing(card, FIELD_LABELS[f]), at(f));
  }

  const m = leadingCode(o.missione);
  const p = leadingCode(o.programma);
  if (o.missione?.trim() && m === null) add("CODE_UNREADABLE", "warning", PROBLEMS.codeUnreadable(card, FIELD_LABELS.missione, o.missione), at("missione"));
  if (o.programma?.trim() && p === null) add("CODE_UNREADABLE", "warning", PROBLEMS.codeUnreadable(card, FIELD_LABELS.programma, o.programma), at("programma"));

  if (!o.missione?.trim()) {
    const owners = p !== null ? missioniOfProgramma(p) : [];
    if (owners.length === 1) add("MISSIONE_MISSING", "warning", PROBLEMS.missioneFromProgramma(card, pad3(p as number), pad3(owners[0])), at("missione"));
    else add("FIELD_MISSING", "warning", PROBLEMS.fieldMissing(card, FIELD_LABELS.missione), at("missione"));
  }
  if (!o.programma?.trim()) add("FIELD_MISSING", "warning", PROBLEMS.fieldMissing(card, FIELD_LABELS.programma), at("programma"));

  if (m !== null && p !== null && !isKnownPair(m, p)) {
    const moved = MOVED_PROGRAMMI.find((x) => x.from[0] === m && x.from[1] === p);
    if (moved) {
      add("PROGRAMMA_MOVED", "warning", PROBLEMS.pairMoved(card, pad3(m), pad3(p), pairLabel(...moved.to)), at("programma"));
    } else {
      const allowed = CCIAA_PROGRAMMI.map((x) => pairLabel(x.missione, x.programma)).join(", ");
      add("MISSIONE_PROGRAMMA", "warning", PROBLEMS.pairInvalid(card, pad3(m), pad3(p), allowed), at("programma"));
    }
  }
  return problems;
}
