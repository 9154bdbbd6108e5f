import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { describeError } from '../api/http';

/** A server error in words: the problem's title, and each field error. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const problem = describeError(error);
  const fields = Object.entries(problem.fieldErrors);
  return (
    <Alert color="red" variant="light" title={title ?? problem.message} role="alert">
      <Stack gap={4}>
        {title && <Text size="sm">{problem.message}</Text>}
        {fields.map(([field, messages]) => (
          <Text size="sm" key={field}>
            {messages.join(' ')}
          </Text>
        ))}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

/** Nothing to show yet, and what to do about it. */
export function Empty({ title, children, icon, action }: { title: string; children?: ReactNode; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={460}>
        {icon && (
          <ThemeIcon variant="light" size="xl" radius="xl">
            {icon}
          </ThemeIcon>
        )}
        <Text fw={600}>{title}</Text>
        {children && (
          <Text c="dimmed" size="sm" ta="center">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}
