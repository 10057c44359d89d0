import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/** True when a built SPA exists at `root` (the not-found handler then falls back to it). */
export function hasSpaBuild(root: string | undefined): root is string {
  return Boolean(root && fs.existsSync(path.join(root, 'index.html')));
}

/**
 * Serves the built SPA's files: hashed assets (chunk names change with their content) are cached
 * for a year, index.html is revalidated on every visit so that a deploy is picked up at once.
 * The build writes brotli and gzip copies (web/vite.config.ts), sent to browsers that take them.
 */
export const spaPlugin = fp<{ root: string }>(async (app, { root }) => {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
});
