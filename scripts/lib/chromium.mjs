import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Playwright cannot download its browser on every machine: as root on Debian, install Debian's chromium (which
 * playwright.config.ts then uses); anywhere else, let Playwright fetch its own.
 */
export function ensureChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH || existsSync(DEBIAN_CHROMIUM)) return true;
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (asRoot && existsSync("/etc/debian_version")) {
    console.log("› Installing Debian's chromium for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    if (install && install.status === 0 && existsSync(DEBIAN_CHROMIUM)) return true;
    console.error("apt-get could not install chromium; trying Playwright's own browser instead.");
  }
  console.log("› Installing Playwright's Chromium…");
  return spawnSync("node_modules/.bin/playwright", ["install", "chromium"], { stdio: "inherit" }).status === 0;
}
