/**
 * Serves the built web app at `/`: hashed assets with immutable caching, and `index.html` for every
 * other non-API GET so client-side routes survive a reload. Unknown `/api` paths stay 404 problems.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { apiNotFound } from './error-handler.js';

export const webPlugin = fp(
  async (app: FastifyInstance, opts: { webDist: string }) => {
    const indexPath = path.join(opts.webDist, 'index.html');
    if (!existsSync(indexPath)) {
      app.log.warn({ webDist: opts.webDist }, 'web app not built; serving the API only');
      app.setNotFoundHandler(apiNotFound);
      return;
    }
    const indexHtml = await readFile(indexPath);
    // Assets live in their own scope, so only they pay for the Vary hook.
    await app.register(async (assets) => {
      // Pre-compressed variants depend on Accept-Encoding: caches must keep them apart.
      assets.addHook('onSend', (_request, reply, payload, done) => {
        const vary = reply.getHeader('vary');
        reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
        done(null, payload);
      });
      await assets.register(fastifyStatic, {
        root: opts.webDist,
        wildcard: false,
        index: false,
        // The build writes .br and .gz twins of every text asset; send those to clients that accept them.
        preCompressed: true,
        // Cache-Control comes from setHeaders alone (the plugin's own default would override it).
        cacheControl: false,
        setHeaders: (res, filePath) => {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        },
      });
    });
    const sendIndex = (_request: unknown, reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    app.get('/', { schema: { hide: true } }, sendIndex);
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const isApi = pathname === '/api' || pathname.startsWith('/api/');
      if (isApi || (request.method !== 'GET' && request.method !== 'HEAD') || path.extname(pathname) !== '') {
        return apiNotFound(request, reply);
      }
      return sendIndex(request, reply);
    });
  },
  { name: 'web' },
);
