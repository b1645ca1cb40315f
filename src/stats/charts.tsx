// Charts drawn on the server as SVG (no script, no library) for the statistics pages: a bar chart and a stacked bar.
// Each is a <figure> with a <figcaption>, an <svg role="img"> named by its <title> and <desc>, and the same numbers
// as a <table> (caption, th scope) for screen readers, printing and copying. Colours are dark enough on white, and
// every part also carries a pattern and a written label and value, so nothing depends on colour alone. Only SVG
// presentation attributes and classes (site.css, "statistics"): the CSP refuses style attributes.
import type { Child } from 'hono/jsx';

/** Series colours (each ≥ 4.5:1 on white) and the pattern drawn over them in white. */
const SERIES = [
  { fill: '#1f5f99', pattern: null },
  { fill: '#2e7d32', pattern: 'M0 8L8 0' },
  { fill: '#b23c17', pattern: 'M0 4H8' },
  { fill: '#6a3d9a', pattern: 'M0 0L8 8M0 8L8 0' },
  { fill: '#7a5c00', pattern: 'M4 0V8' },
  { fill: '#4d4d4d', pattern: 'M2 2h1v1h-1zM6 6h1v1h-1z' },
] as const;

const INK = '#1a1a1a';
const MUTED = '#595959';

/** The picture's frame: an image named by its title and described by its description (for screen readers). */
function ChartSvg(props: {
  id: string;
  caption: string;
  desc: string;
  width: number;
  height: number;
  children?: Child;
}) {
  return (
    <svg
      class="chart-svg"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      width={props.width}
      height={props.height}
    >
      <title id={`${props.id}-title`}>{props.caption}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

export function formatNumber(n: number): string {
  return n.toLocaleString('zh-CN');
}

/** 0.9333 → “93.3%”; null → “—”. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A number of days: whole, or one decimal for a median between two days. */
export function formatDays(days: number | null): string {
  return days === null ? '—' : String(Math.round(days * 10) / 10);
}

/** A round maximum for the axis (1, 2, 5 × 10ⁿ), at least 1. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export interface ChartText {
  /** Unique on the page: prefixes the ids of the title, description, caption and patterns. */
  id: string;
  /** The figure's caption (also the table's). */
  caption: string;
  /** What a screen reader hears for the picture: the gist in a sentence. */
  desc: string;
  /** Column headings of the data table. */
  categoryHeader: string;
  valueHeader: string;
}

function Figure(props: ChartText & { svg: unknown; rows: [string, string][]; total?: [string, string] }) {
  return (
    <figure class="chart">
      <figcaption>{props.caption}</figcaption>
      {props.svg}
      <table class="chart-data">
        <caption>{props.caption}（数据表）</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryHeader}</th>
            <th scope="col">{props.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
        {props.total ? (
          <tfoot>
            <tr>
              <th scope="row">{props.total[0]}</th>
              <td>{props.total[1]}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </figure>
  );
}

/** Vertical bars, one per category, each with its value written above it. */
export function BarChart(props: ChartText & { labels: readonly string[]; values: readonly number[]; total?: boolean }) {
  const width = 640;
  const height = 260;
  const left = 44;
  const right = 8;
  const top = 24;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...props.values));
  const slot = plotW / Math.max(1, props.values.length);
  const barW = Math.min(48, slot * 0.6);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((t) => Number.isInteger(t));
  const sum = props.values.reduce((a, b) => a + b, 0);
  const svg = (
    <ChartSvg id={props.id} caption={props.caption} desc={props.desc} width={width} height={height}>
      {ticks.map((t) => (
        <g>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke={t === 0 ? INK : '#c8c8c8'} stroke-width="1" />
          <text x={left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill={MUTED}>
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {props.values.map((v, i) => {
        const cx = left + slot * i + slot / 2;
        return (
          <g>
            <rect x={cx - barW / 2} y={y(v)} width={barW} height={top + plotH - y(v)} fill={SERIES[0].fill} />
            <text x={cx} y={y(v) - 6} text-anchor="middle" font-size="12" fill={INK}>
              {formatNumber(v)}
            </text>
            <text x={cx} y={height - bottom + 18} text-anchor="middle" font-size="12" fill={INK}>
              {props.labels[i] ?? ''}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
  const rows = props.labels.map((l, i): [string, string] => [l, formatNumber(props.values[i] ?? 0)]);
  const text = { id: props.id, caption: props.caption, desc: props.desc };
  const headers = { categoryHeader: props.categoryHeader, valueHeader: props.valueHeader };
  return (
    <Figure
      {...text}
      {...headers}
      svg={svg}
      rows={rows}
      {...(props.total ? { total: ['合计', formatNumber(sum)] } : {})}
    />
  );
}

export interface Part {
  label: string;
  value: number;
}

const share = (value: number, total: number) => (total === 0 ? '—' : formatRate(value / total));

/** One horizontal bar split into parts, each with its own colour and pattern, and a legend with the numbers. */
export function StackedBar(props: ChartText & { parts: readonly Part[] }) {
  const width = 640;
  const barX = 8;
  const barW = width - 16;
  const barY = 8;
  const barH = 44;
  const columns = 3;
  const legendTop = barY + barH + 24;
  const rowH = 24;
  const height = legendTop + Math.ceil(props.parts.length / columns) * rowH;
  const total = props.parts.reduce((n, p) => n + p.value, 0);
  const paint = (i: number) => {
    const s = SERIES[i % SERIES.length] as (typeof SERIES)[number];
    return s.pattern ? `url(#${props.id}-p${i})` : s.fill;
  };
  let x = barX;
  const segments = props.parts.map((p, i) => {
    const w = total === 0 ? 0 : (p.value / total) * barW;
    const seg = { x, w, i };
    x += w;
    return seg;
  });
  const svg = (
    <ChartSvg id={props.id} caption={props.caption} desc={props.desc} width={width} height={height}>
      <defs>
        {SERIES.map((s, i) =>
          s.pattern ? (
            <pattern id={`${props.id}-p${i}`} patternUnits="userSpaceOnUse" width="8" height="8">
              <rect width="8" height="8" fill={s.fill} />
              <path d={s.pattern} stroke="#ffffff" stroke-width="1.5" fill="#ffffff" />
            </pattern>
          ) : null,
        )}
      </defs>
      {total === 0 ? (
        <rect x={barX} y={barY} width={barW} height={barH} fill="#ffffff" stroke={MUTED} stroke-dasharray="4 3" />
      ) : (
        segments.map((s) =>
          s.w > 0 ? (
            <rect x={s.x} y={barY} width={s.w} height={barH} fill={paint(s.i)} stroke="#ffffff" stroke-width="1" />
          ) : null,
        )
      )}
      {props.parts.map((p, i) => {
        const lx = barX + (i % columns) * (barW / columns);
        const ly = legendTop + Math.floor(i / columns) * rowH;
        return (
          <g>
            <rect x={lx} y={ly - 12} width="14" height="14" fill={paint(i)} stroke={INK} stroke-width="1" />
            <text x={lx + 20} y={ly} font-size="13" fill={INK}>
              {`${p.label} ${formatNumber(p.value)}（${share(p.value, total)}）`}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
  const rows = props.parts.map((p): [string, string] => [
    p.label,
    `${formatNumber(p.value)}（${share(p.value, total)}）`,
  ]);
  return <Figure {...props} svg={svg} rows={rows} total={['合计', formatNumber(total)]} />;
}
