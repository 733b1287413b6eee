// Helpers shared by the pages. Data from the API is article text and
// hostile: it only ever reaches the page as text nodes (textContent), never
// as HTML, and links are built from fixed prefixes and encoded values.

// el creates an element with attributes and children (strings become text
// nodes). Attribute values are set as they are; callers never pass data
// into href except through actorHref or eventHref.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export const actorHref = (key) => '/actors/' + encodeURIComponent(key);
export const eventHref = (id) => '/events/' + encodeURIComponent(id);

// api fetches a JSON endpoint; it throws an Error with the API's message.
export async function api(path, params) {
  const q = params ? '?' + new URLSearchParams(params).toString() : '';
  const res = await fetch(path + q, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${res.status} ${res.statusText}`);
  }
  if (!res.ok) throw new Error(body && body.error ? body.error : `${res.status} ${res.statusText}`);
  return body;
}

// actorKey is the actor's page key, as the server's networks key actors.
export function actorKey(a) {
  if (a.name) return a.name;
  if ((a.code === 'IGO' || a.code === 'NGO') && a.org) return a.org;
  return a.code;
}

export function actorLabel(a) {
  if (a.name) return a.name;
  if (a.org) return a.org;
  if (a.sector && a.sector !== a.code) return a.code + ' ' + a.sector;
  return a.code;
}

// actorLinks returns links to the actors' pages, comma separated.
export function actorLinks(actors) {
  const f = document.createDocumentFragment();
  (actors || []).forEach((a, i) => {
    if (i) f.append(', ');
    f.append(el('a', { href: actorHref(actorKey(a)) }, actorLabel(a)));
  });
  return f;
}

// sentence renders text with highlights given as UTF-8 byte offsets (as
// the API gives them) into marks, as text nodes only.
export function sentence(text, highlights) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = el('blockquote', { class: 'sentence', id: 'sentence' });
  let at = 0;
  for (const h of highlights || []) {
    if (h.start < at || h.end > bytes.length || h.start >= h.end) continue;
    if (h.start > at) out.append(dec.decode(bytes.subarray(at, h.start)));
    out.append(el('mark', { class: 'hl hl-' + h.kind, title: `${h.kind}: ${h.label || ''}` },
      dec.decode(bytes.subarray(h.start, h.end))));
    at = h.end;
  }
  if (at < bytes.length) out.append(dec.decode(bytes.subarray(at)));
  return out;
}

// readForm returns the form's non-empty fields.
export function readForm(form) {
  const p = {};
  for (const [k, v] of new FormData(form)) {
    const s = String(v).trim();
    if (s !== '') p[k] = s;
  }
  return p;
}

// fillForm sets the form's fields from the page's query string and
// returns the values set.
export function fillForm(form) {
  const p = {};
  for (const [k, v] of new URLSearchParams(location.search)) {
    const f = form.elements.namedItem(k);
    if (!f) continue;
    if (f.type === 'checkbox') f.checked = v === 'true' || v === '1';
    else f.value = v;
    p[k] = v;
  }
  return p;
}

// bindForm runs load with the form's values on submit and on page load,
// keeping them in the address bar.
export function bindForm(form, load) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = readForm(form);
    history.replaceState(null, '', location.pathname + (Object.keys(p).length ? '?' + new URLSearchParams(p) : ''));
    load(p);
  });
  load(Object.assign(readForm(form), fillForm(form)));
}

export function showError(err) {
  const e = document.getElementById('error');
  if (!e) return;
  if (err) {
    e.textContent = err.message || String(err);
    e.hidden = false;
  } else {
    e.textContent = '';
    e.hidden = true;
  }
}

export const fmtScore = (x) => (x >= 0 ? '+' : '') + Number(x).toFixed(2);
