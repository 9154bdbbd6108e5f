import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { AuthLayout } from './AuthLayout';
import { FormProblems, problemMessages } from './FormProblems';
import { passwordProblems } from './SignUpPage';

/** /reset-password?email=…&code=…: the link of the reset mail; sets a new password with the mailed code. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const email = params.get('email') ?? '';
  const code = params.get('code') ?? '';
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { newPassword: '' },
    validate: {
      newPassword: (v) => {
        const problems = passwordProblems(v);
        return problems.length === 0 ? null : `The password needs ${problems.join(', ')}.`;
      },
    },
  });

  const submit = form.onSubmit(async ({ newPassword }) => {
    setErrors([]);
    try {
      await api.auth.resetPassword({ email, resetCode: code, newPassword });
      setDone(true);
    } catch (e) {
      setErrors(problemMessages(e));
    }
  });

  const footer = <Anchor component={Link} to="/sign-in">Back to sign in</Anchor>;
  if (!email || !code)
    return (
      <AuthLayout title="Reset your password" footer={footer}>
        <Alert color="red" variant="light" role="alert">
          This link is incomplete. Open the link from the mail again, or <Anchor component={Link} to="/forgot-password">ask for a new one</Anchor>.
        </Alert>
      </AuthLayout>
    );

  return (
    <AuthLayout title="Choose a new password" subtitle={`For ${email}.`} footer={footer}>
      {done ? (
        <Alert color="green" variant="light" role="status" title="Your password is changed">
          <Text size="sm">
            <Anchor component={Link} to="/sign-in">Sign in</Anchor> with your new password.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblems messages={errors} title="The password could not be changed">
              <Text size="sm" mt="xs">
                If the link has expired, <Anchor component={Link} to="/forgot-password">ask for a new one</Anchor>.
              </Text>
            </FormProblems>
            <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" autoFocus
              {...form.getInputProps('newPassword')} />
            <Button type="submit" loading={form.submitting} fullWidth mt="xs">
              Set the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
