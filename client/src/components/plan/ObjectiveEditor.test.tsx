import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanObjectiveFragment } from '../../graphql/generated';
import { ObjectiveEditor } from './ObjectiveEditor';
import { fill, problem, renderWithMantine } from './testing';

const { createObjective, updateObjective } = vi.hoisted(() => ({ createObjective: vi.fn(), updateObjective: vi.fn() }));
vi.mock('../../api/rest', () => ({ api: { objectives: { createObjective, updateObjective } } }));

const people = [
  { id: 'p-lee', displayName: 'Lee Lead', inUnit: true },
  { id: 'p-nina', displayName: 'Nina Kowalski', inUnit: true },
  { id: 'p-dev', displayName: 'Dev Malhotra' },
];
const focusAreas = [{ id: 'f-cmo', title: 'Win the CMO' }];

function renderEditor(objective?: PlanObjectiveFragment) {
  const onSaved = vi.fn();
  renderWithMantine(
    <ObjectiveEditor
      unitId="u-pm"
      unitName="Product Management"
      periodId="q4"
      objective={objective}
      people={people}
      focusAreas={focusAreas}
      defaultOwnerId="p-lee"
      onSaved={onSaved}
      onCancel={() => {}}
    />,
  );
  return { onSaved };
}

beforeEach(() => {
  createObjective.mockReset();
  updateObjective.mockReset();
});

describe('ObjectiveEditor', { timeout: 20_000 }, () => {
  it('drafts an objective for the unit and period, with REST’s enums and without empty texts', async () => {
    const user = userEvent.setup({ delay: null });
    createObjective.mockResolvedValue({ id: 'o-new' });
    const { onSaved } = renderEditor();

    await fill(user, screen.getByRole('textbox', { name: /^Objective/ }), 'Win the flagship CMOs');
    await user.click(screen.getByText('Aspirational'));
    expect(screen.getByText(/A stretch: reaching about 70%/)).toBeInTheDocument();
    await user.click(screen.getByText('Restricted'));
    await fill(user, screen.getByRole('textbox', { name: 'What success looks like' }), 'They use it weekly.');
    await fill(user, screen.getByRole('textbox', { name: 'Risks' }), 'Budget freeze');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(createObjective).toHaveBeenCalledTimes(1));
    expect(createObjective.mock.calls[0]![0]).toEqual({
      title: 'Win the flagship CMOs',
      owningUnitId: 'u-pm',
      periodId: 'q4',
      type: 'ASPIRATIONAL',
      description: undefined,
      ownerId: 'p-lee',
      visibility: 'RESTRICTED',
      focusAreaId: undefined,
      successCriteria: 'They use it weekly.',
      targetAudience: undefined,
      risks: 'Budget freeze',
      dependencies: undefined,
      raci: [],
    });
    expect(onSaved).toHaveBeenCalledWith({ id: 'o-new' });
  });

  it('flags numbers in the title while typing', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /^Objective/ }), 'Win 3 flagship CMOs');
    expect(screen.getByTestId('coach-hints')).toHaveTextContent('The title carries numbers');
    await user.clear(screen.getByRole('textbox', { name: /^Objective/ }));
    await fill(user, screen.getByRole('textbox', { name: /^Objective/ }), 'Win the flagship CMOs');
    expect(screen.queryByTestId('coach-hints')).toBeNull();
  });

  it('refuses a second accountable person before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const objective = sample({
      raci: [
        { role: 'ACCOUNTABLE', person: { id: 'p-lee', displayName: 'Lee Lead' } },
        { role: 'ACCOUNTABLE', person: { id: 'p-nina', displayName: 'Nina Kowalski' } },
      ],
    });
    renderEditor(objective);
    await user.click(screen.getByRole('button', { name: 'Save objective' }));
    expect(await screen.findByText('RACI has one accountable person at most.')).toBeInTheDocument();
    expect(updateObjective).not.toHaveBeenCalled();
  });

  it('updates with If-Match, keeping RACI, owner and focus area', async () => {
    const user = userEvent.setup({ delay: null });
    updateObjective.mockResolvedValue({ id: 'o-1' });
    renderEditor(sample({}));
    await user.clear(screen.getByRole('textbox', { name: /^Objective/ }));
    await fill(user, screen.getByRole('textbox', { name: /^Objective/ }), 'Win the flagship CMOs');
    await user.click(screen.getByRole('button', { name: 'Save objective' }));
    await waitFor(() => expect(updateObjective).toHaveBeenCalledTimes(1));
    const [id, body, version] = updateObjective.mock.calls[0]!;
    expect(id).toBe('o-1');
    expect(version).toBe('"7"');
    expect(body).toEqual({
      title: 'Win the flagship CMOs',
      owningUnitId: 'u-pm',
      type: 'COMMITTED',
      description: 'Why now',
      ownerId: 'p-nina',
      visibility: 'PUBLIC',
      focusAreaId: 'f-cmo',
      successCriteria: undefined,
      targetAudience: 'CMOs',
      risks: undefined,
      dependencies: undefined,
      raci: [{ personId: 'p-dev', role: 'CONSULTED' }],
    });
  });

  it('shows a field error of a 400 on its field, and a refusal in words', async () => {
    const user = userEvent.setup({ delay: null });
    createObjective.mockRejectedValueOnce(
      problem(400, { title: 'The request has invalid fields.', code: 'VALIDATION', errors: { title: ['Give the objective a title.'] } }),
    );
    createObjective.mockRejectedValueOnce(problem(403, { title: 'You cannot draft objectives for this unit.', code: 'FORBIDDEN' }));
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /^Objective/ }), ' x');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Give the objective a title.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Objective/ })).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot draft objectives for this unit.');
  });
});

function sample(over: Partial<PlanObjectiveFragment>): PlanObjectiveFragment {
  return {
    id: 'o-1',
    version: 7,
    title: 'Win 3 flagship CMOs',
    description: 'Why now',
    type: 'COMMITTED',
    state: 'DRAFT',
    visibility: 'PUBLIC',
    successCriteria: null,
    targetAudience: 'CMOs',
    risks: null,
    dependencies: null,
    progress: 0,
    expectedProgress: 0.5,
    status: 'NOT_STARTED',
    owningUnit: { id: 'u-pm' },
    owner: { id: 'p-nina', displayName: 'Nina Kowalski' },
    focusArea: { id: 'f-cmo', title: 'Win the CMO' },
    raci: [{ role: 'CONSULTED', person: { id: 'p-dev', displayName: 'Dev Malhotra' } }],
    keyResults: [],
    parents: [],
    ...over,
  };
}
