// The map of every page: the platform's own base map (roads by class with their names, buildings, water, green
// areas, as GeoJSON layers, and the glyphs of the labels), with the page's own point layers on top. Nothing is fetched
// from anywhere else: no tile server, no font server. This module is loaded only after the page's list is usable
// (import('../map/city-map.js')), so that MapLibre never delays it.

import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

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
  return new URL(`/api/v1/basemap/${name}.geojson`, document.baseURI).href;
}

function baseStyle(attribution) {
  return {
    version: 8,
    glyphs: `${new URL('/api/v1/basemap/glyphs/', document.baseURI).href}{fontstack}/{range}.pbf`,
    sources: {
      streets: { type: 'geojson', data: layer('roads'), attribution },
      green: { type: 'geojson', data: layer('green') },
      water: { type: 'geojson', data: layer('water') },
      buildings: { type: 'geojson', data: layer('buildings') },
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
    ],
  };
}

/** Whether this browser can draw the map (WebGL). */
export function canDraw() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * A map of the city in an element, fitted to its bounds. Pages add point layers with {@link CityMap#points} and
 * update them with {@link CityMap#setPoints}.
 */
export class CityMap {
  constructor(element, city, { label } = {}) {
    const [minLon, minLat, maxLon, maxLat] = city.bounds;
    this.map = new maplibregl.Map({
      container: element,
      style: baseStyle(city.provenance.attribution ?? city.provenance.source ?? ''),
      bounds: [[minLon, minLat], [maxLon, maxLat]],
      fitBoundsOptions: { padding: 24 },
      maxBounds: [[minLon - 0.05, minLat - 0.05], [maxLon + 0.05, maxLat + 0.05]],
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.touchZoomRotate.disableRotation();
    this.map.getCanvas().setAttribute('aria-label', label ?? 'Map of the city');
    this.loaded = new Promise((resolve) => this.map.on('load', resolve));
    // Tests and people with slow phones can tell when the map has drawn everything it has.
    this.loaded.then(() => this.map.once('idle', () => element.setAttribute('data-ready', '')));
    this.popup = new maplibregl.Popup({ closeButton: true, maxWidth: '18rem', offset: 12 });
  }

  /**
   * Adds a layer of points: `paint` is MapLibre's circle paint; a click on a point calls onClick with its properties.
   */
  async points(id, paint, onClick, options = {}) {
    await this.loaded;
    this.map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, ...options.source });
    this.map.addLayer({
      id,
      type: 'circle',
      source: id,
      paint,
      ...(options.layout ? { layout: options.layout } : {}),
      ...(options.minzoom ? { minzoom: options.minzoom } : {}),
    });
    if (onClick) {
      this.map.on('click', id, (e) => onClick(e.features[0].properties, e.lngLat));
      this.map.on('mouseenter', id, () => { this.map.getCanvas().style.cursor = 'pointer'; });
      this.map.on('mouseleave', id, () => { this.map.getCanvas().style.cursor = ''; });
    }
  }

  /** Replaces a point layer's points: items with lon, lat and the properties its paint reads. */
  async setPoints(id, items, properties) {
    await this.loaded;
    this.map.getSource(id)?.setData({
      type: 'FeatureCollection',
      features: items.map((item) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [item.lon, item.lat] },
        properties: properties(item),
      })),
    });
  }

  /** Adds a line layer (a route) under the point layers added after it. */
  async line(id, paint) {
    await this.loaded;
    this.map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer({ id, type: 'line', source: id, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint });
  }

  /** Replaces a line layer's geometry (a GeoJSON LineString, or null for none). */
  async setLine(id, geometry) {
    await this.loaded;
    this.map.getSource(id)?.setData({
      type: 'FeatureCollection',
      features: geometry ? [{ type: 'Feature', geometry, properties: {} }] : [],
    });
  }

  /** Adds labels (text from a property) to a point layer's points, e.g. the numbers of a round's stops. */
  async labels(id, source, field) {
    await this.loaded;
    this.map.addLayer({
      id,
      type: 'symbol',
      source,
      layout: { 'text-field': ['to-string', ['get', field]], 'text-font': ['DejaVu Sans'], 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    });
  }

  /** Shows or hides a layer. */
  async toggle(id, visible) {
    await this.loaded;
    this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  /** Centres a point and opens a popup with this element in it. */
  show(lon, lat, content, fly = true) {
    if (fly) {
      this.map.easeTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), 15) });
    }
    this.popup.setLngLat([lon, lat]).setDOMContent(content).addTo(this.map);
  }
}
