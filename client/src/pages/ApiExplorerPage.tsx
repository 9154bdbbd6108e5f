import { GraphiQL } from 'graphiql';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import 'graphiql/style.css';
// Monaco's language services run in web workers that Vite must bundle; without them every editor throws (toUrl).
import 'graphiql/setup-workers/vite';
import { csrfHeaders } from '../api/http';

const fetcher = async (params: unknown) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...csrfHeaders },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# You are signed in: these queries run as you, inside your organisation.
# Ctrl-Enter runs. The Docs panel (top left) describes every type and field.
query MyOrganization {
  me { email person { displayName } memberships { role unit { name } } }
  periods(kind: QUARTER) { id name state start end }
}
`;

/** GraphiQL signed in as the current user (the session cookie goes with every query), and the REST docs. */
export default function ApiExplorerPage() {
  return (
    <Stack gap="sm" h="calc(100vh - 88px)">
      <Group justify="space-between">
        <Title order={1} size="h3">
          API explorer
        </Title>
        <Text size="sm">
          Reads: GraphQL below, as you. Writes: the REST API, documented in{' '}
          <Anchor href="/swagger" target="_blank">
            Swagger UI
          </Anchor>
          .
        </Text>
      </Group>
      <div style={{ flex: 1, minHeight: 480, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}>
        <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
      </div>
    </Stack>
  );
}
