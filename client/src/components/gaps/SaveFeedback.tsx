import { Alert, Button } from '@mantine/core';
import { describeError } from '../../api/http';
import { isStale } from './stale';

/**
 * What a settings form says after a save: the refusal in the server's words (after a stale version, 412, a button
 * that loads the current values), or the confirmation while nothing has been changed since.
 */
export function SaveFeedback({ error, saved, reloadLabel, onReload }: { error: unknown; saved: string | null; reloadLabel: string; onReload: () => void }) {
  if (error)
    return (
      <Alert color="red" variant="light" role="alert" title={describeError(error).message}>
        {isStale(error) && (
          <Button size="xs" variant="light" color="red" mt="xs" onClick={onReload}>
            {reloadLabel}
          </Button>
        )}
      </Alert>
    );
  return saved ? (
    <Alert color="green" variant="light" role="status">
      {saved}
    </Alert>
  ) : null;
}
