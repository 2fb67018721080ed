import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { AccountBar } from './account.js';
import { useI18n } from './i18n/lang.js';
import { preloadChart } from './components/chart.js';
import { PageBoundary } from './components/page-boundary.js';
import type { Feature } from './components/chart-setup.js';
import { hrefFor, pages, useRoute, type Page } from './router.js';

// A page that opens on a chart fetches the chart code in parallel with its own chunk.
const withChart = <T,>(page: Promise<T>, features: readonly Feature[] = []): Promise<T> => {
  preloadChart(features);
  return page;
};

// Each page is its own chunk so the first load carries only the shell.
const views: Record<Page, LazyExoticComponent<ComponentType>> = {
  record: lazy(() => withChart(import('./pages/record.js'), ['dataZoom', 'markers'])),
  calculator: lazy(() => withChart(import('./pages/calculator.js'))),
  compare: lazy(() => withChart(import('./pages/compare.js'), ['legend'])),
  simulate: lazy(() => import('./pages/simulate.js')),
  theory: lazy(() => withChart(import('./pages/theory.js'), ['legend', 'markers', 'scatter'])),
  roleplay: lazy(() => import('./pages/roleplay.js')),
  signin: lazy(() => import('./pages/signin.js')),
};

export function App() {
  const { page } = useRoute();
  const { t, lang, setLang } = useI18n();
  const View = views[page];
  useEffect(() => {
    document.title = `${t(`nav.${page}`)} · ${t('appName')}`;
  }, [page, t]);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {lang === 'ko' ? '본문으로 건너뛰기' : 'Skip to content'}
      </a>
      <header className="top">
        <div className="brand">
          <strong>{t('appName')}</strong>
          <span className="tagline">{t('tagline')}</span>
        </div>
        <nav aria-label={lang === 'ko' ? '주 메뉴' : 'Main'}>
          <ul>
            {pages.map((p) => (
              <li key={p}>
                <a href={hrefFor(p)} aria-current={p === page ? 'page' : undefined}>
                  {t(`nav.${p}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <AccountBar />
        <div className="lang" role="group" aria-label={t('lang.switch')}>
          <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')} lang="ko">
            한국어
          </button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
            English
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <PageBoundary key={page} message={t('page.loadError')} reload={t('page.reload')}>
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <View />
          </Suspense>
        </PageBoundary>
      </main>
    </div>
  );
}
