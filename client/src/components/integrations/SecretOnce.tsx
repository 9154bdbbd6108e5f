import type { ReactNode } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { CopyField } from '../CopyField';

/**
 * A secret the server shows only once (an API key, a webhook signing secret): a copy button, a clear warning, and
 * "I have copied it" to forget it for good.
 */
export function SecretOnce({ title, label, secret, children, onDone }: {
  title: string;
  label: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-green-light)" data-testid="secret-once">
      <Stack gap="sm">
        <Text fw={700}>{title}</Text>
        <Alert color="orange" variant="light" title="Copy it now: it is never shown again">
          Only a fingerprint or an encrypted copy is kept, so nobody — not even an admin — can read it again. Store it where the
          integration keeps its secrets; if it is lost, make a new one.
        </Alert>
        <CopyField label={label} value={secret} copyLabel={`Copy the ${label.toLowerCase()}`} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
