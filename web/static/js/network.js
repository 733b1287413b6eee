// The actor network, drawn with cytoscape (vendored; global `cytoscape`).
import { api, actorHref, bindForm, showError } from './common.js';

const box = document.getElementById('graph');
let cy = null;

// scoreColour maps a mean PLOVER score to red (conflict) .. grey .. green.
function scoreColour(s) {
  const t = Math.max(-1, Math.min(1, s / 5));
  if (t >= 0) return `rgb(${Math.round(140 - 110 * t)},${Math.round(140 + 20 * t)},${Math.round(140 - 90 * t)})`;
  return `rgb(${Math.round(140 - 60 * t)},${Math.round(140 + 90 * t)},${Math.round(140 + 90 * t)})`;
}

async function load(p) {
  showError(null);
  try {
    const q = {};
    for (const k of ['type', 'since', 'until', 'sector']) if (p[k]) q[k] = p[k];
    const net = await api('/api/network', q);
    const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
    const maxE = Math.max(1, ...net.edges.map((e) => e.events));
    const elements = [];
    for (const n of net.nodes) {
      elements.push({ data: { id: n.id, label: n.label, events: n.events, size: 18 + 42 * Math.sqrt(n.events / maxN) } });
    }
    for (const e of net.edges) {
      elements.push({ data: { id: e.source + '→' + e.target, source: e.source, target: e.target, events: e.events,
        width: 1 + 7 * (e.events / maxE), colour: scoreColour(e.mean_score) } });
    }
    if (cy) cy.destroy();
    box.replaceChildren();
    if (!net.nodes.length) {
      box.textContent = 'No events.';
      return;
    }
    cy = cytoscape({
      container: box,
      elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#3b6ea8', color: '#1b1b1b', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
        { selector: 'node:selected', style: { 'background-color': '#d9822b' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 90 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (ev) => { location.href = actorHref(ev.target.id()); });
    // The instance, for the browser test and the console.
    window.parleyNetwork = cy;
    box.dataset.nodes = String(net.nodes.length);
    box.dataset.ready = 'true';
  } catch (err) {
    showError(err);
  }
}

bindForm(document.getElementById('filters'), load);
