// «Accetta» a correction in core (issue 12): the backup codec's accept flag, which entries
// can be accepted, and that a later write of another value ends the acceptance.
import { decodeContent, encodeContent, parseBackup, backupRows, type BackupEntry } from "../../src/core/reader/backup";
import { backupAfterWrites } from "../../src/core/reader/analyze";
import { acceptInBackup, acceptanceDate, holdsWritten } from "../../src/core/rectifications";

const entry = (cell: string, before: number, after: number): BackupEntry => ({ sheet: "OO13", cell, before: { value: before, formula: null, numberFormat: "0%" }, after: { value: after, formula: null, numberFormat: "0%" } });

describe("the backup codec's accept flag", () => {
  test("round trip; old rows (no flag) read as not accepted; a malformed date is ignored", () => {
    const c = { value: 1, formula: null, numberFormat: "0%", accepted: "2026-12-01" };
    expect(encodeContent(c)).toBe('{"v":1,"f":null,"n":"0%","a":"2026-12-01"}');
    expect(decodeContent(encodeContent(c))).toEqual(c);
    expect(decodeContent('{"v":1,"f":null,"n":"0%"}')).toEqual({ value: 1, formula: null, numberFormat: "0%" });
    expect(decodeContent('{"v":1,"f":null,"n":"0%","a":"ieri"}')).toEqual({ value: 1, formula: null, numberFormat: "0%" });
  });

  test("an appended acceptance row keeps the first row's original and flags the written value", () => {
    const e = entry("H19", 0, 1);
    const acc = acceptInBackup([e], [{ sheet: "oo13", cell: "h19" }], () => true, "2026-12-01");
    const rows = [...backupRows([e]), ...backupRows(acc.changed)];
    expect(parseBackup(rows)).toEqual([{ ...e, after: { ...e.after, accepted: "2026-12-01" } }]);
  });
});

describe("acceptInBackup", () => {
  test("accepts only cells that still hold what the add-in wrote; others are unknown", () => {
    const backup = [entry("H19", 0, 1), entry("H20", 0.5, 0.6)];
    const live = new Map([["H19", 1], ["H20", 0.7]]);
    const r = acceptInBackup(backup, [{ sheet: "OO13", cell: "H19" }, { sheet: "OO13", cell: "H20" }, { sheet: "OO13", cell: "A1" }], (e) => holdsWritten(e, live.get(e.cell)), "2026-12-01");
    expect(r.changed.map((e) => e.cell)).toEqual(["H19"]);
    expect(r.unknown.map((c) => c.cell)).toEqual(["H20", "A1"]);
    expect(r.backup[0].before).toEqual(backup[0].before); // the original is kept
    expect(r.backup[1]).toBe(backup[1]);
  });

  test("a later write of another value into the cell ends the acceptance, the original kept", () => {
    const accepted = acceptInBackup([entry("H19", 0, 1)], [{ sheet: "OO13", cell: "H19" }], () => true, "2026-12-01").backup;
    const next = backupAfterWrites(accepted, [{ kind: "indicator", sheet: "OO13", cell: "H19", value: 0.9, before: 1, beforeFormat: "0%", numberFormat: "0%" } as never]);
    expect(next[0].before.value).toBe(0);
    expect(next[0].after.accepted).toBeUndefined();
  });

  test("acceptanceDate is the local calendar day", () => {
    expect(acceptanceDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});
