// The user guide (dist/guida.html), rendered at build time by scripts/guide-plugin.js: one
// static, accessible Italian page (lang it-IT, headings, table headers, no script). The
// labels come from the reader's own lists and the functions from functions.json, so the
// guide cannot drift from what the add-in reads and offers.
import { LABEL_SYNONYMS } from "../core/reader/labels";
import { GUIDE } from "../messages/guide";

export interface GuideFunction {
  /** The function's name without namespace ("PERF"). */
  name: string;
  description: string;
  parameters: Array<{ name: string; description?: string; optional?: boolean }>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The anchor of a function's section, which each function's @helpurl (src/functions) points to. */
export const functionAnchor = (name: string) => `funzioni-${name.toLowerCase()}`;

function labelTable(caption: string, lists: Readonly<Record<string, readonly string[]>>): string {
  const rows = Object.entries(lists)
    .map(([role, synonyms]) => {
      const name = GUIDE.roleNames[role] ?? synonyms[0];
      const others = synonyms.map((s) => `<span class="label">${esc(s)}</span>`).join(", ");
      return `<tr><th scope="row">${esc(name)}</th><td>${others}</td></tr>`;
    })
    .join("\n");
  return `<table>
<caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(GUIDE.labelsColumnRole)}</th><th scope="col">${esc(GUIDE.labelsColumnSynonyms)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function functionSection(f: GuideFunction, namespace: string): string {
  const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
  const params = f.parameters.length
    ? `<dl>${f.parameters.map((p) => `<dt><code>${esc(p.name)}</code>${p.optional ? ` (${esc(GUIDE.functionOptional)})` : ""}</dt><dd>${esc(p.description ?? "")}</dd>`).join("")}</dl>`
    : "";
  return `<section aria-labelledby="${functionAnchor(f.name)}">
<h3 id="${functionAnchor(f.name)}"><code>=${esc(namespace)}.${esc(f.name)}(${esc(args)})</code></h3>
<p>${esc(f.description)}</p>
${params ? `<h4>${esc(GUIDE.functionArgs)}</h4>\n${params}` : ""}
</section>`;
}

export function renderGuide(functions: GuideFunction[], namespace = "PIANO"): string {
  const sections: Array<[string, string]> = [
    ["scheda", GUIDE.cardHeading],
    ["voci", GUIDE.labelsHeading],
    ["riquadro", GUIDE.panelsHeading],
    ["funzioni", GUIDE.functionsHeading],
    ["mai", GUIDE.neverHeading],
  ];
  return `<!doctype html>
<html lang="it-IT">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(GUIDE.title)}</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.label { white-space: nowrap; } code { background: #f3f3f3; padding: 0 .2rem; }
a { color: #0f548c; } a:focus { outline: 2px solid #0f548c; }
</style>
</head>
<body>
<header><h1>${esc(GUIDE.title)}</h1></header>
<nav aria-labelledby="toc"><h2 id="toc">${esc(GUIDE.toc)}</h2><ul>
${sections.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("\n")}
</ul></nav>
<main>
<p>${esc(GUIDE.intro)}</p>
<section aria-labelledby="scheda"><h2 id="scheda">${esc(GUIDE.cardHeading)}</h2>
${GUIDE.cardText.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</section>
<section aria-labelledby="voci"><h2 id="voci">${esc(GUIDE.labelsHeading)}</h2>
<p>${esc(GUIDE.labelsText)}</p>
${labelTable(GUIDE.labelsCardCaption, LABEL_SYNONYMS.card)}
${labelTable(GUIDE.labelsTableCaption, LABEL_SYNONYMS.table)}
</section>
<section aria-labelledby="riquadro"><h2 id="riquadro">${esc(GUIDE.panelsHeading)}</h2>
<p>${esc(GUIDE.panelsText)}</p>
<dl>${GUIDE.panels.map(([n, d]) => `<dt><strong>${esc(n)}</strong></dt><dd>${esc(d)}</dd>`).join("\n")}</dl>
</section>
<section aria-labelledby="funzioni"><h2 id="funzioni">${esc(GUIDE.functionsHeading)}</h2>
<p>${esc(GUIDE.functionsText)}</p>
${functions.map((f) => functionSection(f, namespace)).join("\n")}
</section>
<section aria-labelledby="mai"><h2 id="mai">${esc(GUIDE.neverHeading)}</h2>
<ul>${GUIDE.never.map((p) => `<li>${esc(p)}</li>`).join("\n")}</ul>
</section>
</main>
<footer><p>${esc(GUIDE.footer)}</p></footer>
</body>
</html>
`;
}
