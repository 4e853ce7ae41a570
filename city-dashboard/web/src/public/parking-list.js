// The list of places to park: the same information as the map, as text, and the page's main content.

import { AVAILABILITY_TEXT, ago, availability, clock, distance, duration, el, number } from '../shared/format.js';

/** The forecast nearest to 30 minutes ahead, if one is at most an hour ahead. */
function soon(place) {
  const forecasts = (place.forecast ?? []).filter((f) => f.in_min <= 60 && f.free != null);
  forecasts.sort((a, b) => Math.abs(a.in_min - 30) - Math.abs(b.in_min - 30));
  return forecasts[0] ?? null;
}

export class ParkingList {
  constructor(element, { onShow }) {
    this.element = element;
    this.onShow = onShow;
    this.items = new Map();
  }

  /** A short summary of a place, for the map's popup. */
  static summary(place) {
    return el('div', { className: 'popup' },
      el('h3', {}, place.name),
      el('p', {}, freeText(place)),
      el('p', { className: 'when' }, `Updated ${ago(place.updated)}`));
  }

  /** Rebuilds the list: 'name' and 'free' sort car parks, 'drive' keeps the nearest-first order it was given. */
  render(places, order) {
    const sorted = [...places];
    const byName = (a, b) => a.name.localeCompare(b.name, 'en', { numeric: true });
    if (order === 'name') {
      sorted.sort(byName);
    } else if (order === 'free') {
      sorted.sort((a, b) => (b.free ?? -1) - (a.free ?? -1) || byName(a, b));
    }
    this.items.clear();
    this.element.replaceChildren(...sorted.map((place) => this.item(place)));
    if (sorted.length === 0) {
      this.element.append(el('li', { className: 'placeholder' }, 'No places to park to show.'));
    }
  }

  /** Shows one place's new numbers, with a brief highlight. */
  update(place) {
    const old = this.items.get(place.id);
    if (old) {
      const fresh = this.item(place);
      fresh.classList.add('changed');
      old.replaceWith(fresh);
    }
  }

  item(place) {
    const status = availability(place);
    const next = soon(place);
    const li = el('li', { className: `place ${status}`, 'data-id': place.id },
      el('h3', { className: 'name' }, place.name),
      el('p', { className: 'free' },
        el('strong', {}, freeText(place)),
        status === 'none' ? null : el('span', { className: 'status-word' }, ` (${AVAILABILITY_TEXT[status]})`)),
      place.kind === 'street'
        ? el('p', { className: 'soon' }, 'Street parking: spaces along the street.')
        : el('p', { className: 'soon' }, next
          ? `Likely ${number.format(next.free)} free in ${next.in_min} minutes (at ${clock(next.at)}).`
          : 'No forecast yet.'),
      place.driving_s == null && place.distance_m == null ? null : el('p', { className: 'drive' },
        place.driving_s == null
          ? `${distance(place.distance_m)} away in a straight line.`
          : `${duration(place.driving_s)} drive (${distance(place.driving_m)}).`),
      el('p', { className: 'when' }, place.updated ? `Updated ${ago(place.updated)}` : 'No update yet'),
      el('button', { type: 'button', className: 'secondary', onClick: () => this.onShow(place.id) },
        'Show on map', el('span', { className: 'visually-hidden' }, `: ${place.name}`)));
    this.items.set(place.id, li);
    return li;
  }
}

function freeText(place) {
  if (place.free == null) {
    return 'No data yet';
  }
  return place.capacity == null
    ? `${number.format(place.free)} free now`
    : `${number.format(place.free)} of ${number.format(place.capacity)} free now`;
}
