import { Button, Popover, Text } from '@mantine/core';

/** "Why can't I edit this?": the reason, on demand, next to what is read-only. */
export function WhyReadOnly({ reason, label = 'Why can’t I edit this?' }: { reason: string | null; label?: string }) {
  if (!reason) return null;
  return (
    <Popover width={300} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" color="gray" size="compact-sm">
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm">{reason}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
