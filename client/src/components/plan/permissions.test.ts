import { describe, expect, it } from 'vitest';
import type { Member } from '../../auth/session';
import { canDecide, canDraftIn, canEditObjective } from './permissions';

const company = { id: 'acme', name: 'Acme' };
const pm = { id: 'pm', name: 'Product Management', ancestors: [company] };
const eng = { id: 'eng', name: 'Product Engineering', ancestors: [pm, company] };
const sales = { id: 'sales', name: 'Global Sales', ancestors: [company] };

const person = (memberships: Member['memberships'], isAdmin = false): Member => ({
  personId: 'me',
  displayName: 'Me',
  email: 'me@acme.test',
  isAdmin,
  organizationId: 'org',
  organizationName: 'Acme',
  memberships,
});
const lee = person([
  { unitId: 'acme', unitName: 'Acme', isLead: false },
  { unitId: 'pm', unitName: 'Product Management', isLead: true },
]);
const morgan = person([{ unitId: 'eng', unitName: 'Product Engineering', isLead: false }]);
const avery = person([], true);

describe('who may plan', () => {
  it('lets members, leads over the unit and admins draft; others are told why', () => {
    expect(canDraftIn(morgan, eng, 'ACTIVE').allowed).toBe(true);
    expect(canDraftIn(lee, eng, 'ACTIVE').allowed).toBe(true);
    expect(canDraftIn(avery, sales, 'ACTIVE').allowed).toBe(true);
    const refused = canDraftIn(morgan, sales, 'ACTIVE');
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toMatch(/Only members of Global Sales/);
  });

  it('makes a closed period read-only for everyone', () => {
    expect(canDraftIn(avery, pm, 'CLOSED')).toEqual({ allowed: false, reason: expect.stringMatching(/period is closed/) });
    expect(canEditObjective(lee, pm, { state: 'ACTIVE', ownerId: 'me' }, 'CLOSED').allowed).toBe(false);
  });

  it('lets a member edit a draft of their unit, not once it is active unless they own it', () => {
    expect(canEditObjective(morgan, eng, { state: 'DRAFT', ownerId: null }, 'ACTIVE').allowed).toBe(true);
    const active = canEditObjective(morgan, eng, { state: 'ACTIVE', ownerId: 'someone' }, 'ACTIVE');
    expect(active.allowed).toBe(false);
    expect(active.reason).toMatch(/Once active/);
    expect(canEditObjective(morgan, eng, { state: 'ACTIVE', ownerId: 'me' }, 'ACTIVE').allowed).toBe(true);
    expect(canEditObjective(lee, eng, { state: 'ACTIVE', ownerId: null }, 'ACTIVE').allowed).toBe(true);
    expect(canEditObjective(lee, pm, { state: 'CANCELLED', ownerId: null }, 'ACTIVE').reason).toMatch(/cancelled/);
  });

  it('lets leads over the unit and admins activate; a member cannot, even as owner', () => {
    expect(canDecide(morgan, eng, { state: 'DRAFT', ownerId: null }, 'ACTIVE').allowed).toBe(false);
    expect(canDecide(morgan, eng, { state: 'DRAFT', ownerId: 'me' }, 'ACTIVE').allowed).toBe(false); // owning a draft does not make one its decider
    expect(canDecide(lee, eng, { state: 'DRAFT', ownerId: null }, 'ACTIVE').allowed).toBe(true);
    expect(canDecide(avery, sales, { state: 'DRAFT', ownerId: null }, 'PLANNING').allowed).toBe(true);
  });
});
