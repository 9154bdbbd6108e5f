import type { ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import { describeError } from '../../api/http';
import { isStale } from './stale';

/** A write's refusal in the server's words; after a stale version, that what is shown has been brought up to date. */
export function WriteProblem({ error, title, onClose, children }: { error: unknown; title?: string; onClose?: () => void; children?: ReactNode }) {
  return (
    <Alert color="red" variant="light" role="alert" title={title} withCloseButton={!!onClose} onClose={onClose}>
      <Text size="sm">
        {children}
        {describeError(error).message}
      </Text>
      {isStale(error) && (
        <Text size="sm" mt={4}>
          What you see now is the current version: check it, and try again if the change is still needed.
        </Text>
      )}
    </Alert>
  );
}
