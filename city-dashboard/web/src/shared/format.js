// Words and numbers shown to people: plain language, and the same rule everywhere.

export const number = new Intl.NumberFormat('en-GB');

/** 'plenty', 'few', 'full' or 'none' (no data yet). */
export function availability(place) {
  if (place.free == null) {
    return 'none';
  }
  if (place.free <= 0) {
    return 'full';
  }
  if (place.capacity != null && place.free < place.capacity && place.free < Math.max(3, place.capacity * 0.15)) {
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

/** "just now", "4 minutes ago", "2 hours ago", or a date, for an ISO-8601 time. */
export function ago(iso, now = Date.now()) {
  if (!iso) {
    return 'not yet';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) {
    return 'just now';
  }
  if (seconds < 5400) {
    const minutes = Math.max(1, Math.round(seconds / 60));
    return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  }
  if (seconds < 86400) {
    const hours = Math.round(seconds / 3600);
    return `${hours} hours ago`;
  }
  return `on ${new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })}`;
}

/** "14:05" for today, "3 December, 14:05" otherwise. */
export function clock(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === new Date().toDateString()
    ? time
    : `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })}, ${time}`;
}

/** "under a minute", "6 minutes", "1 hour 5 minutes" for a driving time in seconds. */
export function duration(seconds) {
  if (seconds == null) {
    return '';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) {
    return 'under a minute';
  }
  if (minutes < 60) {
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} hour${minutes >= 120 ? 's' : ''}${rest ? ` ${rest} minutes` : ''}`;
}

/** "350 m", "1.2 km". */
export function distance(metres) {
  if (metres == null) {
    return '';
  }
  return metres < 1000 ? `${Math.round(metres / 10) * 10} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** Builds an element: el('p', { className: 'x' }, 'text', child). Text is always text, never HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (key === 'className' || key === 'textContent' || key === 'hidden') {
      element[key] = value;
    } else if (key.startsWith('on')) {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter((c) => c != null && c !== false));
  return element;
}
