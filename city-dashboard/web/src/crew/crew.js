// A refuse crew's round on a phone: the day's stops in order on a list and a map; "emptied" or "could not empty"
// (with the reason) per bin. A report is kept on the phone until the server confirms it, so the page works through a
// lost signal once loaded (its files and the last round are kept by a service worker) and sends what waited when the
// signal is back; the server re-plans the rest of the round after a bin that could not be emptied.

import '../styles/base.css';
import '../styles/crew.css';
import * as api from '../shared/api.js';
import { ago, clock, el } from '../shared/format.js';
import { askToLogIn, signedIn } from '../shared/login.js';
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

/** The round as the crew sees it: the server's, with the reports still waiting (or refused) applied on top. */
function shownRound() {
  const kept = new Map(outbox.all().map((r) => [r.bin, r]));
  return {
    ...round,
    stops: round.stops.map((stop) => {
      const r = kept.get(stop.bin);
      if (!r || stop.status !== 'planned') {
        return stop;
      }
      return r.refused
        ? { ...stop, refused: r.refused, report_id: r.report_id }
        : { ...stop, status: r.outcome, reason: r.reason ?? null, reported_at: r.at, waiting: true };
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
  if (stop.refused) {
    li.append(el('p', { className: 'message error' }, `Your report was not accepted: ${stop.refused}`),
      el('div', { className: 'row actions' },
        el('button', { type: 'button', className: 'big', onClick: () => again(stop.report_id, true) }, 'Send again',
          el('span', { className: 'visually-hidden' }, `: bin ${stop.bin}`)),
        el('button', { type: 'button', className: 'secondary big', onClick: () => again(stop.report_id, false) }, 'Discard',
          el('span', { className: 'visually-hidden' }, ` the report of bin ${stop.bin}`))));
  } else if (stop.status === 'planned') {
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
  document.getElementById('progress').focus();
  sync();
}

/** A refused report sent again (as if pressed now), or discarded. */
function again(reportId, send) {
  if (send) {
    outbox.retry(reportId);
  } else {
    outbox.remove(reportId);
  }
  render();
  document.getElementById('progress').focus();
  if (send) {
    sync();
  }
}

/** Says something that must not be overwritten by the connection line (a report refused, taken by another). */
function notice(words) {
  say(document.getElementById('notice'), words);
}

/**
 * Sends the waiting reports in the order they were made; stops at the first that cannot get through (no signal, the
 * server in trouble) and tries again later. A report the server refuses (400, 404) is kept, marked, for the crew to
 * send again or discard; one that another report beat (409) gives way to the server's round; an ended session asks
 * for a login and then sends.
 */
async function sync() {
  if (syncing) {
    return;
  }
  syncing = true;
  let changed = false;
  let ended = false;
  const tokenRefreshed = new Set();
  try {
    const waiting = outbox.pending();
    for (let i = 0; i < waiting.length; i += 1) {
      const { bin, ...body } = waiting[i];
      try {
        round = await session.change('POST', `/api/v1/crew/round/stops/${encodeURIComponent(bin)}`, body);
        unreachable = false;
        localStorage.setItem(roundKey(), JSON.stringify(round));
        outbox.remove(body.report_id);
        changed = true;
      } catch (e) {
        unreachable = e instanceof TypeError;
        if (unreachable || (e.status >= 500 && e.status !== 501)) {
          break;
        }
        if (e.status === 403 && !tokenRefreshed.has(body.report_id)) {
          // A page opened without a signal has no CSRF token yet: ask for it, then send this report again.
          tokenRefreshed.add(body.report_id);
          if (await session.current().catch(() => null)) {
            i -= 1;
            continue;
          }
        }
        if (e.status === 401 || e.status === 403) {
          ended = true;
          break;
        }
        if (e.status === 409) {
          outbox.remove(body.report_id);
          notice(`Bin ${bin}: ${e.message}`);
          await loadRound().catch(() => {});
        } else {
          const clockHint = e.problem?.parameter === 'at' ? " Check that the phone's clock is right." : '';
          outbox.refuse(body.report_id, `${e.message}${clockHint}`);
          notice(`Bin ${bin}: your report was not accepted: ${e.message}`);
        }
        changed = true;
      }
    }
  } finally {
    syncing = false;
    if (changed) {
      render();
    } else {
      showConnection();
    }
  }
  if (ended) {
    await logInAgain();
  }
}

/** The session ended with reports waiting: the login form, then the reports are sent. */
async function logInAgain() {
  const waiting = outbox.pending().length;
  notice(`Your session has ended. Log in again to send ${waiting} report${waiting === 1 ? '' : 's'}; they are kept on this phone.`);
  const again = await askToLogIn(document.getElementById('login'), { role: 'crew', title: 'Log in again' });
  if (again.username !== principal.username) {
    notice(`These reports are ${principal.username}'s: log in as ${principal.username} to send them.`);
    await session.logout().catch(() => {});
    return logInAgain();
  }
  notice(null);
  return sync();
}

function showConnection() {
  const waiting = outbox.pending().length;
  const online = navigator.onLine && !unreachable;
  const words = !online
    ? `No signal. ${waiting === 0 ? 'Reports will be kept on this phone.' : `${waiting} report${waiting === 1 ? '' : 's'} will be sent when the signal is back.`}`
    : waiting > 0
      ? `Sending ${waiting} report${waiting === 1 ? '' : 's'}…`
      : 'All reports sent.';
  const connection = document.getElementById('connection');
  if (connection.textContent !== words) {
    connection.textContent = words;
  }
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
  // What was loaded before the worker was in charge goes through it once, to be kept: the city, and the files of the
  // page and its map. Who is logged in and the round are the page's to keep (per account), not the worker's.
  await fetch('/api/v1/city').catch(() => null);
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
    // Who it is, for a page opened without a signal; never the session's CSRF token.
    localStorage.setItem(key, JSON.stringify({ username: found.username, tenant: found.tenant, role: found.role }));
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
    if (outbox.pending().length > 0 && !confirm('Some reports are not sent yet. They stay on this phone. Log out anyway?')) {
      return;
    }
    // Nothing of this account stays on the phone but the reports it has not sent, even without a signal.
    const ended = await session.logout().then(() => true, () => false);
    localStorage.removeItem('mycity.crew.account');
    localStorage.removeItem(roundKey());
    if (!ended) {
      alert('Logged out on this phone. Without a signal the server could not be told: the session ends by itself within 30 minutes.');
    }
    location.reload();
  });
  await loadRound();
  render();
  listUsable();
  window.addEventListener('online', () => sync());
  window.addEventListener('offline', showConnection);
  setInterval(() => {
    if (outbox.pending().length > 0) {
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
