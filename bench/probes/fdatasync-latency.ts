/**
 * The durable-commit floor, measured the way `pg_test_fsync` does when PG tools are absent:
 * 1,000 times, write one 8 KiB block at the start of a preallocated 16 MiB file and fdatasync it.
 * Bounded by a time limit too, for very slow disks.
 */
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  realpathSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FdatasyncLatency } from '../harness.js';
import { summarizeLatencies } from '../statistics.js';

const BLOCK_BYTES = 8 * 1024;
const FILE_BYTES = 16 * 1024 * 1024;
const MAX_ITERATIONS = 1_000;
const MAX_SECONDS = 15;

export async function measureFdatasyncLatency(): Promise<FdatasyncLatency> {
  const directory = await mkdtemp(join(tmpdir(), 'lumbung-bench-fdatasync-'));
  try {
    const samplesMicros = timeWriteAndFdatasync(join(directory, 'probe'));
    const summary = summarizeLatencies(samplesMicros);
    return {
      medianMicros: summary.p50,
      p99Micros: summary.p99,
      iterations: samplesMicros.length,
      blockBytes: BLOCK_BYTES,
      directory: tmpdir(),
      fileSystem: findFileSystemType(directory),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function timeWriteAndFdatasync(path: string): Float64Array {
  const descriptor = openSync(path, 'w+');
  try {
    writeSync(descriptor, Buffer.alloc(FILE_BYTES), 0, FILE_BYTES, 0);
    fsyncSync(descriptor);
    const block = Buffer.alloc(BLOCK_BYTES, 0x5a);
    const samplesMicros = new Float64Array(MAX_ITERATIONS);
    const deadlineNs = process.hrtime.bigint() + BigInt(MAX_SECONDS * 1e9);
    let count = 0;
    while (count < MAX_ITERATIONS && process.hrtime.bigint() < deadlineNs) {
      const startedNs = process.hrtime.bigint();
      writeSync(descriptor, block, 0, BLOCK_BYTES, 0);
      fdatasyncSync(descriptor);
      samplesMicros[count++] = Number(process.hrtime.bigint() - startedNs) / 1e3;
    }
    return samplesMicros.subarray(0, count);
  } finally {
    closeSync(descriptor);
  }
}

/** The type of the mount holding `directory` (Linux /proc/mounts); "unknown" elsewhere. */
function findFileSystemType(directory: string): string {
  try {
    const realDirectory = realpathSync(directory);
    let best = { mountPoint: '', type: 'unknown' };
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mountPoint, type] = line.split(' ');
      if (mountPoint === undefined || type === undefined) continue;
      const isParent =
        realDirectory === mountPoint ||
        realDirectory.startsWith(mountPoint === '/' ? '/' : `${mountPoint}/`);
      if (isParent && mountPoint.length >= best.mountPoint.length) best = { mountPoint, type };
    }
    return best.type;
  } catch {
    return 'unknown';
  }
}
