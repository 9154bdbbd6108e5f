// The browser side of ADR 0016: the Content-Security-Policy the server sends lets the SPA and its GraphiQL work
// (no violation reported on the sign-in page, the dashboard, the API explorer and Swagger UI), and a write signed in
// with the session cookie but sent without the SPA's header is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, demoPassword, openBrowser } from './browser.mjs';

/** Collects CSP violations (as the page reports them) and console errors naming the policy. */
async function watchViolations(page) {
  const violations = [];
  await page.exposeFunction('__reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the CSP lets the sign-in page, the dashboard, GraphiQL and Swagger UI work without a violation', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const violations = await watchViolations(page);
    const signIn = await page.goto(`${baseUrl}/sign-in`);
    assert.match(signIn.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    await page.getByLabel('Email').fill('admin@acme.test');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The company's lead (the CEO) lands on the dashboard.
    await page.waitForURL(/\/dashboard/);

    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    await page.goto(`${baseUrl}/api-explorer`);
    await page.locator('.graphiql-query-editor').getByText('MyOrganization').waitFor({ timeout: 30_000 });
    const response = page.locator('.graphiql-response');
    for (let attempt = 0; attempt < 3 && !(await response.getByText('"admin@acme.test"').count()); attempt++) {
      await page.getByRole('button', { name: /Execute query/i }).click();
      await response.getByText('"admin@acme.test"').waitFor({ timeout: 10_000 }).catch(() => {});
    }
    await response.getByText('"admin@acme.test"').waitFor();

    await page.goto(`${baseUrl}/swagger`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(violations, [], `CSP violations:\n${violations.join('\n')}`);

    // The same session, without the SPA's X-Requested-With: refused as a cross-site write would be.
    const forged = await page.request.post(`${baseUrl}/api/organizations`, { data: { name: 'Forged' } });
    assert.equal(forged.status(), 403);
  } finally {
    await browser.close();
  }
});
