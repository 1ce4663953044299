import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/bootstrap.js';
import { connectPglite } from '../src/platform/db/connect-pglite.js';
import { connectPostgres } from '../src/platform/db/connect-postgres.js';
import { testDatabaseKind, testPostgresSettings } from './harness/settings.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates one database per run and hands its copy to every test file: on PGlite a data-dir
 * snapshot, on PostgreSQL a template database (CREATE DATABASE … TEMPLATE is a file copy).
 */
export default async function setup(project: TestProject) {
  if (testDatabaseKind() === 'postgres') {
    const settings = testPostgresSettings();
    const server = connectPostgres(settings.adminUrl, settings.adminUrl, 1);
    await server.admin.exec(`drop database if exists ${settings.template}`);
    await server.admin.exec(`create database ${settings.template}`);
    await server.close();
    const template = connectPostgres(
      settings.databaseUrl(settings.template),
      settings.databaseUrl(settings.template),
      1,
    );
    await prepareDatabase(template);
    await template.admin.exec(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${settings.appLogin}') then
        create role ${settings.appLogin} login nosuperuser nobypassrls;
      end if; end $$;
      grant lumbung_app to ${settings.appLogin};`);
    await template.close();
    project.provide('postgresTemplate', settings.template);
    project.provide('pgliteSnapshotPath', '');
    return;
  }
  const db = await connectPglite(null);
  await prepareDatabase(db);
  const snapshot = await db.dumpDataDir();
  await db.close();
  const snapshotPath = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-test-')),
    'migrated.tar',
  );
  fs.writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', snapshotPath);
  project.provide('postgresTemplate', '');
  return () => fs.rmSync(path.dirname(snapshotPath), { recursive: true, force: true });
}
