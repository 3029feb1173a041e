// Integration tests talk to the real Kafka and FerretDB. This starts them through
// infra/start.sh (a no-op when they already run) and exports their addresses.
// If they cannot start, the run fails here with the reason: it never skips.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function startServers() {
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    console.log('\n[int] EVENTSTORE_CONNECTION_STRING is not set: the event store contract runs on the embedded store only.');
  }
  let out;
  try {
    out = execFileSync('bash', [path.join(__dirname, '../../infra/start.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 15 * 60_000,
    });
  } catch (err) {
    throw new Error(`integration servers did not start (infra/start.sh exited ${err.status ?? err.signal}); see its message above`);
  }
  for (const line of out.trim().split('\n').slice(-2)) {
    const [key, ...rest] = line.split('=');
    if (key === 'KAFKA_BROKERS' || key === 'MONGODB_URL') process.env[key] ??= rest.join('=');
  }
  for (const key of ['KAFKA_BROKERS', 'MONGODB_URL']) {
    if (!process.env[key]) throw new Error(`infra/start.sh did not report ${key}`);
  }
};
