import { Anchor, Card, List, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import type { AdminGettingStartedQuery } from '../../graphql/generated';
import { AdminGettingStartedDocument } from '../../graphql/documents/AdminGettingStarted';

export interface SetupStep {
  key: 'period' | 'units' | 'people';
  done: boolean;
  label: string;
  detail: string;
  to: string;
  action: string;
}

/** What a new organisation still has to set up before its people can plan: a period, units, people. */
export function setupSteps(data: AdminGettingStartedQuery): SetupStep[] {
  const periods = data.periods ?? [];
  const hasYear = periods.some((p) => p.kind === 'YEAR');
  const units = data.organization?.company?.descendants.length ?? 0;
  const people = data.people?.length ?? 0;
  const invited = data.invitations?.length ?? 0;
  return [
    {
      key: 'period',
      // A quarter (or a custom cycle) is what OKRs are set for; a year alone is not enough.
      done: periods.some((p) => p.kind !== 'YEAR'),
      label: 'Create the year and its first quarter',
      detail: hasYear
        ? 'The year is there: now its first quarter, which teams plan in and you activate when the cycle begins.'
        : 'OKRs are set for a quarter, and a quarter sits inside a year: create the year first.',
      to: '/periods?new=1',
      action: 'New period',
    },
    {
      key: 'units',
      done: units > 0,
      label: 'Add the departments and teams below the company',
      detail: 'Each unit drafts its own objectives and aligns them to the company’s.',
      to: '/admin?tab=units',
      action: 'Units',
    },
    {
      key: 'people',
      done: people > 1 || invited > 0,
      label: 'Invite your colleagues',
      detail: 'Each gets a one-time link; add them to their units once they join.',
      to: '/admin?tab=invitations',
      action: 'Invitations',
    },
  ];
}

/** Shown to admins until the organisation has a period, units and colleagues; then it steps aside. */
export function GettingStarted() {
  const query = useQuery({
    queryKey: ['okr', 'admin', 'getting-started'],
    queryFn: () => graphql(AdminGettingStartedDocument),
  });
  if (!query.data) return null;
  const steps = setupSteps(query.data);
  if (steps.every((s) => s.done)) return null;
  return (
    <Card withBorder padding="lg" radius="md" aria-label="Get started" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Get started
        </Title>
        <Text size="sm" c="dimmed">
          Three steps before your organisation can set its first OKRs. This card goes away once they are done.
        </Text>
        <List spacing="sm" center={false}>
          {steps.map((step, index) => (
            <List.Item
              key={step.key}
              icon={
                <ThemeIcon size={24} radius="xl" color={step.done ? 'teal' : 'gray'} variant={step.done ? 'filled' : 'light'} aria-hidden>
                  {step.done ? '✓' : index + 1}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={600} td={step.done ? 'line-through' : undefined}>
                {step.label}
                {step.done && <VisuallyHidden> (done)</VisuallyHidden>}
              </Text>
              {!step.done && (
                <Text size="sm" c="dimmed">
                  {step.detail}{' '}
                  <Anchor component={Link} to={step.to} size="sm">
                    {step.action} →
                  </Anchor>
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
