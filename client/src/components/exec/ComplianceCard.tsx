import { Group, RingProgress, Stack, Text } from '@mantine/core';
import { percent } from '../format';

/** The colour of a compliance share: most key results checked in is healthy. */
export function complianceColor(share: number): string {
  return share >= 0.9 ? 'teal' : share >= 0.7 ? 'yellow' : 'red';
}

/** Check-in compliance, the "OKR for OKRs": the share of active key results checked in within the cadence. */
export function Compliance({ share, cadenceDays }: { share: number | null; cadenceDays: number | null }) {
  const window = cadenceDays === 7 || cadenceDays == null ? 'this week' : `in the last ${cadenceDays} days`;
  if (share == null) {
    return (
      <Text size="sm" c="dimmed">
        No active key results to check in yet.
      </Text>
    );
  }
  const color = complianceColor(share);
  return (
    <Group gap="md" wrap="nowrap">
      <RingProgress
        size={104}
        thickness={11}
        roundCaps
        sections={[{ value: share * 100, color }]}
        label={
          <Text ta="center" fw={700} fz={share >= 0.995 ? 19 : 22} c={`${color}.8`}>
            {percent(share)}
          </Text>
        }
        aria-label={`Check-in compliance ${percent(share)}`}
      />
      <Stack gap={2}>
        <Text size="sm">
          of active key results were checked in <b>{window}</b>.
        </Text>
        <Text size="xs" c="dimmed">
          The “OKR for OKRs”: without weekly check-ins, every number on this page goes stale.
        </Text>
      </Stack>
    </Group>
  );
}
