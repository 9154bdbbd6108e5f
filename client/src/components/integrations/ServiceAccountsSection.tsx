import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { ApiKeyCreated, ApiKeyDto, ServiceAccountDto, ServiceAccountScope } from '../../api/okr-client';
import { ErrorAlert, Loading } from '../States';
import { formatDate } from '../format';
import { applyServerErrors } from '../formErrors';
import { FormError } from '../FormError';
import { ConfirmButton } from '../plan/ConfirmButton';
import { WriteProblem } from '../gaps/WriteProblem';
import { useOrgTree } from '../plan/orgTree';
import { SecretOnce } from './SecretOnce';
import { useRefreshIntegrations, useServiceAccounts } from './integrations';

export const scopeLabel: Record<ServiceAccountScope, string> = {
  READ_ONLY: 'Read only',
  CHECK_IN_WRITER: 'Check-in writer',
  ADMIN: 'Admin',
};

const scopeHelp: Record<ServiceAccountScope, string> = {
  READ_ONLY: 'Reads what a member sees; every write is refused.',
  CHECK_IN_WRITER: 'Also records check-ins on key results of one unit and the units below it.',
  ADMIN: 'Everything an organisation admin may do.',
};

/** What a key's state is in a word: revoked, expired, or active until its expiry. */
export function keyState(key: ApiKeyDto, now: Date = new Date()): { label: string; color: string } {
  if (key.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (key.expiresAt && new Date(key.expiresAt) <= now) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'green' };
}

/** Service accounts (the members integrations act as), their scope, their API keys: create, list, revoke, deactivate. */
export function ServiceAccountsSection() {
  const accounts = useServiceAccounts();
  const refresh = useRefreshIntegrations();
  const [problem, setProblem] = useState<{ title: string; error: unknown } | null>(null);
  const list = accounts.data ?? [];
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            New service account
          </Title>
          <Text size="sm" c="dimmed">
            A tool calls the API as a service account with one of its API keys, instead of borrowing a person’s password. The history
            names the service account as the author of what it changes.
          </Text>
          <ServiceAccountForm onCreated={() => void refresh()} />
        </Stack>
      </Card>
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Service accounts
          </Title>
          {problem && <WriteProblem error={problem.error} title={problem.title} onClose={() => setProblem(null)} />}
          {accounts.isLoading ? (
            <Loading label="Loading the service accounts…" />
          ) : accounts.error ? (
            <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
          ) : list.length === 0 ? (
            <Text size="sm" data-testid="service-accounts-empty">
              No service accounts yet. Create one above, then make it an API key.
            </Text>
          ) : (
            <Stack gap="md">
              {list.map((account) => (
                <ServiceAccountCard key={account.id} account={account} onProblem={setProblem} onChanged={() => void refresh()} />
              ))}
            </Stack>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function ServiceAccountForm({ onCreated }: { onCreated: () => void }) {
  const tree = useOrgTree();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ name: string; scope: ServiceAccountScope; unitId: string | null }>({
    initialValues: { name: '', scope: 'READ_ONLY', unitId: null },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the service account a name (e.g. “Jira sync”).'),
      unitId: (v, values) => (values.scope === 'CHECK_IN_WRITER' && !v ? 'Choose the unit whose key results it checks in on.' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await api.serviceAccounts.createServiceAccount({
        name: values.name.trim(),
        scope: values.scope,
        unitId: values.scope === 'CHECK_IN_WRITER' ? (values.unitId ?? undefined) : undefined,
      });
      form.reset();
      onCreated();
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['name', 'scope', 'unitId']));
    }
  });
  const units = (tree.data?.units ?? []).map((u) => ({ value: u.id, label: `${'  '.repeat(u.depth)}${u.name}` }));
  return (
    <form onSubmit={submit} noValidate aria-label="New service account">
      <Stack gap="sm">
        <FormError error={error} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput label="Name" required placeholder="Jira sync" style={{ flex: '2 1 220px' }} {...form.getInputProps('name')} />
          <Select
            label="Scope"
            allowDeselect={false}
            data={(Object.keys(scopeLabel) as ServiceAccountScope[]).map((s) => ({ value: s, label: scopeLabel[s] }))}
            description={scopeHelp[form.values.scope]}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            style={{ flex: '1 1 200px' }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('scope')}
          />
          {form.values.scope === 'CHECK_IN_WRITER' && (
            <Select
              label="Unit"
              required
              searchable
              placeholder="Choose a unit"
              data={units}
              style={{ flex: '1 1 200px' }}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('unitId')}
            />
          )}
          <Button type="submit" loading={form.submitting} mt={{ base: 0, sm: 25 }}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ServiceAccountCard({ account, onProblem, onChanged }: {
  account: ServiceAccountDto;
  onProblem: (p: { title: string; error: unknown }) => void;
  onChanged: () => void;
}) {
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const disabled = !!account.disabledAt;
  return (
    <Card withBorder data-testid="service-account" aria-label={`Service account ${account.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700}>{account.name}</Text>
              <Badge variant="light">{scopeLabel[account.scope]}</Badge>
              {disabled && (
                <Badge variant="light" color="gray">
                  Deactivated
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              Created {formatDate(account.createdAt)}
              {disabled ? ` · deactivated ${formatDate(account.disabledAt)}` : ''}
            </Text>
          </Stack>
          {!disabled && (
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={`Deactivate ${account.name}`}
              title={`Deactivate ${account.name}?`}
              message="All its keys stop working at once. Its history stays."
              confirmLabel="Deactivate"
              onConfirm={async () => {
                try {
                  await api.serviceAccounts.disableServiceAccount(account.id, ifMatch(account.version));
                } catch (e) {
                  onProblem({ title: `${account.name} was not deactivated`, error: e });
                }
                onChanged();
              }}
            >
              Deactivate
            </ConfirmButton>
          )}
        </Group>
        {created && (
          <SecretOnce title={`API key “${created.name}” made`} label="API key" secret={created.key} onDone={() => setCreated(null)}>
            <Text size="xs" c="dimmed">
              Send it as <code>Authorization: Bearer okr_live_{created.publicId}_…</code>
              {created.expiresAt ? `; it expires on ${formatDate(created.expiresAt)}.` : '; it does not expire.'}
            </Text>
          </SecretOnce>
        )}
        <KeysTable account={account} onProblem={onProblem} onChanged={onChanged} />
        {!disabled && (
          <ApiKeyForm
            account={account}
            onCreated={(key) => {
              setCreated(key);
              onChanged();
            }}
          />
        )}
      </Stack>
    </Card>
  );
}

function KeysTable({ account, onProblem, onChanged }: {
  account: ServiceAccountDto;
  onProblem: (p: { title: string; error: unknown }) => void;
  onChanged: () => void;
}) {
  if (account.keys.length === 0) return <Text size="sm">No API keys yet.</Text>;
  return (
    <Table verticalSpacing="xs" aria-label={`API keys of ${account.name}`} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Key</Table.Th>
          <Table.Th w={{ base: 110, sm: 220 }}>Used</Table.Th>
          <Table.Th w={{ base: 72, sm: 100 }}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {account.keys.map((key) => {
          const state = keyState(key);
          return (
            <Table.Tr key={key.id} data-testid="api-key-row">
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {key.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  okr_live_{key.publicId}_…
                </Text>
                <Badge size="xs" variant="light" color={state.color}>
                  {state.label}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{key.lastUsedAt ? `Last used ${formatDate(key.lastUsedAt)}` : 'Never used'}</Text>
                <Text size="xs" c="dimmed">
                  {key.revokedAt
                    ? `Revoked ${formatDate(key.revokedAt)}`
                    : key.expiresAt
                      ? `Expires ${formatDate(key.expiresAt)}`
                      : 'No expiry'}
                </Text>
              </Table.Td>
              <Table.Td>
                {!key.revokedAt && (
                  <Group justify="flex-end">
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke the key ${key.name}`}
                      title={`Revoke the key ${key.name}?`}
                      message="The next request that presents it is refused."
                      confirmLabel="Revoke"
                      onConfirm={async () => {
                        try {
                          await api.serviceAccounts.revokeApiKey(account.id, key.id);
                        } catch (e) {
                          onProblem({ title: `The key ${key.name} was not revoked`, error: e });
                        }
                        onChanged();
                      }}
                    >
                      Revoke
                    </ConfirmButton>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ApiKeyForm({ account, onCreated }: { account: ServiceAccountDto; onCreated: (key: ApiKeyCreated) => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ name: string; expiresAt: string }>({
    initialValues: { name: '', expiresAt: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the key after where it is used (e.g. “production”).'),
      expiresAt: (v) => (v && new Date(v) <= new Date() ? 'The expiry must be in the future.' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const key = await api.serviceAccounts.createApiKey(account.id, {
        name: values.name.trim(),
        expiresAt: values.expiresAt ? new Date(`${values.expiresAt}T00:00:00Z`).toISOString() : undefined,
      });
      form.reset();
      onCreated(key);
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['name', 'expiresAt']));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`New API key for ${account.name}`}>
      <Stack gap="xs">
        <FormError error={error} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput label="Key name" required placeholder="production" style={{ flex: '2 1 200px' }} {...form.getInputProps('name')} />
          <TextInput
            label="Expires on"
            type="date"
            description="Empty: never"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            style={{ flex: '1 1 160px' }}
            {...form.getInputProps('expiresAt')}
          />
          <Button type="submit" variant="light" loading={form.submitting} mt={{ base: 0, sm: 25 }}>
            Make a key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
