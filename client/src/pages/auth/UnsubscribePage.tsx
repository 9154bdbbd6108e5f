import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { AuthLayout } from './AuthLayout';

/**
 * /unsubscribe?token=…: the unsubscribe link of a subscribed email (a business review). Opening the page changes nothing
 * (mail scanners open links); the button turns that kind of email off. No sign-in: the signed token is the proof.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token') ?? '');
  const unsubscribe = useMutation({ mutationFn: () => api.email.unsubscribe(token) });

  return (
    <AuthLayout title="Unsubscribe" footer={<Anchor component={Link} to="/">Go to Okr</Anchor>}>
      {unsubscribe.isSuccess ? (
        <Alert color="green" variant="light" role="status" title="You are unsubscribed">
          <Text size="sm">You will no longer get emails of {unsubscribe.data.subscription}.</Text>
        </Alert>
      ) : !token ? (
        <Alert color="red" variant="light" role="alert" title="This link is incomplete">
          Open the unsubscribe link of your latest email again.
        </Alert>
      ) : (
        <Stack gap="md">
          <Text size="sm">Stop getting this kind of email from Okr? The other emails you get are not affected.</Text>
          {unsubscribe.error && (
            <Alert color="red" variant="light" role="alert" title="You were not unsubscribed">
              {describeError(unsubscribe.error).fieldErrors.token?.join(' ') ?? describeError(unsubscribe.error).message}
            </Alert>
          )}
          <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
            Unsubscribe
          </Button>
        </Stack>
      )}
    </AuthLayout>
  );
}
