import { Box, Group, Paper, Text } from '@mantine/core';
import { statusLabel, type OkrStatusName } from '../Status';
import { statusVar } from './colors';
import { edgeColors } from './alignmentLayout';

const shown: OkrStatusName[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'STALE', 'NOT_STARTED', 'ACHIEVED', 'MISSED'];

function Line({ dashed, color }: { dashed?: boolean; color: string }) {
  return (
    <svg width="34" height="10" aria-hidden>
      <line x1="1" y1="5" x2="27" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dashed ? '6 4' : undefined} />
      <path d="M27 1 L33 5 L27 9 Z" fill={color} />
    </svg>
  );
}

/** What the colours, lines and boxes of the alignment map mean. */
export function AlignmentLegend() {
  return (
    <Paper withBorder radius="md" px="sm" py={6} aria-label="Legend" component="section">
      <Group gap="lg">
        <Group gap={10}>
          {shown.map((status) => (
            <Group key={status} gap={4} wrap="nowrap">
              <Box w={10} h={10} style={{ borderRadius: 3, background: statusVar(status) }} aria-hidden />
              <Text size="xs">{statusLabel[status]}</Text>
            </Group>
          ))}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Line color={edgeColors.CONTRIBUTES} />
          <Text size="xs">Contributes (×weight, counted in the parent)</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Line dashed color={edgeColors.SUPPORTS} />
          <Text size="xs">Supports (not counted)</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Box w={18} h={12} style={{ border: '1.5px dashed var(--mantine-color-gray-4)', borderRadius: 4 }} aria-hidden />
          <Text size="xs">Outside this view</Text>
        </Group>
      </Group>
    </Paper>
  );
}
