// Runs work that can wait (the map) once the page has drawn what matters first.

export function whenIdle(work) {
  if ('requestIdleCallback' in window) {
    requestIdleCallback(() => work(), { timeout: 1500 });
  } else {
    setTimeout(work, 200);
  }
}
