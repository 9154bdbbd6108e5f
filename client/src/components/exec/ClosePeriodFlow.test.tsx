import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../api/rest';
import { ApiError } from '../../api/http';
import { renderWithApp } from './testing';
import { ClosePeriodFlow, buildCloseRequest, rollOverTargets, type CandidatePeriod } from './ClosePeriodFlow';
import { GradeCard, type PeriodObjective } from './GradeReview';

vi.mock('../../api/rest', () => ({
  api: {
    periods: { closePeriod: vi.fn() },
    objectives: { overrideObjectiveGrade: vi.fn(), writeRetrospective: vi.fn() },
  },
}));
const closePeriod = vi.mocked(api.periods.closePeriod);
const overrideGrade = vi.mocked(api.objectives.overrideObjectiveGrade);
const writeRetrospective = vi.mocked(api.objectives.writeRetrospective);

const kr = (id: string, progress: number, grade: number | null = null) => ({
  id,
  title: `Key result ${id}`,
  progress,
  status: 'ON_TRACK' as const,
  grade,
  computedGrade: grade,
  gradeOverride: null,
  gradeOverrideReason: null,
});
const objective = (id: string, state: PeriodObjective['state'], krs: ReturnType<typeof kr>[], extra: Partial<PeriodObjective> = {}): PeriodObjective => ({
  id,
  version: 3,
  title: `Objective ${id}`,
  state,
  type: 'COMMITTED',
  status: state === 'DRAFT' ? 'NOT_STARTED' : 'AT_RISK',
  progress: 0.5,
  expectedProgress: 1,
  grade: null,
  computedGrade: null,
  gradeOverride: null,
  gradeOverrideReason: null,
  owningUnit: { id: 'acme', name: 'Acme' },
  owner: { id: 'p1', displayName: 'Avery Admin' },
  retrospective: null,
  keyResults: krs,
  ...extra,
});

const period = { id: 'p1', version: 7, name: 'Q4 2026', start: '2026-10-01', state: 'REVIEW' as const };
const periods: CandidatePeriod[] = [
  { id: 'p1', name: 'Q4 2026', kind: 'QUARTER', state: 'REVIEW', start: '2026-10-01' },
  { id: 'fy27', name: 'FY2027', kind: 'YEAR', state: 'PLANNING', start: '2027-01-01' },
  { id: 'q1', name: 'Q1 2027', kind: 'QUARTER', state: 'PLANNING', start: '2027-01-01' },
  { id: 'q3', name: 'Q3 2026', kind: 'QUARTER', state: 'CLOSED', start: '2026-07-01' },
  { id: 'q2', name: 'Q2 2027', kind: 'QUARTER', state: 'CLOSED', start: '2027-04-01' },
];
const objectives = [
  objective('unfinished', 'ACTIVE', [kr('a', 0.4), kr('b', 1)]),
  objective('draft', 'DRAFT', [kr('c', 0)]),
  objective('done', 'ACTIVE', [kr('d', 1)]),
];

function renderFlow(onChanged = vi.fn(async () => undefined)) {
  renderWithApp(
    <ClosePeriodFlow
      period={period}
      periods={periods}
      objectives={objectives}
      thresholds={{ committedSuccessThreshold: 0.85, aspirationalSuccessThreshold: 0.7 }}
      canOverride={() => true}
      canWriteRetrospective={() => true}
      onChanged={onChanged}
      onFinish={() => {}}
    />,
  );
  return onChanged;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('buildCloseRequest', () => {
  it('names each objective to roll over and the period they go into', () => {
    expect(buildCloseRequest(['a', 'b'], 'q1')).toEqual({ rollOver: [{ objectiveId: 'a' }, { objectiveId: 'b' }], targetPeriodId: 'q1' });
  });
  it('sends no target when nothing rolls over', () => {
    expect(buildCloseRequest([], 'q1')).toEqual({ rollOver: [], targetPeriodId: undefined });
  });
});

describe('rollOverTargets', () => {
  it('offers later periods that are not closed, quarters before years', () => {
    expect(rollOverTargets(period, periods).map((p) => p.id)).toEqual(['q1', 'fy27']);
  });
});

describe('ClosePeriodFlow', () => {
  it('posts what rolls over and where, with the period’s version, then shows the grades', async () => {
    const user = userEvent.setup();
    closePeriod.mockResolvedValue({
      periodId: 'p1',
      version: 8,
      state: 'CLOSED',
      graded: [{ objectiveId: 'unfinished', title: 'Objective unfinished', grade: 0.7, keyResults: [] }],
      cancelledDrafts: ['draft'],
      rolledOver: [{ fromObjectiveId: 'unfinished', newObjectiveId: 'copy', carriedKeyResults: 1 }],
    });
    const onChanged = renderFlow();

    // Nothing is ticked at first; "select all unfinished" picks the objectives with unfinished key results.
    const rows = screen.getAllByRole('checkbox');
    expect(rows.every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Select all unfinished' }));
    expect(screen.getByRole('checkbox', { name: 'Roll over Objective unfinished' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Roll over Objective draft' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Roll over Objective done' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Roll over Objective draft' }));
    expect(screen.getByText('Draft: will be cancelled')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next: review and close' }));
    const summary = screen.getByText(/Closing Q4 2026 will:/).parentElement!;
    expect(summary).toHaveTextContent('grade and close 2 active objectives');
    expect(summary).toHaveTextContent('cancel 1 draft never activated');
    expect(summary).toHaveTextContent('roll over 1 objective into Q1 2027: “Objective unfinished”');
    await user.click(screen.getByRole('button', { name: 'Close Q4 2026 now' }));

    expect(closePeriod).toHaveBeenCalledWith('p1', { rollOver: [{ objectiveId: 'unfinished' }], targetPeriodId: 'q1' }, '"7"');
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Q4 2026 is closed');
    expect(done).toHaveTextContent('1 draft cancelled');
    expect(within(done).getByRole('link', { name: 'Objective unfinished' })).toHaveAttribute('href', '/objectives/copy');
    expect(onChanged).toHaveBeenCalled();
  });

  it('closes without a target when nothing rolls over', async () => {
    const user = userEvent.setup();
    closePeriod.mockResolvedValue({ periodId: 'p1', version: 8, state: 'CLOSED', graded: [], cancelledDrafts: [], rolledOver: [] });
    renderFlow();
    await user.click(screen.getByRole('button', { name: 'Next: review and close' }));
    expect(screen.getByText(/roll nothing over/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close Q4 2026 now' }));
    expect(closePeriod).toHaveBeenCalledWith('p1', { rollOver: [], targetPeriodId: undefined }, '"7"');
  });

  it('shows why the server refused to close, and stays on the step', async () => {
    const user = userEvent.setup();
    closePeriod.mockRejectedValue(new ApiError('A period in Active cannot move to Closed.', 422, 'period.invalid_transition'));
    renderFlow();
    await user.click(screen.getByRole('button', { name: 'Next: review and close' }));
    await user.click(screen.getByRole('button', { name: 'Close Q4 2026 now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The period was not closed');
    expect(alert).toHaveTextContent('A period in Active cannot move to Closed.');
    expect(screen.getByRole('button', { name: 'Close Q4 2026 now' })).toBeInTheDocument();
  });
});

describe('GradeCard', () => {
  const closed = objective('graded', 'CLOSED', [kr('a', 0.5, 0.5)], { grade: 0.5, computedGrade: 0.5, status: 'MISSED' });
  const renderCard = (o: PeriodObjective = closed) => {
    const onChanged = vi.fn(async () => undefined);
    renderWithApp(<GradeCard objective={o} thresholds={{ committedSuccessThreshold: 0.85, aspirationalSuccessThreshold: 0.7 }} canOverride canWriteRetrospective onChanged={onChanged} />);
    return onChanged;
  };

  it('overrides a grade only with a reason, sending the objective’s version', async () => {
    const user = userEvent.setup();
    overrideGrade.mockResolvedValue({} as never);
    const onChanged = renderCard();
    expect(screen.getByTestId('grade')).toHaveTextContent('0.50');
    expect(screen.getByText(/Committed, success at 0.85/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Override the grade' }));
    const grade = screen.getByLabelText('New grade');
    await user.clear(grade);
    await user.type(grade, '0.6');
    await user.click(screen.getByRole('button', { name: 'Save the grade' }));
    expect(await screen.findByText('Say why the computed grade does not tell the truth.')).toBeInTheDocument();
    expect(overrideGrade).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Reason'), 'Two renewals signed the day after.');
    await user.click(screen.getByRole('button', { name: 'Save the grade' }));
    expect(overrideGrade).toHaveBeenCalledWith('graded', { grade: 0.6, reason: 'Two renewals signed the day after.' }, '"3"');
    expect(onChanged).toHaveBeenCalled();
  });

  it('puts the server’s field errors on the form', async () => {
    const user = userEvent.setup();
    overrideGrade.mockRejectedValue(new ApiError('Validation failed', 400, 'VALIDATION', { Grade: ['The grade must lie between 0 and 1.'] }));
    renderCard();
    await user.click(screen.getByRole('button', { name: 'Override the grade' }));
    await user.type(screen.getByLabelText('Reason'), 'Because.');
    await user.click(screen.getByRole('button', { name: 'Save the grade' }));
    expect(await screen.findByText('The grade must lie between 0 and 1.')).toBeInTheDocument();
  });

  it('shows an override with its reason', () => {
    renderCard({ ...closed, grade: 0.6, gradeOverride: 0.6, gradeOverrideReason: 'A metric broke.' });
    expect(screen.getByText(/because: “A metric broke.”/)).toHaveTextContent('Computed 0.50, set to 0.60');
    expect(screen.getByRole('button', { name: 'Back to the computed grade' })).toBeInTheDocument();
  });

  it('writes the retrospective: what went well, what was learned, what to improve', async () => {
    const user = userEvent.setup();
    writeRetrospective.mockResolvedValue({} as never);
    renderCard();
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    expect(await screen.findByText('Write at least one of the three.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('What went well'), 'Reminders worked.');
    await user.type(screen.getByLabelText('What to improve'), 'Fix pricing first.');
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    expect(writeRetrospective).toHaveBeenCalledWith('graded', { wentWell: 'Reminders worked.', learned: undefined, improve: 'Fix pricing first.' }, '"3"');
  });
});
