import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Box, Paper, Text, Textarea, UnstyledButton, type TextareaProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import { MentionCandidatesDocument } from '../../graphql/documents/MentionCandidates';
import { insertMention, matchCandidates, mentionAt, type MentionCandidate } from './mentions';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

/**
 * A textarea that offers the organisation's people when "@" is typed: ArrowUp and ArrowDown move through them, Enter
 * or Tab writes "@Their Name", Escape closes the list (a combobox with a listbox, as ARIA describes it). The people are
 * read the first time "@" is typed.
 */
export function MentionTextarea({ value, onChange, onKeyDown, ...props }: Props) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const mention = mentionAt(value, caret);
  const wanted = mention !== null;
  const people = useQuery({
    queryKey: ['okr', 'mention-candidates'],
    queryFn: () => graphql(MentionCandidatesDocument),
    select: (data) => (data.people ?? []) as MentionCandidate[],
    enabled: wanted,
    staleTime: 5 * 60_000,
  });
  const options = useMemo(() => (mention ? matchCandidates(people.data ?? [], mention.query) : []), [mention?.query, people.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = mention !== null && dismissed !== mention.start && options.length > 0;
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const choose = (person: MentionCandidate) => {
    if (!mention) return;
    const next = insertMention(value, mention.start, caret, person);
    onChange(next.text);
    setCaret(next.caret);
    setActive(0);
    // The name is written: this @ is done (typing on after it does not reopen the list).
    setDismissed(mention.start);
    // After React writes the value: put the caret after the name, unless the person has typed on meanwhile.
    requestAnimationFrame(() => {
      if (ref.current?.value === next.text) ref.current.setSelectionRange(next.caret, next.caret);
    });
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && mention && !event.ctrlKey && !event.metaKey) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const person = options[current];
        if (person) choose(person);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(mention.start);
        return;
      }
    }
    onKeyDown?.(event);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <Box pos="relative">
      <Textarea
        {...props}
        ref={ref}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onKeyDown={keyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        description={props.description ?? 'Type @ to mention someone: they are told.'}
      />
      {open && (
        <Paper withBorder shadow="md" p={4} pos="absolute" left={0} right={0} style={{ zIndex: 20 }} id={listId} role="listbox" aria-label="People to mention">
          {options.map((person, index) => (
            <UnstyledButton
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              tabIndex={-1}
              display="block"
              w="100%"
              px="sm"
              py={6}
              style={{ borderRadius: 4, background: index === current ? 'var(--mantine-color-indigo-0)' : undefined }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
            >
              <Text size="sm" fw={index === current ? 600 : 400}>
                {person.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {person.email}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Box>
  );
}
