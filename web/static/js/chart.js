// A bar chart of counts per period with a line for the mean score, in SVG.
import { fmtScore } from './common.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

// fillMonths returns every month from the first to the last of periods
// ("2025-07"), so that a gap in the data shows as a gap in the chart;
// other periods (ISO weeks) are returned as they are.
export function fillMonths(periods) {
  const re = /^(\d{4})-(\d{2})$/;
  if (!periods.length || !periods.every((p) => re.test(p))) return periods;
  const [, y0, m0] = periods[0].match(re).map(Number);
  const [, y1, m1] = periods[periods.length - 1].match(re).map(Number);
  const out = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, m = 1) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (out.length > 1200) return periods; // a century: not a sensible chart
  }
  return out;
}

// drawChart draws periods (labels), series ([{name, cls, values}]) as
// grouped bars, and score (values or null per period) as a line on its own
// axis, into container, replacing what it held.
export function drawChart(container, periods, series, score) {
  container.replaceChildren();
  if (!periods.length) {
    container.append(document.createTextNode('No dated events.'));
    return;
  }
  const W = Math.max(640, Math.min(1200, 60 * periods.length)), H = 300;
  const m = { l: 44, r: 52, t: 16, b: 56 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const sc = score.filter((v) => v !== null);
  let lo = Math.min(0, ...sc), hi = Math.max(0, ...sc);
  if (hi - lo < 1) { hi += 0.5; lo -= 0.5; }
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-label': 'events and mean score per period' });
  const band = iw / periods.length;
  const bw = Math.max(2, (band * 0.8) / series.length);
  const y = (v) => m.t + ih - (v / max) * ih;
  const ys = (v) => m.t + ih - ((v - lo) / (hi - lo)) * ih;
  // Axes and grid.
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((max * i) / 4);
    root.append(svg('line', { x1: m.l, x2: m.l + iw, y1: y(v), y2: y(v), class: 'grid' }));
    root.append(svg('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, v));
  }
  root.append(svg('line', { x1: m.l, x2: m.l + iw, y1: ys(0), y2: ys(0), class: 'zero' }));
  for (const v of [lo, 0, hi]) {
    root.append(svg('text', { x: m.l + iw + 6, y: ys(v) + 4, class: 'tick score-tick' }, fmtScore(v)));
  }
  const step = Math.ceil(periods.length / 16);
  periods.forEach((p, i) => {
    const x0 = m.l + i * band + band * 0.1;
    series.forEach((s, j) => {
      const v = s.values[i] || 0;
      const r = svg('rect', { x: x0 + j * bw, y: y(v), width: bw - 1, height: m.t + ih - y(v), class: 'bar ' + s.cls });
      r.append(svg('title', {}, `${p} ${s.name}: ${v}`));
      root.append(r);
    });
    if (i % step === 0) {
      root.append(svg('text', { x: m.l + i * band + band / 2, y: H - m.b + 16, 'text-anchor': 'middle', class: 'tick' }, p));
    }
  });
  // Score line.
  let d = '';
  score.forEach((v, i) => {
    if (v === null) return;
    const x = m.l + i * band + band / 2;
    d += (d ? ' L' : 'M') + x.toFixed(1) + ' ' + ys(v).toFixed(1);
    const c = svg('circle', { cx: x, cy: ys(v), r: 3, class: 'score-dot' });
    c.append(svg('title', {}, `${periods[i]} mean score ${fmtScore(v)}`));
    root.append(c);
  });
  if (d) root.insertBefore(svg('path', { d, class: 'score-line' }), root.querySelector('.score-dot'));
  // Legend.
  let lx = m.l;
  for (const s of series) {
    root.append(svg('rect', { x: lx, y: H - 18, width: 12, height: 12, class: 'bar ' + s.cls }));
    root.append(svg('text', { x: lx + 16, y: H - 8, class: 'tick' }, s.name));
    lx += 24 + 8 * s.name.length;
  }
  root.append(svg('line', { x1: lx, x2: lx + 14, y1: H - 12, y2: H - 12, class: 'score-line' }));
  root.append(svg('text', { x: lx + 18, y: H - 8, class: 'tick' }, 'mean score'));
  container.append(root);
}
