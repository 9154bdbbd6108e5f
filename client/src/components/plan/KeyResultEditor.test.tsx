import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanKeyResultFragment } from '../../graphql/generated';
import { KeyResultEditor } from './KeyResultEditor';
import { fill, problem, renderWithMantine } from './testing';

const { createKeyResult, updateKeyResult } = vi.hoisted(() => ({ createKeyResult: vi.fn(), updateKeyResult: vi.fn() }));
vi.mock('../../api/rest', () => ({ api: { keyResults: { createKeyResult, updateKeyResult } } }));

const people = [
  { id: 'p-lee', displayName: 'Lee Lead', inUnit: true },
  { id: 'p-nina', displayName: 'Nina Kowalski', inUnit: true },
];

function renderEditor(props: Partial<Parameters<typeof KeyResultEditor>[0]> = {}) {
  const onSaved = vi.fn();
  renderWithMantine(
    <KeyResultEditor objectiveId="o-1" people={people} defaultOwnerId="p-lee" onSaved={onSaved} onCancel={() => {}} {...props} />,
  );
  return { onSaved };
}

beforeEach(() => {
  createKeyResult.mockReset();
  updateKeyResult.mockReset();
});

describe('KeyResultEditor', { timeout: 20_000 }, () => {
  it('has no baseline or target for a milestone, and sends none', async () => {
    const user = userEvent.setup({ delay: null });
    createKeyResult.mockResolvedValue({ id: 'kr-1' });
    const { onSaved } = renderEditor();
    expect(screen.getByRole('textbox', { name: 'Baseline' })).toBeInTheDocument();

    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'CMO dashboard in every Tier 1 account');
    await user.click(screen.getByText('Milestone'));

    expect(screen.queryByRole('textbox', { name: 'Baseline' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /Target/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Direction' })).toBeNull();
    expect(screen.getByTestId('measure-sentence')).toHaveTextContent('From not done to done');

    await user.click(screen.getByRole('button', { name: 'Add key result' }));
    await waitFor(() => expect(createKeyResult).toHaveBeenCalledTimes(1));
    const body = createKeyResult.mock.calls[0]![0];
    expect(body).toMatchObject({ objectiveId: 'o-1', metricKind: 'MILESTONE', direction: 'INCREASE', ownerId: 'p-lee', weight: 1, isFinancial: false });
    expect(body.baseline).toBeUndefined();
    expect(body.target).toBeUndefined();
    expect(body.currencyCode).toBeUndefined();
    expect(onSaved).toHaveBeenCalledWith({ id: 'kr-1' });
  });

  it('asks money for a currency code, upper-cased, and says the measure in words', async () => {
    const user = userEvent.setup({ delay: null });
    createKeyResult.mockResolvedValue({ id: 'kr-2' });
    renderEditor();
    expect(screen.queryByRole('textbox', { name: /Currency code/ })).toBeNull();

    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Expansion revenue from Tier 1 accounts');
    await user.click(screen.getByText('Money'));
    await fill(user, screen.getByRole('textbox', { name: /Currency code/ }), 'eur');
    await fill(user, screen.getByRole('textbox', { name: 'Baseline' }), '1000');
    await fill(user, screen.getByRole('textbox', { name: /Target/ }), '5000');
    await user.click(screen.getByRole('switch', { name: /Financial/ }));
    expect(screen.getByRole('textbox', { name: /Currency code/ })).toHaveValue('EUR');
    expect(screen.getByTestId('measure-sentence')).toHaveTextContent('Increase from €1,000 to €5,000');

    await user.click(screen.getByRole('button', { name: 'Add key result' }));
    await waitFor(() => expect(createKeyResult).toHaveBeenCalledTimes(1));
    expect(createKeyResult.mock.calls[0]![0]).toEqual({
      objectiveId: 'o-1',
      title: 'Expansion revenue from Tier 1 accounts',
      description: undefined,
      owningUnitId: undefined,
      ownerId: 'p-lee',
      metricKind: 'CURRENCY',
      direction: 'INCREASE',
      baseline: 1000,
      baselineMeasuredAt: undefined,
      baselineMethod: undefined,
      target: 5000,
      currencyCode: 'EUR',
      unitLabel: undefined,
      weight: 1,
      isFinancial: true,
    });
  });

  it('does not send a currency without a three-letter code', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Revenue');
    await user.click(screen.getByText('Money'));
    await fill(user, screen.getByRole('textbox', { name: 'Baseline' }), '1');
    await fill(user, screen.getByRole('textbox', { name: /Target/ }), '2');
    await user.click(screen.getByRole('button', { name: 'Add key result' }));
    expect(await screen.findByText('A three-letter ISO 4217 code, such as USD or EUR.')).toBeInTheDocument();
    expect(createKeyResult).not.toHaveBeenCalled();
  });

  it('puts the field errors of a 400 on their fields', async () => {
    const user = userEvent.setup({ delay: null });
    createKeyResult.mockRejectedValueOnce(
      problem(400, {
        title: 'The request has invalid fields.',
        code: 'VALIDATION',
        errors: { title: ['The title is too long.'], weight: ['Weight must be between 0 and 100.'] },
      }),
    );
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Tier 1 CMOs active weekly');
    await fill(user, screen.getByRole('textbox', { name: 'Baseline' }), '20');
    await fill(user, screen.getByRole('textbox', { name: /Target/ }), '60');
    await user.click(screen.getByRole('button', { name: 'Add key result' }));

    expect(await screen.findByText('The title is too long.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Key result/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: /Weight/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Weight must be between 0 and 100.')).toBeInTheDocument();
  });

  it('puts a refused measure (422) on the target', async () => {
    const user = userEvent.setup({ delay: null });
    createKeyResult.mockRejectedValueOnce(
      problem(422, { title: 'A milestone’s baseline is 0 (not done) and its target 1 (done).', code: 'key_result.metric_direction_mismatch' }),
    );
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Tier 1 CMOs active weekly');
    await fill(user, screen.getByRole('textbox', { name: /Target/ }), '60');
    await user.click(screen.getByRole('button', { name: 'Add key result' }));
    expect(await screen.findByText('A milestone’s baseline is 0 (not done) and its target 1 (done).')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Target/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the coach’s hints while typing', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Launch the CMO onboarding');
    expect(screen.getByTestId('coach-hints')).toHaveTextContent('reads as an activity');
  });

  it('asks for a target only once the person has been to the field', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    await fill(user, screen.getByRole('textbox', { name: /Key result/ }), 'Weekly active Tier 1 customers');
    expect(screen.queryByText(/Set a target/)).toBeNull();

    await user.click(screen.getByRole('textbox', { name: /Target/ }));
    await user.tab();
    expect(await screen.findByText(/Set a target/)).toBeInTheDocument();
  });

  it('updates with the version it read (If-Match) and keeps the owning unit', async () => {
    const user = userEvent.setup({ delay: null });
    updateKeyResult.mockResolvedValue({ id: 'kr-9' });
    const keyResult = {
      id: 'kr-9',
      version: 4,
      title: 'Weekly active CMOs',
      description: null,
      owner: { id: 'p-nina', displayName: 'Nina Kowalski' },
      owningUnit: { id: 'u-eng', name: 'Product Engineering' },
      metricKind: 'NUMBER',
      direction: 'DECREASE',
      currencyCode: null,
      unitLabel: 'tickets',
      baseline: 378,
      baselineMeasuredAt: '2026-09-30',
      baselineMethod: 'Zendesk',
      target: 250,
      currentValue: null,
      weight: 2,
      isFinancial: false,
      sortOrder: 0,
      progress: 0,
      expectedProgress: 0.5,
      status: 'NOT_STARTED',
      latestConfidence: null,
    } satisfies PlanKeyResultFragment;
    renderEditor({ keyResult });
    expect(screen.getByTestId('measure-sentence')).toHaveTextContent('Decrease from 378 tickets to 250 tickets');
    await user.click(screen.getByRole('button', { name: 'Save key result' }));
    await waitFor(() => expect(updateKeyResult).toHaveBeenCalledTimes(1));
    const [id, body, version] = updateKeyResult.mock.calls[0]!;
    expect(id).toBe('kr-9');
    expect(version).toBe('"4"');
    expect(body).toMatchObject({
      owningUnitId: 'u-eng',
      ownerId: 'p-nina',
      direction: 'DECREASE',
      baseline: 378,
      target: 250,
      unitLabel: 'tickets',
      baselineMeasuredAt: '2026-09-30',
      weight: 2,
    });
  });
});
