import { describe, expect, it } from 'vitest';
import type { PlanTreeUnitFragment } from '../../graphql/generated';
import { flattenTree, withMemberships, type Person } from './orgTree';

const unit = (id: string, name: string, parent: string | null, members: PlanTreeUnitFragment['members'] = []): PlanTreeUnitFragment => ({
  id,
  version: 1,
  name,
  kind: parent ? 'TEAM' : 'COMPANY',
  parent: parent ? { id: parent } : null,
  members,
});

describe('flattenTree', () => {
  it('orders the company’s descendants depth first, children by name, at any depth', () => {
    const root = unit('acme', 'Acme', null);
    // Breadth first, as the server lists them.
    const descendants = [unit('b', 'Beta', 'acme'), unit('a', 'Alpha', 'acme'), unit('a2', 'Alpha two', 'a'), unit('a1', 'Alpha one', 'a')];
    for (let i = 1; i <= 8; i++) descendants.push(unit(`d${i}`, `Deep ${i}`, i === 1 ? 'a1' : `d${i - 1}`));
    const units = flattenTree(root, descendants);
    expect(units.map((u) => `${u.depth}:${u.name}`)).toEqual([
      '0:Acme',
      '1:Alpha',
      '2:Alpha one',
      '3:Deep 1',
      '4:Deep 2',
      '5:Deep 3',
      '6:Deep 4',
      '7:Deep 5',
      '8:Deep 6',
      '9:Deep 7',
      '10:Deep 8',
      '2:Alpha two',
      '1:Beta',
    ]);
    expect(units.find((u) => u.id === 'd8')?.parentId).toBe('d7');
    expect(units[0]!.parentId).toBeNull();
  });

  it('lists leads first, then members by name', () => {
    const root = unit('acme', 'Acme', null, [
      { role: 'MEMBER', person: { id: 'z', displayName: 'Zoe', isActive: true } },
      { role: 'MEMBER', person: { id: 'b', displayName: 'Ben', isActive: true } },
      { role: 'LEAD', person: { id: 'y', displayName: 'Yan', isActive: true } },
    ]);
    expect(flattenTree(root, [])[0]!.members.map((m) => m.person.displayName)).toEqual(['Yan', 'Ben', 'Zoe']);
  });
});

describe('withMemberships', () => {
  it('gives everyone their units, and people in no unit an empty list', () => {
    const person = (id: string, displayName: string): Person => ({ id, version: 1, displayName, email: `${id}@x.test`, role: 'MEMBER', isActive: true });
    const units = flattenTree(unit('acme', 'Acme', null, [{ role: 'LEAD', person: { id: 'lee', displayName: 'Lee', isActive: true } }]), [
      unit('pm', 'Product', 'acme', [{ role: 'MEMBER', person: { id: 'lee', displayName: 'Lee', isActive: true } }]),
    ]);
    const people = withMemberships([person('nova', 'Nova'), person('lee', 'Lee')], units);
    expect(people.map((p) => [p.displayName, p.memberships.map((m) => `${m.unitName}/${m.role}`)])).toEqual([
      ['Lee', ['Acme/LEAD', 'Product/MEMBER']],
      ['Nova', []],
    ]);
  });
});
