// Builds the PIRA document model from the engine's result, in the seed's order: title
// page, premessa (placeholder), programmazione (placeholder), classification by Missione
// and Programma with the resources, one card per objective (header fields, indicator
// table, the objective's performance), the roll-up tables, the annex of corrections and
// forced values. Every number in Italian format; every string as text.
import type { CellInput, IndicatorResult, ObjectiveResult, PlanResult, Problem, RollupRow } from "../types";
import type { Policy } from "../policy";
import type { ObjectiveRollupKind } from "../rollups";
import { formatEuro, formatPercent } from "../format";
import { shownValue, shownWeight } from "./shownValue";
import { leadingCode, pad3 } from "../missioni";
import { DOCUMENT, type DocumentPhase, type PhaseTitleDetail } from "../../messages/document";
import { italianDate } from "../../messages/phases";
import { SETTINGS } from "../../messages/workbook";
import { DOCUMENT_LANGUAGE, type DocumentBlock, type DocumentModel, type Inline, type TableBlock } from "./model";
import { buildAnnex, type DocumentAnnex } from "./annex";

export interface DocumentInput {
  result: PlanResult;
  policy: Policy;
  problems: Problem[];
  year?: number;
  /** The body's name («Camera di Commercio di …»); absent → a marked placeholder. */
  ente?: string;
  /** Absent → "preventivo" when no indicator has a Stato, else "consuntivo". */
  phase?: DocumentPhase;
  /** A monitoring's date (ISO, "2023-06-30"): «Monitoraggio al 30/06/2023». */
  asOf?: string;
  /** When the document is generated (title page); absent → not printed. */
  generatedAt?: Date;
  /** The source workbook's file name, printed with the date. */
  source?: string;
  /** Corrections and forced values; absent → built from the analysis (stated-vs-computed differences). */
  annex?: DocumentAnnex;
}

const D = DOCUMENT;
const NA = D.notAvailable;

const pct = (p: number | null | undefined) => (p === null || p === undefined ? NA : formatPercent(p));
const txt = (s: string | undefined | null) => (s ?? "").replace(/\s+$/g, "");

/** "preventivo" when no indicator has a Stato at all, else "consuntivo". */
export function inferPhase(result: PlanResult): DocumentPhase {
  const any = result.objectives.some((o) => o.indicators.some((i) => i.actual.kind !== "blank"));
  return any ? "consuntivo" : "preventivo";
}

/** The title's detail: a monitoring's date; a preventivo's last target year (its triennium). */
export function phaseDetail(result: PlanResult, phase: DocumentPhase, year: number | undefined, asOf: string | undefined): PhaseTitleDetail {
  if (phase === "monitoraggio") return asOf ? { asOf } : {};
  if (phase !== "preventivo") return {};
  let last = year ?? 0;
  for (const o of result.objectives) for (const i of o.input.indicators) for (const t of i.targets ?? []) last = Math.max(last, t.year);
  return last > (year ?? 0) ? { lastYear: last } : {};
}

function resourcesText(o: ObjectiveResult): string {
  if (o.internalResources) return D.internalResources;
  if (o.resources !== null) return formatEuro(o.resources);
  const raw = o.input.risorseEconomiche?.value;
  return raw === null || raw === undefined ? "" : String(raw);
}

/** Target as printed in the seed: the operator, then the value (">= 60", "<= 2", "= si"). */
function targetText(i: IndicatorResult, cell: CellInput | undefined): string {
  const value = shownValue(i.target, cell);
  // A target typed with its operator (">= 60") is printed as typed.
  if (/^\s*(>=|<=|=|≥|≤|>|<)/.test(value)) return value;
  return i.operator && value ? `${i.operator} ${value}` : value;
}

function indicatorTable(o: ObjectiveResult, year: number | undefined): TableBlock {
  const C = D.indicatorColumns;
  return {
    kind: "table",
    caption: D.indicatorTableCaption(o.name),
    columns: [
      { header: C.name, width: 22 },
      { header: C.algorithm, width: 24 },
      { header: C.type, width: 10 },
      { header: C.unit, width: 6 },
      { header: C.actual(year), width: 9, align: "right" },
      { header: C.target(year), width: 10, align: "right" },
      { header: C.performance, width: 12, align: "right" },
      { header: C.weight, width: 7, align: "right" },
    ],
    rows: o.indicators.map((i, k) => {
      const input = o.input.indicators[k];
      return [
        i.name,
        txt(input?.algorithm),
        txt(input?.type),
        txt(input?.unit),
        shownValue(i.actual, input?.actual),
        targetText(i, input?.target),
        pct(i.performance),
        i.weight === null ? NA : shownWeight(i.weight, input?.weight),
      ];
    }),
  };
}

function field(label: string, value: string | undefined): DocumentBlock | null {
  const v = txt(value);
  if (!v) return null;
  return { kind: "paragraph", style: "field", content: [{ text: `${label}: `, bold: true }, { text: v }] };
}

function card(o: ObjectiveResult, year: number | undefined): DocumentBlock[] {
  const F = D.fields;
  const i = o.input;
  const resources = resourcesText(o);
  const blocks: (DocumentBlock | null)[] = [
    { kind: "heading", level: 2, text: o.name, pageBreakBefore: true },
    field(F.missione, i.missione),
    field(F.programma, i.programma),
    field(F.ambitoStrategico, i.ambitoStrategico),
    field(F.obiettivoStrategico, i.obiettivoStrategico),
    field(F.obiettivoOperativo, i.obiettivoOperativo),
    field(F.descrizione, i.descrizione),
    field(F.beneficiAttesi, i.beneficiAttesi),
    field(F.risorseEconomiche, resources),
    field(F.unitaOrganizzative, i.unitaOrganizzative),
    field(F.areaResponsabilita, i.areaResponsabilita),
    field(F.ufficio, i.ufficio),
    indicatorTable(o, year),
    {
      kind: "paragraph",
      style: "emphasis",
      content: [{ text: D.objectivePerformance(pct(o.performance), o.light ? D.lights[o.light] : null), bold: true }],
    },
    o.explanation ? { kind: "paragraph", style: "note", content: [{ text: D.objectiveExplanation(o.explanation) }] } : null,
  ];
  return blocks.filter((b): b is DocumentBlock => b !== null);
}

/** Sort key of a Missione/Programma text: its 3-digit code, else the text; unspecified last. */
const codeSortKey = (text: string | undefined) => {
  const code = leadingCode(text);
  if (code !== null) return `0${pad3(code)}`;
  const t = txt(text).toLocaleLowerCase("it");
  return t ? `1${t}` : "2";
};

function classification(result: PlanResult): TableBlock {
  const C = D.classificationColumns;
  const sorted = result.objectives
    .map((o, index) => ({ o, index, k: `${codeSortKey(o.input.missione)}|${codeSortKey(o.input.programma)}` }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.index - b.index));
  const rows = sorted.map(({ o }) => [txt(o.input.missione) || D.notSpecified, txt(o.input.programma) || D.notSpecified, o.name, resourcesText(o), pct(o.performance)]);
  const total = result.objectives.reduce((s, o) => s + (o.resources ?? 0), 0);
  rows.push([D.total, "", "", formatEuro(total), pct(result.performance)]);
  return {
    kind: "table",
    caption: D.sections.classification,
    columns: [
      { header: C.missione, width: 19 },
      { header: C.programma, width: 26 },
      { header: C.objective, width: 30 },
      { header: C.resources, width: 14, align: "right" },
      { header: C.performance, width: 12, align: "right" },
    ],
    rows,
    emphasisRows: [rows.length - 1],
  };
}

function rollupTable(title: string, label: string, rows: RollupRow[]): TableBlock {
  const C = D.rollupColumns;
  return {
    kind: "table",
    caption: title,
    columns: [
      { header: label, width: 42 },
      { header: C.objectives, width: 9, align: "right" },
      { header: C.resources, width: 15, align: "right" },
      { header: C.internal, width: 11, align: "right" },
      { header: C.performance, width: 13, align: "right" },
      { header: C.light, width: 9 },
    ],
    rows: rows.map((r) => [
      r.label,
      String(r.objectiveCount),
      // A group on internal resources only has none in euro: said in words, not «0,00 €».
      r.resources === 0 && r.internalCount === r.objectiveCount ? D.internalResources : formatEuro(r.resources),
      String(r.internalCount),
      pct(r.performance),
      r.light ? D.lights[r.light] : "",
    ]),
  };
}

// The roll-ups of objectives (the one by Tipologia groups indicators).
const ROLLUP_ORDER: Array<{ id: ObjectiveRollupKind; label: string }> = [
  { id: "missioneProgramma", label: `${D.fields.missione} e ${D.fields.programma.toLowerCase()}` },
  { id: "missione", label: D.fields.missione },
  { id: "ambitoStrategico", label: D.fields.ambitoStrategico },
  { id: "obiettivoStrategico", label: D.fields.obiettivoStrategico },
  { id: "areaResponsabilita", label: D.fields.areaResponsabilita },
];

function where(sheet: string | null, cell: string | null): string {
  return [sheet, cell].filter(Boolean).join(" – ");
}

/** What a cell said, as printed: a fraction as a percentage, text as typed. */
function originalText(v: unknown): string {
  if (typeof v === "number") return formatPercent(v);
  if (v === null || v === undefined || v === "") return "";
  return String(v);
}

/**
 * One list of the annex: its heading, then its table — the place (sheet and cell), the
 * objective, the indicator, two values and the words that explain them (the headers in
 * `columns`, the cells from `cells`) — or `empty` when there is nothing.
 */
function annexSection<T extends { sheet: string | null; cell: string | null; objective: string; indicator: string }>(
  title: string,
  empty: string,
  items: T[],
  columns: [string, string, string],
  cells: (item: T) => [string, string, string],
): DocumentBlock[] {
  const C = D.annexColumns;
  const [first, second, words] = columns;
  const heading: DocumentBlock = { kind: "heading", level: 2, text: title };
  if (!items.length) return [heading, { kind: "paragraph", content: [{ text: empty }] }];
  return [
    heading,
    {
      kind: "table",
      caption: title,
      columns: [
        { header: C.where, width: 16 },
        { header: C.objective, width: 20 },
        { header: C.indicator, width: 20 },
        { header: first, width: 12, align: "right" },
        { header: second, width: 12, align: "right" },
        { header: words, width: 20 },
      ],
      rows: items.map((r) => [where(r.sheet, r.cell), r.objective, r.indicator, ...cells(r)]),
    },
  ];
}

/** The accepted corrections, after the open ones, so the OIV still sees them (none → no section). */
function acceptedSection(annex: DocumentAnnex): DocumentBlock[] {
  if (!annex.accepted?.length) return [];
  const C = D.annexColumns;
  const S = D.sections;
  const [heading, ...table] = annexSection(S.acceptedRectifications, "", annex.accepted, [C.stated, C.computed, C.acceptedOn], (r) => [
    originalText(r.original),
    pct(r.computed),
    D.acceptedOn(italianDate(r.acceptedOn)),
  ]);
  return [heading, { kind: "paragraph", content: [{ text: S.acceptedIntro }] }, ...table];
}

function annexBlocks(annex: DocumentAnnex): DocumentBlock[] {
  const C = D.annexColumns;
  const S = D.sections;
  return [
    { kind: "heading", level: 1, text: S.annex, pageBreakBefore: true },
    { kind: "paragraph", content: [{ text: S.annexIntro }] },
    ...annexSection(
      S.rectifications,
      S.noRectifications,
      annex.rectifications,
      [C.stated, C.computed, C.explanation],
      (r) => [originalText(r.original), pct(r.computed), r.explanation],
    ),
    ...acceptedSection(annex),
    ...annexSection(
      S.overrides,
      S.noOverrides,
      annex.overrides,
      [C.computed, C.forced, C.note],
      (r) => [pct(r.computed), r.excluded ? D.excluded : pct(r.forced), r.note],
    ),
  ];
}

function placeholder(text: string): DocumentBlock {
  const content: Inline[] = [{ text: `${D.placeholderMark} `, bold: true, placeholder: true }, { text, italic: true, placeholder: true }];
  return { kind: "paragraph", placeholder: true, content };
}

/** The whole document. Pure: the same input gives the same model. */
export function buildPiraDocument(input: DocumentInput): DocumentModel {
  const { result } = input;
  const year = input.year ?? result.year;
  const phase = input.phase ?? inferPhase(result);
  const detail = phaseDetail(result, phase, year, input.asOf);
  const ente = txt(input.ente);
  const S = D.sections;
  const annex = input.annex ?? buildAnnex({ result, problems: input.problems });

  const blocks: DocumentBlock[] = [];
  // Title page.
  blocks.push({ kind: "paragraph", style: "subtitle", placeholder: !ente, content: [{ text: ente || D.entePlaceholder, placeholder: !ente, bold: true }] });
  blocks.push({ kind: "paragraph", style: "title", content: [{ text: D.documentTitle }] });
  blocks.push({ kind: "paragraph", style: "subtitle", content: [{ text: D.phaseTitle(phase, year, detail) }] });
  if (input.generatedAt) {
    const d = input.generatedAt;
    const date = `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
    blocks.push({ kind: "paragraph", style: "note", content: [{ text: D.generated(date, input.source) }] });
  }
  blocks.push({ kind: "paragraph", style: "note", content: [{ text: D.placeholderNote, italic: true }] });

  // Placeholders the office writes.
  blocks.push({ kind: "heading", level: 1, text: S.premessa, pageBreakBefore: true });
  blocks.push(placeholder(S.premessaText));
  blocks.push({ kind: "heading", level: 1, text: S.programmazione(year) });
  blocks.push(placeholder(S.programmazioneText));

  // Classification by Missione and Programma, with the resources.
  blocks.push({ kind: "heading", level: 1, text: S.classification, pageBreakBefore: true });
  blocks.push({ kind: "paragraph", content: [{ text: S.classificationIntro(phase, year) }] });
  blocks.push(classification(result));

  // One card per objective, in card order.
  blocks.push({ kind: "heading", level: 1, text: S.objectives, pageBreakBefore: true });
  result.objectives.forEach((o, k) => {
    const c = card(o, year);
    // The first card follows the section heading on its page.
    if (k === 0 && c[0].kind === "heading") c[0] = { ...c[0], pageBreakBefore: false };
    blocks.push(...c);
  });

  // Roll-ups.
  blocks.push({ kind: "heading", level: 1, text: S.rollups, pageBreakBefore: true });
  blocks.push({ kind: "paragraph", style: "emphasis", content: [{ text: S.planPerformance(pct(result.performance)), bold: true }] });
  blocks.push({ kind: "paragraph", content: [{ text: S.rollupsIntro(SETTINGS.values[input.policy.rollupMean]) }] });
  for (const r of ROLLUP_ORDER) {
    const title = D.rollupTitles[r.id];
    blocks.push({ kind: "heading", level: 2, text: title });
    blocks.push(rollupTable(title, r.label, result.rollups[r.id]));
  }

  blocks.push(...annexBlocks(annex));

  const title = D.fileTitle(phase, year, ente || undefined, detail);
  return {
    language: DOCUMENT_LANGUAGE,
    properties: { title, subject: D.subject, creator: D.creator },
    footer: D.footer(`${D.documentTitle} – ${D.phaseTitle(phase, year, detail)}`),
    blocks,
  };
}
