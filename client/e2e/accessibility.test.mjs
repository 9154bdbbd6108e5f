// Accessibility of the screens issue 9 touched (ADR 0020): axe-core runs in the real browser on the sign-up page (empty
// and showing its errors), the forgot/reset password and confirm-email pages, the invite-member form (empty and with a link made) and the new-period modal, and finds no
// serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { baseUrl, demoPassword, openBrowser } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical violations axe finds on the page as it stands (every rule axe runs by default: WCAG 2.x A
 * and AA and best practices). Injected through the DevTools protocol, which the page's CSP does not govern.
 */
async function seriousViolations(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return serious.map(
    (v) => `${screen}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('\n  ')}`,
  );
}

test('the sign-up, forgot/reset password and confirm-email pages, the invite-member form and the period modal have no serious or critical axe violation', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const found = [];
    const checked = [];
    async function check(screen) {
      found.push(...(await seriousViolations(page, screen)));
      checked.push(screen);
    }

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await check('sign-up');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter a valid email address.').waitFor();
    await check('sign-up with field errors');
    await page.getByLabel('Email').fill(`axe.${Date.now().toString(36)}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    await check('sign-up refused by the server');

    // The pages mailed links lead to (ADR 0021): forgot password, and reset and confirm opened without a valid link.
    for (const [path, screen] of [['/forgot-password', 'forgot-password'], ['/reset-password', 'reset-password without a code'], ['/confirm-email', 'confirm-email without a link']]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading').first().waitFor();
      await page.waitForTimeout(300);
      if (process.env.OKR_E2E_ARTIFACTS) await page.screenshot({ path: `${process.env.OKR_E2E_ARTIFACTS}/${screen.split(' ')[0]}.png`, fullPage: true });
      await check(screen);
    }

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('admin@acme.test');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto(`${baseUrl}/admin?tab=invitations`);
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Email' }).waitFor();
    await check('invite-member form');
    await form.getByRole('textbox', { name: 'Email' }).fill(`axe.${Date.now().toString(36)}@acme.test`);
    await form.getByRole('button', { name: 'Invite' }).click();
    await page.getByTestId('invitation-link').getByRole('textbox', { name: 'Accept link' }).waitFor();
    await check('invite-member form with its link');

    await page.goto(`${baseUrl}/periods`);
    await page.getByRole('heading', { name: 'Periods', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New period' }).click();
    const dialog = page.getByRole('dialog', { name: 'New period' });
    await dialog.getByLabel('Name').waitFor();
    await page.waitForTimeout(300); // the modal's opening transition
    await check('new-period modal');

    console.log(`axe: ${checked.length} screens (${checked.join(', ')}), ${found.length} serious or critical violations`);
    assert.deepEqual(found, [], `serious or critical accessibility violations:\n${found.join('\n')}`);
  } finally {
    await browser.close();
  }
});
