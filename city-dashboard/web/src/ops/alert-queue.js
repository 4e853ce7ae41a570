// The alert queue: the council's unresolved alerts, newest first, each with acknowledge and resolve. Changes arrive by
// polling with `since`; an alert that is resolved (here or by the stream) leaves the queue.

import { ago, clock, el } from '../shared/format.js';
import * as api from '../shared/api.js';
import * as session from '../shared/session.js';
import { KIND_WORDS, PROBLEM_WORDS } from './states.js';

export class AlertQueue {
  constructor(list, { updated, onShowSensor, onChange }) {
    this.list = list;
    this.updated = updated;
    this.onShowSensor = onShowSensor;
    this.onChange = onChange;
    this.alerts = new Map();
    this.asOf = null;
  }

  async refresh() {
    const page = await api.getJson(`/api/v1/ops/alerts${this.asOf ? `?since=${encodeURIComponent(this.asOf)}` : ''}`);
    if (page.more && this.asOf) {
      // More changed than one answer holds (a gateway's outage, say): read the whole queue again.
      this.asOf = null;
      this.alerts.clear();
      return this.refresh();
    }
    let changed = this.asOf === null;
    for (const alert of page.alerts) {
      changed = true;
      if (alert.status === 'resolved') {
        this.alerts.delete(alert.id);
      } else {
        this.alerts.set(alert.id, alert);
      }
    }
    for (const id of page.removed ?? []) {
      changed = this.alerts.delete(id) || changed;
    }
    this.more = page.more && this.asOf === null;
    this.asOf = page.as_of;
    this.updated.textContent = `Updated at ${clock(page.as_of)}.${this.more ? ' Only the newest alerts are listed: resolve some to see the others.' : ''}`;
    if (changed) {
      // Redrawn only when something changed, so that the focus and an error message stay where they are.
      this.render();
    }
    return page.as_of;
  }

  render() {
    const focused = document.activeElement?.closest?.('#alerts li')?.dataset.id;
    const sorted = [...this.alerts.values()].sort((a, b) => b.opened_at.localeCompare(a.opened_at));
    this.list.replaceChildren(...sorted.map((a) => this.item(a)));
    if (focused) {
      this.list.querySelector(`li[data-id="${CSS.escape(focused)}"] button`)?.focus();
    }
    if (sorted.length === 0) {
      this.list.append(el('li', { className: 'placeholder' }, 'No alerts: nothing needs doing.'));
    }
  }

  item(alert) {
    const message = el('p', { className: 'message', role: 'status', hidden: true });
    const act = async (action, button) => {
      button.disabled = true;
      try {
        const updated = await session.change('POST', `/api/v1/ops/alerts/${encodeURIComponent(alert.id)}/${action}`, {});
        if (updated.status === 'resolved') {
          this.alerts.delete(alert.id);
        } else {
          this.alerts.set(alert.id, updated);
        }
        this.render();
        this.onChange?.();
        this.list.closest('section').querySelector('h2').focus();
      } catch (e) {
        message.textContent = e.message;
        message.hidden = false;
        button.disabled = false;
      }
    };
    const acknowledge = el('button', { type: 'button', className: 'secondary' }, 'Acknowledge',
      el('span', { className: 'visually-hidden' }, ` alert ${alert.id}`));
    acknowledge.addEventListener('click', () => act('acknowledge', acknowledge));
    const resolve = el('button', { type: 'button' }, 'Resolve', el('span', { className: 'visually-hidden' }, ` alert ${alert.id}`));
    resolve.addEventListener('click', () => act('resolve', resolve));
    const problem = PROBLEM_WORDS[alert.problem] ?? alert.problem;
    return el('li', { className: `item alert severity-${alert.severity} status-${alert.status}`, 'data-id': alert.id },
      el('h3', {}, `${problem}: ${KIND_WORDS[alert.kind] ?? alert.kind ?? 'device'} ${alert.subject}`),
      alert.detail ? el('p', {}, alert.detail) : null,
      el('p', { className: 'when' }, `Opened at ${clock(alert.opened_at)} (${ago(alert.opened_at)})${alert.zone ? `, zone ${alert.zone}` : ''}.`
        + (alert.status === 'acknowledged' ? ` Acknowledged by ${alert.acknowledged_by} ${ago(alert.acknowledged_at)}.` : '')),
      el('div', { className: 'row' },
        alert.status === 'open' ? acknowledge : null,
        resolve,
        alert.kind ? el('button', { type: 'button', className: 'link', onClick: () => this.onShowSensor(alert.subject) }, `Show sensor ${alert.subject}`) : null),
      message);
  }
}
