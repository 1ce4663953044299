import { loadConfig } from './platform/config.js';
import { startServer } from './server.js';

const config = loadConfig();
const server = await startServer(config);
console.log(
  `Lumbung is listening on http://localhost:${config.port} (${server.db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}); API docs at /api/docs`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
