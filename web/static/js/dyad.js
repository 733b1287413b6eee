// The dyad view: counts per period in both directions and the mean score,
// the trend, and who brokers between the two.
import { api, el, actorHref, eventHref, bindForm, showError, fmtScore } from './common.js';
import { drawChart, fillMonths } from './chart.js';

const chart = document.getElementById('chart');
const tbody = document.querySelector('#rows tbody');
const brokers = document.getElementById('brokers');

async function load(p) {
  showError(null);
  if (!p.a || !p.b) return;
  try {
    const r = await api('/api/dyad', { a: p.a, b: p.b, by: p.by || 'month' });
    document.getElementById('trend').textContent = r.trend;
    const periods = fillMonths([...new Set(r.rows.map((x) => x.period))]);
    const ab = periods.map(() => 0), ba = periods.map(() => 0);
    const sum = periods.map(() => 0), n = periods.map(() => 0);
    for (const row of r.rows) {
      const i = periods.indexOf(row.period);
      if (row.from === r.a) ab[i] = row.events; else ba[i] = row.events;
      sum[i] += row.mean_score * row.events;
      n[i] += row.events;
    }
    drawChart(chart, periods, [
      { name: `${r.a} → ${r.b}`, cls: 'bar-a', values: ab },
      { name: `${r.b} → ${r.a}`, cls: 'bar-b', values: ba },
    ], sum.map((s, i) => (n[i] ? s / n[i] : null)));
    tbody.replaceChildren(...r.rows.map((row) => el('tr', {},
      el('td', {}, row.period), el('td', {}, `${row.from} → ${row.to}`), el('td', { class: 'num' }, row.events),
      el('td', { class: 'num' }, fmtScore(row.mean_score)),
      el('td', {}, Object.entries(row.counts).sort().map(([k, v]) => `${k} ${v}`).join(', ')))));
  } catch (err) {
    showError(err);
    return;
  }
  try {
    const b = await api('/api/brokers', { a: p.a, b: p.b });
    const parts = [];
    parts.push(el('p', {}, b.direct.length ? `${b.a} and ${b.b} cooperate directly in ${b.direct.length} events.` : `${b.a} and ${b.b} have no direct cooperative events.`));
    if (!b.brokers.length) parts.push(el('p', { class: 'muted' }, 'No broker found.'));
    else {
      parts.push(el('ol', { class: 'brokers' }, b.brokers.map((x) => el('li', {},
        el('a', { href: actorHref(x.actor) }, x.actor), ` score ${x.score.toFixed(2)}, `,
        `${x.to_a.length} events with ${b.a}, ${x.to_b.length} with ${b.b} `,
        ...x.to_a.slice(0, 3).concat(x.to_b.slice(0, 3)).map((id) => el('a', { href: eventHref(id), class: 'evlink' }, '•'))))));
    }
    brokers.replaceChildren(...parts);
  } catch (err) {
    showError(err);
  }
}

bindForm(document.getElementById('filters'), load);
