import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '@lumbung/shared/nik';
import { defaultMigrationsDir } from '../src/platform/db/migrate.js';
import { runCli } from './harness/cli-process.js';

const migrationNames = fs
  .readdirSync(defaultMigrationsDir)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => file.replace(/\.sql$/, ''));

describe('the lumbung CLI (PGlite in its own data directory)', () => {
  let dataDir: string;
  let cooperativeId: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists the operator commands in --help', async () => {
    const run = await runCli(dataDir, ['--help']);

    expect(run.exitCode).toBe(0);
    for (const command of ['migrate', 'seed', 'create-cooperative', 'create-user']) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('migrates a new data directory and prints the last migration', async () => {
    const run = await runCli(dataDir, ['migrate']);

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Applied: ${migrationNames.join(', ')}`);
    expect(run.stdout).toContain(`Database at migration ${migrationNames.at(-1)}`);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
  });

  it('registers a cooperative and prints it as JSON with its id', async () => {
    const run = await runCli(dataDir, [
      'create-cooperative',
      '--name',
      'Kopdit Uji CLI',
      '--legal-entity-number',
      'AHU-CLI-1',
      '--type',
      'simpan_pinjam',
      '--district',
      '5310',
    ]);

    expect(run.exitCode, run.stderr).toBe(0);
    const cooperative = JSON.parse(run.stdout) as {
      id: string;
      name: string;
      type: string;
      districtCode: string;
    };
    expect(cooperative).toMatchObject({
      name: 'Kopdit Uji CLI',
      type: 'simpan_pinjam',
      districtCode: '5310',
    });
    expect(cooperative.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    cooperativeId = cooperative.id;
  });

  it('registers a person in that cooperative with roles and prints the membership, NIK masked', async () => {
    const nik = composeNik({
      districtCode: '531001',
      birthDate: '1984-06-12',
      sex: 'male',
      sequence: 77,
    });
    const run = await runCli(dataDir, [
      'create-user',
      '--cooperative',
      cooperativeId,
      '--nik',
      nik,
      '--name',
      'Ketua CLI',
      '--phone',
      '081234500001',
      '--password',
      'kopi-flores-2026',
      '--roles',
      'anggota,ketua',
    ]);

    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      person: {
        fullName: 'Ketua CLI',
        phone: '+6281234500001',
        nikMasked: `${nik.slice(0, 6)}********${nik.slice(-2)}`,
      },
      membership: {
        cooperativeId,
        cooperativeName: 'Kopdit Uji CLI',
        roles: ['anggota', 'ketua'],
        status: 'aktif',
      },
    });
    expect(run.stdout).not.toContain(nik);
  });

  it('refuses an unknown district with a non-zero exit and the message in Indonesian and English', async () => {
    const run = await runCli(dataDir, [
      'create-cooperative',
      '--name',
      'Kopdit Salah Kabupaten',
      '--legal-entity-number',
      'AHU-CLI-2',
      '--type',
      'simpan_pinjam',
      '--district',
      '5399',
    ]);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'cooperatives.district_unknown: Kode kabupaten/kota 5399 tidak dikenal. / District code 5399 is unknown.',
    );
    expect(run.stdout).toBe('');
  });
});
