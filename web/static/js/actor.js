// The actor page's chart of events per month (the page itself is rendered
// by the server).
import { api, showError } from './common.js';
import { drawChart, fillMonths } from './chart.js';

const box = document.getElementById('chart');
if (box && box.dataset.actor) {
  api('/api/timeline', { actor: box.dataset.actor, by: 'month', limit: 1 }).then((t) => {
    const periods = fillMonths(t.periods.map((p) => p.period));
    const at = new Map(t.periods.map((p) => [p.period, p]));
    drawChart(box, periods, [
      { name: 'as actor', cls: 'bar-a', values: periods.map((p) => (at.get(p) || {}).as_actor || 0) },
      { name: 'as recipient', cls: 'bar-b', values: periods.map((p) => (at.get(p) || {}).as_recipient || 0) },
    ], periods.map((p) => (at.has(p) ? at.get(p).mean_score : null)));
    box.dataset.ready = 'true';
  }).catch(showError);
}
