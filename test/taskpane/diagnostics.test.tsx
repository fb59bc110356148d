// «Diagnostica» in Impostazioni: runs the host's round trip and shows a copyable report.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DIAGNOSTICS } from "../../src/messages/diagnostics";
import { FakeHost } from "./fakeHost";
import { twoCards } from "./grids";
import { renderPane } from "./render";

test("Diagnostica shows the environment and each check, and the report can be copied", async () => {
  const user = userEvent.setup();
  const host = new FakeHost(twoCards());
  renderPane(host, "settings");
  await screen.findByRole("button", { name: "Salva impostazioni" }, { timeout: 15_000 });
  expect(screen.getByRole("heading", { name: DIAGNOSTICS.heading })).toBeTruthy();
  expect(screen.getByText(DIAGNOSTICS.intro)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: DIAGNOSTICS.run }));
  const report = (await screen.findByLabelText(DIAGNOSTICS.reportLabel, undefined, { timeout: 10_000 })) as HTMLTextAreaElement;
  expect(report.readOnly).toBe(true);
  expect(report.value.split("\n")).toEqual(["Excel 16.0 · PC · ExcelApi 1.12, 1.13", "OK · Numero — letto: 1234.5", "NO · Celle unite — letto: —"]);
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  await user.click(screen.getByRole("button", { name: DIAGNOSTICS.copy }));
  expect(writeText).toHaveBeenCalledWith(report.value);
  expect(await screen.findByText(DIAGNOSTICS.copied)).toBeTruthy();
}, 30_000);
