// The events table: filters, paging, and the sentence of the clicked event.
import { api, el, actorLinks, actorHref, actorKey, actorLabel, eventHref, sentence, bindForm, showError, fmtScore } from './common.js';

const form = document.getElementById('filters');
const tbody = document.querySelector('#events tbody');
const more = document.getElementById('more');
const detail = document.getElementById('detail');
let next = '';
let current = {};

function row(e) {
  const tr = el('tr', { 'data-id': e.id, tabindex: 0, class: 'event-row' },
    el('td', {}, e.date || 'undated'),
    el('td', {}, e.type),
    el('td', {}, actorLinks(e.actor)),
    el('td', {}, actorLinks(e.recipient)),
    el('td', { class: 'num' }, fmtScore(e.plover_score)),
    el('td', {}, e.place && e.place.name ? e.place.name : ''));
  const open = (ev) => {
    if (ev.target.closest('a')) return; // actor links navigate
    show(e.id, tr);
  };
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(ev); });
  return tr;
}

async function show(id, tr) {
  for (const r of tbody.querySelectorAll('tr.selected')) r.classList.remove('selected');
  if (tr) tr.classList.add('selected');
  try {
    const d = await api('/api/events/' + encodeURIComponent(id));
    const ev = d.event;
    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'Event'), el('dd', {}, `${ev.type}${ev.mode ? ' (' + ev.mode + ')' : ''}${ev.aux ? ', ' + ev.aux : ''}`),
      el('dt', {}, 'Date'), el('dd', {}, ev.date || 'undated'),
      el('dt', {}, 'Actor'), el('dd', {}, actorLinks(ev.actor)),
      el('dt', {}, 'Recipient'), el('dd', {}, ev.recipient.length ? actorLinks(ev.recipient) : '—'),
      el('dt', {}, 'Score'), el('dd', {}, `PLOVER ${fmtScore(ev.plover_score)}, Goldstein ${fmtScore(ev.goldstein)}`));
    const from = d.article ? el('p', { class: 'muted' }, 'From ', d.article.title || d.article.doc, d.article.source ? ', ' + d.article.source : '') : null;
    detail.replaceChildren(
      el('h2', {}, 'Sentence'),
      sentence(d.sentence, d.highlights),
      el('p', { class: 'legend' }, el('mark', { class: 'hl hl-actor' }, 'actor'), ' ', el('mark', { class: 'hl hl-event' }, 'event'), ' ', el('mark', { class: 'hl hl-recipient' }, 'recipient')),
      facts, from,
      el('p', {}, el('a', { href: eventHref(ev.id), id: 'permalink' }, 'Event page')));
  } catch (err) {
    showError(err);
  }
}

async function load(p, append) {
  showError(null);
  current = p;
  try {
    let evs;
    if (p.q) {
      const r = await api('/api/search', { q: p.q, limit: 200 });
      evs = r.events;
      next = '';
    } else {
      const q = {};
      for (const k of ['actor', 'type', 'since', 'until', 'doc']) if (p[k]) q[k] = p[k];
      q.limit = 100;
      if (append && next) q.after = next;
      const r = await api('/api/events', q);
      evs = r.events;
      next = r.next || '';
    }
    if (!append) tbody.replaceChildren();
    for (const e of evs) tbody.append(row(e));
    if (!append && !evs.length) tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No events.')));
    more.hidden = !next;
  } catch (err) {
    showError(err);
  }
}

more.addEventListener('click', () => load(current, true));
bindForm(form, (p) => load(p, false));

api('/api/stats').then((s) => {
  document.getElementById('stats').textContent = `${s.events} events from ${s.articles} articles.`;
}).catch(showError);
