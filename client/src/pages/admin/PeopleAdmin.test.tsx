import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { problem } from '../../components/plan/testing';
import type { PlanPeopleQuery, PlanTreeUnitFragment } from '../../graphql/generated';
import { PlanOrgTreeDocument } from '../../graphql/documents/PlanOrgTree';
import { PlanPeopleDocument } from '../../graphql/documents/PlanPeople';
import { PeopleAdmin } from './PeopleAdmin';

type Person = NonNullable<PlanPeopleQuery['people']>[number];

// Mantine's combobox scrolls the selected option into view, which jsdom cannot.
Element.prototype.scrollIntoView ??= () => {};

const graphqlMock = vi.fn();
const changePersonRole = vi.fn();
const deactivatePerson = vi.fn();
const reactivatePerson = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: {
    people: {
      changePersonRole: (...a: unknown[]) => changePersonRole(...a),
      deactivatePerson: (...a: unknown[]) => deactivatePerson(...a),
      reactivatePerson: (...a: unknown[]) => reactivatePerson(...a),
    },
  },
}));
vi.mock('../../auth/session', () => ({
  useMember: () => ({ personId: 'p-avery', isAdmin: true, organizationId: 'org', organizationName: 'Acme', memberships: [] }),
  useSession: () => ({ refresh: async () => {} }),
}));

const person = (id: string, displayName: string, extra: Partial<Person> = {}): Person => ({
  id,
  version: 1,
  displayName,
  email: `${displayName.split(' ')[0]!.toLowerCase()}@acme.test`,
  role: 'MEMBER',
  isActive: true,
  ...extra,
});
let people: Person[] = [];
const unit = (id: string, name: string, parent: string | null, members: PlanTreeUnitFragment['members']): PlanTreeUnitFragment => ({
  id,
  version: 1,
  name,
  kind: parent ? 'DEPARTMENT' : 'COMPANY',
  parent: parent ? { id: parent } : null,
  members,
});
const tree = {
  organization: {
    id: 'org',
    name: 'Acme',
    company: {
      ...unit('acme', 'Acme', null, [{ role: 'LEAD', person: { id: 'p-avery', displayName: 'Avery Admin', isActive: true } }]),
      descendants: [unit('pm', 'Product Management', 'acme', [{ role: 'LEAD', person: { id: 'p-lee', displayName: 'Lee Lead', isActive: true } }])],
    },
  },
};

beforeEach(() => {
  people = [
    person('p-avery', 'Avery Admin', { role: 'ADMIN' }),
    person('p-lee', 'Lee Lead', { version: 3 }),
    person('p-nova', 'Nova Newcomer'),
    person('p-old', 'Olga Former', { isActive: false, version: 7 }),
  ];
  graphqlMock.mockReset();
  graphqlMock.mockImplementation(async (document: unknown, variables?: { includeInactive?: boolean }) => {
    if (document === PlanPeopleDocument) return { people: variables?.includeInactive ? people : people.filter((p) => p.isActive) };
    if (document === PlanOrgTreeDocument) return tree;
    throw new Error('unexpected document');
  });
  changePersonRole.mockReset();
  deactivatePerson.mockReset();
  reactivatePerson.mockReset();
});

const row = (name: string) => screen.getByRole('listitem', { name });

describe('PeopleAdmin', { timeout: 20_000 }, () => {
  it('lists everyone in the organisation — deactivated people and people in no unit too — with their units', async () => {
    renderWithApp(<PeopleAdmin />);
    await screen.findByText('Nova Newcomer');
    expect(graphqlMock).toHaveBeenCalledWith(PlanPeopleDocument, { includeInactive: true });
    expect(screen.getAllByTestId('person-row').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Avery Admin',
      'Lee Lead',
      'Nova Newcomer',
      'Olga Former',
    ]);
    expect(within(row('Lee Lead')).getByText('Product Management (lead)')).toBeInTheDocument();
    expect(within(row('Nova Newcomer')).getByText(/No unit yet/)).toBeInTheDocument();
    expect(within(row('Olga Former')).getByText('Deactivated')).toBeInTheDocument();
    expect(within(row('Olga Former')).getByRole('button', { name: 'Reactivate Olga Former' })).toBeInTheDocument();
    expect(screen.getByText(/1 active admin\./)).toBeInTheDocument();
    expect(screen.queryByText(/this browser/i)).toBeNull();
  });

  it('finds people by name or email', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<PeopleAdmin />);
    await screen.findByText('Nova Newcomer');
    await user.type(screen.getByRole('textbox', { name: 'Search people' }), 'olga@');
    expect(screen.getAllByTestId('person-row').map((r) => r.getAttribute('aria-label'))).toEqual(['Olga Former']);
  });

  it('changes a role and reactivates with the person’s version in If-Match', async () => {
    const user = userEvent.setup({ delay: null });
    changePersonRole.mockResolvedValue({});
    reactivatePerson.mockResolvedValue({});
    renderWithApp(<PeopleAdmin />);
    await screen.findByText('Nova Newcomer');

    await user.click(screen.getByLabelText('Organisation role of Lee Lead', { selector: 'input' }));
    await user.click(within(await screen.findByRole('listbox', { name: 'Organisation role of Lee Lead', hidden: true })).getByRole('option', { name: 'Admin', hidden: true }));
    await waitFor(() => expect(changePersonRole).toHaveBeenCalledWith('p-lee', { role: 'ADMIN' }, '"3"'));

    await user.click(screen.getByRole('button', { name: 'Reactivate Olga Former' }));
    await waitFor(() => expect(reactivatePerson).toHaveBeenCalledWith('p-old', '"7"'));
  });

  it('deactivates after asking; when the person changed meanwhile, says so and shows them as they are now', async () => {
    const user = userEvent.setup({ delay: null });
    deactivatePerson.mockImplementation(async () => {
      people = people.map((p) => (p.id === 'p-nova' ? { ...p, role: 'ADMIN', version: 2 } : p));
      throw problem(412, { title: 'This Person changed since you read it (you have version 1, the current one is 2). Reload it and try again.' });
    });
    renderWithApp(<PeopleAdmin />);
    await screen.findByText('Nova Newcomer');

    await user.click(screen.getByRole('button', { name: 'Deactivate Nova Newcomer' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    expect(deactivatePerson).toHaveBeenCalledWith('p-nova', '"1"');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nova Newcomer: This Person changed since you read it');
    expect(alert).toHaveTextContent('What you see now is the current version');
    await waitFor(() => expect(screen.getByLabelText('Organisation role of Nova Newcomer', { selector: 'input' })).toHaveValue('Admin'));
  });
});
