// «Accetta» a correction from the CLI (issue 12): `calcola --out --accetta-rettifiche[=…]`
// records in the copy's restore backup that the computed value is the reference; a second run
// lists the other corrections and the accepted one with its date; the original stays in the
// backup. The bundled bin on the seed example.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BACKUP_SHEET_NAME, parseBackup } from "../../src/core/reader/backup";
import { loadXlsx, tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const example = path.join(root, "assets", "esempio-piano-2022.xlsx");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const SITO = "OO13 Sito camerale";

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

describe("calcola --accetta-rettifiche", () => {
  const dir = tmpDir("accept-");
  const first = path.join(dir, "primo.xlsx");
  const second = path.join(dir, "secondo.xlsx");
  type J = { rectifications: { sheet: string; cell: string; original: number }[]; acceptedRectifications: { sheet: string; cell: string; original: number; computed: number; acceptedOn: string }[] };

  beforeAll(() => {
    expect(cli(["calcola", example, "--out", first]).code).toBe(1);
  });

  it("one of the seven accepted: the second run lists 6 corrections and the accepted one with its date", async () => {
    const hash = sha(first);
    const r = cli(["calcola", first, "--out", second, `--accetta-rettifiche=${SITO}!H19`, "--json"]);
    expect(r.stderr).toBe("");
    expect(sha(first)).toBe(hash); // the input is never written
    const now = JSON.parse(r.stdout) as J;
    expect(now.rectifications).toHaveLength(6);
    const j = JSON.parse(cli(["calcola", second, "--json"]).stdout) as J;
    expect(j.rectifications).toHaveLength(6);
    expect(j.rectifications.map((x) => `${x.sheet}!${x.cell}`)).not.toContain(`${SITO}!H19`);
    // SOURCE_DATE_EPOCH 1767225600 = 2026-01-01 UTC.
    expect(j.acceptedRectifications).toEqual([{ sheet: SITO, cell: "H19", original: 0, computed: 1, acceptedOn: "2026-01-01" }]);
    const t = cli(["verifica", second]).stdout;
    expect(t).toContain("Rettifiche: 6");
    expect(t).toContain("Rettifiche accettate: 1");
    expect(t).toContain("dichiarata 0%, calcolata 100%, accettata il 01/01/2026");
    // The original stays in the backup, flagged: nothing of the user's is lost.
    const wb = await loadXlsx(second);
    const ws = wb.getWorksheet(BACKUP_SHEET_NAME)!;
    expect(ws.state).toBe("veryHidden");
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as string)))));
    const e = parseBackup(rows).find((x) => x.sheet === SITO && x.cell === "H19")!;
    expect(e.before.value).toBe(0);
    expect(e.after).toMatchObject({ value: 1, accepted: "2026-01-01" });
    expect(parseBackup(rows).filter((x) => x.after.accepted)).toHaveLength(1);
  });

  it("all accepted: none left, seven accepted", () => {
    const all = path.join(dir, "tutte.xlsx");
    expect(cli(["calcola", first, "--out", all, "--accetta-rettifiche"]).stdout).toContain("Rettifiche accettate: 7");
    const j = JSON.parse(cli(["calcola", all, "--json"]).stdout) as J;
    expect([j.rectifications.length, j.acceptedRectifications.length]).toEqual([0, 7]);
  });

  it("a cell that is no correction, or no --out: exit 2, nothing written", () => {
    const out = path.join(dir, "no.xlsx");
    const r = cli(["calcola", first, "--out", out, `--accetta-rettifiche=${SITO}!A1`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Nessuna rettifica da accettare");
    expect(fs.existsSync(out)).toBe(false);
    const n = cli(["calcola", first, "--accetta-rettifiche"]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("indicare anche --out");
    expect(cli(["verifica", first, "--accetta-rettifiche"]).code).toBe(2);
  });
});
