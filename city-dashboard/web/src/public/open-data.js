// Open data: the licence, the catalogue's datasets with their downloads, and the API's operations read from its own
// OpenAPI document, so that this page never goes out of date.

import '../styles/base.css';
import * as api from '../shared/api.js';
import { clock, el } from '../shared/format.js';
import { Freshness, listUsable, say, startPage } from '../shared/page.js';

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

async function loadDatasets() {
  const catalogue = await api.catalogue();
  const datasets = [catalogue['dcat:dataset'] ?? []].flat();
  document.getElementById('datasets').replaceChildren(...datasets.map((d) => {
    const modified = first(d['dct:modified'])?.['@value'] ?? null;
    const downloads = [d['dcat:distribution'] ?? []].flat();
    return el('li', { className: 'item', 'data-id': d['dct:identifier'] },
      el('h3', {}, d['dct:title']),
      el('p', {}, d['dct:description'] ?? ''),
      el('p', { className: 'when' }, modified ? `Last changed at ${clock(modified)}.` : 'No data yet.'),
      el('p', {}, 'Download: ', ...downloads.flatMap((x, i) => [
        i > 0 ? ', ' : null,
        el('a', { href: x['dcat:downloadURL']['@id'] }, x['dct:format'] ?? x['dcat:mediaType']),
      ])));
  }));
  new Freshness(document.getElementById('datasets-updated'))
    .set(...datasets.map((d) => first(d['dct:modified'])?.['@value']));
}

async function loadOperations() {
  const openapi = await api.getJson('/api/v1/openapi.json');
  const rows = Object.entries(openapi.paths).flatMap(([path, operations]) => Object.entries(operations)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      summary: op.summary ?? op.description ?? '',
      login: Array.isArray(op.security) && op.security.length > 0,
    })));
  // What anyone may read: the operations that need a login (a crew's round, say) are not the public's.
  const publicRows = rows.filter((r) => r.method === 'GET' && !r.login);
  document.getElementById('operations-count').textContent =
    `${publicRows.length} public operations (version ${openapi.info?.version ?? ''}).`;
  document.getElementById('operations').replaceChildren(el('table', {},
    el('caption', { className: 'visually-hidden' }, 'Operations of the MyCity API'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Address'), el('th', { scope: 'col' }, 'What it gives'))),
    el('tbody', {}, ...publicRows.map((r) => el('tr', {}, el('td', {}, el('code', {}, r.path)), el('td', {}, r.summary))))));
}

async function start() {
  const city = await startPage('Open data');
  if (city.provenance.attribution) {
    document.getElementById('map-licence').textContent =
      `The map of the city comes from elsewhere, under its own licence: ${city.provenance.attribution}.`;
  }
  await Promise.all([
    loadDatasets().catch((e) => say(document.getElementById('datasets-updated'), `Sorry, the catalogue could not be loaded: ${e.message}`)),
    loadOperations().catch((e) => say(document.getElementById('operations-count'), `Sorry, the API description could not be loaded: ${e.message}`)),
  ]);
  listUsable();
}

start();
