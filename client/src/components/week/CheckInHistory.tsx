import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { formatDate, formatValue, type MetricKindName } from '../format';

export interface HistoryCheckIn {
  id: string;
  value: number;
  confidence: number;
  narrative: string | null;
  blockers: string | null;
  effectiveDate: string;
  recordedAt: string;
  author: { displayName: string } | null;
}

/** The check-ins of a key result, newest first: the key result's history. */
export function CheckInHistory({
  checkIns,
  metricKind,
  unitLabel,
  currencyCode,
  caption,
  initiallyShown = 4,
}: {
  checkIns: readonly HistoryCheckIn[];
  metricKind: MetricKindName;
  unitLabel: string | null;
  currencyCode: string | null;
  caption: string;
  initiallyShown?: number;
}) {
  const [all, setAll] = useState(false);
  if (checkIns.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet.
      </Text>
    );
  }
  const shown = all ? checkIns : checkIns.slice(0, initiallyShown);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6} fz="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left', marginTop: 0, fontWeight: 600, color: 'var(--mantine-color-text)' }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>Date</Table.Th>
              <Table.Th w={110}>Value</Table.Th>
              <Table.Th w={90}>Confidence</Table.Th>
              <Table.Th>Narrative</Table.Th>
              <Table.Th>Blockers</Table.Th>
              <Table.Th w={130}>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.effectiveDate)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatValue(c.value, metricKind, unitLabel, currencyCode)}</Table.Td>
                <Table.Td>{c.confidence}/10</Table.Td>
                <Table.Td>{c.narrative ?? <Text span c="dimmed" size="sm">–</Text>}</Table.Td>
                <Table.Td c={c.blockers ? 'red.8' : undefined}>{c.blockers ?? <Text span c="dimmed" size="sm">–</Text>}</Table.Td>
                <Table.Td>{c.author?.displayName ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {checkIns.length > initiallyShown && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${checkIns.length} check-ins`}
        </Button>
      )}
    </>
  );
}
