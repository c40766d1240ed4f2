import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe on what the page shows now and returns one readable line per serious or critical
 * violation and element: rule id, impact, the element's selector and what axe found. Empty when there are none.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Only violations are read, so axe need not list every passing element; and the desk has no iframes, so axe runs
  // in the page itself (legacy mode) instead of opening a blank page per run to merge frame results: both save time.
  const { violations } = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const found = [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean) ?? violation.help;
        return `${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${found}`;
      }),
    );
}
