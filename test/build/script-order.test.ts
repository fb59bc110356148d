// The shared-runtime page (dist/taskpane.html) loads functions.js before the ~600 KB
// taskpane.js (issue 9): on a cold start Excel calls the custom functions as soon as they are
// associated, so the small functions bundle must not wait for the pane's. office.js (CDN) comes
// first of all: functions.js calls CustomFunctions.associate, which office.js defines.
// https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";

const dist = process.env.PIANO_DIST || path.join(path.resolve(__dirname, "../.."), "dist");

describe("dist/taskpane.html: order of the scripts", () => {
  const doc = new JSDOM(readFileSync(path.join(dist, "taskpane.html"), "utf8")).window.document;
  const scripts = [...doc.querySelectorAll("script[src]")].map((s) => ({
    src: s.getAttribute("src") ?? "",
    defer: s.hasAttribute("defer"),
    async: s.hasAttribute("async"),
  }));
  const index = (name: string) => scripts.findIndex((s) => path.basename(s.src.split("?")[0]) === name);

  test("office.js, then functions.js, then commands.js, then taskpane.js", () => {
    expect(scripts[0].src).toContain("office.js");
    expect(index("functions.js")).toBeGreaterThan(0);
    expect(index("functions.js")).toBeLessThan(index("commands.js"));
    expect(index("commands.js")).toBeLessThan(index("taskpane.js"));
  });

  test("the bundles are deferred, never async (deferred scripts run in document order)", () => {
    for (const name of ["functions.js", "commands.js", "taskpane.js"]) {
      const s = scripts[index(name)];
      expect(s.async).toBe(false);
      expect(s.defer).toBe(true);
    }
  });

  test("functions.js is much smaller than taskpane.js (the point of loading it first)", () => {
    expect(statSync(path.join(dist, "functions.js")).size * 3).toBeLessThan(statSync(path.join(dist, "taskpane.js")).size);
  });
});

describe("dist/taskpane.html: the engine once", () => {
  // The shared runtime runs functions.js and taskpane.js in one page: the pane depends on the
  // functions entry (webpack.config.js), so the engine they share — the rules and their Italian
  // explanations — is in functions.js only, not bundled a second time into the pane's script.
  const read = (f: string) => readFileSync(path.join(dist, f), "utf8");
  const doc = new JSDOM(read("taskpane.html")).window.document;
  const local = [...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src") ?? "").filter((s) => !/^https?:/.test(s));

  test.each(["escluso dalla media, pesi ricalcolati", "serve la Baseline (valore di partenza) dell'indicatore"])("«%s» is in exactly one script the page loads: functions.js", (text) => {
    const holders = local.filter((f) => read(f).includes(text));
    expect(holders).toEqual(["functions.js"]);
  });

  test("the model of Excel (src/officeModel, the preview's «Diagnostica») is in no script the page loads", () => {
    // A text only the model has (src/officeModel/excel.ts).
    const marker = "queued action(s) never synced";
    expect(local.filter((f) => read(f).includes(marker))).toEqual([]);
    // It is in the preview's on-demand chunk instead.
    expect(read("office-model.js")).toContain(marker);
  });
});

