import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, openBrowser, screenshot } from './browser.mjs';

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
