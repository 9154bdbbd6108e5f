import type { ReactNode } from 'react';
import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useMember, useSession } from '../auth/session';
import { NotificationBell } from '../components/notifications/NotificationBell';

interface NavItem {
  to: string;
  label: string;
  description: string;
  adminOnly?: boolean;
}

export const navigation: NavItem[] = [
  { to: '/my-week', label: 'My week', description: 'Your key results and this week’s check-in' },
  { to: '/dashboard', label: 'Dashboard', description: 'The company at a glance' },
  { to: '/alignment', label: 'Alignment map', description: 'How objectives connect' },
  { to: '/units', label: 'Units', description: 'Each unit’s OKRs' },
  { to: '/reviews', label: 'Reviews', description: 'Each unit’s business reviews' },
  { to: '/periods', label: 'Periods', description: 'The cycle’s roadmap, grading and close' },
  { to: '/admin', label: 'Admin', description: 'Units, people, invitations, settings', adminOnly: true },
  { to: '/api-explorer', label: 'API explorer', description: 'GraphQL IDE and REST docs' },
];

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** The signed-in frame: navigation on the side (a drawer on phones), the page in the middle. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const member = useMember();
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} c="indigo" size="lg">
              Okr
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs">
              {member.organizationName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
          <NotificationBell />
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              {/* Named by the text it shows (initials, and the name on wider screens), as speech input expects (WCAG 2.5.3). */}
              <UnstyledButton title="Account">
                <Group gap="xs">
                  <Avatar radius="xl" size="sm" color="indigo">
                    {initials(member.displayName)}
                  </Avatar>
                  <Text size="sm" visibleFrom="sm">
                    {member.displayName}
                  </Text>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{member.email}</Menu.Label>
              <Menu.Item component={Link} to="/inbox">
                Notifications
              </Menu.Item>
              <Menu.Item component={Link} to="/settings">
                My settings
              </Menu.Item>
              <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {navigation
              .filter((item) => !item.adminOnly || member.isAdmin)
              .map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterLink}
                  to={item.to}
                  label={item.label}
                  description={item.description}
                  active={location.pathname.startsWith(item.to)}
                  onClick={close}
                />
              ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children ?? <Outlet />}</AppShell.Main>
    </AppShell>
  );
}
