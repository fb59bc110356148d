// One step from an analysis to the PIRA document's bytes, shared by the CLI, the pane and
// the preview (which load this module on demand: the docx package is large).
import type { Phase, PlanResult, Problem } from "../../core/types";
import type { Policy } from "../../core/policy";
import type { AcceptedRectification, Rectification } from "../../core/rectifications";
import { buildAnnex, buildPiraDocument, type AnnexSources } from "../../core/document";
import type { DocumentPhase } from "../../messages/document";
import { renderDocx } from "./render";

export interface PiraOptions {
  ente?: string;
  phase?: DocumentPhase;
  /** The source workbook's name, printed on the title page with the date. */
  source?: string;
  generatedAt?: Date;
  /** Kept originals and overrides from other sources (merged with what the analysis shows). */
  annexSources?: AnnexSources;
}

export async function piraDocx(
  analysis: { result: PlanResult; policy: Policy; problems: Problem[]; year?: number; rectifications?: readonly Rectification[]; acceptedRectifications?: readonly AcceptedRectification[]; phase?: Phase; asOf?: string },
  options: PiraOptions = {},
): Promise<{ bytes: Uint8Array; rectifications: number; overrides: number; accepted: number }> {
  const annex = buildAnnex(analysis, options.annexSources);
  const model = buildPiraDocument({
    result: analysis.result,
    policy: analysis.policy,
    problems: analysis.problems,
    year: analysis.year ?? analysis.result.year,
    ente: options.ente,
    // The workbook's own phase (read from its headers) unless one is asked for: a monitoring
    // is titled by its date («Monitoraggio al 30/06/2023»), a preventivo by its triennium.
    phase: options.phase ?? analysis.phase,
    asOf: analysis.phase === "monitoraggio" ? analysis.asOf : undefined,
    source: options.source,
    generatedAt: options.generatedAt,
    annex,
  });
  return { bytes: await renderDocx(model), rectifications: annex.rectifications.length, overrides: annex.overrides.length, accepted: annex.accepted?.length ?? 0 };
}
