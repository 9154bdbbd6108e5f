import { useState } from 'react';
import { Alert, Anchor, Button, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { useSession } from '../../auth/session';
import { AuthLayout } from './AuthLayout';

/** The password rules of the server (ASP.NET Core Identity's defaults, 8 characters minimum). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (!/[a-z]/.test(password)) problems.push('a lowercase letter');
  if (!/[A-Z]/.test(password)) problems.push('an uppercase letter');
  if (!/[0-9]/.test(password)) problems.push('a digit');
  return problems;
}

export function SignUpPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<string[]>([]);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter a valid email address.'),
      password: (v) => {
        const problems = passwordProblems(v);
        return problems.length === 0 ? null : `The password needs ${problems.join(', ')}.`;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await api.auth.register({ email: values.email.trim(), password: values.password });
      await api.auth.login({ email: values.email.trim(), password: values.password }, true);
      await session.refresh();
      navigate(params.get('next') ?? '/create-organization', { replace: true });
    } catch (e) {
      const problem = describeError(e);
      const fieldMessages = Object.values(problem.fieldErrors).flat();
      setErrors(fieldMessages.length > 0 ? fieldMessages : [problem.message]);
    }
  });

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Then start your organisation, or accept the invitation a colleague sent you."
      footer={
        <>
          Already have an account? <Anchor component={Link} to={`/sign-in${params.size ? `?${params}` : ''}`}>Sign in</Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {errors.length > 0 && (
            <Alert color="red" variant="light" role="alert" title="The account could not be created">
              <List size="sm">
                {errors.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" autoFocus {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            description="At least 8 characters, with upper and lower case letters and a digit."
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Create account
          </Button>
          <Text size="xs" c="dimmed">
            Your OKRs stay inside your organisation: nobody outside it can see them.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
