"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/locale-provider";
import { THEME_COOKIE, themeOr, type Theme } from "@/lib/theme";

const YEAR_SECONDS = 365 * 24 * 60 * 60;
const DARK_QUERY = "(prefers-color-scheme: dark)";

function apply(theme: Theme) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.classList.toggle("dark", theme === "dark" || (theme === "system" && window.matchMedia(DARK_QUERY).matches));
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
}

/**
 * One switch: dark on or off. A choice that matches what the device prefers is stored as "system", so the desk goes
 * back to following the device; any other choice is kept as it is. The server paints the stored theme first.
 */
export function ThemeToggle() {
  const { t } = useI18n();
  const [dark, setDark] = useState(false);

  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const sync = () => setDark(document.documentElement.classList.contains("dark"));
    sync();
    media.addEventListener("change", sync);
    return () => media.removeEventListener("change", sync);
  }, []);

  function toggle() {
    const wantDark = !document.documentElement.classList.contains("dark");
    const next: Theme = wantDark === window.matchMedia(DARK_QUERY).matches ? "system" : wantDark ? "dark" : "light";
    apply(themeOr(next));
    setDark(wantDark);
  }

  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={toggle}
      className="inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      <span aria-hidden className="text-base">
        {dark ? "☾" : "☀"}
      </span>
      {/* On a phone the icon alone keeps the header to two lines; the name is still the button's. */}
      <span className="sr-only sm:not-sr-only">{t("theme.dark")}</span>
    </button>
  );
}
