/**
 * Closed-loop HTTP load with autocannon, the same way for the calibration hello-world and for the
 * API benchmarks (B8). autocannon runs in a worker thread so the load generator does not share the
 * server's event loop; the server stays in the main thread of this process.
 */
import autocannon from 'autocannon';

export interface HttpLoadSettings {
  /** Must point at 127.0.0.1: benchmarks never send traffic elsewhere. */
  readonly url: string;
  readonly connections: number;
  readonly pipelining: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface HttpLoadOutcome {
  readonly requestsPerSecond: number;
  readonly requestCount: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errorCount: number;
  readonly non2xxCount: number;
}

export async function runHttpLoad(settings: HttpLoadSettings): Promise<HttpLoadOutcome> {
  const host = new URL(settings.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`benchmark load goes to the local machine only, not to ${host}`);
  }
  const options: autocannon.Options = {
    url: settings.url,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: settings.seconds,
    workers: 1,
    method: settings.method ?? 'GET',
  };
  if (settings.body !== undefined) options.body = settings.body;
  if (settings.headers !== undefined) options.headers = settings.headers;
  const result = await autocannon(options);
  return {
    requestsPerSecond: result.requests.average,
    requestCount: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errorCount: result.errors,
    non2xxCount: result.non2xx,
  };
}
