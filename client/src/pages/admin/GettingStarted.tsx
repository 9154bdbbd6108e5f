import { Anchor, Card, List, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import type { AdminGettingStartedQuery } from '../../graphql/generated';
import { AdminGettingStartedDocument } from '../../graphql/documents/AdminGettingStarted';

export interface SetupStep {
  key: 'period' | 'units' | 'people' | 'objectives' | 'placed' | 'activate';
  done: boolean;
  label: string;
  detail: string;
  to: string;
  action: string;
}

/**
 * What a new organisation still has to do, from nothing to its first running quarter: a period, units, people; then the
 * company's objectives, people placed in their units, and the quarter activated.
 */
export function setupSteps(data: AdminGettingStartedQuery): SetupStep[] {
  const periods = data.periods ?? [];
  const hasYear = periods.some((p) => p.kind === 'YEAR');
  const company = data.organization?.company;
  const units = company?.descendants.length ?? 0;
  const placed = company?.descendants.some((u) => u.members.length > 0) ?? false;
  const cycles = periods.filter((p) => p.kind !== 'YEAR');
  const people = data.people?.length ?? 0;
  const invited = data.invitations?.length ?? 0;
  return [
    {
      key: 'period',
      // A quarter (or a custom cycle) is what OKRs are set for; a year alone is not enough.
      done: cycles.length > 0,
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
    {
      key: 'objectives',
      done: (data.objectives?.totalCount ?? 0) > 0,
      label: 'Draft the company’s objectives',
      detail: 'Three to five, each with a few key results: the units align their own to them.',
      to: company ? `/units/${company.id}` : '/units',
      action: 'The company’s OKRs',
    },
    {
      key: 'placed',
      done: placed,
      label: 'Put people in their units',
      detail: 'Members check in on their unit’s key results; a lead can plan and activate its objectives.',
      to: '/admin?tab=units',
      action: 'Units',
    },
    {
      key: 'activate',
      done: cycles.some((p) => p.state !== 'PLANNING'),
      label: 'Activate the quarter',
      detail: 'When the cycle begins: check-ins open and progress starts to count.',
      to: '/periods',
      action: 'Periods',
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
          From an empty organisation to its first running quarter. This card goes away once every step is done.
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
