import type { KeyboardEvent } from 'react';
import { Box, Button, Collapse, Flex, Group, Input, NumberInput, SegmentedControl, Switch, Text, Textarea } from '@mantine/core';
import { formatValue } from '../format';
import type { CheckInDraft, CheckInResult, CheckInTarget } from './checkIn';
import { fieldId } from './useCheckInBatch';

const confidenceScale = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));

export interface CheckInRowProps {
  keyResult: CheckInTarget;
  draft: CheckInDraft;
  onChange: (patch: Partial<CheckInDraft>) => void;
  result?: CheckInResult | undefined;
  /** Where Tab goes from the row's last text field: the next row's value, so a pass is value → confidence → narrative → next. */
  nextFocusId?: string | undefined;
  /** Shows the Skip button (a pass over several key results). */
  skippable?: boolean;
  disabled?: boolean;
  /** The id of the element that names the row (the key result's title). */
  labelledBy?: string;
}

/** How the value is asked for: "Value (tickets/month)", "Value (%)", "Value (USD)". */
function valueLabel(keyResult: CheckInTarget) {
  const unit =
    keyResult.metricKind === 'PERCENTAGE' ? '%' : keyResult.metricKind === 'CURRENCY' ? (keyResult.currencyCode ?? 'USD') : keyResult.unitLabel;
  return unit ? `Value (${unit})` : 'Value';
}

/**
 * One key result's check-in as a compact row: the value (a Done switch for a milestone), confidence 0–10,
 * the narrative, and blockers (collapsed until asked for). Controlled: the drafts live with the caller, so a
 * refusal never loses what was typed.
 */
export function CheckInRow({ keyResult, draft, onChange, result, nextFocusId, skippable = false, disabled = false, labelledBy }: CheckInRowProps) {
  const id = keyResult.id;
  const error = result?.state === 'error' ? result : null;
  const fieldError = (field: string) => (error && error.field === field ? error.message : undefined);
  const saving = result?.state === 'saving';
  const locked = disabled || saving;

  // Tab from the row's last text field goes on to the next key result's value; Shift+Tab is left alone.
  const tabToNext = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || !nextFocusId) return;
    const next = document.getElementById(nextFocusId);
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  if (draft.skipped) {
    return (
      <Group gap="xs" role="group" aria-labelledby={labelledBy}>
        <Text size="sm" c="dimmed">
          Skipped this week.
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={() => onChange({ skipped: false })} disabled={disabled}>
          Undo skip
        </Button>
      </Group>
    );
  }

  const target = formatValue(keyResult.target, keyResult.metricKind, keyResult.unitLabel, keyResult.currencyCode);
  const confidenceLabelId = `${fieldId(id, 'confidence')}-label`;

  return (
    <Box role="group" aria-labelledby={labelledBy}>
      <Flex gap="sm" direction={{ base: 'column', md: 'row' }} align={{ base: 'stretch', md: 'flex-start' }}>
        <Box w={{ base: '100%', md: 180 }} style={{ flexShrink: 0 }}>
          {keyResult.metricKind === 'MILESTONE' ? (
            <Input.Wrapper label="Value" error={fieldError('value')}>
              <Switch
                id={fieldId(id, 'value')}
                mt={8}
                size="md"
                label={draft.value === 1 ? 'Done' : 'Not done'}
                aria-label="Done"
                checked={draft.value === 1}
                onChange={(event) => onChange({ value: event.currentTarget.checked ? 1 : 0 })}
                disabled={locked}
              />
            </Input.Wrapper>
          ) : (
            <NumberInput
              id={fieldId(id, 'value')}
              label={valueLabel(keyResult)}
              description={`Target ${target}`}
              value={draft.value}
              onChange={(value) => onChange({ value: value === '' ? '' : typeof value === 'number' ? value : Number(value) })}
              error={fieldError('value')}
              allowNegative={keyResult.metricKind === 'NUMBER' || keyResult.metricKind === 'CURRENCY'}
              hideControls
              thousandSeparator=","
              disabled={locked}
              inputMode="decimal"
            />
          )}
        </Box>
        <Box style={{ flexShrink: 0 }}>
          <Input.Wrapper
            label="Confidence"
            labelProps={{ id: confidenceLabelId }}
            description="0 = no chance, 10 = certain"
            error={fieldError('confidence')}
          >
            <SegmentedControl
              id={fieldId(id, 'confidence')}
              aria-labelledby={confidenceLabelId}
              data={confidenceScale}
              value={String(draft.confidence)}
              onChange={(value) => onChange({ confidence: Number(value) })}
              size="xs"
              mt={4}
              fullWidth
              disabled={locked}
              color={draft.confidence <= 3 ? 'orange' : 'indigo'}
            />
          </Input.Wrapper>
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Textarea
            id={fieldId(id, 'narrative')}
            label="Narrative"
            description="What moved, and why"
            placeholder="Needed when the value goes the wrong way or leaves it off track"
            autosize
            minRows={1}
            maxRows={6}
            value={draft.narrative}
            onChange={(event) => onChange({ narrative: event.currentTarget.value })}
            onKeyDown={draft.blockersOpen ? undefined : tabToNext}
            error={fieldError('narrative')}
            disabled={locked}
          />
          <Collapse expanded={draft.blockersOpen}>
            <Textarea
              id={fieldId(id, 'blockers')}
              mt="xs"
              label="Blockers"
              description="What is in the way, and who could help"
              autosize
              minRows={1}
              maxRows={6}
              value={draft.blockers}
              onChange={(event) => onChange({ blockers: event.currentTarget.value })}
              onKeyDown={tabToNext}
              error={fieldError('blockers')}
              disabled={locked}
              tabIndex={draft.blockersOpen ? 0 : -1}
            />
          </Collapse>
          <Group gap="xs" mt={6} justify="space-between">
            <Group gap={4}>
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => onChange({ blockersOpen: !draft.blockersOpen })}
                aria-expanded={draft.blockersOpen}
                aria-controls={fieldId(id, 'blockers')}
                disabled={disabled}
              >
                {draft.blockersOpen ? 'Hide blockers' : draft.blockers.trim() ? 'Show blockers' : 'Add blockers'}
              </Button>
              {skippable && (
                <Button variant="subtle" size="compact-xs" color="gray" onClick={() => onChange({ skipped: true })} disabled={locked}>
                  Skip
                </Button>
              )}
            </Group>
            <RowResult result={result} />
          </Group>
        </Box>
      </Flex>
    </Box>
  );
}

/** The outcome of the row's last submission, in words, announced to screen readers. */
function RowResult({ result }: { result?: CheckInResult | undefined }) {
  return (
    <Text size="sm" aria-live="polite" c={result?.state === 'error' ? 'red.8' : result?.state === 'saved' ? 'teal.8' : 'dimmed'} fw={500}>
      {result?.state === 'saving' && 'Saving…'}
      {result?.state === 'saved' && '✓ Checked in'}
      {result?.state === 'error' && !result.field && <span role="alert">{result.message}</span>}
      {result?.state === 'error' && result.field && 'Not saved: see above.'}
    </Text>
  );
}
