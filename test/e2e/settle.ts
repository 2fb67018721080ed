import type { Page } from 'playwright-core';

/**
 * Before a screenshot: the document loaded, every chart on it drawn, its fonts loaded. Never a fixed wait, which is
 * either too short on a busy machine (a flaky picture) or longer than needed. Not 'networkidle' either: a role-play
 * page keeps its event stream open for as long as it lives, so the network is never idle there; each test waits
 * for its own data's marker before it settles.
 */
export const settle = async (p: Page): Promise<void> => {
  await p.waitForLoadState('load');
  await p.waitForFunction(
    "[...document.querySelectorAll('.chart')].every((c) => c.getAttribute('data-drawn') === 'true') && document.fonts.status === 'loaded'",
  );
};
