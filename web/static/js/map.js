// The map: the countries of world-atlas as an offline basemap (no tile
// server), and a circle per located place sized by its events. Leaflet and
// topojson-client are vendored globals (L, topojson).
import { api, el, eventHref, bindForm, showError } from './common.js';

const box = document.getElementById('map');
const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 8 }).setView([30, 20], 2);
const markers = L.layerGroup().addTo(map);

fetch('/static/vendor/countries-110m.json').then((r) => r.json()).then((world) => {
  const land = topojson.feature(world, world.objects.countries);
  // Antarctica spans every longitude and would smear across the map; the
  // rings of Russia and Fiji cross the antimeridian: unwrap them so that
  // they run on past 180° instead of drawing a line across the world.
  land.features = land.features.filter((f) => f.id !== '010');
  for (const f of land.features) unwrap(f.geometry);
  L.geoJSON(land, { style: { color: '#8a8f98', weight: 0.6, fillColor: '#e8e4d8', fillOpacity: 1 }, interactive: false }).addTo(map);
  markers.eachLayer((l) => l.bringToFront());
}).catch(showError);

function unwrapRing(ring) {
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) ring[i][0] -= 360;
    else if (d < -180) ring[i][0] += 360;
  }
}

function unwrap(g) {
  if (!g) return;
  if (g.type === 'Polygon') g.coordinates.forEach(unwrapRing);
  if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach(unwrapRing));
}

function popup(p) {
  return el('div', { class: 'popup' },
    el('strong', {}, p.name || `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`), p.country ? ` (${p.country})` : '',
    el('br'), `${p.events} events: `,
    Object.entries(p.counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '),
    el('br'), ...p.ids.slice(0, 8).map((id, i) => el('a', { href: eventHref(id), class: 'evlink' }, `#${i + 1} `)));
}

async function load(p) {
  showError(null);
  try {
    const q = {};
    for (const k of ['actor', 'type', 'since', 'until']) if (p[k]) q[k] = p[k];
    const r = await api('/api/places', q);
    markers.clearLayers();
    const max = Math.max(1, ...r.places.map((x) => x.events));
    for (const pl of r.places) {
      L.circleMarker([pl.lat, pl.lon], { radius: 5 + 20 * Math.sqrt(pl.events / max), color: '#7a2e1f', weight: 1, fillColor: '#d9542b', fillOpacity: 0.6 })
        .bindPopup(() => popup(pl)).addTo(markers);
    }
    document.getElementById('summary').textContent = `${r.located} of ${r.total} events have a place; ${r.places.length} places.`;
    box.dataset.places = String(r.places.length);
    box.dataset.ready = 'true';
  } catch (err) {
    showError(err);
  }
}

bindForm(document.getElementById('filters'), load);
