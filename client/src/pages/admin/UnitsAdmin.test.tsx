import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { fill, problem } from '../../components/plan/testing';
import type { PlanTreeUnitFragment } from '../../graphql/generated';
import { PlanOrgTreeDocument } from '../../graphql/documents/PlanOrgTree';
import { PlanPeopleDocument } from '../../graphql/documents/PlanPeople';
import { UnitsAdmin, defaultChildKind } from './UnitsAdmin';

// Mantine's combobox scrolls the selected option into view, which jsdom cannot.
Element.prototype.scrollIntoView ??= () => {};

const graphqlMock = vi.fn();
const { orgUnits } = vi.hoisted(() => ({
  orgUnits: {
    updateOrgUnit: vi.fn(),
    addUnitMember: vi.fn(),
    removeUnitMember: vi.fn(),
    changeUnitMemberRole: vi.fn(),
    moveOrgUnit: vi.fn(),
    deleteOrgUnit: vi.fn(),
    createOrgUnit: vi.fn(),
  },
}));
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({ api: { orgUnits } }));

type Member = PlanTreeUnitFragment['members'][number];
const lee: Member = { role: 'LEAD', person: { id: 'p-lee', displayName: 'Lee Lead', isActive: true } };
const unit = (id: string, name: string, parent: string | null, extra: Partial<PlanTreeUnitFragment> = {}): PlanTreeUnitFragment => ({
  id,
  version: 1,
  name,
  kind: parent ? 'TEAM' : 'COMPANY',
  parent: parent ? { id: parent } : null,
  members: [],
  ...extra,
});

// Seven levels below the company, listed breadth first as the server does, siblings out of order.
let descendants: PlanTreeUnitFragment[] = [];
beforeEach(() => {
  descendants = [
    unit('sales', 'Sales', 'acme', { kind: 'DEPARTMENT' }),
    unit('pm', 'Product Management', 'acme', { kind: 'DEPARTMENT', version: 6, members: [lee] }),
    unit('l2', 'Level 2', 'pm'),
    unit('l3', 'Level 3', 'l2'),
    unit('l4', 'Level 4', 'l3'),
    unit('l5', 'Level 5', 'l4'),
    unit('l6', 'Level 6', 'l5'),
    unit('l7', 'Level 7', 'l6', { version: 9 }),
  ];
  graphqlMock.mockReset();
  graphqlMock.mockImplementation(async (document: unknown) => {
    if (document === PlanOrgTreeDocument)
      return { organization: { id: 'org', name: 'Acme', company: { ...unit('acme', 'Acme', null), descendants } } };
    if (document === PlanPeopleDocument)
      return {
        people: [
          { id: 'p-lee', version: 1, displayName: 'Lee Lead', email: 'lee@acme.test', role: 'MEMBER', isActive: true },
          { id: 'p-nova', version: 1, displayName: 'Nova Newcomer', email: 'nova@acme.test', role: 'MEMBER', isActive: true },
        ],
      };
    throw new Error('unexpected document');
  });
  Object.values(orgUnits).forEach((f) => f.mockReset());
});

const tree = () => screen.getByRole('navigation', { name: 'Units tree' });
const pick = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
  await user.click(within(tree()).getByRole('button', { name: new RegExp(`^${name}`) }));
  await screen.findByRole('heading', { name, level: 2 });
};

describe('UnitsAdmin', { timeout: 20_000 }, () => {
  it('shows the whole tree however deep, depth first with children by name, from the company’s descendants', async () => {
    renderWithApp(<UnitsAdmin />);
    await within(await screen.findByRole('navigation', { name: 'Units tree' })).findByRole('button', { name: /^Level 7/ });
    expect(graphqlMock).toHaveBeenCalledWith(PlanOrgTreeDocument);
    const names = within(tree())
      .getAllByRole('button')
      .map((b) => b.querySelector('.mantine-NavLink-label')?.textContent);
    expect(names).toEqual(['Acme', 'Product Management', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Level 6', 'Level 7', 'Sales']);
    expect(within(tree()).getByRole('button', { name: /^Level 7/ })).toHaveStyle({ paddingLeft: `${12 + 7 * 20}px` });
    expect(screen.getByText('Units (9)')).toBeInTheDocument();
    expect(screen.queryByText(/more units below|deeper than this view/)).toBeNull();
  });

  it('renames the deepest unit with its version in If-Match', async () => {
    const user = userEvent.setup({ delay: null });
    orgUnits.updateOrgUnit.mockResolvedValue({});
    renderWithApp(<UnitsAdmin />);
    await within(await screen.findByRole('navigation', { name: 'Units tree' })).findByRole('button', { name: /^Level 7/ });
    await pick(user, 'Level 7');

    const form = screen.getByRole('form', { name: 'Rename Level 7' });
    await fill(user, within(form).getByRole('textbox', { name: 'Name' }), 'Growth team');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(orgUnits.updateOrgUnit).toHaveBeenCalledWith('l7', { name: 'Growth team', kind: 'TEAM' }, '"9"'));
  });

  it('adds anyone in the organisation — someone in no unit too — with the unit’s version', async () => {
    const user = userEvent.setup({ delay: null });
    orgUnits.addUnitMember.mockResolvedValue({});
    renderWithApp(<UnitsAdmin />);
    await within(await screen.findByRole('navigation', { name: 'Units tree' })).findByRole('button', { name: /^Product Management/ });
    await pick(user, 'Product Management');

    const input = screen.getByLabelText('Add a person', { selector: 'input' });
    await user.click(input);
    const listbox = await screen.findByRole('listbox', { hidden: true, name: 'Add a person' });
    // Lee already belongs to Product Management: only Nova is offered.
    expect(within(listbox).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Nova Newcomer']);
    await user.click(within(listbox).getByRole('option', { name: 'Nova Newcomer', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(orgUnits.addUnitMember).toHaveBeenCalledWith('pm', { personId: 'p-nova', role: 'MEMBER' }, '"6"'));
  });

  it('when the unit changed meanwhile, says so and reads it again so the next try sends the current version', async () => {
    const user = userEvent.setup({ delay: null });
    orgUnits.removeUnitMember.mockImplementationOnce(async () => {
      descendants = descendants.map((u) => (u.id === 'pm' ? { ...u, version: 7 } : u));
      throw problem(412, { title: 'This OrgUnit changed since you read it (you have version 6, the current one is 7). Reload it and try again.' });
    });
    orgUnits.removeUnitMember.mockResolvedValueOnce({});
    renderWithApp(<UnitsAdmin />);
    await within(await screen.findByRole('navigation', { name: 'Units tree' })).findByRole('button', { name: /^Product Management/ });
    await pick(user, 'Product Management');

    await user.click(screen.getByRole('button', { name: 'Remove Lee Lead from Product Management' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This OrgUnit changed since you read it');
    expect(alert).toHaveTextContent('What you see now is the current version');
    expect(orgUnits.removeUnitMember).toHaveBeenLastCalledWith('pm', 'p-lee', '"6"');

    await user.click(screen.getByRole('button', { name: 'Remove Lee Lead from Product Management' }));
    await waitFor(() => expect(orgUnits.removeUnitMember).toHaveBeenLastCalledWith('pm', 'p-lee', '"7"'));
  });
  it('adds Marketing, Product and Engineering in a row side by side below the company, as divisions, and opens one on request', async () => {
    const user = userEvent.setup({ delay: null });
    let n = 0;
    orgUnits.createOrgUnit.mockImplementation(async (body: { name: string; parentId: string }) => {
      const id = `new-${++n}`;
      descendants = [...descendants, unit(id, body.name, body.parentId, { kind: 'DIVISION' })];
      return { id };
    });
    renderWithApp(<UnitsAdmin />);
    await within(await screen.findByRole('navigation', { name: 'Units tree' })).findByRole('button', { name: /^Acme/ });
    await pick(user, 'Acme');

    const form = screen.getByRole('form', { name: 'Add a unit below Acme' });
    expect(within(form).getByLabelText('Kind', { selector: 'input' })).toHaveValue('Division');
    for (const name of ['Marketing', 'Product', 'Engineering']) {
      const input = within(form).getByRole('textbox', { name: 'Name' });
      await fill(user, input, name);
      await user.click(within(form).getByRole('button', { name: 'Add unit' }));
      await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue(''));
      // The company stays selected and the name field is ready for the next one.
      expect(screen.getByRole('heading', { level: 2, name: 'Acme' })).toBeInTheDocument();
      expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    }
    expect(orgUnits.createOrgUnit.mock.calls.map(([body]) => body)).toEqual([
      { parentId: 'acme', name: 'Marketing', kind: 'DIVISION' },
      { parentId: 'acme', name: 'Product', kind: 'DIVISION' },
      { parentId: 'acme', name: 'Engineering', kind: 'DIVISION' },
    ]);
    expect(within(form).getByRole('status')).toHaveTextContent('Added below Acme: Marketing, Product, Engineering. Type the next name to add another.');
    // Each one added is in the tree, beside the others, and can be opened from the message.
    expect(within(tree()).getByRole('button', { name: /^Engineering/ })).toHaveStyle({ paddingLeft: '32px' });
    await user.click(within(form).getByRole('button', { name: 'Product' }));
    await screen.findByRole('heading', { level: 2, name: 'Product' });
  });

  it('proposes the level below the selected unit as the new unit’s kind', () => {
    expect(defaultChildKind('COMPANY')).toBe('DIVISION');
    expect(defaultChildKind('DIVISION')).toBe('DEPARTMENT');
    expect(defaultChildKind('DEPARTMENT')).toBe('TEAM');
    expect(defaultChildKind('TEAM')).toBe('TEAM');
  });
});
