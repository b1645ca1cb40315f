// The SVG charts themselves: bars in proportion to a round axis maximum, every value written in the picture and in
// the data table, parts of a stacked bar patterned and labelled with their shares, an empty year drawn as such.
import { describe, expect, it } from 'vitest';
import { BarChart, formatDays, formatRate, niceMax, StackedBar } from './charts.tsx';

const text = { id: 't', caption: '每月申请', desc: '共6件。', categoryHeader: '月份', valueHeader: '件数' };

describe('charts', () => {
  it('rounds the axis and formats rates and days', () => {
    expect([niceMax(0), niceMax(3), niceMax(7), niceMax(12), niceMax(200)]).toEqual([1, 5, 10, 20, 200]);
    expect([formatRate(2 / 3), formatRate(1), formatRate(null)]).toEqual(['66.7%', '100.0%', '—']);
    expect([formatDays(13.5), formatDays(10), formatDays(null)]).toEqual(['13.5', '10', '—']);
  });

  it('draws bars in proportion with their values, and the same numbers as a table', async () => {
    const html = String(await BarChart({ ...text, labels: ['1月', '2月', '3月'], values: [1, 0, 5], total: true }));
    expect(html).toContain('<svg class="chart-svg" role="img" aria-labelledby="t-title t-desc"');
    expect(html).toContain('<title id="t-title">每月申请</title><desc id="t-desc">共6件。</desc>');
    // plot height 200 for an axis of 0..5: heights 40, 0 and 200
    const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)" fill=/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([40, 0, 200]);
    expect(html).toContain('<th scope="row">3月</th><td>5</td>');
    expect(html).toContain('<tfoot><tr><th scope="row">合计</th><td>6</td></tr></tfoot>');
    expect(html).not.toContain('style=');
  });

  it('splits a stacked bar by share, each part patterned and labelled; an empty one dashed', async () => {
    const parts = [
      { label: '予以公开', value: 3 },
      { label: '部分公开', value: 1 },
    ];
    const html = String(await StackedBar({ ...text, parts }));
    expect(html).toContain('<pattern id="t-p1"');
    expect(html).toMatch(/<rect x="8" y="8" width="468" height="44" fill="#1f5f99"/);
    expect(html).toMatch(/<rect x="476" y="8" width="156" height="44" fill="url\(#t-p1\)"/);
    expect(html).toContain('予以公开 3（75.0%）');
    expect(html).toContain('<th scope="row">部分公开</th><td>1（25.0%）</td>');
    const empty = String(await StackedBar({ ...text, parts: parts.map((p) => ({ ...p, value: 0 })) }));
    expect(empty).toContain('stroke-dasharray="4 3"');
    expect(empty).toContain('予以公开 0（—）');
  });
});
