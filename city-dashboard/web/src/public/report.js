// Report a problem (Open311 GeoReport v2): what, where, and optionally a photo and an e-mail; then the report is
// listed with the others. Errors are said in words next to the form and focus moves to them.

import '../styles/base.css';
import * as api from '../shared/api.js';
import { ago, clock, el } from '../shared/format.js';
import { Freshness, listUsable, say, startPage } from '../shared/page.js';
import { PlaceSearch } from './place-search.js';

const form = document.getElementById('report');
let services = [];
let where = null;
let mine = null;

async function loadServices() {
  services = await api.services();
  const box = document.getElementById('services');
  box.replaceChildren(...services.map((s, i) => el('div', { className: 'choice' },
    el('input', { type: 'radio', name: 'service_code', id: `service-${s.service_code}`, value: s.service_code, required: i === 0 }),
    el('label', { for: `service-${s.service_code}` }, s.service_name),
    el('p', { className: 'hint', id: `service-${s.service_code}-hint` }, s.description))));
  box.addEventListener('change', () => showAttributes(form.elements.service_code.value));
}

async function showAttributes(code) {
  const box = document.getElementById('attributes');
  box.replaceChildren();
  if (!services.find((s) => s.service_code === code)?.metadata) {
    return;
  }
  const definition = await api.getJson(`/open311/v2/services/${encodeURIComponent(code)}.json`);
  for (const a of definition.attributes.filter((x) => x.variable)) {
    const id = `attribute-${a.code}`;
    const control = a.values?.length
      ? el('select', { id, name: `attribute[${a.code}]`, required: a.required },
        el('option', { value: '' }, 'Choose…'),
        ...a.values.map((v) => el('option', { value: v.key }, v.name)))
      : el('input', { id, name: `attribute[${a.code}]`, type: 'text', required: a.required });
    box.append(el('div', { className: 'field' },
      el('label', { for: id }, `${a.description}${a.required ? '' : ' (optional)'}`), control));
  }
}

function choose(place) {
  where = place;
  const chosen = document.getElementById('chosen');
  chosen.textContent = `The problem is at ${place.name}.`;
  chosen.hidden = false;
}

function problems() {
  const found = [];
  if (!form.elements.service_code.value) {
    found.push(['service-' + services[0]?.service_code, 'Choose what the problem is.']);
  }
  for (const control of document.querySelectorAll('#attributes [required]')) {
    if (!control.value) {
      found.push([control.id, `Answer: ${document.querySelector(`label[for="${control.id}"]`).textContent}.`]);
    }
  }
  if (!where) {
    found.push(['place', 'Say where the problem is: find a street and choose it, or use your location.']);
  }
  if (!form.elements.description.value.trim()) {
    found.push(['description', 'Say what you saw.']);
  }
  const email = form.elements.email;
  if (email.value && !email.checkValidity()) {
    found.push(['email', 'The e-mail address does not look right. Leave it empty if you prefer.']);
  }
  return found;
}

function showErrors(found) {
  const box = document.getElementById('errors');
  box.replaceChildren(el('p', {}, found.length === 1 ? 'There is a problem:' : 'There are problems:'),
    el('ul', {}, ...found.map(([id, text]) => el('li', {}, el('a', { href: `#${id}` }, text)))));
  box.hidden = false;
  box.focus();
}

async function send(event) {
  event.preventDefault();
  const found = problems();
  if (found.length > 0) {
    showErrors(found);
    return;
  }
  document.getElementById('errors').hidden = true;
  const data = new FormData(form);
  if (!form.elements.media.files.length) {
    data.delete('media');
  }
  if (!data.get('email')) {
    data.delete('email');
  }
  data.set('lat', where.lat);
  data.set('long', where.lon);
  if (where.name !== 'your location') {
    data.set('address_string', where.name);
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const [created] = await api.report(data);
    mine = created.service_request_id ?? null;
    form.hidden = true;
    const sent = document.getElementById('sent');
    document.getElementById('sent-text').textContent = mine
      ? `Your report number is ${mine}. It is in the list below.`
      : 'It will appear in the list below shortly.';
    sent.hidden = false;
    sent.focus();
    await loadRecent();
  } catch (e) {
    showErrors([[e.problem?.[0]?.code ?? 'description', e.message]]);
  } finally {
    button.disabled = false;
  }
}

async function loadRecent() {
  const reports = await api.reports();
  reports.sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime));
  const list = document.getElementById('recent');
  list.replaceChildren(...reports.slice(0, 50).map((r) => el('li', {
    className: `item report${r.service_request_id === mine ? ' mine' : ''}`,
    'data-id': r.service_request_id,
  },
  el('h3', {}, `${r.service_name}${r.address ? ` at ${r.address}` : ''}`),
  r.description ? el('p', {}, r.description) : null,
  el('p', { className: 'when' }, `Report ${r.service_request_id}, ${r.status === 'open' ? 'open' : 'dealt with'}. `
    + `Sent at ${clock(r.requested_datetime)} (${ago(r.requested_datetime)}).`),
  r.service_request_id === mine ? el('p', { className: 'yours' }, 'This is your report.') : null)));
  if (reports.length === 0) {
    list.append(el('li', { className: 'placeholder' }, 'No reports in the last days.'));
  }
  new Freshness(document.getElementById('recent-updated')).set(...reports.map((r) => r.updated_datetime));
}

async function start() {
  await startPage('Report a problem');
  new PlaceSearch(document.getElementById('where'), { onChoose: choose });
  form.addEventListener('submit', send);
  await Promise.all([
    loadServices().catch((e) => say(document.getElementById('services'), `Sorry, this form is not available: ${e.message}`)),
    loadRecent().catch((e) => say(document.getElementById('recent-updated'), `Sorry, reports could not be loaded: ${e.message}`)),
  ]);
  listUsable();
}

start();
