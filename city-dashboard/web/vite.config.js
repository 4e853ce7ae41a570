// Builds the MyCity pages. Maven runs `npm run build -- --outDir <webroot in target/classes>`; by default the pages go
// to dist/. Every page is its own entry; what pages share (the header, the API client) is split into shared chunks,
// and MapLibre and uPlot into chunks of their own that a page loads only after its list is on screen.

import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const PAGES = {
  parking: 'index.html',
  around: 'around.html',
  report: 'report.html',
  opendata: 'open-data.html',
  ops: 'ops/index.html',
  crew: 'crew/index.html',
};

/**
 * Writes a gzip copy beside every text file of the build and lists them in precompressed.txt, so that the server
 * sends the compressed copy to a browser that accepts gzip without compressing at each request.
 */
function precompress() {
  return {
    name: 'mycity-precompress',
    apply: 'build',
    // After the files are written: Vite rewrites chunks until then.
    writeBundle(options, bundle) {
      const listed = [];
      for (const name of Object.keys(bundle)) {
        if (!/\.(html|js|mjs|css|svg|json|txt|webmanifest)$/.test(name)) {
          continue;
        }
        const file = resolve(options.dir, name);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
        listed.push(name);
      }
      writeFileSync(resolve(options.dir, 'precompressed.txt'), `${listed.sort().join('\n')}\n`);
    },
  };
}

/**
 * Puts the shared header and footer into every public page: `<!-- mycity:header parking -->` becomes the header with
 * that page's link marked as the current one, `<!-- mycity:footer -->` the footer. The pages stay plain HTML.
 */
function sharedChrome() {
  const header = readFileSync(resolve(import.meta.dirname, 'src/shared/header.html'), 'utf8');
  const footer = readFileSync(resolve(import.meta.dirname, 'src/shared/footer.html'), 'utf8');
  return {
    name: 'mycity-shared-chrome',
    transformIndexHtml(html) {
      return html
        .replace(/<!-- mycity:header (\w+) -->/, (_all, page) =>
          header.replace(`data-page="${page}"`, `data-page="${page}" aria-current="page"`))
        .replace('<!-- mycity:footer -->', footer);
    },
  };
}

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(PAGES).map(([name, file]) => [name, resolve(import.meta.dirname, file)])),
    },
  },
  plugins: [sharedChrome(), precompress()],
});
