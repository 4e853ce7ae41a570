// The operations centre: every sensor of the council on a live map by state, the counts by state, the sensors that
// need attention, the alert queue with acknowledge and resolve, a sensor's history, and the gateways' health. It
// polls the operations API every few seconds with `since`, so a change shows without a reload and costs little.

import '../styles/base.css';
import '../styles/ops.css';
import * as api from '../shared/api.js';
import { ago, clock, el, number } from '../shared/format.js';
import { signedIn } from '../shared/login.js';
import { listUsable, say } from '../shared/page.js';
import * as session from '../shared/session.js';
import { AlertQueue } from './alert-queue.js';
import { SensorDetail } from './sensor-detail.js';
import { GATEWAY_WORDS, KIND_WORDS, SENSOR_STATES, STATE_WORDS } from './states.js';

/** How often the page asks for changes. */
const POLL_MS = 5000;
/** At most this many rows in the table of sensors needing attention. */
const ATTENTION_ROWS = 300;

const sensors = new Map();
let sensorsAsOf = null;
let map = null;
let principal = null;

const filters = { kind: '', zone: '' };
const detail = new SensorDetail(document.getElementById('detail'));
const alerts = new AlertQueue(document.getElementById('alerts'), {
  updated: document.getElementById('alerts-updated'),
  onShowSensor: (id) => showSensor(id),
  onChange: () => pollSensors(),
});

function shown(sensor) {
  return (!filters.kind || sensor.kind === filters.kind) && (!filters.zone || sensor.zone === filters.zone);
}

async function pollSensors() {
  const first = sensorsAsOf === null;
  const page = await api.getJson(`/api/v1/ops/sensors${first ? '' : `?since=${encodeURIComponent(sensorsAsOf)}`}`);
  for (const s of page.sensors) {
    sensors.set(s.id, s);
  }
  for (const id of page.removed ?? []) {
    sensors.delete(id);
  }
  sensorsAsOf = page.as_of;
  if (first || page.sensors.length > 0 || (page.removed ?? []).length > 0) {
    renderSensors();
  }
  return page.as_of;
}

function renderSensors() {
  const visible = [...sensors.values()].filter(shown);
  const counts = Object.fromEntries(SENSOR_STATES.map((s) => [s.code, { all: 0, shown: 0 }]));
  for (const s of sensors.values()) {
    counts[s.state] ??= { all: 0, shown: 0 };
    counts[s.state].all += 1;
  }
  for (const s of visible) {
    counts[s.state].shown += 1;
  }
  document.querySelector('#summary tbody').replaceChildren(...SENSOR_STATES.map((state) => el('tr', { 'data-state': state.code },
    el('th', { scope: 'row' }, el('i', { className: 'swatch', style: `background:${state.colour}`, 'aria-hidden': 'true' }), ` ${state.words}`),
    el('td', {}, number.format(counts[state.code].all)),
    el('td', {}, number.format(counts[state.code].shown)))));
  renderAttention(visible.filter((s) => s.state !== 'ok'));
  drawMap(visible);
}

function renderAttention(list) {
  const order = Object.fromEntries(SENSOR_STATES.map((s, i) => [s.code, i]));
  list.sort((a, b) => order[a.state] - order[b.state] || a.id.localeCompare(b.id));
  const rows = list.slice(0, ATTENTION_ROWS).map((s) => el('tr', { 'data-id': s.id },
    el('td', {}, el('button', { type: 'button', className: 'link', onClick: () => showSensor(s.id) }, s.id)),
    el('td', {}, KIND_WORDS[s.kind] ?? s.kind),
    el('td', {}, s.zone ?? '—'),
    el('td', { className: `state-${s.state}` }, STATE_WORDS[s.state] ?? s.state),
    el('td', {}, s.battery == null ? '—' : `${Math.round(s.battery)}%`),
    el('td', {}, s.last_seen ? ago(s.last_seen) : 'never')));
  document.getElementById('attention').replaceChildren(
    list.length === 0 ? el('p', {}, 'Every sensor shown is fine.') : el('table', {},
      el('caption', {}, list.length > ATTENTION_ROWS
        ? `${number.format(list.length)} sensors need attention; the first ${ATTENTION_ROWS} are listed. Narrow the kind or zone to see others.`
        : `${number.format(list.length)} sensors need attention.`),
      el('thead', {}, el('tr', {}, ...['Sensor', 'Kind', 'Zone', 'State', 'Battery', 'Last heard'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
}

async function pollGateways() {
  const list = await api.getJson('/api/v1/ops/gateways');
  document.getElementById('gateways-updated').textContent = `Updated at ${clock(list.as_of)}.`;
  document.getElementById('gateways').replaceChildren(list.gateways.length === 0 ? el('p', {}, 'No gateways registered.') : el('table', {},
    el('thead', {}, el('tr', {}, ...['Gateway', 'Zone', 'State', 'Unsent readings', 'Oldest unsent', 'Last heard', 'Sensors', 'Alerts']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...list.gateways.map((g) => el('tr', { 'data-id': g.id },
      el('th', { scope: 'row' }, g.id),
      el('td', {}, g.zone ?? '—'),
      el('td', { className: `state-${g.state}` }, GATEWAY_WORDS[g.state] ?? g.state),
      el('td', {}, g.health.outbox_depth == null ? '—' : number.format(g.health.outbox_depth)),
      el('td', {}, g.health.outbox_oldest_age == null ? '—' : seconds(g.health.outbox_oldest_age)),
      el('td', {}, g.last_seen ? ago(g.last_seen) : 'never'),
      el('td', {}, number.format(g.sensors ?? 0)),
      el('td', {}, number.format(g.alerts ?? 0)))))));
}

function seconds(s) {
  if (s < 90) {
    return `${Math.round(s)} s`;
  }
  return s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

async function loadMap(city) {
  const { CityMap, canDraw } = await import('../map/city-map.js');
  if (!canDraw()) {
    say(document.getElementById('map-message'), 'This browser cannot draw the map. The tables hold the same information.');
    return;
  }
  map = new CityMap(document.getElementById('map'), city, { label: 'Live map of every sensor coloured by state. The tables hold the same information.' });
  const colour = ['match', ['get', 's']];
  SENSOR_STATES.forEach((s) => colour.push(s.code, s.colour));
  colour.push('#6b7280');
  await map.points('sensors', {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['match', ['get', 's'], 'ok', 1.5, 3], 15, ['match', ['get', 's'], 'ok', 3.5, 6], 18, 8],
    'circle-color': colour,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 0, 16, 1],
    // Problems on top of the sensors that are fine.
  }, (p) => showSensor(p.id), { layout: { 'circle-sort-key': ['match', ['get', 's'], 'ok', 0, 1] } });
  renderSensors();
}

function drawMap(visible) {
  if (!map) {
    return;
  }
  map.setPoints('sensors', visible, (s) => ({ id: s.id, s: s.state }));
}

function showSensor(id) {
  const sensor = sensors.get(id);
  if (!sensor) {
    return;
  }
  detail.show(sensor);
  if (map && sensor.lon != null) {
    map.map.easeTo({ center: [sensor.lon, sensor.lat], zoom: Math.max(map.map.getZoom(), 16) });
  }
}

function live() {
  const status = document.getElementById('live');
  const tick = async () => {
    try {
      const asOf = await pollSensors();
      await alerts.refresh();
      status.textContent = `Live: updated at ${clock(asOf)}.`;
      if (status.classList.contains('lost')) {
        document.getElementById('connection').textContent = 'Connected again: the board is up to date.';
      }
      status.classList.remove('lost');
    } catch (e) {
      if (e.status === 401) {
        location.reload();
        return;
      }
      status.textContent = `Connection lost (${e.message}); trying again. What you see may be out of date.`;
      if (!status.classList.contains('lost')) {
        document.getElementById('connection').textContent = status.textContent;
      }
      status.classList.add('lost');
    }
    setTimeout(tick, POLL_MS);
  };
  setTimeout(tick, POLL_MS);
  setInterval(() => pollGateways().catch(() => {}), 15_000);
}

async function start() {
  principal = await signedIn(document.getElementById('login'), { role: 'operator', title: 'Operations centre' });
  document.getElementById('board').hidden = false;
  const who = document.getElementById('who');
  who.textContent = `${principal.username}, ${principal.role}`;
  who.hidden = false;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('click', async () => {
    await session.logout();
    location.reload();
  });
  const city = await api.city();
  document.title = `Operations centre · ${city.name} · MyCity`;
  const council = document.getElementById('council');
  council.replaceChildren(el('option', {}, `${city.name} (${principal.tenant})`));
  const zone = document.getElementById('zone');
  city.zones.forEach((z) => zone.append(el('option', { value: z.id }, z.name)));
  for (const [id, key] of [['kind', 'kind'], ['zone', 'zone']]) {
    document.getElementById(id).addEventListener('change', (e) => {
      filters[key] = e.target.value;
      renderSensors();
    });
  }
  await Promise.all([pollSensors(), alerts.refresh(), pollGateways()]);
  listUsable();
  document.getElementById('live').textContent = `Live: updated at ${clock(sensorsAsOf)}.`;
  live();
  await loadMap(city);
}

start().catch((e) => say(document.getElementById('live'), `The operations centre could not start: ${e.message}`));
