import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withTenant, type Database } from '../../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { givenCooperative, givenMember } from '../harness/builders.js';
import { databaseErrorOf } from '../harness/errors.js';

describe(`tenant isolation on ${process.env.LUMBUNG_TEST_DB ?? 'pglite'}`, () => {
  let test: TestDatabase;
  let db: Database;
  let cooperativeA: string;
  let cooperativeB: string;
  let memberOfB: Awaited<ReturnType<typeof givenMember>>;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    cooperativeA = (await givenCooperative(db)).id;
    cooperativeB = (await givenCooperative(db)).id;
    await givenMember(db, cooperativeA);
    await givenMember(db, cooperativeA, ['anggota', 'ketua']);
    memberOfB = await givenMember(db, cooperativeB);
  });
  afterAll(() => test.drop());

  it('runs application transactions as a role that is not superuser and does not bypass RLS', async () => {
    const [role] = await withTenant(db, cooperativeA, (tx) =>
      queryRows<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        tx,
        sql`select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect(role).toEqual({ current_user: 'lumbung_app', rolsuper: false, rolbypassrls: false });
  });

  it('shows tenant A only its own memberships and people to a query without any WHERE', async () => {
    const seen = await withTenant(db, cooperativeA, async (tx) => ({
      memberships: await queryRows<{ cooperative_id: string }>(
        tx,
        sql`select cooperative_id from memberships`,
      ),
      people: await queryRows<{ id: string }>(tx, sql`select id from people`),
    }));
    expect(seen.memberships).toHaveLength(2);
    expect(new Set(seen.memberships.map((row) => row.cooperative_id))).toEqual(
      new Set([cooperativeA]),
    );
    expect(seen.people.map((row) => row.id)).not.toContain(memberOfB.person.id);
  });

  it('lets an UPDATE or DELETE without WHERE in tenant A touch only A’s rows', async () => {
    const rollback = new Error('roll back the experiment');
    let touched: { updated: string[]; deleted: string[] } = { updated: [], deleted: [] };
    await withTenant(db, cooperativeA, async (tx) => {
      const updated = await queryRows<{ cooperative_id: string }>(
        tx,
        sql`update memberships set status = 'keluar' returning cooperative_id`,
      );
      const deleted = await queryRows<{ cooperative_id: string }>(
        tx,
        sql`delete from memberships returning cooperative_id`,
      );
      touched = {
        updated: updated.map((row) => row.cooperative_id),
        deleted: deleted.map((row) => row.cooperative_id),
      };
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
    expect(touched.updated).toEqual([cooperativeA, cooperativeA]);
    expect(touched.deleted).toEqual([cooperativeA, cooperativeA]);
    const rowsOfB = await withTenant(db, cooperativeB, (tx) =>
      queryRows<{ status: string }>(tx, sql`select status from memberships`),
    );
    expect(rowsOfB).toEqual([{ status: 'aktif' }]);
  });

  it('refuses tenant A writing a row that names tenant B', async () => {
    const attempt = withTenant(db, cooperativeA, (tx) =>
      tx.execute(sql`insert into memberships (cooperative_id, id, person_id, roles, joined_on, created_at)
        values (${cooperativeB}, gen_random_uuid(), ${memberOfB.person.id}, array['anggota'], '2026-01-01', now())`),
    );
    expect((await databaseErrorOf(attempt)).message).toMatch(/row-level security/);
  });

  it('shows no tenant rows at all outside any tenant context', async () => {
    const rows = await db.transaction(
      { cooperativeId: null, personId: null, systemReason: null },
      (tx) => queryRows(tx, sql`select id from memberships`),
    );
    expect(rows).toHaveLength(0);
  });
});
