/** Light, dark, or whatever the device prefers (the default). Kept in a cookie so the server paints it first time. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "desk-theme";

export function themeOr(value: unknown): Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value) ? (value as Theme) : "system";
}

/**
 * Runs before the first paint when the theme follows the device: puts class "dark" on <html> while the device
 * prefers dark, and keeps it in step when that changes. The colours themselves already follow the media query in CSS.
 */
export const SYSTEM_THEME_SCRIPT = `(function(){var d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");function a(){if(d.dataset.theme==="system")d.classList.toggle("dark",m.matches)}a();m.addEventListener("change",a)})();`;
