// Office's theme → light or dark. officeIsDark gets Office.context.officeTheme as it is
// handed over by the task pane entry (index.tsx); here, the shapes Office hosts report.
import { officeIsDark, themeKind } from "../../src/taskpane/theme";

describe("officeIsDark", () => {
  test("Office's own flag wins over the colours", () => {
    expect(officeIsDark({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe(true);
    expect(officeIsDark({ isDarkTheme: false, bodyBackgroundColor: "#262626" })).toBe(false);
  });

  test("without the flag (older hosts), the body colour decides", () => {
    // Office's Black / Dark Gray themes …
    expect(officeIsDark({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(officeIsDark({ bodyBackgroundColor: "#000000" })).toBe(true);
    expect(officeIsDark({ bodyBackgroundColor: "444444" })).toBe(true);
    // … and Colorful / White.
    expect(officeIsDark({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(officeIsDark({ bodyBackgroundColor: "#e6e6e6" })).toBe(false);
  });

  test("no usable information counts as light", () => {
    expect(officeIsDark(undefined)).toBe(false);
    expect(officeIsDark(null)).toBe(false);
    expect(officeIsDark({})).toBe(false);
    expect(officeIsDark({ bodyBackgroundColor: "" })).toBe(false);
    expect(officeIsDark({ bodyBackgroundColor: "black" })).toBe(false);
  });

  test("feeds the theme choice; high contrast still wins", () => {
    expect(themeKind({ dark: officeIsDark({ isDarkTheme: true }), highContrast: false })).toBe("dark");
    expect(themeKind({ dark: officeIsDark({ isDarkTheme: true }), highContrast: true })).toBe("highContrast");
    expect(themeKind({ dark: officeIsDark({ bodyBackgroundColor: "#FFFFFF" }), highContrast: false })).toBe("light");
  });
});
