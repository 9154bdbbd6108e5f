import { useEffect } from 'react';
import { Container, Stack, Text, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { useMember } from '../../auth/session';
import { ReminderPreferencesForm } from '../../components/settings/ReminderPreferencesForm';

/** Scrolls to the section the address names (`#reminder-preferences` from the reminder email) once it is on the page. */
function useScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    let tries = 0;
    const timer = window.setInterval(() => {
      const target = document.getElementById(id);
      if (target || ++tries > 40) {
        window.clearInterval(timer);
        target?.scrollIntoView({ block: 'start' });
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [hash]);
}

/** The signed-in person's own settings: reminders (and, from the account menu, what they are told about). */
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
      </Stack>
    </Container>
  );
}
