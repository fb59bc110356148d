// scripts/ensure-test-deps.mjs, the first step of `npm test` (issue 9: the README's test
// command must pass on a fresh Linux machine by itself): it finds what is missing and, when
// it cannot install it (not root, or no apt-get), stops at once with the exact command.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const script = path.join(root, "scripts", "ensure-test-deps.mjs");

function evalModule(code: string): string {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(script)});\n${code}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

describe("scripts/ensure-test-deps.mjs", () => {
  test("elenca Chromium, LibreOffice e poppler-utils con i pacchetti Debian che li danno", () => {
    const out = JSON.parse(evalModule("console.log(JSON.stringify(m.missingRequirements(() => false).map((r) => [r.programs, r.packages])))"));
    expect(out).toEqual([
      [["/usr/bin/chromium"], ["chromium"]],
      [["soffice"], ["libreoffice-calc-nogui", "libreoffice-writer-nogui"]],
      [["pdftotext", "pdfinfo"], ["poppler-utils"]],
    ]);
    expect(JSON.parse(evalModule("console.log(JSON.stringify(m.missingRequirements(() => true)))"))).toEqual([]);
    // Only what is missing is listed.
    expect(JSON.parse(evalModule("console.log(JSON.stringify(m.missingRequirements((p) => p !== 'pdfinfo').map((r) => r.packages)))"))).toEqual([["poppler-utils"]]);
  });

  test("trova i programmi nel PATH", () => {
    expect(evalModule("console.log(m.hasProgram('node', { PATH: " + JSON.stringify(path.dirname(process.execPath)) + " }))")).toBe("true");
    expect(evalModule("console.log(m.hasProgram('soffice', { PATH: '/nonexistent' }))")).toBe("false");
  });

  const canDropRoot = process.getuid?.() === 0 && existsSync("/usr/bin/setpriv");
  (canDropRoot ? test : test.skip)("senza i diritti di root si ferma subito (uscita 1) con il comando esatto da eseguire", () => {
    const started = Date.now();
    // As the unprivileged user nobody, with a PATH where neither soffice nor pdftotext exist.
    const r = spawnSync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, script], {
      encoding: "utf8",
      env: { PATH: "/nonexistent:/usr/bin/nonexistent", HOME: "/tmp" },
    });
    expect(Date.now() - started).toBeLessThan(10000);
    expect(r.status).toBe(1);
    // apt-get is not in that PATH either: the message names the Debian packages and the command.
    expect(r.stderr).toContain("mancano programmi di sistema necessari ai test");
    expect(r.stderr).toContain("apt-get install -y --no-install-recommends");
    expect(r.stderr).toContain("libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils");
    expect(r.stderr).toContain("rilanciare `npm test`");
  });

  (canDropRoot ? test : test.skip)("non root su una macchina con apt-get: il comando è con sudo", () => {
    const r = spawnSync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, script], {
      encoding: "utf8",
      // A PATH holding only apt-get: apt-get is found, soffice and pdftotext are not.
      env: { PATH: path.join(root, "test", "build", "fixtures", "apt-only"), HOME: "/tmp" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Non sono root");
    expect(r.stderr).toContain("sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends");
  });

  test("con tutto installato esce 0 senza dire nulla", () => {
    const r = spawnSync(process.execPath, [script], { encoding: "utf8" });
    // This machine has them (the browser and print tests need them anyway).
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });
});
