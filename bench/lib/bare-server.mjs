// A bare node:http server answering one path with fixed bytes and headers: the ceiling a Marquee
// route is compared against. Spec (JSON file, argv[2]): { port, path, status, headers, bodyBase64 }.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(spec.bodyBase64, 'base64');
const headers = { ...spec.headers, 'content-length': String(body.length) };
const server = http.createServer((req, res) => {
  if (req.url === spec.path) {
    res.writeHead(spec.status, headers);
    res.end(body);
  } else if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  } else {
    res.writeHead(404);
    res.end();
  }
});
server.keepAliveTimeout = 65_000;
server.listen(spec.port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
