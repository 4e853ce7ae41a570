// What every public page does: the city's name in the header and the title, the map data's attribution in the
// footer, and "updated" lines that keep saying how old the data is.

import * as api from './api.js';
import { ago, clock } from './format.js';

/** Loads the city, names it on the page and in the title ("Parking · Testville · MyCity"), and returns it. */
export async function startPage(title) {
  const city = await api.city();
  for (const element of document.querySelectorAll('[data-city-name]')) {
    element.textContent = city.name;
  }
  document.title = `${title} · ${city.name} · MyCity`;
  const p = city.provenance;
  const attribution = document.querySelector('[data-attribution]');
  if (attribution) {
    attribution.textContent = `${p.attribution ?? `Map: ${p.source}${p.licence ? ` (${p.licence})` : ''}`}.`
      + ' Live data: MyCity sensors.';
  }
  return city;
}

/**
 * A line that says when the data it stands beside was last updated: "Updated at 14:05 (3 minutes ago)". It rewrites
 * itself every 30 seconds so that the age stays true.
 */
export class Freshness {
  constructor(element) {
    this.element = element;
    this.time = null;
    setInterval(() => this.render(), 30_000);
  }

  /** The newest time among these ISO-8601 times (nulls ignored). */
  set(...times) {
    const newest = times.filter(Boolean).sort().at(-1) ?? null;
    if (newest && (!this.time || newest > this.time)) {
      this.time = newest;
    }
    this.render();
  }

  render() {
    this.element.textContent = this.time
      ? `Updated at ${clock(this.time)} (${ago(this.time)}).`
      : 'No data has arrived yet.';
    this.element.dataset.updated = this.time ?? '';
  }
}

/** Shows a message in plain words in an element (role="alert" or "status" set by the page), or hides it. */
export function say(element, message) {
  element.textContent = message ?? '';
  element.hidden = !message;
}

/**
 * Marks the moment the page's main list is usable (performance mark "mycity:list-usable"), once: what was transferred
 * before it is the page's weight for someone who came for the list (the map comes after).
 */
export function listUsable() {
  if (performance.getEntriesByName('mycity:list-usable').length === 0) {
    performance.mark('mycity:list-usable');
  }
}
