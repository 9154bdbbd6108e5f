import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, demoPassword, openBrowser, screenshot } from './browser.mjs';

test('the SPA is served by the API host and asks a visitor to sign in', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const response = await page.goto(baseUrl);
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(page.url(), /\/sign-in/);
    await screenshot(page, 'sign-in');
  } finally {
    await browser.close();
  }
});

test('a deep link falls back to the SPA, an unknown API path does not', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const deep = await page.goto(`${baseUrl}/some/client/route`);
    assert.equal(deep?.status(), 200);
    assert.match(await page.content(), /<div id="root">/);
    const api = await page.request.get(`${baseUrl}/api/nothing-here`);
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).code, 'NOT_FOUND');
  } finally {
    await browser.close();
  }
});

test('the API explorer runs GraphQL as the signed-in person and links to the REST docs', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    // GraphiQL's editors threw page errors ("reading 'toUrl'") while their workers were not bundled.
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && /toUrl|Uncaught/.test(message.text()) && pageErrors.push(message.text()));
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('lead@acme.test');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/my-week/);

    await page.getByRole('link', { name: /API explorer/ }).click();
    await page.getByRole('heading', { name: 'API explorer' }).waitFor();
    // Once the editor holds the sample query (GraphiQL loads its editor and the schema first), run it.
    await page.locator('.graphiql-query-editor').getByText('MyOrganization').waitFor({ timeout: 30_000 });
    const response = page.locator('.graphiql-response');
    for (let attempt = 0; attempt < 3 && !(await response.getByText('"lead@acme.test"').count()); attempt++) {
      await page.getByRole('button', { name: /Execute query/i }).click();
      await response.getByText('"lead@acme.test"').waitFor({ timeout: 10_000 }).catch(() => {});
    }
    await response.getByText('"lead@acme.test"').waitFor();
    const shown = (await response.innerText()).replace(/\s+/gu, ' '); // the editor lays text out with non-breaking spaces
    assert.ok(shown.includes('"displayName": "Lee Lead"'), `the query ran with the session of the person signed in: ${JSON.stringify(shown.slice(0, 200))}`);
    await screenshot(page, 'api-explorer');
    assert.deepEqual(pageErrors, [], 'GraphiQL runs without page errors');

    const swagger = page.getByRole('link', { name: 'Swagger UI' });
    assert.equal(await swagger.getAttribute('href'), '/swagger');
    const docs = await page.request.get(`${baseUrl}/swagger/v1/swagger.json`);
    assert.equal(docs.status(), 200);
    assert.ok((await docs.json()).paths['/api/objectives'], 'the REST contract is served');
  } finally {
    await browser.close();
  }
});
