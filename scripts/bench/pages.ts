import type { Browser, BrowserContext } from "@playwright/test";
import { percentile } from "./stats";

/** Who the page is opened as: a session cookie, or nobody (the sign-in page); `route` names a path with a ref in results. */
export type Visit = { name: string; path: string; cookie?: string; route?: string };

async function contextFor(
  browser: Browser,
  baseUrl: string,
  visit: Visit,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (visit.cookie) {
    const [name, ...rest] = visit.cookie.split("=");
    await context.addCookies([{ name: name!, value: rest.join("="), url: baseUrl }]);
  }
  return context;
}

export type FirstLoad = { page: string; path: string; scripts: number; bytes: number; encodings: string[] };

/**
 * The JavaScript a first visit downloads, in bytes on the wire (as compressed by the server) as Chromium reports them:
 * every script response of a cold load, up to a quiet network.
 */
export async function firstLoadJs(browser: Browser, baseUrl: string, visit: Visit): Promise<FirstLoad> {
  const context = await contextFor(browser, baseUrl, visit);
  try {
    const page = await context.newPage();
    const scripts: Promise<{ bytes: number; encoding: string }>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      scripts.push(
        Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
          bytes: sizes.responseBodySize,
          encoding: response?.headers()["content-encoding"] ?? "identity",
        })),
      );
    });
    const response = await page.goto(`${baseUrl}${visit.path}`, { waitUntil: "networkidle" });
    if (!response?.ok() || new URL(page.url()).pathname !== visit.path)
      throw new Error(`${visit.path} did not load (${response?.status()}, at ${page.url()})`);
    const done = await Promise.all(scripts);
    return {
      page: visit.name,
      path: visit.route ?? visit.path,
      scripts: done.length,
      bytes: done.reduce((sum, s) => sum + s.bytes, 0),
      encodings: [...new Set(done.map((s) => s.encoding))],
    };
  } finally {
    await context.close();
  }
}

/** DevTools' "Slow 4G" (Lighthouse's mobile throttling): 562.5 ms round trip, 1.47 Mbps down, 675 kbps up. */
export const SLOW_4G = { latency: 562.5, downloadThroughput: (1_474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;
/** A mid-tier Android phone's screen, as Lighthouse's mobile profile has it. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

export type PageSpeed = { page: string; path: string; runs: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number; lcpElement: string };

// Collected in the page from its very first script: paint timings, layout shifts and long tasks.
const OBSERVE = `
  window.__speed = { lcp: 0, lcpElement: "", fcp: 0, cls: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__speed.lcp = e.startTime;
      const el = e.element;
      window.__speed.lcpElement = el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.textContent || "").trim().slice(0, 30) : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__speed.fcp = e.startTime; }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__speed.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__speed.longTasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
`;

type Raw = { lcp: number; lcpElement: string; fcp: number; cls: number; longTasks: [number, number][] };

/**
 * LCP, TBT and CLS of a cold load on a throttled phone, the median of `runs` loads. TBT here is the blocking part
 * (beyond 50 ms) of every long task after first paint, until the page has been quiet for `settleMs`.
 */
export async function pageSpeed(browser: Browser, baseUrl: string, visit: Visit, runs: number, settleMs = 3_000): Promise<PageSpeed> {
  const results: Raw[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await contextFor(browser, baseUrl, visit, PHONE);
    try {
      await context.addInitScript({ content: OBSERVE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      const response = await page.goto(`${baseUrl}${visit.path}`, { waitUntil: "load", timeout: 60_000 });
      if (!response?.ok() || new URL(page.url()).pathname !== visit.path)
        throw new Error(`${visit.path} did not load (${response?.status()}, at ${page.url()})`);
      await page.waitForTimeout(settleMs);
      results.push(await page.evaluate(() => (window as unknown as { __speed: Raw }).__speed));
    } finally {
      await context.close();
    }
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  const tbt = (raw: Raw) => raw.longTasks.filter(([start]) => start >= raw.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  return {
    page: visit.name,
    path: visit.path,
    runs,
    lcpMs: median(results.map((r) => r.lcp)),
    fcpMs: median(results.map((r) => r.fcp)),
    tbtMs: median(results.map(tbt)),
    cls: median(results.map((r) => r.cls)),
    lcpElement: results[results.length - 1]?.lcpElement ?? "",
  };
}
