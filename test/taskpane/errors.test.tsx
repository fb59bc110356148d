// What the pane shows of an error: a host's Italian message, or — for anything not written
// for the user (a bug, a library's English text) — a generic Italian message, the detail
// going to the console only.
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { isUserFacingError } from "../../src/host/workbookHost";
import { FailureMessage, userMessage } from "../../src/taskpane/components/OperationStatus";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { ExcelHostError, toHostError } from "../../src/excel/errors";
import { PreviewError } from "../../src/preview/previewHost";
import { EXCEL_ERRORS } from "../../src/messages/excel";
import { ui } from "../../src/messages/ui";

const inPane = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

function quietConsole(): jest.SpyInstance {
  return jest.spyOn(console, "error").mockImplementation(() => undefined);
}

describe("isUserFacingError", () => {
  test("the hosts' errors are user-facing", () => {
    expect(isUserFacingError(new ExcelHostError("busy", EXCEL_ERRORS.busy, "Conflict"))).toBe(true);
    expect(isUserFacingError(toHostError({ code: "InvalidOperationInCellEditMode", message: "Cell edit mode" }))).toBe(true);
    expect(isUserFacingError(new PreviewError(ui.preview.noWorkbook))).toBe(true);
  });

  test("anything else is not", () => {
    expect(isUserFacingError(new Error("Something broke"))).toBe(false);
    expect(isUserFacingError(new TypeError("x is undefined"))).toBe(false);
    expect(isUserFacingError("a string")).toBe(false);
    expect(isUserFacingError(null)).toBe(false);
    expect(isUserFacingError(undefined)).toBe(false);
    // Office's own error objects (OfficeExtension.Error-like) are not: the Excel host translates them.
    expect(isUserFacingError({ name: "RichApi.Error", code: "AccessDenied", message: "Access denied" })).toBe(false);
    // Borrowing the name is not enough without the host error's code, nor a non-true flag.
    const named = new Error("Oops");
    named.name = "ExcelHostError";
    expect(isUserFacingError(named)).toBe(false);
    expect(isUserFacingError(Object.assign(new Error("Oops"), { userFacing: "yes" }))).toBe(false);
  });

  test("an error marked userFacing: true is shown", () => {
    expect(isUserFacingError(Object.assign(new Error("Il file è bloccato."), { userFacing: true }))).toBe(true);
  });
});

describe("userMessage", () => {
  test("first line of a user-facing message, never the stack; long ones shortened", () => {
    const e = new PreviewError("Prima riga.\nSeconda riga.");
    expect(userMessage(e)).toBe("Prima riga.");
    const long = userMessage(new PreviewError("a".repeat(400)))!;
    expect(long).toHaveLength(298);
    expect(long.endsWith("…")).toBe(true);
  });

  test("null for errors not written for the user, and for an empty message", () => {
    expect(userMessage(new Error("Network error"))).toBeNull();
    expect(userMessage({ message: "An internal error has occurred." })).toBeNull();
    expect(userMessage(new PreviewError("   "))).toBeNull();
  });
});

describe("FailureMessage", () => {
  test("a host error: its Italian message is the detail, nothing is logged", () => {
    const spy = quietConsole();
    try {
      inPane(<FailureMessage kind="restore" error={new ExcelHostError("busy", EXCEL_ERRORS.busy, "Conflict")} />);
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(ui.errors.title.restore);
      expect(alert.textContent).toContain(ui.errors.whatToDo.restore);
      expect(alert.textContent).toContain(ui.errors.detail(EXCEL_ERRORS.busy));
      expect(alert.textContent).not.toContain(ui.errors.unexpected);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test("a plain Error: generic Italian text with what to do; the English message only in the console", () => {
    const spy = quietConsole();
    try {
      const err = new Error("Failed to execute 'postMessage' on 'Window'");
      inPane(<FailureMessage kind="summary" error={err} />);
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(ui.errors.title.summary);
      expect(alert.textContent).toContain(ui.errors.whatToDo.summary);
      expect(alert.textContent).toContain(ui.errors.unexpected);
      expect(alert.textContent).not.toMatch(/postMessage|Failed|Dettaglio/);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy).toHaveBeenCalledWith(expect.stringContaining("summary"), err);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("ErrorBoundary", () => {
  function Boom(props: { error: unknown }): React.ReactElement {
    throw props.error;
  }

  test("a rendering bug: Italian message and retry, the English message only in the console", async () => {
    const spy = quietConsole();
    try {
      const err = new TypeError("Cannot read properties of null (reading 'objectives')");
      inPane(
        <ErrorBoundary>
          <Boom error={err} />
        </ErrorBoundary>,
      );
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(ui.errors.crashTitle);
      expect(alert.textContent).toContain(ui.errors.crashBody);
      expect(alert.textContent).toContain(ui.errors.consoleHint);
      expect(alert.textContent).not.toMatch(/Cannot read|objectives|Dettaglio/);
      expect(spy.mock.calls.some((args) => args.includes(err))).toBe(true);
      expect(screen.getByRole("button", { name: ui.errors.retry })).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  test("a host error thrown while rendering: its Italian message is shown", () => {
    const spy = quietConsole();
    try {
      inPane(
        <ErrorBoundary>
          <Boom error={new PreviewError(ui.preview.noWorkbook)} />
        </ErrorBoundary>,
      );
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(ui.errors.detail(ui.preview.noWorkbook));
      expect(alert.textContent).not.toContain(ui.errors.consoleHint);
    } finally {
      spy.mockRestore();
    }
  });

  test("Riprova renders the children again", async () => {
    const spy = quietConsole();
    try {
      let fail = true;
      function Flaky(): React.ReactElement {
        if (fail) throw new Error("first render fails");
        return <p>contenuto</p>;
      }
      inPane(
        <ErrorBoundary>
          <Flaky />
        </ErrorBoundary>,
      );
      fail = false;
      await userEvent.setup().click(screen.getByRole("button", { name: ui.errors.retry }));
      expect(screen.getByText("contenuto")).toBeTruthy();
      expect(screen.queryByRole("alert")).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
