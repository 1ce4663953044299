import type { MembershipView } from '@lumbung/shared';
import { describe, expect, it } from 'vitest';
import {
  choiceValueOf,
  listContextChoices,
  oversightChoiceValue,
  resolveActiveContext,
} from './active-context';
import {
  activeCooperativeStorageKey,
  readActiveCooperativeId,
  storeActiveCooperativeId,
} from './active-cooperative-storage';
import { memoryStorage } from '../../lib/memory-storage.test-helper';

function membership(
  cooperativeId: string,
  status: MembershipView['status'] = 'aktif',
): MembershipView {
  return {
    membershipId: `m-${cooperativeId}`,
    cooperativeId,
    cooperativeName: `Koperasi ${cooperativeId}`,
    districtCode: '3201',
    roles: ['anggota'],
    status,
  };
}

const dinas = { role: 'dinas' as const, regionCodes: ['32'] };

describe('resolveActiveContext', () => {
  it('returns the remembered cooperative while the person still belongs to it', () => {
    const session = { memberships: [membership('a'), membership('b')], officerScopes: [] };
    const active = resolveActiveContext(session, 'b');
    expect(active.kind === 'membership' && active.membership.cooperativeId).toBe('b');
  });

  it('ignores a remembered cooperative the person does not belong to', () => {
    const session = { memberships: [membership('a')], officerScopes: [] };
    const active = resolveActiveContext(session, 'someone-elses');
    expect(active.kind === 'membership' && active.membership.cooperativeId).toBe('a');
  });

  it('starts a member in the first active membership, skipping ones they left', () => {
    const session = {
      memberships: [membership('old', 'keluar'), membership('now')],
      officerScopes: [],
    };
    const active = resolveActiveContext(session, null);
    expect(active.kind === 'membership' && active.membership.cooperativeId).toBe('now');
  });

  it('starts an officer in oversight even when they are also a member', () => {
    const session = { memberships: [membership('a')], officerScopes: [dinas] };
    expect(resolveActiveContext(session, null)).toEqual({ kind: 'oversight', scopes: [dinas] });
  });

  it('has no context for a person with neither membership nor officer role', () => {
    expect(resolveActiveContext({ memberships: [], officerScopes: [] }, 'a')).toEqual({
      kind: 'none',
    });
  });
});

describe('listContextChoices', () => {
  it('lists every membership and then oversight for officers', () => {
    const choices = listContextChoices({
      memberships: [membership('a'), membership('b')],
      officerScopes: [dinas],
    });
    expect(choices.map((choice) => choice.value)).toEqual(['a', 'b', oversightChoiceValue]);
  });

  it('offers no oversight to a person without an officer role', () => {
    const choices = listContextChoices({ memberships: [membership('a')], officerScopes: [] });
    expect(choices.map((choice) => choice.kind)).toEqual(['membership']);
  });

  it('selects the value matching the active context', () => {
    expect(choiceValueOf({ kind: 'membership', membership: membership('a') })).toBe('a');
    expect(choiceValueOf({ kind: 'oversight', scopes: [dinas] })).toBe(oversightChoiceValue);
  });
});

describe('active cooperative storage', () => {
  it('remembers the chosen cooperative under lumbung.activeCooperativeId', () => {
    const storage = memoryStorage();
    storeActiveCooperativeId(storage, 'a');
    expect(storage.getItem(activeCooperativeStorageKey)).toBe('a');
    expect(readActiveCooperativeId(storage)).toBe('a');
  });

  it('forgets the choice when switching back to oversight', () => {
    const storage = memoryStorage({ [activeCooperativeStorageKey]: 'a' });
    storeActiveCooperativeId(storage, null);
    expect(readActiveCooperativeId(storage)).toBeNull();
  });

  it('reads nothing when storage refuses access', () => {
    const storage = memoryStorage({}, { isBroken: true });
    expect(readActiveCooperativeId(storage)).toBeNull();
    expect(() => {
      storeActiveCooperativeId(storage, 'a');
    }).not.toThrow();
  });
});
