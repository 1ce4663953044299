import fs from 'node:fs';
import path from 'node:path';
import { composeNik } from '@lumbung/shared/nik';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import { withSystem, withTenant, type Database } from '../platform/db/database.js';
import { joinFederation, registerCooperative } from '../modules/cooperatives/index.js';
import { createOfficer, registerPerson } from '../modules/identity/index.js';
import { registerMember } from '../modules/members/index.js';
import {
  demoCooperatives,
  familyNames,
  firstNames,
  kecamatanCodes,
  memberDetailsOf,
} from './demo-data.js';
import { seededRandom, type SeededRandom } from './random.js';
import { seedLedgerActivity, type DemoMember } from './seed-ledger-activity.js';
import { demoLending } from './seed-loans.js';

export interface DemoLogin {
  role: MembershipRole | 'dinas' | 'platform';
  cooperativeId: string | null;
  cooperativeName: string | null;
  fullName: string;
  phone: string;
  password: string;
}

const demoSeed = 20_261_127;
const seededAt = new Date('2026-01-05T01:00:00Z');

function demoPassword(role: string) {
  return `demo-${role}-2026`;
}

/** +62812 followed by a 7-digit sequence: unique, valid, and obviously not a real number list. */
function phoneOf(sequence: number) {
  return `+62812${String(sequence).padStart(7, '0')}`;
}

function personOf(random: SeededRandom, districtCode: string, sequence: number) {
  const sex = random.next() < 0.5 ? ('female' as const) : ('male' as const);
  const birthDate = `${random.integer(1955, 2005)}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
  const kecamatan = random.pick(kecamatanCodes[districtCode] ?? [`${districtCode}01`]);
  return {
    nik: composeNik({ districtCode: kecamatan, birthDate, sex, sequence: 1 + (sequence % 9_000) }),
    fullName: `${random.pick(firstNames)} ${random.pick(familyNames)}`,
    phone: phoneOf(sequence),
  };
}

/**
 * Seeds the reproducible demo: cooperatives, their members, a federation link, one login per
 * role, a dinas officer for NTT (province 53) and a platform operator. Returns the logins.
 */
export async function seedDemo(db: Database): Promise<DemoLogin[]> {
  const random = seededRandom(demoSeed);
  const logins: DemoLogin[] = [];
  const ctxAt = { now: seededAt, actorPersonId: null };
  let sequence = 0;
  for (const demo of demoCooperatives) {
    await withSystem(db, 'demo seed registers cooperatives', (tx) =>
      registerCooperative({ ...ctxAt, tx, newId: demo.id }, demo.input),
    );
  }
  let sharedMember: ReturnType<typeof personOf> | null = null;
  for (const demo of demoCooperatives) {
    const members: DemoMember[] = [];
    /** Members without a printed login: the ones the demo lends to. */
    const ordinary: DemoMember[] = [];
    /** Who holds each printed login here (person and, for members, membership). */
    const staff: Partial<Record<MembershipRole, string>> = {};
    let anggota: DemoMember | null = null;
    await withTenant(db, demo.id, async (tx) => {
      const ctx = { tx, now: seededAt, cooperativeId: demo.id, actorPersonId: null };
      /** Members join the registry with a member number; kasir and manajer are staff only. */
      const enrol = async (
        person: ReturnType<typeof personOf>,
        role: MembershipRole,
        password?: string,
      ) => {
        if (role === 'kasir' || role === 'manajer') {
          const registered = await registerPerson(ctx, { ...person, password, roles: [role] });
          if (password) staff[role] = registered.person.id;
          return;
        }
        const member = await registerMember(ctx, {
          ...person,
          ...memberDetailsOf(random, demo),
          password,
          joinedOn: '2026-01-02',
          extraRoles: role === 'anggota' ? [] : [role],
        });
        const enrolled = {
          membershipId: member.membershipId,
          memberNumber: member.memberNumber ?? '',
          fullName: member.fullName,
        };
        members.push(enrolled);
        if (!password) ordinary.push(enrolled);
        else {
          staff[role] = member.personId;
          if (role === 'anggota') anggota = enrolled;
        }
      };
      for (const role of demo.loginRoles) {
        const person = personOf(random, demo.input.districtCode, ++sequence);
        await enrol(person, role, demoPassword(role));
        logins.push({
          role,
          cooperativeId: demo.id,
          cooperativeName: demo.input.name,
          fullName: person.fullName,
          phone: person.phone,
          password: demoPassword(role),
        });
        if (role === 'anggota' && sharedMember === null) sharedMember = person;
      }
      for (let index = 0; index < demo.memberCount; index++) {
        await enrol(personOf(random, demo.input.districtCode, ++sequence), 'anggota');
      }
      // One member belongs to two cooperatives, to show switching between them.
      if (demo.key === 'consumer' && sharedMember) await enrol(sharedMember, 'anggota');
    });
    if (demo.memberCount > 0) {
      await seedLedgerActivity(db, {
        cooperativeId: demo.id,
        type: demo.input.type,
        members,
        random,
        lending: demo.lends ? lendingOf(demo.id, ordinary, anggota, staff) : undefined,
      });
    }
  }
  for (const demo of demoCooperatives.filter((candidate) => candidate.joinsSecondary)) {
    const secondary = demoCooperatives.find((candidate) => candidate.key === demo.joinsSecondary);
    if (!secondary) continue;
    await withTenant(db, demo.id, (tx) =>
      joinFederation(
        { tx, now: seededAt },
        { memberCooperativeId: demo.id, secondaryCooperativeId: secondary.id },
      ),
    );
  }
  await withSystem(db, 'demo seed creates officers', async (tx) => {
    const officers = [
      { role: 'dinas' as const, regionCodes: ['53'], districtCode: '5371' },
      { role: 'platform' as const, regionCodes: [], districtCode: '5371' },
    ];
    for (const officer of officers) {
      const person = personOf(random, officer.districtCode, ++sequence);
      await createOfficer(
        { tx, now: seededAt },
        {
          ...person,
          password: demoPassword(officer.role),
          role: officer.role,
          regionCodes: officer.regionCodes,
        },
      );
      logins.push({
        role: officer.role,
        cooperativeId: null,
        cooperativeName: null,
        fullName: person.fullName,
        phone: person.phone,
        password: demoPassword(officer.role),
      });
    }
  });
  return logins;
}

/** The credit union's loan book (seed-loans.ts): ordinary members borrow, officers decide. */
function lendingOf(
  cooperativeId: string,
  ordinary: DemoMember[],
  anggota: DemoMember | null,
  staff: Partial<Record<MembershipRole, string>>,
) {
  const { manajer, ketua, kasir, bendahara } = staff;
  if (!anggota || !manajer || !ketua || !kasir || !bendahara)
    throw new Error(
      'a lending demo cooperative prints anggota, manajer, ketua, kasir and bendahara',
    );
  return demoLending({
    cooperativeId,
    members: ordinary,
    anggota,
    staff: { manajer, ketua, kasir, bendahara },
  });
}

export function writeDemoLogins(dataDir: string, logins: DemoLogin[]) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'demo-logins.json');
  fs.writeFileSync(file, `${JSON.stringify(logins, null, 2)}\n`);
  return file;
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const rows = logins.map(
    (login) =>
      `  ${login.role.padEnd(10)} ${login.phone.padEnd(15)} ${login.password.padEnd(22)} ${login.cooperativeName ?? '(semua koperasi NTT / all NTT cooperatives)'}`,
  );
  return [
    'Demo logins (peran / role, HP / phone, kata sandi / password, koperasi / cooperative):',
    ...rows,
  ].join('\n');
}
