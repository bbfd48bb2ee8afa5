/** States which backends the suites run on, so the output shows what was covered. */
export default function setup() {
  const backends = ['pglite', process.env.TEST_DATABASE_URL ? 'postgres' : null].filter(Boolean);
  const redis = process.env.TEST_REDIS_URL ? 'redis' : 'in-process (TEST_REDIS_URL unset)';
  process.stdout.write(`\nserver tests: database backends = ${backends.join(', ')}; cache/rate-limit store = ${redis}\n\n`);
}
