// The map: the platform's own base map (roads by class with their names, buildings, water, green areas, as GeoJSON
// layers, and the glyphs of the labels), car parks and street bays from the API. Nothing is fetched from anywhere
// else: no tile server, no font server.

import * as maplibregl from './vendor/maplibre-gl/maplibre-gl.mjs';
import { availability, ago, exactTime, number } from './format.js';

const COLOURS = { plenty: '#1e8e3e', few: '#e37400', full: '#d93025', none: '#9aa0a6' };

const ROAD = {
  motorway: { colour: '#f7b267', width: 5 },
  trunk: { colour: '#f9c784', width: 4.5 },
  primary: { colour: '#fde58a', width: 4 },
  secondary: { colour: '#fef0b5', width: 3.5 },
  tertiary: { colour: '#ffffff', width: 3 },
  unclassified: { colour: '#ffffff', width: 2.2 },
  residential: { colour: '#ffffff', width: 2.2 },
  living_street: { colour: '#f3f3f3', width: 2 },
  service: { colour: '#ffffff', width: 1.2 },
};

function byClass(field) {
  const match = ['match', ['get', 'class']];
  for (const [name, road] of Object.entries(ROAD)) {
    match.push(name, road[field]);
  }
  match.push(field === 'colour' ? '#ffffff' : 1.5);
  return match;
}

function width(extra) {
  return ['interpolate', ['exponential', 1.6], ['zoom'],
    11, ['+', ['*', byClass('width'), 0.4], extra * 0.6],
    14, ['+', ['*', byClass('width'), 1.2], extra],
    18, ['+', ['*', byClass('width'), 5], extra * 2]];
}

function layer(name) {
  return new URL(`api/v1/basemap/${name}.geojson`, document.baseURI).href;
}

function style(attribution) {
  return {
    version: 8,
    glyphs: `${new URL('api/v1/basemap/glyphs/', document.baseURI).href}{fontstack}/{range}.pbf`,
    sources: {
      streets: { type: 'geojson', data: layer('roads'), attribution },
      green: { type: 'geojson', data: layer('green') },
      water: { type: 'geojson', data: layer('water') },
      buildings: { type: 'geojson', data: layer('buildings') },
      bays: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      carparks: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } },
      {
        id: 'green', type: 'fill', source: 'green', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#cdebb0', 'fill-opacity': 0.9 },
      },
      {
        id: 'water', type: 'fill', source: 'water', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#aad3df' },
      },
      {
        id: 'waterway', type: 'line', source: 'water', filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': '#aad3df', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 6] },
      },
      {
        id: 'buildings', type: 'fill', source: 'buildings', minzoom: 13,
        paint: { 'fill-color': '#d9d0c9', 'fill-outline-color': '#c4b6ab' },
      },
      {
        id: 'street-casing', type: 'line', source: 'streets',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#cfc8b8', 'line-width': width(1.5) },
      },
      {
        id: 'street', type: 'line', source: 'streets',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': byClass('colour'), 'line-width': width(0) },
      },
      {
        id: 'street-names', type: 'symbol', source: 'streets', minzoom: 14,
        filter: ['has', 'name'],
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': ['DejaVu Sans'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10, 18, 14],
        },
        paint: { 'text-color': '#555555', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'place-names', type: 'symbol', source: 'green', minzoom: 14,
        filter: ['all', ['has', 'name'], ['==', ['geometry-type'], 'Polygon']],
        layout: { 'text-field': ['get', 'name'], 'text-font': ['DejaVu Sans'], 'text-size': 11 },
        paint: { 'text-color': '#3f7a2f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'bays', type: 'circle', source: 'bays', minzoom: 13,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 4],
          'circle-color': ['match', ['get', 'state'], 'occupied', '#d93025', 'free', '#1e8e3e', '#80868b'],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 14, 0, 17, 1],
        },
      },
      {
        id: 'carparks', type: 'circle', source: 'carparks',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'],
            11, ['+', 2.5, ['*', 0.35, ['sqrt', ['get', 'capacity']]]],
            14, ['+', 4, ['*', 0.75, ['sqrt', ['get', 'capacity']]]],
            17, ['+', 8, ['*', 1.4, ['sqrt', ['get', 'capacity']]]]],
          'circle-color': ['match', ['get', 'status'],
            'plenty', COLOURS.plenty, 'few', COLOURS.few, 'full', COLOURS.full, COLOURS.none],
          'circle-opacity': 0.9,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2.5,
        },
      },
    ],
  };
}

export class CityMap {
  constructor(element, city) {
    const [minLon, minLat, maxLon, maxLat] = city.bounds;
    const attribution = city.provenance.attribution ?? '';
    this.map = new maplibregl.Map({
      container: element,
      style: style(attribution),
      bounds: [[minLon, minLat], [maxLon, maxLat]],
      fitBoundsOptions: { padding: 24 },
      maxBounds: [[minLon - 0.05, minLat - 0.05], [maxLon + 0.05, maxLat + 0.05]],
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.touchZoomRotate.disableRotation();
    this.loaded = new Promise((resolve) => this.map.on('load', resolve));
    this.popup = new maplibregl.Popup({ closeButton: true, maxWidth: '16rem', offset: 12 });
    this.pending = null;
    this.map.on('click', 'carparks', (e) => this.onClick?.(e.features[0].properties.id));
    this.map.on('mouseenter', 'carparks', () => { this.map.getCanvas().style.cursor = 'pointer'; });
    this.map.on('mouseleave', 'carparks', () => { this.map.getCanvas().style.cursor = ''; });
  }

  /** Redraws the car parks and bays at the next frame (many live changes cost one redraw). */
  draw(carParks, bays) {
    this.latest = { carParks, bays };
    if (this.pending) {
      return;
    }
    this.pending = requestAnimationFrame(async () => {
      this.pending = null;
      await this.loaded;
      this.map.getSource('carparks').setData(carParkFeatures(this.latest.carParks));
      this.map.getSource('bays').setData(bayFeatures(this.latest.bays));
    });
  }

  /** Centres a car park and opens its popup. */
  show(cp, fly = true) {
    if (fly) {
      this.map.easeTo({ center: [cp.lon, cp.lat], zoom: Math.max(this.map.getZoom(), 15) });
    }
    this.popup.setLngLat([cp.lon, cp.lat]).setDOMContent(popupContent(cp)).addTo(this.map);
    this.popupId = cp.id;
  }

  /** Refreshes the open popup if it shows this car park. */
  refresh(cp) {
    if (this.popupId === cp.id && this.popup.isOpen()) {
      this.popup.setDOMContent(popupContent(cp));
    }
  }
}

function carParkFeatures(carParks) {
  const features = [...carParks.values()].map((cp) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [cp.lon, cp.lat] },
    properties: { id: cp.id, capacity: cp.capacity, status: availability(cp) },
  }));
  // Big car parks first, so that small ones are drawn on top and stay clickable.
  features.sort((a, b) => b.properties.capacity - a.properties.capacity);
  return { type: 'FeatureCollection', features };
}

function bayFeatures(bays) {
  return {
    type: 'FeatureCollection',
    features: [...bays.values()].map((b) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [b.lon, b.lat] },
      properties: { id: b.id, state: b.occupied == null ? 'unknown' : b.occupied ? 'occupied' : 'free' },
    })),
  };
}

function popupContent(cp) {
  const root = document.createElement('div');
  root.className = 'popup';
  const title = document.createElement('h3');
  title.textContent = cp.name;
  const count = document.createElement('p');
  count.className = 'count';
  count.innerHTML = cp.free == null
    ? `– <small>of ${number.format(cp.capacity)} free</small>`
    : `${number.format(cp.free)} <small>of ${number.format(cp.capacity)} free</small>`;
  count.style.color = COLOURS[availability(cp)] === COLOURS.none ? '' : COLOURS[availability(cp)];
  const when = document.createElement('p');
  when.className = 'when';
  when.textContent = ago(cp.updated);
  when.title = exactTime(cp.updated);
  root.append(title, count, when);
  return root;
}
