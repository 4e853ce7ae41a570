// The platform's HTTP API, from the same origin. Every call rejects with an ApiError that carries the server's
// explanation (RFC 7807 problem details), so that a page can show it in plain words.

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

async function reply(response, path) {
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail = body?.detail ?? body?.[0]?.description ?? `${path} answered ${response.status}`;
    throw new ApiError(response.status, detail, body);
  }
  return body;
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json, application/geo+json' } });
  return reply(response, path);
}

/** Sends a body (JSON by default, or a FormData as it is); headers for the operator's CSRF token go in extra. */
export async function send(method, path, body, extra = {}) {
  const isForm = body instanceof FormData || body instanceof URLSearchParams;
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body == null || isForm ? {} : { 'Content-Type': 'application/json' }),
      ...extra,
    },
    body: body == null ? undefined : isForm ? body : JSON.stringify(body),
  });
  return reply(response, path);
}

/** The city: name, tenant, bounds, zones, provenance. */
export const city = () => getJson('/api/v1/city');

/** Car parks as a GeoJSON FeatureCollection, with free spaces now and forecasts. */
export const carParks = () => getJson('/api/v1/parking/carparks');

/** The nearest places to park from a point, with the driving time over the city's roads. */
export const nearest = (lat, lon, limit = 10) =>
  getJson(`/api/v1/parking/nearest?lat=${lat}&lon=${lon}&limit=${limit}`);

/** Streets, car parks and areas whose name matches what someone typed. */
export const places = (q) => getJson(`/api/v1/places?q=${encodeURIComponent(q)}&limit=8`);

/** The public's alerts not resolved yet (leaks, overflowing bins), as GeoJSON. */
export const alerts = () => getJson('/api/v1/alerts');

/** Bins that need emptying in the next hours, as GeoJSON. */
export const dueBins = () => getJson('/api/v1/bins/due');

/** Open311: what can be reported, and the reports of the last days. */
export const services = () => getJson('/open311/v2/services.json');
export const reports = () => getJson('/open311/v2/requests.json');
export const report = (form) => send('POST', '/open311/v2/requests.json', form);

/** The open-data catalogue (DCAT, JSON-LD). */
export const catalogue = () => getJson('/api/v1/catalogue');
