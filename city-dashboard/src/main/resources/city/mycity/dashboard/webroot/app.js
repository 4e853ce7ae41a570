// MyCity live parking: loads the city and its car parks, draws them, and follows the live feed.

import * as api from './api.js';
import { AlertList } from './alert-list.js';
import { CarParkList } from './carpark-list.js';
import { number } from './format.js';

const carParks = new Map();
let bays = new Map();
let map = null;

const list = new CarParkList(document.getElementById('carparks'), { onSelect: select });
const alerts = new AlertList(document.getElementById('alerts'));

async function loadAlerts() {
  try {
    alerts.load(await api.alerts());
  } catch (e) {
    console.warn('alerts unavailable:', e);
  }
}

function fromFeature(f) {
  return { ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
}

async function loadCarParks() {
  const collection = await api.carParks();
  carParks.clear();
  collection.features.forEach((f) => carParks.set(f.id, fromFeature(f)));
  list.render(carParks);
  summarise();
  map?.draw(carParks, bays);
}

function showCity(city) {
  document.getElementById('city-name').textContent = city.name;
  document.title = `${city.name} · Live parking · MyCity`;
  const p = city.provenance;
  const parts = [];
  if (p.attribution) {
    parts.push(p.attribution);
  } else {
    parts.push(`Map: ${p.source}${p.licence ? ` (${p.licence})` : ''}`);
  }
  parts.push('Occupancy: MyCity sensors');
  document.getElementById('attribution').textContent = parts.join(' · ');
}

function summarise() {
  let free = 0;
  let reporting = 0;
  for (const cp of carParks.values()) {
    if (cp.free != null) {
      free += cp.free;
      reporting += 1;
    }
  }
  const summary = document.getElementById('summary-free');
  summary.replaceChildren();
  const big = document.createElement('span');
  big.className = 'big';
  big.textContent = number.format(free);
  summary.append(big, ` free spaces in ${reporting} of ${carParks.size} car parks`);
}

function setStatus(status) {
  const element = document.getElementById('live-status');
  element.className = `status status-${status}`;
  const labels = { live: 'Live', lost: 'Reconnecting…', snapshot: 'Snapshot' };
  element.querySelector('.label').textContent = labels[status];
}

function select(id) {
  const cp = carParks.get(id);
  if (cp && map) {
    map.show(cp);
  }
}

function onCarPark(change) {
  const cp = carParks.get(change.id);
  if (!cp) {
    return;
  }
  Object.assign(cp, change);
  list.update(cp, carParks);
  map?.draw(carParks, bays);
  map?.refresh(cp);
  summarise();
}

function onBay(change) {
  const bay = bays.get(change.id);
  if (bay) {
    bay.occupied = change.occupied;
    map?.draw(carParks, bays);
  }
}

function startMap(city) {
  try {
    map = new CityMap(document.getElementById('map'), city);
    map.onClick = (id) => {
      const cp = carParks.get(id);
      if (cp) {
        map.show(cp, false);
      }
    };
    map.map.on('error', (e) => console.warn('map:', e.error?.message ?? e));
  } catch (e) {
    map = null;
    const error = document.getElementById('map-error');
    error.textContent = 'This browser cannot draw the map; the list of car parks has the same information.';
    error.hidden = false;
    console.warn('map unavailable:', e);
  }
}

let CityMap;

async function main() {
  const city = await api.city();
  showCity(city);
  await Promise.all([loadCarParks(), loadAlerts()]);
  try {
    ({ CityMap } = await import('./city-map.js'));
    startMap(city);
  } catch (e) {
    console.warn('map module unavailable:', e);
  }
  map?.draw(carParks, bays);
  api.streetBays(city.zones).then((found) => {
    bays = found;
    map?.draw(carParks, bays);
  });
  if (new URLSearchParams(location.search).get('live') === 'off') {
    setStatus('snapshot'); // a still page, e.g. for printing or a screenshot
  } else {
    api.follow({
      onCarPark,
      onBay,
      onAlert: (alert) => alerts.change(alert),
      onStatus: setStatus,
      onReconnect: () => Promise.all([loadCarParks(), loadAlerts()]),
    });
  }
  document.getElementById('sort').addEventListener('change', (e) => list.setSort(e.target.value, carParks));
  document.getElementById('filter').addEventListener('input', (e) => list.setFilter(e.target.value));
  setInterval(() => list.refreshTimes(carParks), 30_000);
}

main().catch((e) => {
  console.error(e);
  const list = document.getElementById('carparks');
  list.innerHTML = '<li class="placeholder">The parking data could not be loaded. Please try again later.</li>';
  setStatus('lost');
});
