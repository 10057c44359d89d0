import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|css|html|svg)$/;

/**
 * Writes a brotli and a gzip copy beside each text file of the build, which the server sends to
 * browsers that accept them (`preCompressed` in server/src/plugins/spa.ts): compressed once at
 * build time at the best level, instead of per request or not at all.
 */
function precompress(): Plugin {
  return {
    name: 'cairn-precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir!, name);
          const data = await fs.readFile(file);
          const [br, gz] = await Promise.all([brotli(data), gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION })]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

const nodeModule = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@cairn/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The largest chunk every page loads is React itself (~220 kB); the largest of all is the chart
    // library (~425 kB), loaded with the Trends page alone. Anything bigger is a page or library
    // that should be split or loaded on demand.
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own: they change on upgrades only, so a deploy of the app
        // leaves them cached and re-downloads the app's chunks alone.
        codeSplitting: {
          groups: [
            { name: 'react', test: nodeModule('react|react-dom|scheduler'), priority: 3 },
            { name: 'router', test: nodeModule('react-router|cookie|set-cookie-parser'), priority: 2 },
            { name: 'query', test: nodeModule('@tanstack'), priority: 2 },
            // The Trends page's chart library (Recharts) and what only it uses: fetched with that page,
            // never by the first screen. One chunk: split across chunks, its circular imports ran in the
            // wrong order ("createSelector expects all input-selectors to be functions").
            {
              name: 'charts',
              test: nodeModule('recharts|victory-vendor|d3-[\\w-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|react-is|@standard-schema'),
              priority: 2,
            },
            // The catalog index's search library, fetched once the first screen is drawn (lib/catalog.ts).
            { name: 'minisearch', test: nodeModule('minisearch'), priority: 2 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
