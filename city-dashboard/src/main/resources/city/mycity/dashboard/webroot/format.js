// Words and numbers shown to people.

/** 'plenty', 'few', 'full' or 'none' (no data yet). */
export function availability(carPark) {
  if (carPark.free == null) {
    return 'none';
  }
  if (carPark.free <= 0) {
    return 'full';
  }
  if (carPark.free < carPark.capacity && carPark.free < Math.max(3, carPark.capacity * 0.15)) {
    return 'few';
  }
  return 'plenty';
}

export const AVAILABILITY_TEXT = {
  plenty: 'plenty of spaces',
  few: 'few spaces left',
  full: 'full',
  none: 'no data yet',
};

/** "just now", "4 min ago", "2 h ago", or a date, for an ISO-8601 time; "no data yet" for null. */
export function ago(iso, now = Date.now()) {
  if (!iso) {
    return 'no data yet';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) {
    return 'updated just now';
  }
  if (seconds < 3600) {
    return `updated ${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `updated ${Math.round(seconds / 3600)} h ago`;
  }
  return `updated ${new Date(iso).toLocaleDateString()}`;
}

export function exactTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export const number = new Intl.NumberFormat();
