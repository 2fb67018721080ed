import { useEffect, useRef } from 'react';
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useI18n } from '../i18n/lang.js';
import { download } from './download.js';

// Only what the app draws: tree-shaken echarts/core keeps this chunk small.
use([
  LineChart,
  BarChart,
  ScatterChart,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
  SVGRenderer,
]);

import type { ChartOption, ChartProps } from './chart.js';

const fontFamily =
  "system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', 'Nanum Gothic', sans-serif";

/** An ECharts chart with aria description, tooltip and PNG/SVG export buttons. */
export default function Chart({ title, filename, option, height = 320, onPick }: ChartProps) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    // Marks the element once drawn, for the end-to-end tests and the benchmark.
    c.on('finished', () => el.current?.setAttribute('data-drawn', 'true'));
    c.on('click', (p) => {
      const e = p as { dataIndex?: number; seriesIndex?: number };
      if (typeof e.dataIndex === 'number') pick.current?.(e.dataIndex, e.seriesIndex ?? 0);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withDefaults(option, title), { notMerge: true });
  }, [option, title]);

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) download(`${filename}.png`, url);
  };
  const exportSvg = () => {
    const w = el.current?.clientWidth ?? 800;
    // A throwaway server-side-style SVG instance: the on-screen chart stays on canvas.
    const svg = init(null, null, { renderer: 'svg', ssr: true, width: w, height });
    svg.setOption({ ...withDefaults(option, title), animation: false, backgroundColor: '#fff' });
    const text = svg.renderToSVGString();
    svg.dispose();
    download(`${filename}.svg`, new Blob([text], { type: 'image/svg+xml' }));
  };

  return (
    <figure className="chart-box" style={{ margin: 0 }}>
      <div className="toolbar" role="group" aria-label={`${t('export.label')}: ${title}`}>
        <button type="button" onClick={exportPng} aria-label={`${t('export.png')} — ${title}`}>
          ⤓ {t('export.png')}
        </button>
        <button type="button" onClick={exportSvg} aria-label={`${t('export.svg')} — ${title}`}>
          ⤓ {t('export.svg')}
        </button>
      </div>
      <div ref={el} className="chart" role="img" aria-label={title} style={{ height }} />
      <figcaption className="muted" style={{ fontSize: '0.85rem' }}>
        {title}
      </figcaption>
    </figure>
  );
}

function withDefaults(option: ChartOption, title: string): ChartOption {
  return {
    aria: { enabled: true, label: { description: title } },
    // Short enough that a reader sees the data at once, long enough to show what changed after an edit.
    animationDuration: 400,
    animationDurationUpdate: 300,
    textStyle: { fontFamily },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    ...option,
  };
}
