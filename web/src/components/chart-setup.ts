import { use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The app's one ECharts setup. Every chart gets bar, line, grid, tooltip and the canvas renderer (the smallest
 * renderer: 3.6 KB gzip less than SVG). The rest loads, each in its own chunk, only when a chart's option asks for it,
 * so a page pays for what it draws (bench/web.ts). A new component or series type goes in `features` below.
 */
use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type Feature = 'legend' | 'dataZoom' | 'markers' | 'scatter';

const loaders: Record<Feature, () => Promise<unknown>> = {
  legend: () => import('./echarts/legend.js'),
  dataZoom: () => import('./echarts/data-zoom.js'),
  markers: () => import('./echarts/markers.js'),
  scatter: () => import('./echarts/scatter.js'),
};

const loading = new Map<Feature, Promise<unknown>>();
const ready = new Set<Feature>();

const asArray = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
const shown = (x: unknown): boolean =>
  asArray(x).some((c) => typeof c === 'object' && c !== null && (c as { show?: unknown }).show !== false);

/** The optional ECharts parts an option uses. */
export function featuresOf(option: EChartsCoreOption): Feature[] {
  const series = asArray(option['series']) as readonly Record<string, unknown>[];
  const out: Feature[] = [];
  if (shown(option['legend'])) out.push('legend');
  if (asArray(option['dataZoom']).length > 0) out.push('dataZoom');
  if (series.some((s) => s['markArea'] !== undefined || s['markLine'] !== undefined || s['markPoint'] !== undefined))
    out.push('markers');
  if (series.some((s) => s['type'] === 'scatter')) out.push('scatter');
  return out;
}

/** The parts the option needs that are not registered yet. */
export const featuresMissing = (option: EChartsCoreOption): Feature[] =>
  featuresOf(option).filter((f) => !ready.has(f));

/** How many optional parts are registered: an ECharts instance made before a registration does not see it. */
export const registeredVersion = (): number => ready.size;

/** Registers the given parts (each loaded once). */
export const preloadFeatures = (features: readonly Feature[]): Promise<void> =>
  Promise.all(
    features.map((f) => {
      const p = loading.get(f) ?? loaders[f]().then(() => ready.add(f));
      loading.set(f, p);
      return p;
    }),
  ).then(() => undefined);

/** Registers what the option needs; null when all of it is registered already (the chart can draw at once). */
export function loadFeatures(option: EChartsCoreOption): Promise<void> | null {
  const missing = featuresMissing(option);
  return missing.length === 0 ? null : preloadFeatures(missing);
}

/** The SVG renderer, loaded when a reader first exports a chart as SVG. */
export const loadSvgRenderer = (): Promise<unknown> => import('./echarts/svg.js');

/** The title component, loaded when a reader first exports a chart: only an export carries a drawn title. */
export const loadExportTitle = (): Promise<unknown> => import('./echarts/title.js');
