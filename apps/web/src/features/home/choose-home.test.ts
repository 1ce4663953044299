import type { MembershipRole, MembershipView } from '@lumbung/shared';
import { describe, expect, it } from 'vitest';
import { chooseHome } from './choose-home';

function membership(roles: MembershipRole[]): MembershipView {
  return {
    membershipId: '00000000-0000-4000-8000-000000000001',
    cooperativeId: '00000000-0000-4000-8000-000000000002',
    cooperativeName: 'Koperasi Maju Bersama',
    districtCode: '3201',
    roles,
    status: 'aktif',
  };
}

describe('chooseHome', () => {
  it('gives a plain member the member home', () => {
    expect(chooseHome({ kind: 'membership', membership: membership(['anggota']) }).kind).toBe(
      'member',
    );
  });

  it.each(['ketua', 'sekretaris', 'bendahara', 'manajer', 'kasir', 'pengawas'] as const)(
    'gives a %s the back-office home even when they are also a member',
    (role) => {
      expect(
        chooseHome({ kind: 'membership', membership: membership(['anggota', role]) }).kind,
      ).toBe('back-office');
    },
  );

  it('gives an officer without a selected membership the oversight home', () => {
    const scopes = [{ role: 'dinas' as const, regionCodes: ['3201'] }];
    expect(chooseHome({ kind: 'oversight', scopes })).toEqual({ kind: 'oversight', scopes });
  });

  it('gives a person without any cooperative the empty home', () => {
    expect(chooseHome({ kind: 'none' }).kind).toBe('no-cooperative');
  });
});
