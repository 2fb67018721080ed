import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Feature } from './chart-setup.js';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  /** Read by screen readers and used as the export file name. */
  readonly title: string;
  /** A file-safe stem for exports, e.g. `sma-record-nominal`. */
  readonly filename: string;
  readonly option: ChartOption;
  /** What the values are in ("KRW, nominal"), printed under the title of an exported picture. */
  readonly units?: string;
  /** Where the figures come from, printed at the foot of an exported picture (default: the app's record). */
  readonly source?: string;
  readonly height?: number;
  /** Called with the data index of a clicked point or bar. */
  readonly onPick?: (dataIndex: number, seriesIndex: number) => void;
}

const loadChart = () => import('./chart-impl.js');
// ECharts (about 175 KB gzip) is not needed for a page's numbers and tables, so their first paint does not wait for it.
const ChartImpl = lazy(loadChart);

/**
 * Starts fetching the chart code beside a chart page's own chunk rather than after that page has rendered, with the
 * optional ECharts parts the page's first chart uses (registered before any chart is made, so none is made twice).
 */
export function preloadChart(features: readonly Feature[] = []): void {
  void loadChart();
  if (features.length > 0) void import('./chart-setup.js').then((m) => m.preloadFeatures(features));
}

/** An ECharts chart with an accessible name, tooltip and PNG/SVG export buttons; the figure's space is kept while it loads. */
export default function Chart(props: ChartProps) {
  const height = props.height ?? 320;
  return (
    <Suspense
      fallback={
        <figure className="chart-box" style={{ margin: 0 }}>
          <div className="chart" role="img" aria-label={props.title} aria-busy="true" style={{ height: height + 30 }} />
          <figcaption className="muted" style={{ fontSize: '0.85rem' }}>
            {props.title}
          </figcaption>
        </figure>
      }
    >
      <ChartImpl {...props} />
    </Suspense>
  );
}
