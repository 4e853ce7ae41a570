// The accessible list of car parks beside the map: the same information as the map, as text.

import { availability, AVAILABILITY_TEXT, ago, exactTime, number } from './format.js';

export class CarParkList {
  constructor(element, { onSelect }) {
    this.element = element;
    this.onSelect = onSelect;
    this.items = new Map();
    this.sort = 'name';
    this.filter = '';
  }

  /** Rebuilds the list from every car park. */
  render(carParks) {
    this.element.replaceChildren();
    this.items.clear();
    const sorted = [...carParks.values()].sort(this.comparator());
    for (const cp of sorted) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = cp.id;
      button.addEventListener('click', () => this.onSelect(cp.id));
      li.append(button);
      this.items.set(cp.id, li);
      this.fill(button, cp);
      this.element.append(li);
    }
    if (sorted.length === 0) {
      const li = document.createElement('li');
      li.className = 'placeholder';
      li.textContent = 'This city has no car parks yet.';
      this.element.append(li);
    }
    this.applyFilter();
  }

  /** Shows one car park's new state, with a brief highlight. */
  update(cp, carParks) {
    const li = this.items.get(cp.id);
    if (!li) {
      return;
    }
    const button = li.firstElementChild;
    this.fill(button, cp);
    button.classList.remove('changed');
    void button.offsetWidth; // restart the animation
    button.classList.add('changed');
    if (this.sort === 'free') {
      this.render(carParks);
    }
  }

  /** Refreshes the "updated … ago" texts. */
  refreshTimes(carParks) {
    for (const [id, li] of this.items) {
      const cp = carParks.get(id);
      li.querySelector('.when').textContent = ago(cp.updated);
    }
  }

  setSort(sort, carParks) {
    this.sort = sort;
    this.render(carParks);
  }

  setFilter(text) {
    this.filter = text.trim().toLowerCase();
    this.applyFilter();
  }

  applyFilter() {
    for (const li of this.items.values()) {
      const name = li.querySelector('.name').textContent.toLowerCase();
      li.hidden = this.filter !== '' && !name.includes(this.filter);
    }
  }

  comparator() {
    const byName = (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true });
    if (this.sort === 'free') {
      return (a, b) => (b.free ?? -1) - (a.free ?? -1) || byName(a, b);
    }
    return byName;
  }

  fill(button, cp) {
    const status = availability(cp);
    button.className = `carpark ${status}`;
    const free = cp.free == null ? '–' : number.format(cp.free);
    const ratio = cp.free == null || cp.capacity === 0 ? 0 : Math.min(100, (100 * cp.free) / cp.capacity);
    button.innerHTML = `
      <span class="chip" aria-hidden="true"></span>
      <span class="name"></span>
      <span class="free">${free} <small>of ${number.format(cp.capacity)} free</small></span>
      <span class="bar" aria-hidden="true"><span style="width:${ratio.toFixed(0)}%"></span></span>
      <span class="when"></span>
      <span class="visually-hidden">, ${AVAILABILITY_TEXT[status]}</span>`;
    button.querySelector('.name').textContent = cp.name;
    const when = button.querySelector('.when');
    when.textContent = ago(cp.updated);
    when.title = exactTime(cp.updated);
  }
}
