import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestMetrics } from './metrics.js';

describe('RequestMetrics', () => {
  it('counts and times requests by method, route and status, in Prometheus text with cumulative buckets', async () => {
    const registry = new Registry();
    const requests = new RequestMetrics();
    requests.register(registry);
    requests.observe('GET', '/api/movies/popular', 200, 0.0004);
    requests.observe('GET', '/api/movies/popular', 200, 0.003);
    requests.observe('GET', '/api/movies/popular', 200, 20);
    requests.observe('GET', '/api/movies/:movie_id', 404, 0.002);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('http_requests_total{method="GET",route="/api/movies/popular",status="200"} 3');
    expect(text).toContain('http_requests_total{method="GET",route="/api/movies/:movie_id",status="404"} 1');
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    const popular = 'method="GET",route="/api/movies/popular",status="200"';
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.001",${popular}} 1`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.0025",${popular}} 1`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.005",${popular}} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="10",${popular}} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="+Inf",${popular}} 3`);
    expect(text).toContain(`http_request_duration_seconds_sum{${popular}} 20.0034`);
    expect(text).toContain(`http_request_duration_seconds_count{${popular}} 3`);
  });

  it('a duration on a bucket bound counts in that bucket', async () => {
    const registry = new Registry();
    const requests = new RequestMetrics();
    requests.register(registry);
    requests.observe('POST', '/api/auth/login', 401, 0.25);
    const text = await registry.metrics();
    const login = 'method="POST",route="/api/auth/login",status="401"';
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.1",${login}} 0`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.25",${login}} 1`);
  });
});
