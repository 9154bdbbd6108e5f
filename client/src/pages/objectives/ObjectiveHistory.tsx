import { Badge, Button, Card, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import { ErrorAlert, Loading } from '../../components/States';
import { formatDate } from '../../components/format';
import type { ObjectiveHistoryQuery } from '../../graphql/generated';
import { ObjectiveHistoryDocument } from '../../graphql/documents/ObjectiveHistory';

export type HistoryEntry = NonNullable<ObjectiveHistoryQuery['objective']>['history']['nodes'][number];

const PAGE_SIZE = 20;

/** "successCriteria" → "Success criteria"; "ownerId" → "Owner". */
export function fieldLabel(field: string): string {
  const name = field.length > 2 && field.endsWith('Id') ? field.slice(0, -2) : field;
  const words = name.replace(/\./g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as text: dates shortened, long text cut, nothing as a dash. */
export function valueText(value: string | null): string {
  if (value === null || value === '') return '–';
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return formatDate(value);
  // An enumeration's value (OnTrack, AtRisk, Aspirational): in words.
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return value.replace(/(?!^)([A-Z])/g, ' $1').replace(/ (\w)/g, (_, c: string) => ` ${c.toLowerCase()}`);
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}

function kindColor(kind: HistoryEntry['kind']): string {
  if (kind.startsWith('CHECK_IN')) return 'teal';
  if (kind.startsWith('KEY_RESULT')) return 'indigo';
  if (kind.startsWith('ALIGNMENT')) return 'grape';
  if (kind.startsWith('COMMENT')) return 'gray';
  if (kind === 'GRADE_OVERRIDDEN' || kind === 'OBJECTIVE_CLOSED' || kind === 'KEY_RESULT_GRADED') return 'orange';
  return 'blue';
}

function kindWords(kind: HistoryEntry['kind']): string {
  const words = kind.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function atText(at: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(at));
  return `${formatDate(at)}, ${time} UTC`;
}

/** One change: who, when, what, and each changed field as "Field: before → after". */
export function HistoryEntryItem({ entry }: { entry: HistoryEntry }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {entry.summary}
        </Text>
        <Badge size="xs" variant="light" color={kindColor(entry.kind)} radius="sm">
          {kindWords(entry.kind)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {entry.actor?.displayName ?? 'The system'} · <time dateTime={entry.at}>{atText(entry.at)}</time>
      </Text>
      {entry.changes.length > 0 && (
        <List size="xs" spacing={2} aria-label="Changed fields">
          {entry.changes.map((change) => (
            <List.Item key={change.field}>
              <Text span size="xs" fw={600}>
                {fieldLabel(change.field)}:
              </Text>{' '}
              <Text span size="xs">
                {change.before === null ? valueText(change.after) : `${valueText(change.before)} → ${valueText(change.after)}`}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The objective's history: every change to it and to what hangs off it, newest first, a page at a time. */
export function ObjectiveHistory({ objectiveId }: { objectiveId: string }) {
  const query = useInfiniteQuery({
    queryKey: ['okr', 'objective-history', objectiveId],
    queryFn: ({ pageParam, signal }) => graphql(ObjectiveHistoryDocument, { id: objectiveId, first: PAGE_SIZE, after: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const page = last?.objective?.history?.pageInfo;
      return page?.hasNextPage ? page.endCursor : undefined;
    },
    enabled: !!objectiveId,
  });
  const entries = query.data?.pages.flatMap((page) => page?.objective?.history?.nodes ?? []) ?? [];

  return (
    <Card component="section" aria-labelledby="history-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="history-title">
          History
        </Title>
        {query.isLoading && <Loading label="Loading the history…" />}
        {query.error && !query.isFetchingNextPage && (
          <ErrorAlert error={query.error} title="The history could not be loaded" onRetry={() => void query.refetch()} />
        )}
        {!query.isLoading && !query.error && entries.length === 0 && (
          <Text size="sm" c="dimmed">
            No changes recorded yet. Edits, check-ins, alignments and comments appear here, newest first.
          </Text>
        )}
        {entries.length > 0 && (
          <Timeline bulletSize={12} lineWidth={2} aria-label="Changes, newest first">
            {entries.map((entry) => (
              <Timeline.Item key={entry.id} color={kindColor(entry.kind)}>
                <HistoryEntryItem entry={entry} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {query.hasNextPage && (
          <Group>
            <Button size="xs" variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              Show more
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
