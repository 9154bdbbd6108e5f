import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../api/http';
import { api } from '../../api/rest';
import { useSession } from '../../auth/session';
import { AuthLayout } from './AuthLayout';

/** /accept-invitation?token=…: sign up or in, then join the organisation that invited you. */
export function AcceptInvitationPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const here = `/accept-invitation?token=${encodeURIComponent(token)}`;

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <Text size="sm">This link has no invitation token. Open the link from your invitation again, or ask for a new one.</Text>
      </AuthLayout>
    );
  }

  if (session.status === 'signed-out' || session.status === 'loading') {
    return (
      <AuthLayout title="You are invited" subtitle="Create an account (or sign in) with the email the invitation was sent to.">
        <Stack>
          <Button component={Link} to={`/sign-up?next=${encodeURIComponent(here)}`}>
            Create an account
          </Button>
          <Button variant="default" component={Link} to={`/sign-in?next=${encodeURIComponent(here)}`}>
            I already have one
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  if (session.status === 'member') {
    return (
      <AuthLayout title="You already belong to an organisation">
        <Text size="sm">
          {session.email} is a member of {session.member?.organizationName}. Sign in with the email the invitation was sent to.
        </Text>
        <Anchor component={Link} to="/">
          Go to {session.member?.organizationName}
        </Anchor>
      </AuthLayout>
    );
  }

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.invitations.acceptInvitation({ token, displayName: displayName.trim() || undefined });
      await session.refresh();
      navigate('/my-week', { replace: true });
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Join your team" subtitle={`Signed in as ${session.email ?? ''}.`}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label="Your name" description="How colleagues will see you (optional)." value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
        <Button onClick={() => void accept()} loading={busy}>
          Accept the invitation
        </Button>
      </Stack>
    </AuthLayout>
  );
}
