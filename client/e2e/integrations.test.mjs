// Admin → Integrations in a real browser: an admin makes a service account and an API key (shown once), a tool uses
// the key against the API, the admin revokes it and the next call is refused; then a webhook subscription, its secret
// shown once. Screenshots at 1440×900 and 390×844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, demoPassword, openBrowser, screenshot } from './browser.mjs';

async function signIn(page, email = 'admin@acme.test') {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** The API as a tool calls it with the key: who am I, over GraphQL. */
async function whoAmI(key) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { person { displayName } } }' }),
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

async function confirm(page, label) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

test('an admin makes a service account and a key, the key works until revoked, and a webhook is subscribed', async () => {
  const browser = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = browser;
    const stamp = Date.now().toString(36);
    const accountName = `Warehouse feed ${stamp}`;
    await signIn(page);
    await page.goto(`${baseUrl}/admin?tab=integrations`);

    // Validation first: a name is needed.
    const accountForm = page.getByRole('form', { name: 'New service account' });
    await accountForm.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Give the service account a name').waitFor();
    await accountForm.getByRole('textbox', { name: 'Name' }).fill(accountName);
    await accountForm.getByRole('button', { name: 'Create' }).click();
    const account = page.locator(`[aria-label="Service account ${accountName}"]`);
    await account.first().getByText('No API keys yet.').waitFor();

    const keyForm = page.getByRole('form', { name: `New API key for ${accountName}` });
    await keyForm.getByRole('textbox', { name: 'Key name' }).fill('e2e');
    await keyForm.getByRole('button', { name: 'Make a key' }).click();
    const once = page.getByTestId('secret-once');
    await once.getByText('Copy it now: it is never shown again').waitFor();
    const key = await once.getByRole('textbox', { name: 'API key' }).inputValue();
    assert.match(key, /^okr_live_[0-9a-f]{12}_/);
    await screenshot(page, 'integrations-key-shown-once-1440');

    // The key authenticates as the service account.
    const before = await whoAmI(key);
    assert.equal(before.status, 200);
    assert.equal(before.body.data.me.person.displayName, accountName);

    // Copied: the key is gone from the page for good; revoke it, and the next call is refused.
    await once.getByRole('button', { name: 'I have copied it' }).click();
    await once.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(key).count(), 0);
    await page.getByRole('button', { name: 'Revoke the key e2e' }).click();
    await confirm(page, 'Revoke');
    await account.first().getByText('Revoked', { exact: true }).waitFor();
    assert.equal((await whoAmI(key)).status, 401);

    // A webhook subscription: the events, the secret shown once.
    await page.locator('label[for$="-webhooks"]').click();
    const hookForm = page.getByRole('form', { name: 'New webhook' });
    await hookForm.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Enter the endpoint’s https:// URL.').waitFor();
    await page.getByText('Choose at least one event type.').waitFor();
    const url = `https://hooks.e2e.test/okr/${stamp}`;
    await hookForm.getByRole('textbox', { name: 'Endpoint URL' }).fill(url);
    await hookForm.getByRole('checkbox', { name: /Objective activated/ }).check();
    await hookForm.getByRole('checkbox', { name: /Check-in recorded/ }).check();
    await hookForm.getByRole('button', { name: 'Subscribe' }).click();
    const secret = await page.getByTestId('secret-once').getByRole('textbox', { name: 'Signing secret' }).inputValue();
    assert.match(secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
    const subscription = page.locator(`[aria-label="Webhook ${url}"]`);
    await subscription.getByText('Enabled').waitFor();
    await screenshot(page, 'integrations-webhook-1440');

    await subscription.getByRole('button', { name: 'Send test event' }).click();
    // The test event is in the delivery log (it cannot reach hooks.e2e.test, so it waits for its next attempt).
    await subscription.getByTestId('delivery-row').getByText('webhook.test').first().waitFor();
    await page.getByTestId('secret-once').getByRole('button', { name: 'I have copied it' }).click();

    await page.setViewportSize({ width: 390, height: 844 });
    await subscription.getByTestId('delivery-row').first().waitFor();
    await screenshot(page, 'integrations-webhook-390');
    await page.locator('label[for$="-service-accounts"]').click();
    await account.first().waitFor();
    await screenshot(page, 'integrations-service-accounts-390');
  } finally {
    await browser.close();
  }
});
