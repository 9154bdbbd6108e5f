import { describe, expect, it } from 'vitest';
import { homePath } from './guards';

describe('homePath', () => {
  it('lands the company’s lead on the dashboard and everyone else on My week', () => {
    expect(homePath({ memberships: [{ isLead: true, isCompany: true }] })).toBe('/dashboard');
    // A member of the company who leads a team: their own key results first.
    expect(homePath({ memberships: [{ isLead: false, isCompany: true }, { isLead: true, isCompany: false }] })).toBe('/my-week');
    expect(homePath({ memberships: [] })).toBe('/my-week');
    expect(homePath(null)).toBe('/my-week');
  });
});
