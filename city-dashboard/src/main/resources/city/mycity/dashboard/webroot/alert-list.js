// The public's alerts (leaks, bursts, congestion, full bins) as a list: what is wrong in the city now, in plain words.

import { exactTime } from './format.js';

const PROBLEM_TEXT = {
  leak: 'Water leak',
  burst: 'Burst water main',
  congestion: 'Traffic congestion',
  'bin-full': 'Full bin',
};

export class AlertList {
  constructor(element) {
    this.element = element;
    this.alerts = new Map();
  }

  /** Shows these alerts (GeoJSON features of api/v1/alerts) and nothing else. */
  load(collection) {
    this.alerts.clear();
    collection.features.forEach((f) => this.alerts.set(f.id, f.properties));
    this.render();
  }

  /** One alert changed (a live event): opened, acknowledged, reopened or resolved. */
  change(alert) {
    if (alert.status === 'resolved') {
      this.alerts.delete(alert.id);
    } else {
      this.alerts.set(alert.id, alert);
    }
    this.render();
  }

  render() {
    this.element.replaceChildren();
    const newestFirst = [...this.alerts.values()].sort((a, b) => b.opened.localeCompare(a.opened));
    for (const alert of newestFirst) {
      const li = document.createElement('li');
      li.className = `alert alert-${alert.problem}`;
      li.dataset.id = alert.id;
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = PROBLEM_TEXT[alert.problem] ?? alert.problem;
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = `since ${exactTime(alert.opened)}${alert.status === 'acknowledged' ? ' · being dealt with' : ''}`;
      li.append(what, when);
      this.element.append(li);
    }
    if (newestFirst.length === 0) {
      const li = document.createElement('li');
      li.className = 'placeholder';
      li.textContent = 'No problems reported right now.';
      this.element.append(li);
    }
  }
}
