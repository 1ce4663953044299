import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of `<data dir>/demo-logins.json`, written by the server when it seeds the demo. */
export interface DemoLogin {
  role: string;
  cooperativeId: string | null;
  phone: string;
  password: string;
}

export interface RunningServer {
  baseUrl: string;
  logins: DemoLogin[];
  stop: () => Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const serverEntry = join(repoRoot, 'apps/server/dist/main.js');
// The first PGlite start migrates and seeds the demo; a busy shared machine may set a longer wait.
const startTimeoutMs = Number(process.env.LUMBUNG_E2E_START_TIMEOUT_MS ?? 120_000);

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(10_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts the built server (`apps/server/dist/main.js`, which also serves `apps/web/dist`) on a free
 * port with a fresh PGlite data directory, and waits until it is healthy and the demo is seeded.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LUMBUNG_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // always the embedded PGlite, never a developer's PostgreSQL

  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  const fail = async (reason: string): Promise<never> => {
    await stop();
    console.error(`--- server output ---\n${output}\n--- end of server output ---`);
    throw new Error(`The server did not start: ${reason}`);
  };

  // The browser uses "localhost"; Node may resolve it to ::1 while the server listens on IPv4 only.
  const origins = [`http://127.0.0.1:${String(port)}`, `http://localhost:${String(port)}`];
  const healthUrls = origins.map((origin) => `${origin}/api/v1/health`);
  const loginsFile = join(dataDir, 'demo-logins.json');
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) return fail(`it exited with code ${String(child.exitCode)}`);
    const healthChecks = await Promise.all(healthUrls.map(isHealthy));
    if (healthChecks.some(Boolean) && (await fileExists(loginsFile))) break;
    if (Date.now() > deadline)
      return fail(`no healthy answer and demo logins within ${String(startTimeoutMs / 1000)} s`);
    await delay(500);
  }

  const logins = JSON.parse(await readFile(loginsFile, 'utf8')) as DemoLogin[];
  return { baseUrl: `http://localhost:${String(port)}`, logins, stop };
}
