import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipRoles, officerRoles } from '@lumbung/shared/contracts/identity';
import { seedDemo, writeDemoLogins, type DemoLogin } from '../src/demo/seed-demo.js';
import { queryRows, withSystem, type Database } from '../src/platform/db/database.js';
import { createTestApp, type TestApp } from './harness/app.js';
import { createTestDatabase } from './harness/database.js';
import { closingGracefully } from './harness/graceful-close.js';
import { testDatabaseKind } from './harness/settings.js';

interface SeededFacts {
  cooperatives: { id: string; name: string }[];
  people: { nik: string; phone: string; full_name: string }[];
}

/** What must come out the same on every machine: the cooperatives and the people. */
async function seededFacts(db: Database): Promise<SeededFacts> {
  return withSystem(db, 'test compares demo seeds', async (tx) => ({
    cooperatives: await queryRows<SeededFacts['cooperatives'][number]>(
      tx,
      sql`select id, name from cooperatives order by id`,
    ),
    people: await queryRows<SeededFacts['people'][number]>(
      tx,
      sql`select nik, phone, full_name from people order by nik`,
    ),
  }));
}

interface SessionBody {
  memberships: { cooperativeId: string; roles: string[] }[];
  officerScopes: { role: string; regionCodes: string[] }[];
}

describe(`the demo seed on ${testDatabaseKind()}`, () => {
  let test: TestApp;
  let logins: DemoLogin[];
  let address = 0;
  beforeAll(async () => {
    test = await closingGracefully(await createTestApp());
    logins = await seedDemo(test.db);
  });
  afterAll(() => test.drop());

  const signIn = (phone: string, password: string) =>
    test.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-lumbung-client': 'api' },
      payload: { phone, password },
      remoteAddress: `10.5.0.${++address}`,
    });
  const asSystem = <Row>(query: ReturnType<typeof sql>) =>
    withSystem(test.db, 'test inspects the demo seed', (tx) => queryRows<Row>(tx, query));

  it('registers at least three primary cooperatives in different NTT districts: credit union, producer and consumer', async () => {
    const primaries = await asSystem<{
      type: string;
      district_code: string;
      level: string;
      province_code: string;
    }>(
      sql`select c.type, c.district_code, r.level, r.province_code
            from cooperatives c join regions r on r.code = c.district_code where c.tier = 'primer'`,
    );

    expect(primaries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(primaries.map((row) => row.district_code)).size).toBeGreaterThanOrEqual(3);
    expect(
      primaries.filter((row) => row.level !== 'district' || row.province_code !== '53'),
    ).toEqual([]);
    expect(primaries.map((row) => row.type)).toEqual(
      expect.arrayContaining(['simpan_pinjam', 'produsen', 'konsumen']),
    );
  });

  it('links a primary cooperative to a secondary one', async () => {
    const links = await asSystem<{ member_tier: string; secondary_tier: string }>(
      sql`select m.tier as member_tier, s.tier as secondary_tier from cooperative_federation f
            join cooperatives m on m.id = f.member_cooperative_id
            join cooperatives s on s.id = f.secondary_cooperative_id`,
    );
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map((link) => `${link.member_tier} -> ${link.secondary_tier}`))).toEqual(
      new Set(['primer -> sekunder']),
    );
  });

  it('gives the primary cooperatives more than 300 members with the anggota role between them', async () => {
    const counts = await asSystem<{ cooperative_id: string; members: number }>(
      sql`select m.cooperative_id, count(*)::int as members from memberships m
            join cooperatives c on c.id = m.cooperative_id
           where 'anggota' = any(m.roles) and c.tier = 'primer' group by m.cooperative_id`,
    );

    expect(counts.reduce((total, row) => total + row.members, 0)).toBeGreaterThanOrEqual(300);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts.filter((row) => row.members < 50)).toEqual([]);
  });

  it('prints a login for every membership role and both officer roles', () => {
    expect(new Set(logins.map((login) => login.role))).toEqual(
      new Set([...membershipRoles, ...officerRoles]),
    );
    for (const login of logins) {
      expect(login.phone).toMatch(/^\+628\d{8,11}$/);
      expect(login.cooperativeId === null).toBe(
        login.role === 'dinas' || login.role === 'platform',
      );
    }
  });

  it('signs in over HTTP with every printed login, which holds the role it is printed for', async () => {
    const refusals: string[] = [];
    for (const login of logins) {
      const response = await signIn(login.phone, login.password);
      if (response.statusCode !== 200) {
        refusals.push(`${login.role} ${login.phone}: ${response.statusCode}`);
        continue;
      }
      const body = response.json<SessionBody>();
      if (login.cooperativeId === null) {
        expect(
          body.officerScopes.map((scope) => scope.role),
          login.role,
        ).toContain(login.role);
      } else {
        const membership = body.memberships.find(
          (candidate) => candidate.cooperativeId === login.cooperativeId,
        );
        expect(membership?.roles, `${login.role} of ${login.cooperativeName}`).toContain(
          login.role,
        );
      }
    }
    expect(refusals).toEqual([]);
  });

  it('keeps books that balance and verify for every demo cooperative', async () => {
    const { verifyCooperativeLedger } = await import('../src/modules/ledger/index.js');
    const { withSystem } = await import('../src/platform/db/database.js');
    const ketuas = logins.filter((login) => login.role === 'ketua' && login.cooperativeId !== null);
    expect(ketuas.length).toBeGreaterThanOrEqual(4);
    for (const ketua of ketuas) {
      const token = (await signIn(ketua.phone, ketua.password)).json<{ token: string }>().token;
      const sheet = await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${ketua.cooperativeId ?? ''}/reports/balance-sheet?period=2026-10`,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = sheet.json<{
        isBalanced: boolean;
        assets: { total: { current: string } };
        liabilitiesAndEquity: { current: string };
      }>();
      expect(body.isBalanced, ketua.cooperativeName ?? '').toBe(true);
      expect(body.assets.total.current).toBe(body.liabilitiesAndEquity.current);
      const report = await withSystem(test.db, 'test verifies the demo', (tx) =>
        verifyCooperativeLedger(tx, ketua.cooperativeId ?? ''),
      );
      expect(report.problems, ketua.cooperativeName ?? '').toEqual([]);
    }
  });

  it('keeps a living loan book at the credit union: every state, arrears, a channeled loan and a day-end', async () => {
    const creditUnion = logins.find(
      (login) => login.role === 'pengawas' && login.cooperativeName === 'Kopdit Swadaya Sejahtera',
    );
    const cooperativeId = creditUnion?.cooperativeId ?? '';
    const byStatus = await asSystem<{ status: string; loans: number }>(
      sql`select status, count(*)::int as loans from loans
           where cooperative_id = ${cooperativeId} group by status`,
    );
    const count = Object.fromEntries(byStatus.map((row) => [row.status, row.loans]));
    for (const status of ['diajukan', 'disetujui', 'ditolak', 'aktif', 'lunas'])
      expect(count[status], status).toBeGreaterThan(0);
    // Products of both methods, and the loans paid out as the module does it (schedule stored).
    const methods = await asSystem<{ interest_method: string }>(
      sql`select distinct interest_method from loan_products where cooperative_id = ${cooperativeId}`,
    );
    expect(methods.map((row) => row.interest_method).sort()).toEqual(['anuitas', 'flat']);
    const channeled = await asSystem<{ status: string; collections: number }>(
      sql`select c.status, (select count(*)::int from loan_channeling_collections k
                             where k.cooperative_id = c.cooperative_id and k.loan_id = c.loan_id)
                            as collections
            from loan_channeled_loans c where c.cooperative_id = ${cooperativeId}`,
    );
    expect(channeled).toEqual([{ status: 'aktif', collections: 3 }]);
    const positions = await asSystem<{ days_past_due: number; collectibility: string }>(
      sql`select days_past_due, collectibility from loan_day_end_positions
           where cooperative_id = ${cooperativeId} and business_date = '2026-10-31'`,
    );
    expect(positions).toHaveLength(count.aktif ?? 0);
    expect(positions.filter((row) => row.days_past_due === 0).length).toBeGreaterThan(0);
    expect(positions.filter((row) => row.days_past_due > 30).length).toBeGreaterThan(0);
    expect(new Set(positions.map((row) => row.collectibility))).toEqual(
      new Set(['lancar', 'kurang_lancar', 'diragukan']),
    );

    const token = (await signIn(creditUnion?.phone ?? '', creditUnion?.password ?? '')).json<{
      token: string;
    }>().token;
    const portfolio = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${cooperativeId}/loans/portfolio-quality`,
      token,
    });
    expect(portfolio.statusCode, portfolio.body).toBe(200);
    const quality = portfolio.json<{
      businessDate: string;
      loanCount: number;
      totalOutstanding: string;
      npl: { outstanding: string; loanCount: number };
      par30: { loanCount: number };
      requiredAllowance: string;
      bookedAllowance: string;
    }>();
    expect(quality).toMatchObject({ businessDate: '2026-10-31', loanCount: count.aktif });
    expect(quality.npl.loanCount).toBe(2);
    expect(quality.par30.loanCount).toBe(3);
    expect(BigInt(quality.requiredAllowance)).toBeGreaterThan(0n);
    expect(quality.bookedAllowance).toBe(quality.requiredAllowance);
  });

  it('refuses a demo login with the wrong password', async () => {
    const [login] = logins;
    const response = await signIn(login?.phone ?? '', 'not-the-demo-password');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.invalid_credentials' });
  });

  it('gives a password only to the people with a printed login', async () => {
    const withPassword = await asSystem<{ phone: string }>(
      sql`select phone from people where password_hash is not null order by phone`,
    );
    expect(withPassword.map((row) => row.phone)).toEqual(
      [...new Set(logins.map((login) => login.phone))].sort(),
    );
  });

  it('scopes the dinas login to province 53, from where it sees every demo cooperative', async () => {
    const dinas = logins.find((login) => login.role === 'dinas');
    const response = await signIn(dinas?.phone ?? '', dinas?.password ?? '');
    const body = response.json<SessionBody & { token: string }>();

    expect(body.officerScopes).toEqual([{ role: 'dinas', regionCodes: ['53'] }]);
    expect(body.memberships).toEqual([]);
    const listed = await test.request({
      method: 'GET',
      url: '/api/v1/cooperatives?limit=100',
      token: body.token,
    });
    expect(listed.statusCode).toBe(200);
    const ids = listed.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    const seeded = await asSystem<{ id: string }>(sql`select id from cooperatives`);
    expect(ids.sort()).toEqual(seeded.map((row) => row.id).sort());
  });

  it('has a member in two cooperatives, to show switching between them', async () => {
    const people = await asSystem<{ cooperatives: number }>(
      sql`select count(*)::int as cooperatives from memberships group by person_id having count(*) > 1`,
    );
    expect(people.length).toBeGreaterThan(0);
  });

  it('refuses to seed a database that is already seeded, and changes nothing', async () => {
    const before = await seededFacts(test.db);

    await expect(seedDemo(test.db)).rejects.toMatchObject({
      code: 'cooperatives.legal_entity_number_already_registered',
    });
    expect(await seededFacts(test.db)).toEqual(before);
  });

  it('seeds the same cooperatives, NIKs, phones and names into another fresh database', async () => {
    const other = await closingGracefully(await createTestDatabase());
    try {
      const otherLogins = await seedDemo(other.db);
      const [first, second] = [await seededFacts(test.db), await seededFacts(other.db)];

      expect(second.cooperatives.length).toBeGreaterThanOrEqual(4);
      expect(second.people.length).toBeGreaterThanOrEqual(300);
      expect(second).toEqual(first);
      expect(otherLogins).toEqual(logins);
    } finally {
      await other.drop();
    }
  });

  it('writes the logins as JSON to demo-logins.json in the data directory, creating it', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-demo-'));
    try {
      const dataDir = path.join(parent, 'data', 'nested');
      const file = writeDemoLogins(dataDir, logins);

      expect(file).toBe(path.join(dataDir, 'demo-logins.json'));
      const written = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoLogin[];
      expect(written).toEqual(logins);
      for (const login of written) {
        expect(Object.keys(login)).toEqual(
          expect.arrayContaining(['role', 'cooperativeId', 'phone', 'password']),
        );
      }
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
