import { describe, expect, it } from 'vitest';
import { accountStatuses } from '@/db/schema';
import { tokenState } from '@/lib/account/inspect-account-token';
import { availableDecisions } from '@/lib/staff/verification-decisions';

const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-03-02T12:00:00Z');
const earlier = new Date('2026-02-28T12:00:00Z');

describe('the state of an emailed link', () => {
  it('is valid until its expiry, and expired from that instant on', () => {
    expect(tokenState({ usedAt: null, supersededAt: null, expiresAt: later }, now)).toBe('valid');
    expect(tokenState({ usedAt: null, supersededAt: null, expiresAt: now }, now)).toBe('expired');
    expect(tokenState({ usedAt: null, supersededAt: null, expiresAt: earlier }, now)).toBe('expired');
  });

  it('says used before superseded, and superseded before expired', () => {
    expect(tokenState({ usedAt: earlier, supersededAt: earlier, expiresAt: earlier }, now)).toBe('used');
    expect(tokenState({ usedAt: null, supersededAt: earlier, expiresAt: earlier }, now)).toBe('superseded');
    expect(tokenState({ usedAt: earlier, supersededAt: null, expiresAt: later }, now)).toBe('used');
  });
});

describe('the decisions the desk is offered', () => {
  it('offers verification only to an account that waits for it', () => {
    const verifiable = accountStatuses.filter((s) => availableDecisions(s, 'registrar').verify);
    expect(verifiable).toEqual(['pending_activation', 'active']);
  });

  it('offers a new activation link only before activation', () => {
    expect(accountStatuses.filter((s) => availableDecisions(s, 'admin').resendActivation)).toEqual(['pending_activation']);
  });

  it('offers blocking to any account not blocked yet, and unblocking to an admin only', () => {
    expect(accountStatuses.filter((s) => availableDecisions(s, 'registrar').block)).toEqual(['pending_activation', 'active', 'verified']);
    expect(availableDecisions('blocked', 'registrar')).toMatchObject({ block: false, unblock: false });
    expect(availableDecisions('blocked', 'admin')).toMatchObject({ block: false, unblock: true });
    expect(availableDecisions('verified', 'admin').unblock).toBe(false);
  });
});
