import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectRedis } from './redis.js';

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('connectRedis', () => {
  it('an unreachable Redis is logged once, however many reconnections fail', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const redis = connectRedis(`redis://127.0.0.1:${port}`, 'test:', {
      warn: (obj, msg) => lines.push(`${msg} ${JSON.stringify(obj)}`),
      info: (_obj, msg) => lines.push(msg),
    });
    let failures = 0;
    await new Promise<void>((resolve) =>
      redis.on('error', () => {
        if (++failures === 3) resolve();
      }),
    );
    redis.disconnect();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Redis unreachable');
    expect(lines[0]).toContain(String(port));
    expect(lines[0]).toContain('ECONNREFUSED');
  });
});
