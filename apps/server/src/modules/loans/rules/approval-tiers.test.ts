import { describe, expect, it } from 'vitest';
import {
  assertNotSelfApproval,
  defaultApprovalTiers,
  evaluateApprovals,
  requiredApprovals,
  type ApprovalTier,
} from './approval-tiers.js';

describe('approval tiers', () => {
  it('asks one approver up to Rp10,000,000 and two with the ketua above', () => {
    expect(requiredApprovals(10_000_000n, defaultApprovalTiers)).toEqual({
      upTo: 10_000_000n,
      approvals: 1,
      requiresKetua: false,
    });
    expect(requiredApprovals(10_000_001n, defaultApprovalTiers)).toEqual({
      upTo: null,
      approvals: 2,
      requiresKetua: true,
    });
  });

  it('follows a configured table of three tiers', () => {
    const tiers: ApprovalTier[] = [
      { upTo: 1_000_000n, approvals: 1, requiresKetua: false },
      { upTo: 50_000_000n, approvals: 2, requiresKetua: false },
      { upTo: null, approvals: 3, requiresKetua: true },
    ];
    expect(requiredApprovals(20_000_000n, tiers).approvals).toBe(2);
    expect(requiredApprovals(50_000_001n, tiers).approvals).toBe(3);
  });

  it('refuses a table with no unbounded last tier, falling bounds or zero approvals', () => {
    const bounded: ApprovalTier[] = [{ upTo: 1n, approvals: 1, requiresKetua: false }];
    const falling: ApprovalTier[] = [
      { upTo: 5n, approvals: 1, requiresKetua: false },
      { upTo: 2n, approvals: 1, requiresKetua: false },
      { upTo: null, approvals: 1, requiresKetua: false },
    ];
    const none: ApprovalTier[] = [{ upTo: null, approvals: 0, requiresKetua: false }];
    for (const tiers of [bounded, falling, none, []])
      expect(() => requiredApprovals(1n, tiers)).toThrow(RangeError);
  });
});

describe('evaluating approvals', () => {
  const base = { tiers: defaultApprovalTiers, applicantPersonId: 'p-applicant' };

  it('is complete with one pengurus approval on a small loan', () => {
    expect(
      evaluateApprovals({
        ...base,
        amount: 5_000_000n,
        approvals: [{ personId: 'p-bendahara', role: 'bendahara' }],
      }),
    ).toEqual({ complete: true, missing: 0, ketuaMissing: false, countedApprovers: 1 });
  });

  it('needs the ketua as one of two approvers on a large loan', () => {
    const twoWithoutKetua = evaluateApprovals({
      ...base,
      amount: 20_000_000n,
      approvals: [
        { personId: 'p-sekretaris', role: 'sekretaris' },
        { personId: 'p-manajer', role: 'manajer' },
      ],
    });
    expect(twoWithoutKetua).toEqual({
      complete: false,
      missing: 1,
      ketuaMissing: true,
      countedApprovers: 2,
    });
    expect(
      evaluateApprovals({
        ...base,
        amount: 20_000_000n,
        approvals: [
          { personId: 'p-sekretaris', role: 'sekretaris' },
          { personId: 'p-ketua', role: 'ketua' },
        ],
      }).complete,
    ).toBe(true);
  });

  it('counts one person once, whatever roles they approve in', () => {
    expect(
      evaluateApprovals({
        ...base,
        amount: 20_000_000n,
        approvals: [
          { personId: 'p-ketua', role: 'ketua' },
          { personId: 'p-ketua', role: 'bendahara' },
        ],
      }),
    ).toEqual({ complete: false, missing: 1, ketuaMissing: false, countedApprovers: 1 });
  });

  it("never counts the applicant's own approval, even as ketua", () => {
    expect(
      evaluateApprovals({
        ...base,
        amount: 20_000_000n,
        applicantPersonId: 'p-ketua',
        approvals: [
          { personId: 'p-ketua', role: 'ketua' },
          { personId: 'p-bendahara', role: 'bendahara' },
        ],
      }),
    ).toEqual({ complete: false, missing: 1, ketuaMissing: true, countedApprovers: 1 });
  });

  it('does not count a pengawas, kasir or anggota', () => {
    expect(
      evaluateApprovals({
        ...base,
        amount: 1_000_000n,
        approvals: [
          { personId: 'p-pengawas', role: 'pengawas' },
          { personId: 'p-kasir', role: 'kasir' },
          { personId: 'p-anggota', role: 'anggota' },
        ],
      }),
    ).toEqual({ complete: false, missing: 1, ketuaMissing: false, countedApprovers: 0 });
  });

  it('follows configured approver roles', () => {
    expect(
      evaluateApprovals({
        ...base,
        amount: 1_000_000n,
        approvals: [{ personId: 'p-pengawas', role: 'pengawas' }],
        approverRoles: ['pengawas'],
      }).complete,
    ).toBe(true);
  });
});

describe('self-approval', () => {
  it('forbids approving one’s own application', () => {
    expect(assertNotSelfApproval('p-1', 'p-1')).toEqual({
      ok: false,
      code: 'loans.self_approval_forbidden',
    });
  });
  it('allows approving someone else’s', () => {
    expect(assertNotSelfApproval('p-1', 'p-2')).toEqual({ ok: true });
  });
});
