import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { CopyField } from '../CopyField';
import { FormError } from '../FormError';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import type { InvitationCreated, OrganizationRole } from '../../api/okr-client';
import { applyServerErrors } from '../formErrors';
import { formatDate } from '../format';

/** The link an invitee opens: the server answers with a path, the browser knows the host. */
export function absoluteAcceptUrl(acceptUrl: string, origin: string = window.location.origin): string {
  return /^https?:\/\//.test(acceptUrl) ? acceptUrl : `${origin}${acceptUrl.startsWith('/') ? '' : '/'}${acceptUrl}`;
}

/** The one-time accept link, shown once with a copy button; "Done" forgets it for good. */
export function InvitationLink({ invitation, onDone }: { invitation: InvitationCreated; onDone: () => void }) {
  const url = absoluteAcceptUrl(invitation.acceptUrl);
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-green-light)" data-testid="invitation-link">
      <Stack gap="sm">
        <Text fw={700}>Invitation mailed to {invitation.email}</Text>
        <Alert color="orange" variant="light" title="This is the only time this link is shown">
          The mail carries this link; copy it only if you want to hand it over yourself as well. Only a fingerprint of it is
          kept, so nobody — not even an admin — can see it again. If the mail is lost, resend the invitation (a new link). It
          expires on {formatDate(invitation.expiresAt)}.
        </Alert>
        <CopyField label="Accept link" value={url} copyLabel="Copy the accept link" />
        <Text size="xs" c="dimmed">
          They sign in (or sign up) with {invitation.email} and open the link to join as {invitation.role === 'ADMIN' ? 'an admin' : 'a member'}.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Invite someone by email and role; the answer's one-time link is shown once. */
export function InviteForm({ onInvited }: { onInvited?: (invitation: InvitationCreated) => void }) {
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ email: string; role: OrganizationRole }>({
    initialValues: { email: '', role: 'MEMBER' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter the email address they will sign in with.') },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const invitation = await api.invitations.createInvitation({ email: values.email.trim(), role: values.role });
      setCreated(invitation);
      form.reset();
      onInvited?.(invitation);
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['email', 'role']));
    }
  });

  return (
    <Stack gap="md">
      {created && <InvitationLink invitation={created} onDone={() => setCreated(null)} />}
      <form onSubmit={submit} noValidate aria-label="Invite someone">
        <Stack gap="sm">
          <FormError error={error} />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label="Email"
              type="email"
              placeholder="name@company.com"
              required
              style={{ flex: '2 1 240px' }}
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              data={[
                { value: 'MEMBER', label: 'Member' },
                { value: 'ADMIN', label: 'Admin' },
              ]}
              allowDeselect={false}
              description={
                form.values.role === 'ADMIN' ? 'Can do everything in the organisation.' : 'Rights come from the units they join.'
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              style={{ flex: '1 1 200px' }}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('role')}
            />
            <Button type="submit" loading={form.submitting} mt={{ base: 0, sm: 25 }}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
