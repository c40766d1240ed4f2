import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
// The browser tests run in the headless shell (lighter on CPU); the load and bench runs drive the full browser.
const DEBIAN_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
// The language switch says "हिन्दी" on every page: without a Devanagari font it renders as boxes, and the committed
// screenshots (made with this font) would all change.
const DEVANAGARI_FONT = "fonts-lohit-deva";

function hasDevanagariFont() {
  const found = spawnSync("fc-list", [":lang=hi", "family"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() !== "";
}

/**
 * Playwright cannot download its browser on every machine: as root on Debian, install Debian's chromium and its
 * headless shell (which playwright.config.ts then uses), and a Devanagari font if there is none; anywhere else, let
 * Playwright fetch its own.
 */
export function ensureChromium() {
  const chosen = Boolean(process.env.PLAYWRIGHT_CHROMIUM_PATH);
  const hasChromium = chosen || existsSync(DEBIAN_CHROMIUM);
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (asRoot && existsSync("/etc/debian_version")) {
    const packages = [
      ...(hasChromium ? [] : ["chromium"]),
      ...(chosen || existsSync(DEBIAN_HEADLESS_SHELL) ? [] : ["chromium-headless-shell"]),
      ...(hasDevanagariFont() ? [] : [DEVANAGARI_FONT]),
    ];
    if (packages.length === 0) return true;
    console.log(`› Installing ${packages.join(", ")} for the browser tests (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
    if (!install || install.status !== 0) console.error(`apt-get could not install ${packages.join(", ")}.`);
    if (hasChromium || existsSync(DEBIAN_CHROMIUM)) return true;
    console.error("Trying Playwright's own browser instead.");
  } else if (hasChromium) return true;
  console.log("› Installing Playwright's Chromium…");
  return spawnSync("node_modules/.bin/playwright", ["install", "chromium"], { stdio: "inherit" }).status === 0;
}
