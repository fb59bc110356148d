// First step of `npm test`: the system programs the tests need besides Node.
//   - Debian's Chromium (/usr/bin/chromium) for the browser tests (preview, task pane);
//   - LibreOffice (soffice) as the independent reader of what we write (print tests);
//   - poppler-utils (pdftotext, pdfinfo) to read the PDFs LibreOffice prints.
// In full, as root: apt-get install -y chromium libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils
// (REQUIREMENTS below is where those names live). Where they are missing: as root on a machine with apt-get it installs them (one
// `apt-get update`, non-interactive); anywhere else it stops at once, before any test runs,
// printing the exact command to run. PIANO_SKIP_SYSTEM_DEPS=1 skips the check (not advised).
// `.ci/run` calls `npm test` too, so CI and a newcomer go through this same script.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Each requirement: the programs that must exist, and the Debian packages that provide them. */
export const REQUIREMENTS = [
  { what: "Chromium (test nel browser)", programs: ["/usr/bin/chromium"], packages: ["chromium"] },
  { what: "LibreOffice (test di stampa e dei documenti)", programs: ["soffice"], packages: ["libreoffice-calc-nogui", "libreoffice-writer-nogui"] },
  { what: "poppler-utils (lettura dei PDF)", programs: ["pdftotext", "pdfinfo"], packages: ["poppler-utils"] },
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A program name (looked up in PATH) or an absolute path. */
export function hasProgram(program, env = process.env) {
  if (path.isAbsolute(program)) return isExecutable(program);
  const dirs = (env.PATH || "").split(path.delimiter).filter(Boolean);
  return dirs.some((d) => isExecutable(path.join(d, program)));
}

/** The requirements whose programs are not all present. */
export function missingRequirements(has = hasProgram) {
  return REQUIREMENTS.filter((r) => !r.programs.every((p) => has(p)));
}

export function installCommand(packages) {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return r.status === 0;
}

function main() {
  if (process.env.PIANO_SKIP_SYSTEM_DEPS === "1") {
    console.log("[test] PIANO_SKIP_SYSTEM_DEPS=1: salto il controllo dei programmi di sistema (i test nel browser e di stampa possono fallire).");
    return 0;
  }
  const missing = missingRequirements();
  if (missing.length === 0) return 0;
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  const list = missing.map((r) => `  - ${r.what}: ${r.programs.join(", ")}`).join("\n");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = process.platform === "linux" && hasProgram("apt-get");
  if (isRoot && hasApt) {
    console.log(`[test] mancano programmi di sistema necessari ai test:\n${list}\n[test] li installo con apt-get (${packages.join(" ")}); la prima volta servono alcuni minuti.`);
    if (!run("apt-get", ["update", "-qq"]) || !run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages])) {
      console.error(`[test] installazione non riuscita. Eseguire a mano:\n  ${installCommand(packages)}`);
      return 1;
    }
    const still = missingRequirements();
    if (still.length > 0) {
      console.error(`[test] dopo l'installazione mancano ancora: ${still.flatMap((r) => r.programs).join(", ")}.`);
      return 1;
    }
    console.log("[test] programmi di sistema installati.");
    return 0;
  }
  const prefix = hasApt ? "sudo " : "";
  const command = hasApt
    ? `sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(" ")}`
    : installCommand(packages);
  console.error(
    `[test] mancano programmi di sistema necessari ai test:\n${list}\n` +
      (hasApt
        ? `Non sono root: installarli con\n  ${command}\npoi rilanciare \`npm test\`.`
        : `Questa macchina non ha apt-get: installare gli equivalenti dei pacchetti Debian ${packages.join(", ")} ` +
          `(su Debian/Ubuntu: ${prefix}${installCommand(packages)}), poi rilanciare \`npm test\`.`),
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exit(main());
}
