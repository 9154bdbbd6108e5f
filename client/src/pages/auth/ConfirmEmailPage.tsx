import { useEffect, useState } from 'react';
import { Alert, Anchor, Loader, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { AuthLayout } from './AuthLayout';

type State = { kind: 'confirming' } | { kind: 'confirmed' } | { kind: 'failed'; message: string };

/** /confirm-email?userId=…&code=…: the link of the confirmation mail; confirms the address once opened. */
export function ConfirmEmailPage() {
  const [params] = useSearchParams();
  const userId = params.get('userId') ?? '';
  const code = params.get('code') ?? '';
  const changedEmail = params.get('changedEmail') ?? undefined;
  const [state, setState] = useState<State>(userId && code ? { kind: 'confirming' } : { kind: 'failed', message: 'This link is incomplete.' });

  useEffect(() => {
    if (!userId || !code) return;
    const abort = new AbortController();
    api.auth
      .getConfirmEmail(userId, code, changedEmail, abort.signal)
      .then(() => setState({ kind: 'confirmed' }))
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        const problem = describeError(e);
        setState({ kind: 'failed', message: problem.status === 401 ? 'This link is not valid any more.' : problem.message });
      });
    return () => abort.abort();
  }, [userId, code, changedEmail]);

  return (
    <AuthLayout title="Confirm your email" footer={<Anchor component={Link} to="/">Go to Okr</Anchor>}>
      {state.kind === 'confirming' && <Loader size="sm" aria-label="Confirming" />}
      {state.kind === 'confirmed' && (
        <Alert color="green" variant="light" role="status" title="Your email is confirmed">
          <Text size="sm">Thank you. You can now reset your password by mail if you ever need to.</Text>
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The email could not be confirmed">
          {state.message}
        </Alert>
      )}
    </AuthLayout>
  );
}
