// A sensor's detail: what the operations centre knows of it now, and the history of one of its quantities over a
// chosen range, from the rollups, drawn with uPlot (loaded the first time a sensor is opened) and given as a table too.

import * as api from '../shared/api.js';
import { ago, clock, el, number } from '../shared/format.js';
import { KIND_QUANTITIES, KIND_WORDS, STATE_WORDS } from './states.js';

const RANGES = {
  day: { words: 'Last 24 hours', hours: 24, resolution: 'minute' },
  week: { words: 'Last 7 days', hours: 24 * 7, resolution: 'hour' },
  month: { words: 'Last 30 days', hours: 24 * 30, resolution: 'hour' },
};

export class SensorDetail {
  constructor(section) {
    this.section = section;
    this.body = section.querySelector('#detail-body');
    this.hint = section.querySelector('#detail-hint');
    this.chart = null;
  }

  async show(sensor) {
    this.sensor = sensor;
    this.hint.hidden = true;
    this.body.hidden = false;
    const quantities = KIND_QUANTITIES[sensor.kind] ?? [];
    const quantity = el('select', { id: 'quantity' }, ...quantities.map((q) => el('option', { value: q }, q)));
    const range = el('select', { id: 'range' },
      ...Object.entries(RANGES).map(([key, r]) => el('option', { value: key }, r.words)));
    this.figure = el('div', { className: 'chart', role: 'img', 'aria-labelledby': 'chart-summary' });
    this.summary = el('p', { id: 'chart-summary', className: 'chart-summary', 'aria-live': 'polite' });
    this.table = el('details', {}, el('summary', {}, 'The history as a table'));
    this.body.replaceChildren(
      el('h3', {}, `${KIND_WORDS[sensor.kind] ?? sensor.kind} ${sensor.id}`),
      el('dl', { className: 'facts' },
        el('dt', {}, 'State'), el('dd', { className: `state-${sensor.state}` }, STATE_WORDS[sensor.state] ?? sensor.state),
        el('dt', {}, 'Zone'), el('dd', {}, sensor.zone ?? '—'),
        el('dt', {}, 'Battery'), el('dd', {}, sensor.battery == null ? 'not reported' : `${Math.round(sensor.battery)}%`),
        el('dt', {}, 'Last heard'), el('dd', {}, sensor.last_seen ? `${clock(sensor.last_seen)} (${ago(sensor.last_seen)})` : 'never'),
        el('dt', {}, 'Open alerts'), el('dd', {}, String(sensor.alerts ?? 0))),
      quantities.length === 0 ? el('p', {}, 'This kind has no history to chart.') : el('div', { className: 'row' },
        el('label', { for: 'quantity' }, 'Quantity '), quantity,
        el('label', { for: 'range' }, 'Range '), range),
      this.summary, this.figure, this.table);
    const draw = () => this.draw(quantity.value, RANGES[range.value]).catch((e) => {
      this.summary.textContent = `The history could not be loaded: ${e.message}`;
    });
    quantity.addEventListener('change', draw);
    range.addEventListener('change', draw);
    this.section.scrollIntoView({ block: 'start' });
    this.section.focus({ preventScroll: true });
    if (quantities.length) {
      await draw();
    }
  }

  async draw(quantity, range) {
    const asked = (this.asked = (this.asked ?? 0) + 1);
    const sensor = this.sensor;
    const to = new Date();
    const from = new Date(to.getTime() - range.hours * 3600_000);
    const history = await api.getJson(`/api/v1/sensors/${encodeURIComponent(this.sensor.id)}/history`
      + `?quantity=${quantity}&resolution=${range.resolution}&from=${from.toISOString()}&to=${to.toISOString()}`);
    if (asked !== this.asked || sensor !== this.sensor) {
      return; // another sensor or range was chosen meanwhile: its answer draws
    }
    const buckets = history.buckets;
    const means = buckets.map((b) => b.mean);
    this.summary.textContent = buckets.length === 0
      ? `No ${quantity} readings in the ${range.words.toLowerCase()}.`
      : `${quantity}, ${range.words.toLowerCase()}, per ${range.resolution}: ${number.format(buckets.reduce((n, b) => n + b.readings, 0))} readings,`
        + ` lowest ${fmt(Math.min(...buckets.map((b) => b.min)))}, highest ${fmt(Math.max(...buckets.map((b) => b.max)))},`
        + ` latest mean ${fmt(means.at(-1))}.`;
    const { default: uPlot } = await import('./chart.js');
    this.chart?.destroy();
    this.figure.replaceChildren();
    const width = Math.max(280, this.figure.clientWidth || this.body.clientWidth || 600);
    this.chart = new uPlot({
      width,
      height: 240,
      series: [
        {},
        { label: `mean ${quantity}`, stroke: '#1e429f', width: 2 },
        { label: 'min', stroke: '#6b7280', dash: [4, 4] },
        { label: 'max', stroke: '#6b7280', dash: [4, 4] },
      ],
      axes: [{}, { size: 60 }],
      scales: { x: { time: true } },
    }, [
      buckets.map((b) => Date.parse(b.start) / 1000),
      means,
      buckets.map((b) => b.min),
      buckets.map((b) => b.max),
    ], this.figure);
    this.figure.setAttribute('data-drawn', String(buckets.length));
    this.table.replaceChildren(el('summary', {}, 'The history as a table'), el('table', {},
      el('thead', {}, el('tr', {}, ...['From', 'Readings', 'Mean', 'Lowest', 'Highest'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...buckets.slice(-200).reverse().map((b) => el('tr', {},
        el('td', {}, clock(b.start)), el('td', {}, String(b.readings)), el('td', {}, fmt(b.mean)),
        el('td', {}, fmt(b.min)), el('td', {}, fmt(b.max)))))));
  }
}

function fmt(value) {
  return value == null || Number.isNaN(value) ? '—' : number.format(Math.round(value * 100) / 100);
}
