import { Button, CopyButton, Group, Textarea } from '@mantine/core';

/** A read-only value shown in full (a one-time link, a key, a secret) with a copy button beside it. */
export function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Textarea
        label={label}
        value={value}
        readOnly
        autosize
        minRows={1}
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1, minWidth: 0 }}
        styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button color={copied ? 'teal' : 'indigo'} onClick={copy} aria-label={copyLabel}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
