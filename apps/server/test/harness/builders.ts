import type { CreateCooperativeInput } from '@lumbung/shared/contracts/cooperatives';
import type { MembershipRole, OfficerRole } from '@lumbung/shared/contracts/identity';
import { composeNik } from '@lumbung/shared/nik';
import { createCooperativeRequest } from '@lumbung/shared/contracts/cooperatives';
import { withSystem, withTenant, type Database } from '../../src/platform/db/database.js';
import { registerCooperative } from '../../src/modules/cooperatives/index.js';
import { createOfficer, registerPerson } from '../../src/modules/identity/index.js';
import type { TestApp } from './app.js';

let sequence = 0;
const now = new Date('2026-03-01T00:00:00Z');

export const testPassword = 'kopi-flores-2026';

export function aPerson(overrides: { districtCode?: string } = {}) {
  sequence += 1;
  return {
    nik: composeNik({
      districtCode: overrides.districtCode ?? '531001',
      birthDate: '1988-04-17',
      sex: sequence % 2 === 0 ? 'female' : 'male',
      sequence: 1000 + sequence,
    }),
    fullName: `Anggota Uji ${sequence}`,
    phone: `+62813${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`,
    password: testPassword,
  };
}

export async function givenCooperative(
  db: Database,
  overrides: Partial<CreateCooperativeInput> = {},
) {
  sequence += 1;
  const input = createCooperativeRequest.parse({
    name: `Koperasi Uji ${sequence}`,
    legalEntityNumber: `AHU-TEST-${process.pid}-${sequence}`,
    type: 'simpan_pinjam',
    districtCode: '5310',
    ...overrides,
  });
  return withSystem(db, 'test set-up', (tx) =>
    registerCooperative({ tx, now, actorPersonId: null }, input),
  );
}

export async function givenMember(
  db: Database,
  cooperativeId: string,
  roles: MembershipRole[] = ['anggota'],
) {
  const person = aPerson();
  const registered = await withTenant(db, cooperativeId, (tx) =>
    registerPerson({ tx, now, cooperativeId }, { ...person, roles }),
  );
  return { ...registered, phone: person.phone, password: person.password, nik: person.nik };
}

export async function givenOfficer(db: Database, role: OfficerRole, regionCodes: string[] = []) {
  const person = aPerson();
  await withSystem(db, 'test set-up', (tx) =>
    createOfficer({ tx, now }, { ...person, role, regionCodes }),
  );
  return person;
}

/** Signs in over HTTP as an API client and returns the bearer token. */
export async function signIn(
  test: TestApp,
  person: { phone: string; password: string },
): Promise<string> {
  const response = await test.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-lumbung-client': 'api' },
    payload: { phone: person.phone, password: person.password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
}
