// A refuse crew's round on a phone: the day's stops in order on a list and a map; "emptied" or "could not empty"
// (with the reason) per bin. A report is kept on the phone until the server confirms it, so the page works through a
// lost signal once loaded (its files and the last round are kept by a service worker) and sends what waited when the
// signal is back; the server re-plans the rest of the round after a bin that could not be emptied.

import '../styles/base.css';
import '../styles/crew.css';
import * as api from '../shared/api.js';
import { ago, clock, el } from '../shared/format.js';
import { signedIn } from '../shared/login.js';
import { listUsable, say } from '../shared/page.js';
import * as session from '../shared/session.js';
import { Outbox, report } from './outbox.js';

const REASONS = {
  blocked: 'Blocked (a car or works in the way)',
  'bin-damaged': 'Bin damaged',
  'no-access': 'No access',
  'not-out': 'Bin not put out',
  other: 'Something else',
};

/** How often the page tries to send waiting reports while there are any. */
const RETRY_MS = 10_000;

let principal = null;
let outbox = null;
let round = null;
let map = null;
let syncing = false;
/** Whether the last try to reach the server found no signal (the browser's own online flag is not always right). */
let unreachable = false;

function roundKey() {
  return `mycity.crew.round.${principal.username}`;
}

async function loadRound() {
  try {
    round = await api.getJson('/api/v1/crew/round');
    localStorage.setItem(roundKey(), JSON.stringify(round));
  } catch (e) {
    const kept = localStorage.getItem(roundKey());
    if (!kept || (e.status && e.status !== 503)) {
      throw e;
    }
    round = JSON.parse(kept);
  }
}

/** The round as the crew sees it: the server's, with the reports still waiting applied on top. */
function shownRound() {
  const waiting = new Map(outbox.all().map((r) => [r.bin, r]));
  return {
    ...round,
    stops: round.stops.map((stop) => {
      const r = waiting.get(stop.bin);
      return r && stop.status === 'planned'
        ? { ...stop, status: r.outcome, reason: r.reason ?? null, reported_at: r.at, waiting: true }
        : stop;
    }),
  };
}

function render() {
  const shown = shownRound();
  document.getElementById('round-heading').textContent =
    `Round of ${new Date(`${shown.day}T12:00:00`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })}`;
  const done = shown.stops.filter((s) => s.status !== 'planned').length;
  document.getElementById('progress').textContent = shown.stops.length === 0
    ? 'No bins to empty today.'
    : `${done} of ${shown.stops.length} stops done.`;
  document.getElementById('updated').textContent = `Round updated at ${clock(round.updated)} (${ago(round.updated)}).`;
  const next = shown.stops.find((s) => s.status === 'planned');
  document.getElementById('stops').replaceChildren(...shown.stops.map((stop) => item(stop, stop === next)));
  showConnection();
  drawMap(shown);
}

function item(stop, isNext) {
  const title = `Stop ${stop.position}: bin ${stop.bin}${stop.street ? ` on ${stop.street}` : ''}`;
  const li = el('li', { className: `item stop status-${stop.status}${isNext ? ' next' : ''}`, 'data-bin': stop.bin },
    el('h3', {}, title),
    el('p', {}, stop.fill == null ? 'Fill level not known.' : `${Math.round(stop.fill)}% full.`),
    isNext ? el('p', { className: 'next-word' }, 'Next stop.') : null);
  if (stop.status === 'planned') {
    const reason = el('select', { id: `reason-${stop.bin}`, name: 'reason' },
      ...Object.entries(REASONS).map(([key, words]) => el('option', { value: key }, words)));
    const note = el('input', { id: `note-${stop.bin}`, name: 'note', maxlength: '200', autocomplete: 'off' });
    const why = el('fieldset', { className: 'why', hidden: true },
      el('legend', {}, `Why could bin ${stop.bin} not be emptied?`),
      el('label', { for: reason.id }, 'Reason'), reason,
      el('label', { for: note.id }, 'Note (optional)'), note,
      el('button', { type: 'button', onClick: () => press(stop.bin, 'not-emptied', reason.value, note.value.trim()) },
        'Send: could not empty'));
    li.append(el('div', { className: 'row actions' },
      el('button', { type: 'button', className: 'big', onClick: () => press(stop.bin, 'emptied') }, 'Emptied',
        el('span', { className: 'visually-hidden' }, `: bin ${stop.bin}`)),
      el('button', {
        type: 'button',
        className: 'secondary big',
        'aria-expanded': 'false',
        onClick: (e) => {
          why.hidden = !why.hidden;
          e.currentTarget.setAttribute('aria-expanded', String(!why.hidden));
          if (!why.hidden) {
            reason.focus();
          }
        },
      }, 'Could not empty', el('span', { className: 'visually-hidden' }, `: bin ${stop.bin}`))), why);
  } else {
    li.append(el('p', { className: 'outcome' },
      stop.status === 'emptied' ? 'Emptied' : `Not emptied: ${REASONS[stop.reason] ?? stop.reason}`,
      stop.reported_at ? ` at ${clock(stop.reported_at)}` : '',
      stop.waiting ? el('strong', { className: 'waiting' }, ' (waiting to be sent)') : ' (sent)'));
  }
  return li;
}

function press(bin, outcome, reason, note) {
  outbox.add(report(bin, outcome, reason, note));
  render();
  document.getElementById('progress').focus?.();
  sync();
}

/** Sends the waiting reports in the order they were made; stops at the first that cannot get through. */
async function sync() {
  if (syncing) {
    return;
  }
  syncing = true;
  try {
    for (const waiting of outbox.all()) {
      const { bin, ...body } = waiting;
      try {
        round = await session.change('POST', `/api/v1/crew/round/stops/${encodeURIComponent(bin)}`, body);
        unreachable = false;
        localStorage.setItem(roundKey(), JSON.stringify(round));
        outbox.remove(waiting.report_id);
      } catch (e) {
        unreachable = e instanceof TypeError;
        if (e.status === 409 || e.status === 404 || e.status === 400) {
          // Another report got there first, or the stop is gone: the server's round is what stands.
          outbox.remove(waiting.report_id);
          if (e.problem?.stop) {
            say(document.getElementById('connection'), `Bin ${bin}: ${e.message}`);
          }
          await loadRound().catch(() => {});
        } else {
          break;
        }
      }
    }
  } finally {
    syncing = false;
    render();
  }
}

function showConnection() {
  const waiting = outbox.all().length;
  const online = navigator.onLine && !unreachable;
  const words = !online
    ? `No signal. ${waiting === 0 ? 'Reports will be kept on this phone.' : `${waiting} report${waiting === 1 ? '' : 's'} will be sent when the signal is back.`}`
    : waiting > 0
      ? `Sending ${waiting} report${waiting === 1 ? '' : 's'}…`
      : 'All reports sent.';
  const connection = document.getElementById('connection');
  connection.textContent = words;
  connection.dataset.waiting = String(waiting);
  connection.classList.toggle('error', !online);
}

async function loadMap(city) {
  const { CityMap, canDraw } = await import('../map/city-map.js');
  if (!canDraw()) {
    say(document.getElementById('map-message'), 'This phone cannot draw the map. The list holds the same information.');
    return;
  }
  map = new CityMap(document.getElementById('map'), city, { label: 'Map of the round: the route and the numbered stops. The list holds the same information.' });
  await map.line('route', { 'line-color': '#1e429f', 'line-width': 4, 'line-opacity': 0.7 });
  await map.points('stops', {
    'circle-radius': 11,
    'circle-color': ['match', ['get', 'status'], 'emptied', '#1e7e34', 'not-emptied', '#c5221f', '#1e429f'],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  });
  await map.labels('stop-numbers', 'stops', 'position');
  drawMap(shownRound());
}

function drawMap(shown) {
  if (!map) {
    return;
  }
  map.setLine('route', shown.route);
  map.setPoints('stops', shown.stops, (s) => ({ position: s.position, status: s.status }));
}

async function registerWorker() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  await navigator.serviceWorker.register('/crew/sw.js', { scope: '/crew/' });
  const ready = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  // What was loaded before the worker was in charge goes through it once, to be kept: who is logged in, the round,
  // the city, and the files of the page and its map.
  await Promise.all(['/api/v1/session', '/api/v1/crew/round', '/api/v1/city'].map((path) => fetch(path).catch(() => null)));
  const keep = () => ready.active?.postMessage({ keep: performance.getEntriesByType('resource').map((e) => e.name) });
  keep();
  setTimeout(keep, 5000);
  document.documentElement.dataset.offlineReady = 'true';
}

/** Who is logged in: asked of the server, or, without a signal, the account this phone last saw. */
async function account() {
  const key = 'mycity.crew.account';
  try {
    const found = await signedIn(document.getElementById('login'), { role: 'crew', title: "Today's round" });
    localStorage.setItem(key, JSON.stringify(found));
    return found;
  } catch (e) {
    const kept = localStorage.getItem(key);
    if (e instanceof TypeError && kept) {
      return JSON.parse(kept);
    }
    throw e;
  }
}

async function start() {
  principal = await account();
  registerWorker().catch(() => {});
  outbox = new Outbox(principal.username);
  document.getElementById('round').hidden = false;
  const who = document.getElementById('who');
  who.textContent = principal.username;
  who.hidden = false;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('click', async () => {
    if (outbox.all().length > 0 && !confirm('Some reports are not sent yet. They stay on this phone. Log out anyway?')) {
      return;
    }
    await session.logout();
    // Nothing of this account stays on the phone but the reports it has not sent.
    localStorage.removeItem('mycity.crew.account');
    localStorage.removeItem(roundKey());
    await caches?.delete('mycity-crew-v1');
    location.reload();
  });
  await loadRound();
  render();
  listUsable();
  window.addEventListener('online', () => sync());
  window.addEventListener('offline', showConnection);
  setInterval(() => {
    if (outbox.all().length > 0) {
      sync();
    }
  }, RETRY_MS);
  sync();
  const city = await api.city().catch(() => null);
  if (city) {
    await loadMap(city);
  }
}

start().catch((e) => {
  document.getElementById('round').hidden = false;
  say(document.getElementById('connection'), `The round could not be loaded: ${e.message}`);
});
