import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { buildTimeline, classifyCheckpoint } from './checkpoints';
import { CheckpointTimeline } from './CheckpointTimeline';

const today = '2026-11-22';
const cp = (id: string, date: string, done = false) => ({ id, name: id, date, done });

describe('classifyCheckpoint', () => {
  it.each([
    ['done in the past', cp('a', '2026-11-01', true), 'done'],
    ['done ahead of its date', cp('b', '2026-12-31', true), 'done'],
    ['past and not done', cp('c', '2026-11-21'), 'overdue'],
    ['due today', cp('d', today), 'due-today'],
    ['ahead', cp('e', '2026-11-23'), 'upcoming'],
  ])('%s', (_, checkpoint, expected) => {
    expect(classifyCheckpoint(checkpoint, today)).toBe(expected);
  });
});

describe('buildTimeline', () => {
  const period = { start: '2026-10-01', end: '2026-12-31' };
  it('widens the line to checkpoints outside the period and places each by date', () => {
    const t = buildTimeline(period, [cp('retro', '2027-01-05'), cp('published', '2026-09-17', true), cp('mid', '2026-11-15')], today);
    expect(t.from).toBe('2026-09-17');
    expect(t.to).toBe('2027-01-05');
    expect(t.items.map((i) => [i.checkpoint.id, i.state])).toEqual([
      ['published', 'done'],
      ['mid', 'overdue'],
      ['retro', 'upcoming'],
    ]);
    expect(t.items[0]!.offset).toBe(0);
    expect(t.items[2]!.offset).toBe(100);
    expect(t.periodStart).toBeGreaterThan(0);
    expect(t.today).toBeGreaterThan(t.items[1]!.offset);
    expect(t.today).toBeLessThan(100);
  });

  it('has no today marker when today is outside the line', () => {
    expect(buildTimeline({ start: '2028-01-01', end: '2028-03-31' }, [], today).today).toBeNull();
  });
});

describe('CheckpointTimeline', () => {
  it('draws each checkpoint as done, overdue or upcoming, and today', () => {
    render(
      <MantineProvider>
        <CheckpointTimeline
          period={{ start: '2026-10-01', end: '2026-12-31' }}
          checkpoints={[cp('Alignment review', '2026-10-01', true), cp('Mid-quarter review', '2026-11-15'), cp('Grading due', '2026-12-31')]}
          today={today}
        />
      </MantineProvider>,
    );
    const dots = screen.getAllByTestId('timeline-dot');
    expect(dots.map((d) => d.dataset.state)).toEqual(['done', 'overdue', 'upcoming']);
    expect(screen.getByLabelText('Mid-quarter review, 15 Nov 2026, overdue')).toBeInTheDocument();
    expect(screen.getByTestId('today-marker')).toBeInTheDocument();
  });
});
