import { useEffect, useMemo, useReducer, useRef } from 'react';
import { init, type ECharts } from 'echarts/core';
import { useI18n } from '../i18n/lang.js';
import { featuresMissing, loadExportTitle, loadFeatures, loadSvgRenderer, registeredVersion } from './chart-setup.js';
import { download } from './download.js';
import type { ChartOption, ChartProps } from './chart.js';

const fontFamily =
  "system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', 'Nanum Gothic', sans-serif";

/** An ECharts chart named for screen readers (role img, its title), with tooltip and PNG/SVG export buttons. */
export default function Chart({ title, filename, option, height = 320, onPick, units, source }: ChartProps) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const full = useMemo(() => withDefaults(option), [option]);
  const missing = featuresMissing(full).length;
  const [, featuresArrived] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    if (missing === 0) return;
    let current = true;
    // They may have arrived (preloaded) between this render and this effect: then render again now.
    const pending = loadFeatures(full) ?? Promise.resolve();
    void pending.then(() => current && featuresArrived());
    return () => {
      current = false;
    };
  }, [full, missing]);
  // ECharts reads its registered processors when an instance is made: make it once the option's parts are there,
  // and again if parts were registered since (another chart, or this one's next option, needed more).
  const version = missing === 0 ? registeredVersion() : -1;

  useEffect(() => {
    if (!el.current || version < 0) return;
    const c = init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    // Marks the element once drawn, for the end-to-end tests and the benchmark.
    c.on('finished', () => {
      // The first value axis' drawn lower end, so a test can hold a bar chart to starting at zero.
      const yMin = drawnYMin(c);
      if (yMin !== null) el.current?.setAttribute('data-y-min', String(yMin));
      // The words drawn on the canvas, which no text extraction can read: the Korean walk checks them too.
      el.current?.setAttribute('data-words', chartWords(c.getOption()).join('\n'));
      if (el.current?.getAttribute('data-drawn') === 'true') return;
      el.current?.setAttribute('data-drawn', 'true');
      // bench/web.ts reads the first one: time from navigation to the first chart drawn, inside the page.
      performance.mark('sma:chart-drawn');
    });
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
  }, [version]);

  useEffect(() => {
    if (version >= 0) chart.current?.setOption(full, { notMerge: true });
  }, [full, version]);

  // An exported picture stands alone: it carries its title, units, source, date and the app's name, and none of the
  // on-screen controls (zoom slider, toolbox). Both formats draw a fresh instance from the same option.
  const exported = (width: number) =>
    publishable(full, {
      title,
      units: units ? `${t('export.units')}: ${units}` : '',
      source: `${t('export.source')}: ${source ?? t('export.sourceApp')}`,
      made: t('export.made').replace('{date}', new Date().toISOString().slice(0, 10)),
      width,
      height,
    });
  const exportPng = async () => {
    await loadExportTitle();
    const w = el.current?.clientWidth ?? 800;
    const { option: o, height: h } = exported(w);
    const box = document.createElement('div');
    box.style.cssText = `position:fixed;left:-10000px;top:0;width:${w}px;height:${h}px`;
    document.body.appendChild(box);
    const png = init(box, null, { renderer: 'canvas', width: w, height: h });
    png.setOption(o);
    const url = png.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    png.dispose();
    box.remove();
    download(`${filename}.png`, url);
  };
  const exportSvg = async () => {
    await Promise.all([loadSvgRenderer(), loadExportTitle()]);
    const w = el.current?.clientWidth ?? 800;
    // A throwaway server-side-style SVG instance: the on-screen chart stays on canvas.
    const { option: o, height: h } = exported(w);
    const svg = init(null, null, { renderer: 'svg', ssr: true, width: w, height: h });
    svg.setOption(o);
    const text = svg.renderToSVGString();
    svg.dispose();
    download(`${filename}.svg`, new Blob([text], { type: 'image/svg+xml' }));
  };

  return (
    <figure className="chart-box" style={{ margin: 0 }}>
      <div className="toolbar" role="group" aria-label={`${t('export.label')}: ${title}`}>
        <button type="button" onClick={() => void exportPng()} aria-label={`${t('export.png')} — ${title}`}>
          ⤓ {t('export.png')}
        </button>
        <button type="button" onClick={() => void exportSvg()} aria-label={`${t('export.svg')} — ${title}`}>
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

function withDefaults(option: ChartOption): ChartOption {
  const tooltip = option['tooltip'];
  return {
    // No entrance animation, so the data is all there at first paint; edits animate, to show what changed.
    animationDuration: 0,
    animationDurationUpdate: 300,
    textStyle: { fontFamily },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    ...option,
    // A tooltip stays inside its chart (so on screen) whatever the page's option says: a point at the right edge
    // would otherwise push it past the viewport.
    tooltip:
      tooltip === undefined || tooltip === null || typeof tooltip !== 'object' || Array.isArray(tooltip)
        ? { trigger: 'axis', confine: true }
        : { ...tooltip, confine: true },
  };
}

/** The height an export adds above the plot for its title and units lines. */
const EXTRA = 72;
/** The foot line's font size and line height (px), and the widths of a Latin and a Hangul character, on the safe side. */
const FOOT = { size: 10, line: 13, latin: 6.2, wide: 11 };

/** A chart option made fit to publish: title, units, source, date and app name drawn in; controls left out. */
function publishable(
  option: ChartOption,
  meta: { title: string; units: string; source: string; made: string; width: number; height: number },
): { option: ChartOption; height: number } {
  const { dataZoom: _zoom, toolbox: _toolbox, ...rest } = option;
  const grid = (typeof option['grid'] === 'object' && !Array.isArray(option['grid']) ? option['grid'] : {}) as Record<
    string,
    unknown
  >;
  const legend = option['legend'];
  const lineWidth = Math.max(meta.width - 16, 100);
  const foot = `${meta.source} · ${meta.made}`;
  // the foot line wraps; the picture grows by its lines, so the source never runs into the axis labels
  const footWidth = [...foot].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? FOOT.wide : FOOT.latin), 0);
  const footLines = Math.ceil(footWidth / lineWidth);
  const footHeight = footLines * FOOT.line + 8;
  const drawn: ChartOption = {
    ...rest,
    animation: false,
    backgroundColor: '#fff',
    title: [
      {
        text: meta.title,
        subtext: meta.units,
        left: 8,
        top: 4,
        textStyle: { fontSize: 14, fontFamily, width: lineWidth, overflow: 'truncate' },
        subtextStyle: { fontFamily },
      },
      {
        text: foot,
        left: 8,
        bottom: 4,
        textStyle: {
          fontSize: FOOT.size,
          lineHeight: FOOT.line,
          fontWeight: 'normal',
          color: '#5b636d',
          fontFamily,
          width: lineWidth,
          overflow: 'break',
        },
      },
    ],
    ...(legend && typeof legend === 'object' && !Array.isArray(legend) ? { legend: { ...legend, top: 48 } } : {}),
    // room for the title above and the foot line below; the slider's space is not needed any more
    grid: { ...grid, top: Number(grid['top'] ?? 40) + EXTRA - 24, bottom: footHeight + 8 },
  };
  return { option: drawn, height: meta.height + EXTRA + footHeight };
}

/** The words a chart draws: titles, axis names, category labels, series and legend names, graphic text. */
function chartWords(option: Readonly<Record<string, unknown>>): string[] {
  const list = (v: unknown): readonly Record<string, unknown>[] =>
    (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter(
      (x): x is Record<string, unknown> => typeof x === 'object' && x !== null,
    );
  const text = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : typeof v === 'object' && v !== null && 'value' in v ? text(v.value) : [];
  const words: string[] = [];
  for (const t of list(option.title)) words.push(...text(t.text), ...text(t.subtext));
  for (const axis of [
    ...list(option.xAxis),
    ...list(option.yAxis),
    ...list(option.radiusAxis),
    ...list(option.angleAxis),
  ]) {
    words.push(...text(axis.name));
    if (axis.type === 'category' && Array.isArray(axis.data)) words.push(...axis.data.flatMap(text));
  }
  for (const l of list(option.legend)) if (Array.isArray(l.data)) words.push(...l.data.flatMap(text));
  for (const s of list(option.series)) {
    words.push(...text(s.name));
    for (const mark of [s.markLine, s.markArea, s.markPoint]) {
      const data = list(mark).flatMap((m) => (Array.isArray(m.data) ? m.data.flat() : []));
      for (const d of list(data)) words.push(...text(d.name), ...text((d.label as { formatter?: unknown })?.formatter));
    }
  }
  const graphic = (g: Record<string, unknown>): string[] => [
    ...text((g.style as Record<string, unknown> | undefined)?.text),
    ...list(g.children).flatMap(graphic),
    ...list(g.elements).flatMap(graphic),
  ];
  for (const g of list(option.graphic)) words.push(...graphic(g));
  return words.filter((w) => w.trim() !== '');
}

/** The lower end of the first y axis as ECharts drew it (its model is not in the typed API), or null. */
function drawnYMin(c: ReturnType<typeof init>): number | null {
  const model = (c as unknown as { getModel?: () => unknown }).getModel?.() as
    | { getComponent: (type: string, i: number) => { axis?: { scale?: { getExtent: () => number[] } } } | undefined }
    | undefined;
  const extent = model?.getComponent('yAxis', 0)?.axis?.scale?.getExtent();
  return extent && Number.isFinite(extent[0]) ? (extent[0] ?? null) : null;
}
