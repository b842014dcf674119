/**
 * A small ECharts chart with its data as a table: the table is always in the page for
 * screen readers (visually hidden while the chart shows), and a button swaps the two.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  color?: string;
}

export interface ChartProps {
  title: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  /** Bars across (long category names such as agencies). */
  horizontal?: boolean;
  stacked?: boolean;
  format?: (value: number | null) => string;
  /** Counts: whole-number axis ticks. */
  integer?: boolean;
  height?: number;
  testId?: string;
}

const FONT = "'Be Vietnam Pro', sans-serif";
export const PALETTE = ['#1f5fa8', '#d9822b', '#2e8b57', '#b03a2e', '#7a5195', '#6b7280'];

/** The rows with the largest value above 0, at most `n` of them (when more than fit a chart). */
export function largest<T>(rows: readonly T[], value: (row: T) => number, n: number): T[] {
  return rows
    .filter((r) => value(r) > 0)
    .sort((a, b) => value(b) - value(a))
    .slice(0, n);
}

const plain = (v: number | null) => (v === null ? '–' : String(v));

export function Chart(props: ChartProps) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const el = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const format = props.format ?? plain;
  const formatRef = useRef(format);
  formatRef.current = format;
  // Redraw when the data changes, not when the parent re-renders with equal arrays.
  const dataKey = JSON.stringify([
    props.categories,
    props.series,
    props.kind,
    props.horizontal,
    props.stacked,
    props.integer,
  ]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: dataKey stands for the data props
  useEffect(() => {
    if (!el.current || asTable) return;
    const chart = echarts.init(el.current, null, { renderer: 'svg' });
    const categoryAxis = {
      type: 'category' as const,
      data: props.categories,
      axisLabel: { fontFamily: FONT, width: props.horizontal ? 180 : 150, overflow: 'truncate' as const },
    };
    const valueAxis = {
      type: 'value' as const,
      minInterval: props.integer ? 1 : undefined,
      axisLabel: { fontFamily: FONT, formatter: (v: number) => formatRef.current(v) },
    };
    chart.setOption({
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      animation: false,
      grid: { left: props.horizontal ? 190 : 50, right: 20, top: 30, bottom: 30 },
      legend: props.series.length > 1 ? { top: 0, textStyle: { fontFamily: FONT } } : undefined,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => formatRef.current(typeof v === 'number' ? v : null),
      },
      xAxis: props.horizontal ? valueAxis : categoryAxis,
      yAxis: props.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: props.series.map((s) => ({
        type: props.kind,
        name: s.name,
        data: s.values,
        stack: props.stacked ? 'all' : undefined,
        itemStyle: s.color ? { color: s.color } : undefined,
        barMaxWidth: 28,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [dataKey, asTable]);

  return (
    <figure className="chart" aria-labelledby={headingId} data-testid={props.testId}>
      <figcaption className="chart-head">
        <h3 id={headingId}>{props.title}</h3>
        <button type="button" className="link-button" onClick={() => setAsTable(!asTable)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </figcaption>
      {!asTable && (
        <div ref={el} className="chart-canvas" style={{ height: props.height ?? 220 }} aria-hidden="true" />
      )}
      <table className={asTable ? 'data chart-table' : 'sr-only chart-table'}>
        <caption className="sr-only">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {props.series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.categories.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {props.series.map((s) => (
                <td key={s.name} className="num">
                  {format(s.values[i] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
