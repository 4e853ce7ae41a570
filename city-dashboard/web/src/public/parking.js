// Parking: the list of car parks first (free now, likely free in 30 minutes), then, once a place is chosen, the
// nearest places to park with the driving time; the map loads after the list and shows the same. Live changes arrive
// over the live feed (?live=off for a still page).

import '../styles/base.css';
import * as api from '../shared/api.js';
import { availability, number } from '../shared/format.js';
import { Freshness, listUsable, say, startPage } from '../shared/page.js';
import { PlaceSearch } from './place-search.js';
import { ParkingList } from './parking-list.js';
import { whenIdle } from '../shared/idle.js';

const carParks = new Map();
let nearby = null; // the nearest places from the chosen place, or null for every car park
let from = null;
let map = null;

const freshness = new Freshness(document.getElementById('updated'));
const list = new ParkingList(document.getElementById('places'), { onShow: showOnMap });

function fromFeature(f) {
  return { ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
}

async function loadCarParks() {
  const collection = await api.carParks();
  carParks.clear();
  collection.features.forEach((f) => carParks.set(f.id, fromFeature(f)));
  freshness.set(...[...carParks.values()].map((cp) => cp.updated));
  render();
}

function render() {
  const heading = document.getElementById('list-heading');
  if (nearby) {
    heading.textContent = `Nearest places to park from ${from.name}`;
    list.render(nearby, 'drive');
  } else {
    heading.textContent = 'Car parks';
    list.render([...carParks.values()], document.getElementById('sort').value);
  }
  document.querySelector('.sort').hidden = Boolean(nearby);
  document.getElementById('all').hidden = !nearby;
  summarise();
  drawMap();
}

function summarise() {
  const reporting = [...carParks.values()].filter((cp) => cp.free != null);
  const free = reporting.reduce((sum, cp) => sum + cp.free, 0);
  document.getElementById('summary').textContent = reporting.length === 0
    ? 'No car park has reported yet.'
    : `${number.format(free)} free spaces in ${reporting.length} car park${reporting.length === 1 ? '' : 's'}.`;
}

async function choose(place) {
  from = place;
  const message = document.getElementById('from-message');
  say(message, `Looking for places to park near ${place.name}…`);
  try {
    const collection = await api.nearest(place.lat, place.lon, 10);
    nearby = collection.features.map(fromFeature);
    say(message, nearby.length === 0
      ? `No free places to park near ${place.name} right now.`
      : `${nearby.length} place${nearby.length === 1 ? '' : 's'} to park near ${place.name}, nearest drive first.`);
    freshness.set(...nearby.map((p) => p.updated));
  } catch (e) {
    nearby = null;
    say(message, e.status === 400 ? `${place.name} cannot be reached by car: ${e.message}` : `Sorry, that did not work: ${e.message}`);
  }
  render();
  document.getElementById('list-heading').focus?.();
}

function follow() {
  if (new URLSearchParams(location.search).get('live') === 'off') {
    return;
  }
  const live = document.getElementById('live');
  const source = new EventSource('/api/v1/live');
  let lost = false;
  source.addEventListener('open', () => {
    if (lost) {
      lost = false;
      say(live, 'Connected again.');
      loadCarParks().catch(() => {});
    }
  });
  source.addEventListener('error', () => {
    lost = true;
    say(live, 'The live connection was lost; reconnecting. The numbers may be out of date.');
  });
  source.addEventListener('carpark', (e) => {
    const change = JSON.parse(e.data);
    const cp = carParks.get(change.id);
    if (cp) {
      Object.assign(cp, { free: change.free, occupied: change.occupied, updated: change.updated });
      freshness.set(change.updated);
      list.update(cp);
      summarise();
      drawMap();
    }
  });
}

async function loadMap(city) {
  const element = document.getElementById('map');
  const message = document.getElementById('map-message');
  const { CityMap, canDraw } = await import('../map/city-map.js');
  if (!canDraw()) {
    say(message, 'This browser cannot draw the map. The list above holds the same information.');
    element.hidden = true;
    return;
  }
  map = new CityMap(element, city, { label: 'Map of car parks coloured by free spaces. The list above holds the same information.' });
  await map.points('carparks', {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 5, 14, 9, 17, 16],
    'circle-color': ['match', ['get', 'status'], 'plenty', '#1e7e34', 'few', '#b45309', 'full', '#c5221f', '#6b7280'],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  }, (p) => showOnMap(p.id, false));
  await map.points('you', { 'circle-radius': 8, 'circle-color': '#1a56db', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 });
  drawMap();
}

function drawMap() {
  if (!map) {
    return;
  }
  const shown = nearby ?? [...carParks.values()];
  map.setPoints('carparks', shown, (p) => ({ id: p.id, status: availability(p) }));
  map.setPoints('you', from ? [from] : [], () => ({}));
}

function showOnMap(id, fly = true) {
  const place = (nearby ?? []).find((p) => p.id === id) ?? carParks.get(id);
  if (map && place) {
    map.show(place.lon, place.lat, ParkingList.summary(place), fly);
    document.getElementById('map').scrollIntoView({ behavior: 'smooth', block: 'center' });
  }
}

async function start() {
  const city = await startPage('Parking');
  new PlaceSearch(document.getElementById('from'), { onChoose: choose });
  document.getElementById('sort').addEventListener('change', render);
  document.getElementById('all').addEventListener('click', () => {
    nearby = null;
    from = null;
    say(document.getElementById('from-message'), null);
    render();
  });
  await loadCarParks();
  listUsable();
  follow();
  whenIdle(() => loadMap(city).catch((e) => say(document.getElementById('map-message'), `The map could not be drawn: ${e.message}`)));
}

start().catch((e) => {
  document.getElementById('places').replaceChildren();
  say(document.getElementById('updated'), `Sorry, the parking data could not be loaded: ${e.message}`);
});
