import { Alert, Container, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useMember } from '../../auth/session';
import { EngineAdmin } from './EngineAdmin';
import { GettingStarted } from './GettingStarted';
import { IntegrationsAdmin } from './IntegrationsAdmin';
import { InvitationsAdmin } from './InvitationsAdmin';
import { PeopleAdmin } from './PeopleAdmin';
import { ReminderSettingsAdmin } from './ReminderSettingsAdmin';
import { SettingsAdmin } from './SettingsAdmin';
import { UnitsAdmin } from './UnitsAdmin';

const tabs = ['units', 'people', 'invitations', 'settings', 'engine', 'integrations'] as const;
type Tab = (typeof tabs)[number];

/** Units, people, invitations and settings: for the organisation's admins. */
export default function AdminPage() {
  const member = useMember();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'units';

  if (!member.isAdmin) {
    return (
      <Container size="sm">
        <Stack gap="md">
          <Title order={1} size="h2">
            Admin
          </Title>
          <Alert color="gray" variant="light" title="This page is for the organisation’s admins">
            <Text size="sm">
              Admins shape {member.organizationName}: the units tree, people and their roles, invitations and the rules of the practice
              (cadence, grading and status thresholds). You are a member: your rights come from your units.
            </Text>
            <Text size="sm" mt="xs">
              To join a unit, change a role or invite a colleague, ask an admin of {member.organizationName}. Leads manage their own units’
              OKRs from the Units page.
            </Text>
          </Alert>
        </Stack>
      </Container>
    );
  }

  return (
    <Container size="xl" px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Admin
          </Title>
          <Text c="dimmed" size="sm">
            The units tree, people and roles, invitations, the organisation’s rules of the practice, and integrations.
          </Text>
        </Stack>
        <GettingStarted />
        <Tabs
          value={tab}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', value ?? 'units');
                return next;
              },
              { replace: true },
            )
          }
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="units">Units</Tabs.Tab>
            <Tabs.Tab value="people">People</Tabs.Tab>
            <Tabs.Tab value="invitations">Invitations</Tabs.Tab>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
            <Tabs.Tab value="engine">Background work</Tabs.Tab>
            <Tabs.Tab value="integrations">Integrations</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="units">
            <UnitsAdmin />
          </Tabs.Panel>
          <Tabs.Panel value="people">
            <PeopleAdmin />
          </Tabs.Panel>
          <Tabs.Panel value="invitations">
            <InvitationsAdmin />
          </Tabs.Panel>
          <Tabs.Panel value="settings">
            <Stack gap="md">
              <SettingsAdmin />
              <ReminderSettingsAdmin />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="engine">
            <EngineAdmin />
          </Tabs.Panel>
          <Tabs.Panel value="integrations">
            <IntegrationsAdmin />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
