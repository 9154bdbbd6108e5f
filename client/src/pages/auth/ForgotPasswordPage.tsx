import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { AuthLayout } from './AuthLayout';
import { FormProblems } from './FormProblems';

/** /forgot-password: asks for a reset link by mail. The answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Enter your email address.') },
  });

  const submit = form.onSubmit(async ({ email }) => {
    setError(null);
    try {
      await api.auth.forgotPassword({ email: email.trim() });
      setSentTo(email.trim());
    } catch (e) {
      setError(describeError(e).message);
    }
  });

  return (
    <AuthLayout
      title="Forgot your password?"
      subtitle="We will mail you a link to choose a new one."
      footer={<Anchor component={Link} to="/sign-in">Back to sign in</Anchor>}
    >
      {sentTo ? (
        <Alert color="green" variant="light" role="status" title="Check your inbox">
          <Text size="sm">
            If {sentTo} has a confirmed Okr account, a link to reset its password is on its way. It works for a limited time.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblems messages={error ? [error] : []} />
            <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting} fullWidth mt="xs">
              Send the reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
