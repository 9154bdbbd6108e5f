import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { api } from '../../api/rest';
import { useSession } from '../../auth/session';
import { applyServerErrors } from '../../components/formErrors';
import { AuthLayout } from './AuthLayout';
import { FormProblems } from './FormProblems';

export function CreateOrganizationPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', displayName: '' },
    validate: { name: (v) => (v.trim() ? null : 'Give the organisation a name.') },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await api.organizations.createOrganization({ name: values.name.trim(), displayName: values.displayName.trim() || undefined });
      await session.refresh();
      navigate('/admin', { replace: true });
    } catch (e) {
      setError(applyServerErrors(e, form.setFieldError, ['name', 'displayName']));
    }
  });

  return (
    <AuthLayout
      title="Start your organisation"
      subtitle={`Signed in as ${session.email ?? ''}. You will be its admin and can invite your colleagues.`}
      footer={
        <>
          Invited by a colleague? Open the link in their invitation instead. ·{' '}
          <Anchor component="button" type="button" onClick={() => void session.signOut()}>
            Sign out
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormProblems messages={error ? [error] : []} />
          <TextInput label="Organisation name" placeholder="Acme" autoFocus {...form.getInputProps('name')} />
          <TextInput
            label="Your name"
            placeholder="As your colleagues know you"
            description="Optional; defaults to the first part of your email."
            {...form.getInputProps('displayName')}
          />
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Create organisation
          </Button>
          <Text size="xs" c="dimmed">
            Next: set up your units, the current quarter, and invite people.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
