// Bins and problems: the public's alerts (leaks, overflowing bins) and the reports people made (Open311), and the bins
// due for emptying, as lists first and then on the map.

import '../styles/base.css';
import * as api from '../shared/api.js';
import { ago, clock, el } from '../shared/format.js';
import { Freshness, listUsable, say, startPage } from '../shared/page.js';
import { whenIdle } from '../shared/idle.js';

const PROBLEMS = {
  leak: 'Water leak',
  burst: 'Burst water pipe',
  congestion: 'Traffic congestion',
  'bin-full': 'Full bin',
};

let problems = [];
let bins = [];

function point(f) {
  return f.geometry ? { lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] } : {};
}

async function loadProblems() {
  const [alerts, reports] = await Promise.all([api.alerts(), api.reports()]);
  const fromAlerts = alerts.features
    .filter((f) => f.properties.problem !== 'citizen-report')
    .map((f) => ({
      id: `alert-${f.id}`,
      title: PROBLEMS[f.properties.problem] ?? f.properties.problem.replaceAll('-', ' '),
      detail: f.properties.detail,
      status: f.properties.status === 'acknowledged' ? 'The city is dealing with it.' : 'Reported by a sensor.',
      time: f.properties.opened,
      updated: f.properties.updated,
      ...point(f),
    }));
  const fromReports = reports
    .filter((r) => r.status === 'open')
    .map((r) => ({
      id: `report-${r.service_request_id}`,
      title: r.service_name,
      detail: r.description,
      status: `Report ${r.service_request_id}${r.status_notes ? `: ${r.status_notes}` : ''}.`,
      time: r.requested_datetime,
      updated: r.updated_datetime,
      lon: r.long,
      lat: r.lat,
    }));
  problems = [...fromAlerts, ...fromReports].sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
  const list = document.getElementById('problems');
  list.replaceChildren(...problems.map((p) => el('li', { className: 'item problem', 'data-id': p.id },
    el('h3', {}, p.title),
    p.detail ? el('p', {}, p.detail) : null,
    el('p', { className: 'when' }, `${p.status} Since ${clock(p.time)} (${ago(p.time)}).`))));
  if (problems.length === 0) {
    list.append(el('li', { className: 'placeholder' }, 'No problems reported right now.'));
  }
  new Freshness(document.getElementById('problems-updated')).set(...problems.map((p) => p.updated));
}

async function loadBins() {
  const due = await api.dueBins();
  bins = due.features.map((f) => ({ ...f.properties, id: f.id, ...point(f) }));
  const list = document.getElementById('bins');
  list.replaceChildren(...bins.map((b) => el('li', { className: 'item bin', 'data-id': b.id },
    el('h3', {}, `Bin ${b.id}`),
    el('p', {}, fillText(b)),
    el('p', { className: 'when' }, b.full_at ? `Full by about ${clock(b.full_at)}.` : 'Already full.'))));
  if (bins.length === 0) {
    list.append(el('li', { className: 'placeholder' }, 'No bin needs emptying in the next hours.'));
  }
  new Freshness(document.getElementById('bins-updated')).set(...bins.map((b) => b.updated));
}

function fillText(bin) {
  return bin.fill == null ? 'Fill level not known yet.' : `${Math.round(bin.fill)}% full.`;
}

async function loadMap(city) {
  const { CityMap, canDraw } = await import('../map/city-map.js');
  if (!canDraw()) {
    say(document.getElementById('map-message'), 'This browser cannot draw the map. The lists hold the same information.');
    return;
  }
  const map = new CityMap(document.getElementById('map'), city, { label: 'Map of problems and of bins to be emptied. The lists hold the same information.' });
  await map.points('bins', { 'circle-radius': 6, 'circle-color': '#7c3aed', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    (p, at) => map.show(at.lng, at.lat, el('div', { className: 'popup' }, el('h3', {}, p.title), el('p', {}, p.text)), false));
  await map.points('problems', { 'circle-radius': 8, 'circle-color': '#c5221f', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    (p, at) => map.show(at.lng, at.lat, el('div', { className: 'popup' }, el('h3', {}, p.title), el('p', {}, p.text)), false));
  map.setPoints('problems', problems.filter((p) => p.lon != null), (p) => ({ title: p.title, text: p.detail ?? p.status }));
  map.setPoints('bins', bins.filter((b) => b.lon != null), (b) => ({ title: `Bin ${b.id}`, text: fillText(b) }));
  document.getElementById('show-problems').addEventListener('change', (e) => map.toggle('problems', e.target.checked));
  document.getElementById('show-bins').addEventListener('change', (e) => map.toggle('bins', e.target.checked));
}

async function start() {
  const city = await startPage('Bins and problems');
  await Promise.all([
    loadProblems().catch((e) => say(document.getElementById('problems-updated'), `Sorry, problems could not be loaded: ${e.message}`)),
    loadBins().catch((e) => say(document.getElementById('bins-updated'), `Sorry, bins could not be loaded: ${e.message}`)),
  ]);
  listUsable();
  whenIdle(() => loadMap(city).catch((e) => say(document.getElementById('map-message'), `The map could not be drawn: ${e.message}`)));
}

start();
