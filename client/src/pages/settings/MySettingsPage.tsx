import { Container, Stack, Text, Title } from '@mantine/core';
import { useScrollToHash } from '../../app/useScrollToHash';
import { useMember } from '../../auth/session';
import { NotificationPreferencesForm } from '../../components/settings/NotificationPreferencesForm';
import { ReminderPreferencesForm } from '../../components/settings/ReminderPreferencesForm';

/** The signed-in person's own settings: check-in reminders, and what they are told of and where. */
export default function MySettingsPage() {
  const member = useMember();
  useScrollToHash();
  return (
    <Container size="md" px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={1} size="h2">
            My settings
          </Title>
          <Text c="dimmed" size="sm">
            {member.displayName} · {member.email}
          </Text>
        </Stack>
        <ReminderPreferencesForm />
        <NotificationPreferencesForm />
      </Stack>
    </Container>
  );
}
