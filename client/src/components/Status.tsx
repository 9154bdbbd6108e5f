import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { percent } from './format';

export type OkrStatusName = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'STALE' | 'ACHIEVED' | 'MISSED';

export const statusLabel: Record<OkrStatusName, string> = {
  NOT_STARTED: 'Not started',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  OFF_TRACK: 'Off track',
  STALE: 'Stale',
  ACHIEVED: 'Achieved',
  MISSED: 'Missed',
};

export const statusColor: Record<OkrStatusName, string> = {
  NOT_STARTED: 'gray',
  ON_TRACK: 'green',
  AT_RISK: 'yellow',
  OFF_TRACK: 'red',
  STALE: 'orange',
  ACHIEVED: 'teal',
  MISSED: 'red.9',
};

const statusHelp: Record<OkrStatusName, string> = {
  NOT_STARTED: 'The period has not started yet.',
  ON_TRACK: 'Progress is at least 90% of where the plan expects it by now.',
  AT_RISK: 'Progress is behind the plan, or the owner’s confidence is low.',
  OFF_TRACK: 'Progress is well behind the plan: below 70% of what is expected by now.',
  STALE: 'No check-in for more than the check-in cadence plus grace days: set and forget.',
  ACHIEVED: 'Closed, and the grade met the success threshold.',
  MISSED: 'Closed below the success threshold.',
};

/** A status as a coloured word, with what it means on hover. */
export function StatusBadge({ status, size = 'sm' }: { status: OkrStatusName | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  if (!status) return null;
  return (
    <Tooltip label={statusHelp[status]} multiline w={260} withArrow>
      {/* A light badge of an explicit shade (red.9) renders as a solid block with invisible text: those are filled. */}
      <Badge color={statusColor[status]} variant={statusColor[status].includes('.') ? 'filled' : 'light'} size={size} radius="sm">
        {statusLabel[status]}
      </Badge>
    </Tooltip>
  );
}

/** Progress against expected progress: the bar, and a tick where the plan says it should be by now. */
export function ProgressMeter({
  progress,
  expected,
  status,
  label = true,
}: {
  progress: number;
  expected?: number | null;
  status?: OkrStatusName | null;
  label?: boolean;
}) {
  const color = status ? statusColor[status] : 'indigo';
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <div style={{ position: 'relative', flex: 1 }}>
        <Progress
          value={Math.round(progress * 100)}
          color={color}
          size="md"
          radius="xl"
          aria-label={`Progress ${percent(progress)}${expected != null ? `, expected ${percent(expected)}` : ''}`}
        />
        {expected != null && (
          <Tooltip label={`Expected by now: ${percent(expected)}`} withArrow>
            <div
              data-testid="expected-marker"
              style={{
                position: 'absolute',
                top: -3,
                bottom: -3,
                left: `calc(${Math.min(100, Math.max(0, expected * 100))}% - 1px)`,
                width: 2,
                background: 'var(--mantine-color-dark-4)',
                borderRadius: 1,
              }}
            />
          </Tooltip>
        )}
      </div>
      {label && (
        <Text size="sm" fw={600} w={44} ta="right">
          {percent(progress)}
        </Text>
      )}
    </Group>
  );
}
