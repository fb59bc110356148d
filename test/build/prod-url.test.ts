// `npm run build` without PIANO_PROD_URL (issue 9): it stops at once with an Italian message
// and never falls back to a placeholder host; a bad URL is refused the same way.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");

function build(url: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PIANO_PROD_URL;
  if (url !== undefined) env.PIANO_PROD_URL = url;
  // --output-path elsewhere: should the check ever let a build through, dist/ stays untouched.
  return spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", path.join(root, "node_modules", ".cache", "piano-prod-url-test")], { cwd: root, env, encoding: "utf8", timeout: 60000 });
}

describe("build di produzione senza PIANO_PROD_URL", () => {
  test("si ferma (uscita 2) con un messaggio in italiano e l'esempio del comando", () => {
    const r = build(undefined);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("PIANO_PROD_URL non è impostata.");
    expect(r.stderr).toContain("docs/deploy.md");
    expect(r.stderr).toContain("PIANO_PROD_URL=https://");
    expect(r.stdout + r.stderr).not.toMatch(/example\.org|compiled/);
  });

  test.each([
    ["http://piano.ente.it/", "deve iniziare con https://"],
    ["https://localhost:3000/", "non può puntare a questo computer"],
    ["non un indirizzo", "non è un indirizzo valido"],
    ["https://piano.ente.it/?x=1", "non deve contenere"],
  ])("rifiuta %s", (url, message) => {
    const r = build(url);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
