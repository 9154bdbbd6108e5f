// GraphQL over HTTP with off-the-shelf tooling: the specification's reference audit suite and its reference client
// (graphql-http), against the real API. Nothing here knows anything special about our server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer, createClient } from 'graphql-http';
import { baseUrl, bearerToken } from './browser.mjs';

const url = `${baseUrl}/graphql`;

const signIn = () => bearerToken('admin@acme.test');

function withToken(token) {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
}

for (const [who, fetchFn] of [['anonymous', async () => fetch], ['signed in', async () => withToken(await signIn())]]) {
  test(`the GraphQL-over-HTTP audit suite passes in full (${who})`, async () => {
    const results = await auditServer({ url, fetchFn: await fetchFn() });
    const failures = [];
    for (const result of results.filter((r) => r.status !== 'ok')) {
      failures.push(`${result.status} ${result.id} ${result.name}: ${result.reason}`);
    }
    assert.ok(results.length >= 50, `only ${results.length} audits ran`);
    assert.deepEqual(failures, []);
  });
}

test('the reference client reads the OKR tree of the active quarter', async () => {
  const token = await signIn();
  const client = createClient({ url, headers: { authorization: `Bearer ${token}` } });
  const query = (document, variables) =>
    new Promise((resolve, reject) => {
      let result;
      client.subscribe({ query: document, variables }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
    });

  const periods = await query('query { periods(kind: QUARTER, state: ACTIVE) { id name } }');
  assert.equal(periods.errors, undefined);
  const [period] = periods.data.periods;
  const tree = await query('query Tree($id: ID!) { okrTree(periodId: $id) { progress units { name objectives { title progress status } } } }', { id: period.id });
  assert.equal(tree.errors, undefined);
  assert.ok(tree.data.okrTree.units.length > 5);
  assert.ok(tree.data.okrTree.units.some((u) => u.objectives.some((o) => o.title.startsWith('Make it easy for the right customers'))));

  const missing = await query('query { objective(id: "00000000-0000-0000-0000-000000000000") { title } }');
  assert.equal(missing.errors[0].extensions.code, 'NOT_FOUND');
  client.dispose();
});
