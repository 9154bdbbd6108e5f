import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { useSession } from '../../auth/session';
import { AuthLayout } from './AuthLayout';
import { FormProblems } from './FormProblems';

export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your email address.'),
      password: (v) => (v.length > 0 ? null : 'Enter your password.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await api.auth.login({ email: values.email.trim(), password: values.password }, true);
      await session.refresh();
      navigate(params.get('next') ?? '/', { replace: true });
    } catch (e) {
      const problem = describeError(e);
      setError(problem.status === 401 ? 'That email and password do not match an account.' : problem.message);
    }
  });

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Your key results are waiting for this week's check-in."
      footer={
        <>
          New here? <Anchor component={Link} to="/sign-up">Create an account</Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormProblems messages={error ? [error] : []} />
          <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Anchor component={Link} to="/forgot-password" size="sm" ta="right">
            Forgot your password?
          </Anchor>
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
