import type { Page } from 'playwright-core';

/**
 * Before a screenshot: the page's API answers in, every chart on it drawn, its fonts loaded. Never a fixed wait,
 * which is either too short on a busy machine (a flaky picture) or longer than needed.
 */
export const settle = async (p: Page): Promise<void> => {
  await p.waitForLoadState('networkidle');
  await p.waitForFunction(
    "[...document.querySelectorAll('.chart')].every((c) => c.getAttribute('data-drawn') === 'true') && document.fonts.status === 'loaded'",
  );
};
