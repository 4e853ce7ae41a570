// The crew page's service worker: keeps the page, its files, the city and its base map on the phone, so that a round
// once loaded keeps working without a signal. Nothing of an account is kept here (who is logged in, the round, the
// reports): the page keeps those itself, per account, and deletes them when the crew member logs out.

const CACHE = 'mycity-crew-v1';

/** Answers from the network when there is one (and keeps them), from the phone's copy when there is not. */
const NETWORK_FIRST = [/^\/crew\/$/, /^\/crew\/index\.html$/, /^\/api\/v1\/city$/];
/** Never change once published (names with a content hash), or change rarely: the phone's copy first. */
const CACHE_FIRST = [/^\/assets\//, /^\/api\/v1\/basemap\//];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('/crew/', { credentials: 'same-origin' });
    const html = await page.clone().text();
    await cache.put('/crew/', page);
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    await cache.addAll(files);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

/** The page sends the files it loaded before this worker was in charge (the map's chunks), to be kept too. */
self.addEventListener('message', (event) => {
  if (Array.isArray(event.data?.keep)) {
    const same = event.data.keep.filter((url) => new URL(url).origin === self.location.origin
      && CACHE_FIRST.some((p) => p.test(new URL(url).pathname)));
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(same.map((url) => cache.match(url)
      .then((found) => found ?? cache.add(url)).catch(() => null)))));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (NETWORK_FIRST.some((p) => p.test(url.pathname))) {
    event.respondWith(networkFirst(request, url.pathname === '/crew/index.html' ? '/crew/' : request));
  } else if (CACHE_FIRST.some((p) => p.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await cache.match(key);
    if (kept) {
      return kept;
    }
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}
