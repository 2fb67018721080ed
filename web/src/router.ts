import { useCallback, useSyncExternalStore } from 'react';

/** The pages of the menu; each keeps its state in the query part of the hash so a link reproduces the view. */
export const pages = ['record', 'calculator', 'compare', 'simulate', 'theory', 'roleplay'] as const;
/** Every page, the menu's and those reached by a link (the sign-in page, from the header). */
export const allPages = [...pages, 'signin'] as const;
export type Page = (typeof allPages)[number];

export interface Route {
  readonly page: Page;
  readonly params: URLSearchParams;
}

// Hash routing (#/calculator?rate=0.05) works behind any static server, with no fallback route needed.
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const page = (allPages as readonly string[]).includes(path) ? (path as Page) : 'record';
  return { page, params };
}

export function hrefFor(page: Page, params?: Record<string, string>): string {
  const qs = params ? new URLSearchParams(params).toString() : '';
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('sma:route', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('sma:route', onChange);
  };
};

const snapshot = (): string => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return parseHash(hash);
}

/** Replaces query params of the current page in place (no history entry per keystroke). */
export function setParams(update: Record<string, string | null>): void {
  const { page, params } = parseHash(window.location.hash);
  for (const [k, v] of Object.entries(update)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const qs = params.toString();
  window.history.replaceState(null, '', `#/${page}${qs ? `?${qs}` : ''}`);
  window.dispatchEvent(new Event('sma:route'));
}

/** One piece of view state held in the URL: `[value, setValue]` like useState, default when absent. */
export function useQueryParam(key: string, fallback: string): [string, (v: string) => void] {
  const { params } = useRoute();
  const value = params.get(key) ?? fallback;
  const set = useCallback((v: string) => setParams({ [key]: v === fallback ? null : v }), [key, fallback]);
  return [value, set];
}

/** A numeric query param; invalid text in the URL falls back to the default. */
export function useNumberParam(key: string, fallback: number): [number, (v: number) => void] {
  const [raw, setRaw] = useQueryParam(key, String(fallback));
  const n = Number(raw);
  const set = useCallback((v: number) => setRaw(String(v)), [setRaw]);
  return [Number.isFinite(n) ? n : fallback, set];
}
