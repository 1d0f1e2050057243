// Charts drawn on the server as SVG (no JavaScript needed): each is an image with a title and a
// description that state its message, a legend in HTML, and the same numbers in a table that
// screen readers and anyone else can open. Colours have at least 3:1 contrast with white, and
// stacked segments are separated by a white line.
import type { ReactNode } from 'react';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
}

export interface ColumnChartProps {
  id: string;
  title: string;
  description: string;
  /** Category names as the table shows them (e.g. a full date). */
  categories: string[];
  /** Short labels under the axis; every n-th is drawn when there are many. */
  axisLabels?: string[];
  series: ChartSeries[];
  tableCaption: string;
  categoryHeader: string;
  showTable: string;
  totalHeader?: string;
}

const W = 400;
const H = 200;
const PAD = { left: 34, right: 6, top: 10, bottom: 26 };

/** A round upper bound for the axis and its step: 0–4 → 4 by 1, 0–19 → 20 by 5 … */
/** A chart's picture: an image named by its title and described by its description. */
function ChartSvg({
  id,
  title,
  description,
  viewBox,
  children,
}: {
  id: string;
  title: string;
  description: string;
  viewBox: string;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={viewBox}
      className="h-auto w-full max-w-2xl"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (max <= 0) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const stepInt = Math.max(1, Math.round(step));
  return { max: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

function Legend({ series }: { series: ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-2">
          <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
            <rect width="14" height="14" fill={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function DataTable({ props }: { props: ColumnChartProps }) {
  const { categories, series, tableCaption, categoryHeader, totalHeader, showTable } = props;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand underline underline-offset-2">{showTable}</summary>
      {/* Focusable and named: on a narrow screen the table may scroll sideways. */}
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={tableCaption}>
        <table className="w-full text-left" data-chart-table={props.id}>
          <caption className="sr-only">{tableCaption}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-1">
                {categoryHeader}
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="p-1 text-right">
                  {s.label}
                </th>
              ))}
              {totalHeader ? (
                <th scope="col" className="p-1 text-right">
                  {totalHeader}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr key={category} className="border-t border-slate-200" data-category={category}>
                <th scope="row" className="p-1 font-normal whitespace-nowrap">
                  {category}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="p-1 text-right tabular-nums" data-series={s.key}>
                    {s.values[i] ?? 0}
                  </td>
                ))}
                {totalHeader ? (
                  <td className="p-1 text-right tabular-nums" data-series="total">
                    {series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Columns per category, the series stacked. */
export function ColumnChart(props: ColumnChartProps) {
  const { id, title, description, categories, series } = props;
  const axisLabels = props.axisLabels ?? categories;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const scale = niceScale(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotH - (value / scale.max) * plotH;
  const every = Math.max(1, Math.ceil(categories.length / 6));
  const ticks: number[] = [];
  for (let t = 0; t <= scale.max; t += scale.step) ticks.push(t);

  return (
    <figure className="flex flex-col gap-2" data-chart={id}>
      <ChartSvg id={id} title={title} description={description} viewBox={`0 0 ${W} ${H}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#cbd5e1" strokeWidth="0.5" />
            <text x={PAD.left - 4} y={y(t) + 3.5} textAnchor="end" fontSize="11" fill="#334155">
              {t}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={category}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                if (value <= 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return <rect key={s.key} x={x} y={top} width={barW} height={height} fill={s.color} stroke="#ffffff" strokeWidth="0.5" />;
              })}
              {i % every === 0 || categories.length <= 6 ? (
                <text x={x + barW / 2} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="11" fill="#334155">
                  {axisLabels[i]}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#334155" strokeWidth="1" />
      </ChartSvg>
      <Legend series={series} />
      <DataTable props={props} />
    </figure>
  );
}

export interface ShareBarProps {
  id: string;
  title: string;
  description: string;
  parts: Array<{ key: string; label: string; value: number; color: string }>;
  /** Beside the chart, always shown: its numbers as a two-column table. */
  rows: Array<[string, ReactNode]>;
  tableCaption: string;
}

/** One horizontal bar split into parts (e.g. activated / not yet activated). */
export function ShareBar({ id, title, description, parts, rows, tableCaption }: ShareBarProps) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  let x = 0;
  return (
    <figure className="flex flex-col gap-2" data-chart={id}>
      <ChartSvg id={id} title={title} description={description} viewBox="0 0 400 28">
        <rect x="0" y="2" width="400" height="24" fill="#ffffff" stroke="#334155" strokeWidth="1" />
        {total > 0
          ? parts.map((p) => {
              const width = (p.value / total) * 400;
              const rect =
                width > 0 ? (
                  <rect key={p.key} x={x} y="2" width={width} height="24" fill={p.color} stroke="#ffffff" strokeWidth="1" />
                ) : null;
              x += width;
              return rect;
            })
          : null}
      </ChartSvg>
      <Legend series={parts.map((p) => ({ key: p.key, label: p.label, color: p.color, values: [p.value] }))} />
      <table className="w-full max-w-2xl text-left text-sm" data-chart-table={id}>
        <caption className="sr-only">{tableCaption}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label} className="border-t border-slate-200">
              <th scope="row" className="p-1 font-normal">
                {label}
              </th>
              <td className="p-1 text-right tabular-nums">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
