// axe-core for the accessibility specs: every violation on the page as it stands, in the light theme
// and the dark one, as readable lines (WCAG 2.1 A and AA, best practices, and the label-in-name rule
// axe keeps experimental).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** Every violation on the page as it stands, in both themes, as readable lines. */
export async function violations(page: Page, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    for (const v of results.violations)
      for (const node of v.nodes)
        found.push(
          `${state} (${colorScheme}): ${v.id}: ${node.target.join(" ")}: ${node.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
        );
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}
