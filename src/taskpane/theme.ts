// Which Fluent theme matches Office's: pure, so both the task pane entry (which reads
// Office.context.officeTheme and hands it in) and the preview (which reads the browser) use it.
import { webLightTheme, type Theme } from "@fluentui/react-components";

export interface ThemeHints {
  /** Office reports a dark theme (Black, Dark Gray), or the body colour is dark. */
  dark: boolean;
  /** The system's high-contrast mode (forced colours) is on. */
  highContrast: boolean;
}

export type ThemeKind = "light" | "dark" | "highContrast";

export function themeKind(h: ThemeHints): ThemeKind {
  if (h.highContrast) return "highContrast";
  return h.dark ? "dark" : "light";
}

/** The light theme ships with the pane; dark and high contrast are loaded when needed. */
export async function loadTheme(kind: ThemeKind): Promise<Theme> {
  if (kind === "dark") return (await import(/* webpackChunkName: "theme-dark" */ "./themes/dark")).theme;
  if (kind === "highContrast") return (await import(/* webpackChunkName: "theme-hc" */ "./themes/highContrast")).theme;
  return webLightTheme;
}

/** "#1F1F1F" → true. Relative luminance below the midpoint counts as dark. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return l < 0.18;
}

/** What Office.context.officeTheme offers, as far as choosing light or dark goes. Older
 *  hosts lack isDarkTheme; some leave the colours empty. */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Office's theme is dark: its own flag when it has one, else the pane body's colour.
 *  No theme (office.js missing, not in Office) counts as light. */
export function officeIsDark(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  return typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : isDarkColor(theme.bodyBackgroundColor);
}

/** Forced colours (Windows high contrast) as the browser reports it. */
export function prefersHighContrast(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}
