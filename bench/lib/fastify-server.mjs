// A minimal Fastify app answering one path with fixed bytes and headers: what going through the
// framework costs by itself, with no hooks, plugins or logging of ours. Same spec as bare-server.mjs.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(spec.bodyBase64, 'base64');
const app = Fastify({ logger: false });
// The route is the path alone; a query string (`?q=star`) is Fastify's to parse, as in the real app.
app.get(spec.path.split('?')[0], (_request, reply) => reply.code(spec.status).headers(spec.headers).send(body));
app.get('/healthz', (_request, reply) => reply.type('text/plain').send('ok'));
await app.listen({ port: spec.port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
