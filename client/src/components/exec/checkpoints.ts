/** The roadmap of a cycle: which checkpoints are done, overdue or upcoming, and where they sit on a timeline. */

export interface CheckpointLike {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  done: boolean;
}

export type CheckpointState = 'done' | 'overdue' | 'due-today' | 'upcoming';

/** Done wins; a date before today not done is overdue; today's is due today; the rest are upcoming. */
export function classifyCheckpoint(checkpoint: Pick<CheckpointLike, 'date' | 'done'>, today: string): CheckpointState {
  if (checkpoint.done) return 'done';
  if (checkpoint.date < today) return 'overdue';
  if (checkpoint.date === today) return 'due-today';
  return 'upcoming';
}

export const checkpointStateLabel: Record<CheckpointState, string> = {
  done: 'Done',
  overdue: 'Overdue',
  'due-today': 'Due today',
  upcoming: 'Upcoming',
};

export const checkpointStateColor: Record<CheckpointState, string> = {
  done: 'teal',
  overdue: 'red',
  'due-today': 'orange',
  upcoming: 'gray',
};

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

export interface TimelineItem<T extends CheckpointLike> {
  checkpoint: T;
  state: CheckpointState;
  /** 0 to 100: where it sits along the timeline. */
  offset: number;
}

export interface Timeline<T extends CheckpointLike> {
  /** The first and last day shown: the period, widened to include every checkpoint (published before, retro after). */
  from: string;
  to: string;
  items: TimelineItem<T>[];
  /** Where the period's own start and end and today sit, 0 to 100; today is null when it is outside the timeline. */
  periodStart: number;
  periodEnd: number;
  today: number | null;
}

/** Lays a period's checkpoints along a line from the earliest to the latest day involved, sorted by date. */
export function buildTimeline<T extends CheckpointLike>(period: { start: string; end: string }, checkpoints: readonly T[], today: string): Timeline<T> {
  const days = [period.start, period.end, ...checkpoints.map((c) => c.date)].map(dayNumber);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.max(1, last - first);
  const at = (iso: string) => ((dayNumber(iso) - first) / span) * 100;
  const todayOffset = at(today);
  const sorted = [...checkpoints].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  return {
    from: sorted.length && sorted[0]!.date < period.start ? sorted[0]!.date : period.start,
    to: sorted.length && sorted[sorted.length - 1]!.date > period.end ? sorted[sorted.length - 1]!.date : period.end,
    items: sorted.map((checkpoint) => ({ checkpoint, state: classifyCheckpoint(checkpoint, today), offset: at(checkpoint.date) })),
    periodStart: at(period.start),
    periodEnd: at(period.end),
    today: todayOffset >= 0 && todayOffset <= 100 ? todayOffset : null,
  };
}
