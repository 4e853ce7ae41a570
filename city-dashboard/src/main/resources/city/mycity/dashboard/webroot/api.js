// Reads the geo-service API. URLs are relative so that the page works under any path prefix.

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json, application/geo+json' } });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

/** The city: name, tenant, bounds, zones, provenance. */
export const city = () => getJson('api/v1/city');

/** The public's alerts not resolved yet, as a GeoJSON FeatureCollection. */
export const alerts = () => getJson('api/v1/alerts');

/** Car parks as a GeoJSON FeatureCollection. */
export const carParks = () => getJson('api/v1/parking/carparks');

/**
 * On-street parking bays (not those inside car parks), fetched zone by zone so that each request stays under the
 * service's size limit.
 */
export async function streetBays(zones) {
  const boxes = zones.map((z) => z.bbox.join(','));
  const pages = await Promise.all(boxes.map((bbox) =>
    getJson(`api/v1/sensors?bbox=${bbox}&kind=parking-bay&site=none`).catch(() => ({ features: [] }))));
  const bays = new Map();
  for (const page of pages) {
    for (const f of page.features) {
      if (f.properties.site == null) {
        const occupied = f.properties.state?.occupied;
        bays.set(f.id, {
          id: f.id,
          lon: f.geometry.coordinates[0],
          lat: f.geometry.coordinates[1],
          occupied: occupied == null ? null : occupied.value >= 0.5,
        });
      }
    }
  }
  return bays;
}

/**
 * Follows the live feed. Calls onCarPark / onBay / onAlert for each change and onStatus('live' | 'lost') as the connection
 * comes and goes; onReconnect runs when the feed is back after a loss, to reload what was missed.
 */
export function follow({ onCarPark, onBay, onAlert, onStatus, onReconnect }) {
  const source = new EventSource('api/v1/live');
  let lost = false;
  source.addEventListener('open', () => {
    onStatus('live');
    if (lost) {
      lost = false;
      onReconnect();
    }
  });
  source.addEventListener('error', () => {
    lost = true;
    onStatus('lost');
  });
  source.addEventListener('carpark', (e) => onCarPark(JSON.parse(e.data)));
  source.addEventListener('bay', (e) => onBay(JSON.parse(e.data)));
  source.addEventListener('alert', (e) => onAlert(JSON.parse(e.data)));
  return source;
}
