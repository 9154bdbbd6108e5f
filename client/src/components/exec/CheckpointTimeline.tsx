import { Box, Group, Text, Tooltip } from '@mantine/core';
import { formatDate } from '../format';
import { mantineVar } from './colors';
import { buildTimeline, checkpointStateColor, checkpointStateLabel, type CheckpointLike } from './checkpoints';

const labelTransform = (offset: number) => (offset < 8 ? 'translateX(-8px)' : offset > 92 ? 'translateX(calc(-100% + 8px))' : 'translateX(-50%)');

/**
 * The roadmap as a line through time: the period's span shaded, today marked, each checkpoint a dot coloured by
 * whether it is done, overdue or upcoming (with its name under it on wide screens; on hover everywhere).
 */
export function CheckpointTimeline({
  period,
  checkpoints,
  today,
}: {
  period: { start: string; end: string };
  checkpoints: readonly CheckpointLike[];
  today: string;
}) {
  const timeline = buildTimeline(period, checkpoints, today);
  const barTop = 30;
  return (
    <Box>
      <Box pos="relative" h={barTop + 20} mx={8} role="img" aria-label={`Roadmap from ${formatDate(timeline.from)} to ${formatDate(timeline.to)}`}>
        <Box pos="absolute" left={0} right={0} top={barTop} h={6} style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 3 }} />
        <Box
          pos="absolute"
          top={barTop}
          h={6}
          style={{
            left: `${timeline.periodStart}%`,
            width: `${timeline.periodEnd - timeline.periodStart}%`,
            background: 'var(--mantine-color-indigo-2)',
            borderRadius: 3,
          }}
        />
        {timeline.today !== null && (
          <>
            <Box
              pos="absolute"
              top={barTop}
              h={6}
              style={{
                left: `${timeline.periodStart}%`,
                width: `${Math.max(0, Math.min(timeline.today, timeline.periodEnd) - timeline.periodStart)}%`,
                background: 'var(--mantine-color-indigo-5)',
                borderRadius: 3,
              }}
            />
            <Box pos="absolute" top={10} h={barTop + 10} w={2} style={{ left: `calc(${timeline.today}% - 1px)`, background: 'var(--mantine-color-dark-6)' }} data-testid="today-marker" />
            <Text pos="absolute" top={-6} size="xs" fw={700} style={{ left: `${timeline.today}%`, transform: labelTransform(timeline.today), whiteSpace: 'nowrap' }}>
              Today
            </Text>
          </>
        )}
        {timeline.items.map(({ checkpoint, state, offset }) => {
          const color = checkpointStateColor[state];
          const filled = state !== 'upcoming';
          return (
            <Tooltip key={checkpoint.id} label={`${checkpoint.name} · ${formatDate(checkpoint.date)} · ${checkpointStateLabel[state]}`} withArrow>
              <Box
                pos="absolute"
                top={barTop - 5}
                w={16}
                h={16}
                data-state={state}
                data-testid="timeline-dot"
                role="img"
                aria-label={`${checkpoint.name}, ${formatDate(checkpoint.date)}, ${checkpointStateLabel[state].toLowerCase()}`}
                tabIndex={0}
                style={{
                  left: `calc(${offset}% - 8px)`,
                  borderRadius: 16,
                  background: filled ? mantineVar(color) : 'var(--mantine-color-body)',
                  border: `3px solid ${mantineVar(color)}`,
                  boxShadow: '0 0 0 2px var(--mantine-color-body)',
                }}
              />
            </Tooltip>
          );
        })}
      </Box>
      <Box pos="relative" h={checkpoints.length ? 92 : 0} mx={8} visibleFrom="md" aria-hidden>
        {timeline.items.map(({ checkpoint, state, offset }, i) => (
          <Box key={checkpoint.id} pos="absolute" top={(i % 3) * 30} maw={180} style={{ left: `${offset}%`, transform: labelTransform(offset) }}>
            <Text size="xs" fw={600} lh={1.2} truncate c={state === 'overdue' ? 'red.8' : undefined}>
              {checkpoint.name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {formatDate(checkpoint.date)}
            </Text>
          </Box>
        ))}
      </Box>
      <Group justify="space-between" mx={8} mt={4} gap="xs">
        <Text size="xs" c="dimmed">
          {formatDate(timeline.from)}
        </Text>
        <Group gap={12}>
          <Group gap={4}>
            <Box w={14} h={6} style={{ background: 'var(--mantine-color-indigo-2)', borderRadius: 3 }} aria-hidden />
            <Text size="xs" c="dimmed">
              the period, {formatDate(period.start)} – {formatDate(period.end)}
            </Text>
          </Group>
          <Group gap={4}>
            <Box w={14} h={6} style={{ background: 'var(--mantine-color-indigo-5)', borderRadius: 3 }} aria-hidden />
            <Text size="xs" c="dimmed">
              elapsed
            </Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(timeline.to)}
        </Text>
      </Group>
    </Box>
  );
}
