// Business reviews in a real browser against the real API: Product Management's lead publishes a review now, reads it,
// finds the Markdown download and the print layout, and goes back to the unit's list; a member of the unit reads the
// list without the button. At 1440×900 and on a phone (390×844).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, demoPassword, openBrowser, screenshot as save } from './browser.mjs';

async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  return save(page, name);
}

async function signIn(page, email) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function unitId(page, name) {
  const response = await page.request.post(`${baseUrl}/graphql`, {
    data: { query: '{ orgUnits { id name children { id name } } }' },
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = await response.json();
  const all = body.data.orgUnits.flatMap((u) => [u, ...u.children]);
  return all.find((u) => u.name === name).id;
}

for (const viewport of [
  { width: 1440, height: 900, name: 'desktop' },
  { width: 390, height: 844, name: 'phone' },
]) {
  test(`a lead publishes a business review now and reads it (${viewport.name})`, async () => {
    const browser = await openBrowser({ viewport: { width: viewport.width, height: viewport.height } });
    try {
      const { page } = browser;
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, 'lead@acme.test');
      const unit = await unitId(page, 'Product Management');
      await page.goto(`${baseUrl}/reviews?unit=${unit}`);
      await page.getByRole('heading', { name: 'Business reviews', level: 1 }).waitFor();
      const generate = page.getByRole('button', { name: 'Generate review now' });
      await generate.waitFor();
      if (viewport.name === 'desktop') await screenshot(page, `reviews-list-before-${viewport.name}`);

      await generate.click();
      await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: /^Business review: Product Management, / }).waitFor();
      await page.getByRole('heading', { name: 'Summary' }).waitFor();
      await page.getByRole('heading', { name: 'Objectives and key results' }).waitFor();
      assert.ok(await page.getByText('by Lee Lead').first().isVisible(), 'the review names who published it');

      // The Markdown download is a link to the REST endpoint, which answers text/markdown with the session cookie.
      const markdown = page.getByRole('link', { name: 'Download Markdown' });
      const href = await markdown.getAttribute('href');
      assert.match(href, /^\/api\/business-reviews\/[0-9a-f-]{36}\/markdown$/);
      const file = await page.request.get(`${baseUrl}${href}`);
      assert.equal(file.status(), 200);
      assert.match(file.headers()['content-type'], /^text\/markdown/);
      assert.match(await file.text(), /^# Business review: Product Management, /);
      await screenshot(page, `review-${viewport.name}`);

      // Printed, the navigation and the buttons are gone.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: 'Download Markdown' }).or(page.getByRole('link', { name: 'Download Markdown' })).isVisible(), false);
      assert.equal(await page.locator('.mantine-AppShell-navbar').isVisible(), false);
      if (viewport.name === 'desktop') await screenshot(page, `review-print-${viewport.name}`);
      await page.emulateMedia({ media: 'screen' });

      // Back to the list: the review is there, the latest first.
      await page.getByRole('link', { name: /All reviews of Product Management/ }).click();
      await page.getByTestId('review-row').first().waitFor();
      assert.ok((await page.getByTestId('review-row').count()) >= 1);
      await screenshot(page, `reviews-list-${viewport.name}`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('a member reads the unit’s reviews but cannot publish one', async () => {
  const browser = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = browser;
    await signIn(page, 'member@acme.test');
    const unit = await unitId(page, 'Product Management');
    await page.goto(`${baseUrl}/reviews?unit=${unit}`);
    await page.getByRole('heading', { name: 'Business reviews', level: 1 }).waitFor();
    await page.getByTestId('review-row').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Generate review now' }).count(), 0);
  } finally {
    await browser.close();
  }
});
