import { Alert, Button, Group, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { formatDate, todayIso } from '../format';

/** The instant a day's view is asked for: the end of that day (UTC), so everything reported that day counts. */
export function asOfInstant(day: string | null): string | null {
  return day ? `${day}T23:59:59Z` : null;
}

/** Picks a past day to see the numbers as they stood then; empty is now. */
export function AsOfPicker({ value, onChange, minDate }: { value: string | null; onChange: (day: string | null) => void; minDate?: string }) {
  return (
    <DatePickerInput
      previousLabel="Previous month"
      nextLabel="Next month"
      label="As of"
      placeholder="Now"
      value={value}
      onChange={(day) => onChange(day && day < todayIso() ? String(day).slice(0, 10) : null)}
      maxDate={todayIso()}
      minDate={minDate}
      valueFormat="D MMM YYYY"
      clearable
      w={170}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** Says plainly that the page shows the past, and takes you back to now. */
export function AsOfBanner({ day, onBack }: { day: string; onBack: () => void }) {
  return (
    <Alert color="blue" variant="light" role="status" py="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          Showing the state as of <b>{formatDate(day)}</b>: only check-ins reported by then count.
        </Text>
        <Button size="xs" variant="white" onClick={onBack}>
          Back to now
        </Button>
      </Group>
    </Alert>
  );
}
