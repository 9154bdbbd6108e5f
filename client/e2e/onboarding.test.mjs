// A new organisation from nothing, in a real browser: someone signs up, creates their organisation, follows the
// admin's "Get started" steps (first period, an invitation), and the invited colleague joins through the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, now, openBrowser, screenshot } from './browser.mjs';

const password = 'Globex-Okr-2026';

async function signUp(page, email) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
}

test('a founder signs up, creates the organisation, sets up the first period, and an invited colleague joins', async () => {
    const founder = await openBrowser();
    const colleague = await openBrowser();
    try {
        const { page } = founder;
        const stamp = Date.now().toString(36);
        await page.goto(`${baseUrl}/sign-up`);
        await signUp(page, `founder.${stamp}@globex.test`);
        await page.waitForURL(/\/create-organization/);
        await page.getByLabel('Organisation name').fill(`Globex ${stamp}`);
        await page.getByLabel('Your name').fill('Gina Founder');
        await page.getByRole('button', { name: /Create/ }).click();

        // A new organisation: the admin page says what to set up first.
        await page.waitForURL(/\/admin/);
        const start = page.getByRole('region', { name: 'Get started' });
        await start.getByText('Create the year and its first quarter').waitFor();
        await screenshot(page, 'onboarding-admin');

        // Every page without a period says why it is empty and offers the way out.
        await page.goto(`${baseUrl}/my-week`);
        await page.getByText('No periods yet').waitFor();
        assert.equal(await page.getByRole('textbox', { name: 'Period' }).count(), 0, 'no empty period picker');
        await page.getByRole('link', { name: 'Create the first period' }).click();

        // The link opens the new period form straight away, proposing the fiscal year running today: a quarter sits inside
        // a year, so the year comes first. Opened again, it proposes that year's current quarter.
        const dialog = page.getByRole('dialog', { name: 'New period' });
        await dialog.waitFor();
        const year = new Date(now()).getUTCFullYear();
        assert.equal(await dialog.getByLabel('Name').inputValue(), `FY${year}`);
        await dialog.getByRole('button', { name: 'Create the period' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.goto(`${baseUrl}/admin`);
        await start.getByText(/now its first quarter/).waitFor();
        await start.getByRole('link', { name: /New period/ }).click();
        await dialog.waitFor();
        const quarter = `Q${Math.floor(new Date(now()).getUTCMonth() / 3) + 1} ${year}`;
        assert.equal(await dialog.getByLabel('Name').inputValue(), quarter);
        await dialog.getByRole('button', { name: 'Create the period' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(quarter).first().waitFor();
        await page.goto(`${baseUrl}/admin`);
        await start.getByText(/Create the year and its first quarter \(done\)/).waitFor({ state: 'attached' });

        // Invite a colleague from the card's link.
        await start.getByRole('link', { name: /Invitations/ }).click();
        const email = `colleague.${stamp}@globex.test`;
        const form = page.getByRole('form', { name: 'Invite someone' });
        await form.getByRole('textbox', { name: 'Email' }).fill(email);
        await form.getByRole('button', { name: 'Invite' }).click();
        const link = await page.getByTestId('invitation-link').getByRole('textbox', { name: 'Accept link' }).inputValue();

        // The colleague opens the link, creates an account, and accepts.
        const other = colleague.page;
        await other.goto(link);
        await other.getByRole('link', { name: 'Create an account' }).click();
        await signUp(other, email);
        await other.getByRole('button', { name: 'Accept the invitation' }).waitFor();
        await other.getByLabel('Your name').fill('Colin Colleague');
        await other.getByRole('button', { name: 'Accept the invitation' }).click();
        await other.waitForURL(/\/my-week/);
        await other.getByRole('heading', { name: 'My week' }).waitFor();
        assert.match(await other.locator('header').innerText(), new RegExp(`Globex ${stamp}`));
        await screenshot(other, 'onboarding-colleague');

        // Back on the admin page the invitation step is done.
        await page.goto(`${baseUrl}/admin`);
        await start.getByText(/Invite your colleagues \(done\)/).waitFor({ state: 'attached' });
    } finally {
        await colleague.close();
        await founder.close();
    }
});
