import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import { useSession } from '../../auth/session';
import { AuthLayout } from './AuthLayout';
import { FormProblems, problemMessages } from './FormProblems';

/**
 * The password rule the SPA can check by itself: at least 10 characters, no composition rules. The server also refuses
 * the most common passwords (and those with digits or symbols added), and says so.
 */
export function passwordProblems(password: string): string[] {
  return password.length < 10 ? ['at least 10 characters'] : [];
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
      try {
        await api.auth.login({ email: values.email.trim(), password: values.password }, true);
      } catch (e) {
        // The server answers a registration the same whether the address is new or taken (so nobody can learn who
        // has an account); a taken address shows here, when its password does not match.
        if (describeError(e).status === 401) {
          setErrors(['This account could not be created. If the address already has an account, sign in with its password instead.']);
          return;
        }
        throw e;
      }
      await session.refresh();
      navigate(params.get('next') ?? '/create-organization', { replace: true });
    } catch (e) {
      setErrors(problemMessages(e));
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
          <FormProblems messages={errors} title="The account could not be created" />
          <TextInput label="Email" type="email" autoComplete="email" autoFocus {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            description="At least 10 characters; a few unrelated words make a good one. Common passwords are refused."
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
