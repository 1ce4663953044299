/**
 * The facts every result records so figures from different machines are never compared blindly:
 * CPU, cores, Node, database kind/version/durability and the measured fdatasync floor.
 */
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import {
  withConnection,
  type BenchDatabase,
  type FdatasyncLatency,
  type MachineFacts,
} from './harness.js';

/** PGlite starts with fsync off and its Node filesystem never syncs (performance.md §4.6). */
const PGLITE_DURABILITY = 'no fsync (PGlite on Node)';

export async function collectMachineFacts(
  database: BenchDatabase,
  fdatasync: FdatasyncLatency,
): Promise<MachineFacts> {
  const { databaseVersion, durability } = await describeDatabase(database);
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    coreCount: availableParallelism(),
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    operatingSystem: `${type()} ${release()}`,
    nodeVersion: process.version,
    databaseKind: database.kind,
    databaseLabel: database.label,
    databaseVersion,
    durability,
    fdatasync,
  };
}

async function describeDatabase(
  database: BenchDatabase,
): Promise<{ databaseVersion: string; durability: string }> {
  return withConnection(database, async (connection) => {
    const [version] = await connection.query<{ server_version: string }>('SHOW server_version');
    const databaseVersion = version?.server_version ?? 'unknown';
    if (database.kind === 'pglite') return { databaseVersion, durability: PGLITE_DURABILITY };
    const [synchronousCommit] = await connection.query<{ synchronous_commit: string }>(
      'SHOW synchronous_commit',
    );
    const [fsync] = await connection.query<{ fsync: string }>('SHOW fsync');
    return {
      databaseVersion,
      durability: `synchronous_commit=${synchronousCommit?.synchronous_commit ?? '?'}, fsync=${fsync?.fsync ?? '?'}`,
    };
  });
}
