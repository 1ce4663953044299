/**
 * B0 probe 3: Fastify hello-world requests per second and p99 latency under autocannon -c 100,
 * with pipelining 1 and 10 (as in fastify/benchmarks). The server listens on 127.0.0.1, port 0,
 * in this process.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { CorrectnessCheck, Figure } from '../harness.js';
import { runHttpLoad, type HttpLoadOutcome } from '../http-load.js';
import type { ProbeSettings } from './probe-settings.js';

const CONNECTIONS = 100;

export interface HelloProbeOutcome {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly pipelinedRequestsPerSecond: number;
  readonly pipelinedP99Ms: number;
  readonly figures: Record<string, Figure>;
  readonly checks: readonly CorrectnessCheck[];
}

export async function measureFastifyHello(settings: ProbeSettings): Promise<HelloProbeOutcome> {
  const server = Fastify({ logger: false });
  server.get('/hello', async () => ({ hello: 'world' }));
  await server.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = server.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hello`;
    const plain = await warmUpThenMeasure(url, 1, settings);
    const pipelined = await warmUpThenMeasure(url, 10, settings);
    return {
      requestsPerSecond: plain.requestsPerSecond,
      p99Ms: plain.p99Ms,
      pipelinedRequestsPerSecond: pipelined.requestsPerSecond,
      pipelinedP99Ms: pipelined.p99Ms,
      figures: {
        helloRequestsPerSecond: { value: plain.requestsPerSecond, unit: 'req/s' },
        helloP50Ms: { value: plain.p50Ms, unit: 'ms' },
        helloP99Ms: { value: plain.p99Ms, unit: 'ms' },
        helloPipelinedRequestsPerSecond: { value: pipelined.requestsPerSecond, unit: 'req/s' },
        helloPipelinedP50Ms: { value: pipelined.p50Ms, unit: 'ms' },
        helloPipelinedP99Ms: { value: pipelined.p99Ms, unit: 'ms' },
      },
      checks: [checkAllAnswered('-p 1', plain), checkAllAnswered('-p 10', pipelined)],
    };
  } finally {
    await server.close();
  }
}

/** One warm-up round, then one measured round, as fastify/benchmarks does. */
async function warmUpThenMeasure(
  url: string,
  pipelining: number,
  settings: ProbeSettings,
): Promise<HttpLoadOutcome> {
  settings.log(
    `fastify hello: -c ${CONNECTIONS} -p ${pipelining}, warm-up ${settings.warmupSeconds} s, then ${settings.measureSeconds} s`,
  );
  await runHttpLoad({ url, connections: CONNECTIONS, pipelining, seconds: settings.warmupSeconds });
  return runHttpLoad({
    url,
    connections: CONNECTIONS,
    pipelining,
    seconds: settings.measureSeconds,
  });
}

function checkAllAnswered(label: string, outcome: HttpLoadOutcome): CorrectnessCheck {
  return {
    name: `hello-world ${label} answers every request with 2xx`,
    isPassed: outcome.errorCount === 0 && outcome.non2xxCount === 0 && outcome.requestCount > 0,
    detail: `${outcome.requestCount} requests, ${outcome.errorCount} errors, ${outcome.non2xxCount} non-2xx`,
  };
}
