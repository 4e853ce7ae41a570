// The words and colours of a sensor's and a gateway's states, the same on the map, in the tables and in the legend.

export const SENSOR_STATES = [
  { code: 'alerting', words: 'Alerting', colour: '#c5221f' },
  { code: 'offline', words: 'Offline', colour: '#374151' },
  { code: 'low-battery', words: 'Low battery', colour: '#b45309' },
  { code: 'ok', words: 'OK', colour: '#1e7e34' },
];

export const STATE_WORDS = Object.fromEntries(SENSOR_STATES.map((s) => [s.code, s.words]));

export const GATEWAY_WORDS = { ok: 'OK', backlog: 'Backlog', offline: 'Offline' };

export const KIND_WORDS = {
  'parking-bay': 'Parking bay',
  'traffic-counter': 'Traffic counter',
  bin: 'Bin',
  water: 'Water main',
  gateway: 'Gateway',
};

export const PROBLEM_WORDS = {
  leak: 'Water leak',
  burst: 'Burst main',
  congestion: 'Congestion',
  'bin-full': 'Bin full',
  'battery-low': 'Battery low',
  silent: 'Sensor silent',
  'citizen-report': 'Report from the public',
};

/** The quantities a kind's history can be charted for, the first one by default. */
export const KIND_QUANTITIES = {
  'parking-bay': ['occupied', 'battery', 'temperature'],
  'traffic-counter': ['count', 'speed'],
  bin: ['fill', 'temperature', 'battery'],
  water: ['flow', 'pressure', 'noise', 'battery'],
};
