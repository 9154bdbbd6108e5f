// Plan: the new user's journey of issue 5 — a lead drafts an objective with two key results on their unit's page,
// fixes what the coach flags, aligns it to the company objective, activates it, checks in from My week, and sees the
// progress and status change on the dashboard and the alignment map; and an admin invites someone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, csrfHeaders, demoPassword, openBrowser, screenshot as save } from './browser.mjs';

const companyObjective = 'Make it easy for the right customers to buy and hard for them to go';

/** A full-page screenshot from the top (scrolled, the fixed header would be drawn mid-page). */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  return save(page, name);
}

async function signIn(page, email) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Waits until no element matches (the coach's finding is gone after saving). */
async function gone(locator, what) {
  await locator.first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {
    throw new Error(`still shown: ${what}`);
  });
}

test('a lead drafts an objective, fixes what the coach flags, aligns and activates it, checks in, and sees it on the dashboard and the map', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'lead@acme.test');

    // The units, theirs first; open Product Management.
    await page.goto(`${baseUrl}/units`);
    const yours = page.getByRole('region', { name: 'Your units' });
    await yours.getByRole('link', { name: /^Product Management/ }).waitFor();
    await page.getByRole('region', { name: 'All units' }).getByTestId('unit-row').first().waitFor();
    await screenshot(page, 'units');
    await yours.getByRole('link', { name: /^Product Management/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Product Management' }).waitFor();
    assert.match(page.url(), /\/units\/[0-9a-f-]+\?period=/);

    // Draft an objective whose title carries a number: the coach says so while typing.
    const suffix = Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
    const numbered = `Win 3 flagship CMOs ${suffix}`;
    const fixed = `Win the flagship CMOs ${suffix}`;
    await page.getByRole('button', { name: 'New objective' }).click();
    const editor = page.getByRole('form', { name: 'New objective' });
    await editor.getByRole('textbox', { name: 'Objective' }).fill(numbered);
    await editor.getByTestId('coach-hints').locator('[data-rule="objective.title_has_numbers"]').waitFor();
    await editor.getByRole('textbox', { name: 'What success looks like' }).fill('The flagship CMOs use the product every week and say so.');
    await screenshot(page, 'objective-editor');
    await editor.getByRole('button', { name: 'Save draft' }).click();

    let card = page.getByRole('article', { name: numbered });
    await card.waitFor();
    assert.equal(await card.getAttribute('data-state'), 'DRAFT');
    await card.getByText('Draft: not counted in progress until it is activated.').waitFor();
    // The server's findings after saving: numbers in the title, no key results, aligned to nothing.
    await card.locator('[data-rule="objective.title_has_numbers"]').waitFor();
    await card.locator('[data-rule="objective.no_key_results"]').waitFor();

    // Activating asks first, naming what is still open (the coach's findings, no alignment); going ahead without a
    // measurable key result is refused, in words, next to the button.
    await card.getByRole('button', { name: 'Activate' }).click();
    const confirm = page.getByRole('dialog', { name: /^Activate/ });
    await confirm.getByText(/The coach has \d+ open findings? on it/).waitFor();
    await confirm.getByText('It is not aligned to anything above it').waitFor();
    await screenshot(page, 'journey-activate-confirm');
    await confirm.getByRole('button', { name: 'Activate anyway' }).click();
    await card.getByRole('alert').filter({ hasText: 'needs at least one measurable key result' }).waitFor();

    // The first key result is phrased as an activity: the coach flags it while typing. A milestone has no baseline or target.
    let krForm = card.getByRole('form', { name: 'New key result' });
    await krForm.waitFor();
    await krForm.getByRole('textbox', { name: 'Key result' }).fill('Launch the CMO onboarding');
    await krForm.locator('[data-rule="key_result.activity_phrasing"]').waitFor();
    await krForm.getByText('Milestone', { exact: true }).click();
    await krForm.getByTestId('milestone-note').waitFor();
    assert.equal(await krForm.getByRole('textbox', { name: 'Baseline' }).count(), 0);
    assert.equal(await krForm.getByRole('textbox', { name: 'Target' }).count(), 0);
    await krForm.getByRole('button', { name: 'Add key result' }).click();
    await krForm.waitFor({ state: 'detached' });

    // The second is a measurable outcome, its direction said in words.
    await card.getByRole('button', { name: 'Add key result' }).click();
    krForm = card.getByRole('form', { name: 'New key result' });
    await krForm.getByRole('textbox', { name: 'Key result' }).fill('Tier one CMOs use the product weekly');
    await krForm.getByText('Percentage', { exact: true }).click();
    await krForm.getByRole('textbox', { name: 'Baseline', exact: true }).fill('20');
    await krForm.getByRole('textbox', { name: 'Target' }).fill('60');
    await krForm.getByRole('textbox', { name: 'How the baseline was measured' }).fill('Pendo: weekly active Tier 1 CMO accounts');
    await krForm.getByTestId('measure-sentence').filter({ hasText: 'Increase from 20% to 60%' }).waitFor();
    await krForm.getByRole('button', { name: 'Add key result' }).click();
    await krForm.waitFor({ state: 'detached' });

    const activityKr = card.getByTestId('key-result').filter({ hasText: 'Launch the CMO onboarding' });
    await activityKr.locator('[data-rule="key_result.activity_phrasing"]').waitFor();
    await card.locator('[data-rule="objective.title_has_numbers"]').waitFor();
    await gone(card.locator('[data-rule="objective.no_key_results"]'), 'no key results');
    await screenshot(page, 'unit');

    // Fix the objective: a title without numbers. Its finding disappears after saving.
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: `Edit objective ${numbered}` });
    await edit.getByRole('textbox', { name: 'Objective' }).fill(fixed);
    assert.equal(await edit.getByTestId('coach-hints').count(), 0);
    await edit.getByRole('button', { name: 'Save objective' }).click();
    card = page.getByRole('article', { name: fixed });
    await card.waitFor();
    await gone(card.locator('[data-rule="objective.title_has_numbers"]'), 'numbers in the title');

    // Fix the key result: an outcome, measured, instead of an activity.
    await card.getByRole('button', { name: 'Edit key result Launch the CMO onboarding' }).click();
    krForm = card.getByRole('form', { name: 'Edit key result Launch the CMO onboarding' });
    await krForm.getByRole('textbox', { name: 'Key result' }).fill('Flagship CMOs onboarded on their own');
    await gone(krForm.locator('[data-rule="key_result.activity_phrasing"]'), 'activity hint while typing');
    await krForm.getByText('Number', { exact: true }).click();
    await krForm.getByRole('textbox', { name: 'Unit' }).fill('CMOs');
    await krForm.getByRole('textbox', { name: 'Baseline', exact: true }).fill('0');
    await krForm.getByRole('textbox', { name: 'Target' }).fill('3');
    await krForm.getByRole('textbox', { name: 'How the baseline was measured' }).fill('CRM: flagship accounts with onboarding done');
    await krForm.getByTestId('measure-sentence').filter({ hasText: 'Increase from 0 CMOs to 3 CMOs' }).waitFor();
    await krForm.getByRole('button', { name: 'Save key result' }).click();
    await krForm.waitFor({ state: 'detached' });
    const outcomeKr = card.getByTestId('key-result').filter({ hasText: 'Flagship CMOs onboarded on their own' });
    await outcomeKr.waitFor();
    await gone(card.locator('[data-rule="key_result.activity_phrasing"]'), 'activity phrasing');

    // Align it to the company objective (contributes).
    await card.locator('[data-rule="objective.not_aligned"]').waitFor();
    await card.getByRole('button', { name: 'Align to a parent' }).click();
    await card.getByRole('combobox', { name: 'Parent objective' }).fill('Make it easy');
    await page.getByRole('option', { name: new RegExp(`^${companyObjective}`) }).click();
    await card.getByRole('button', { name: 'Align', exact: true }).click();
    await card.getByRole('list', { name: 'Aligned to' }).getByRole('link', { name: companyObjective }).waitFor();
    await card.getByText('Contributes ×1').waitFor();
    await gone(card.locator('[data-rule="objective.not_aligned"]'), 'aligned to nothing');

    // Activate it (confirming what the coach may still say), and see that it worked.
    await card.getByRole('button', { name: 'Activate' }).click();
    const isActive = () =>
      page.waitForFunction((name) => document.querySelector(`article[aria-label="${name}"]`)?.getAttribute('data-state') === 'ACTIVE', fixed);
    if ((await Promise.race([isActive().then(() => 'active'), confirm.waitFor().then(() => 'asked')])) === 'asked') {
      await confirm.getByRole('button', { name: 'Activate anyway' }).click();
    }
    await isActive();
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByRole('status').filter({ hasText: 'Activated: it counts in Product Management’s progress now' }).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Activate' }).count(), 0);

    // Before any check-in: on the dashboard, in Product Management's section, at 0% and off the plan.
    const dashboardRow = async () => {
      await page.goto(`${baseUrl}/dashboard`);
      const section = page.getByRole('region', { name: 'Product Management' });
      const row = section.locator('div').filter({ has: page.getByRole('link', { name: fixed, exact: true }) }).last();
      await row.waitFor();
      return row;
    };
    let row = await dashboardRow();
    assert.equal(await row.getByText(/^\d+%$/).innerText(), '0%');
    const statusBefore = await row.locator('.mantine-Badge-root').last().innerText();
    assert.notEqual(statusBefore.toLowerCase(), 'on track');

    // Check in on both key results from My week, in one pass.
    await page.goto(`${baseUrl}/my-week`);
    const weekly = page.getByTestId('my-key-result').filter({ hasText: 'Tier one CMOs use the product weekly' });
    const flagship = page.getByTestId('my-key-result').filter({ hasText: 'Flagship CMOs onboarded on their own' });
    await weekly.getByLabel('Value (%)').fill('45');
    await weekly.getByRole('textbox', { name: /Narrative/ }).fill('The guided first week landed: 45% of Tier 1 CMOs active weekly.');
    await flagship.getByLabel('Value (CMOs)').fill('2');
    await flagship.getByRole('textbox', { name: /Narrative/ }).fill('Two flagship CMOs onboarded without help.');
    await page.getByRole('button', { name: /^Check in \d+ key results?$/ }).click();
    await page.getByRole('status').filter({ hasText: /Checked in 2 key results/ }).waitFor();
    await screenshot(page, 'journey-my-week');

    // The dashboard now shows the objective's progress (62.5% and 66.7% → 65%) and that it is on track.
    row = await dashboardRow();
    await row.getByText('65%', { exact: true }).waitFor();
    await row.getByText('On track', { exact: true }).waitFor();
    await screenshot(page, 'journey-dashboard');

    // So does the alignment map, under the company objective it contributes to.
    await page.goto(`${baseUrl}/alignment`);
    const node = page.getByTestId('alignment-map').locator(`[title="${fixed}"]`);
    await node.waitFor();
    await node.getByText('On track', { exact: true }).waitFor();
    await node.getByText('65%', { exact: true }).waitFor();
    await screenshot(page, 'journey-alignment');
  } finally {
    await browser.close();
  }
});

test('the unit page on a phone', async () => {
  const browser = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await signIn(page, 'lead@acme.test');
    await page.goto(`${baseUrl}/units`);
    await page.getByRole('region', { name: 'Your units' }).getByRole('link', { name: /^Product Management/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Product Management' }).waitFor();
    await page.getByTestId('objective-card').first().waitFor();
    await screenshot(page, 'unit-phone');
  } finally {
    await browser.close();
  }
});

test('a member sees why they cannot draft in a unit that is not theirs', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'member@acme.test');
    await page.goto(`${baseUrl}/units`);
    await page.getByRole('region', { name: 'All units' }).getByRole('link', { name: /^Global Sales/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Global Sales' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'New objective' }).count(), 0);
    await page.getByRole('button', { name: 'Why can’t I add objectives?' }).click();
    await page.getByText('Only members of Global Sales').waitFor();
  } finally {
    await browser.close();
  }
});

test('an admin invites someone and sees the one-time link once', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'admin@acme.test');
    await page.goto(`${baseUrl}/admin`);
    await page.getByRole('navigation', { name: 'Units tree' }).getByRole('button', { name: /Product Management/ }).waitFor();
    await screenshot(page, 'admin');

    await page.getByRole('tab', { name: 'Invitations' }).click();
    const email = `new.colleague.${Date.now()}@acme.test`;
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('button', { name: 'Invite' }).click();

    const link = page.getByTestId('invitation-link');
    await link.getByText('This is the only time this link is shown').waitFor();
    const url = await link.getByRole('textbox', { name: 'Accept link' }).inputValue();
    assert.match(url, new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/accept-invitation\\?token=.+`));
    await link.getByRole('button', { name: 'Copy the accept link' }).waitFor();
    await screenshot(page, 'admin-invitation');

    // Dismissed, it is gone for good; the invitation stays listed, pending, and can be revoked.
    await link.getByRole('button', { name: 'I have copied it' }).click();
    await link.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.getByText('Pending').waitFor();
    assert.equal(await page.getByText(url).count(), 0);
    await row.getByRole('button', { name: `Revoke the invitation of ${email}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();

    // The list is the server's: a fresh browser signed in as the admin sees the same invitation, revoked.
    const other = await openBrowser();
    try {
      await signIn(other.page, 'admin@acme.test');
      await other.page.goto(`${baseUrl}/admin?tab=invitations`);
      const again = other.page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
      await again.getByText('Revoked', { exact: true }).waitFor();
      await again.getByText(/invited .* by Avery Admin/).waitFor();
    } finally {
      await other.close();
    }
  } finally {
    await browser.close();
  }
});

test('someone invited joins: the admin sees the invitation accepted and the newcomer among the people, in no unit yet', async () => {
  const browser = await openBrowser();
  const invitee = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'admin@acme.test');
    await page.goto(`${baseUrl}/admin?tab=invitations`);
    const stamp = Date.now().toString(36);
    const email = `newcomer.${stamp}@acme.test`;
    const name = `Nova Newcomer ${stamp}`;
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('button', { name: 'Invite' }).click();
    const url = await page.getByTestId('invitation-link').getByRole('textbox', { name: 'Accept link' }).inputValue();
    const token = new URL(url).searchParams.get('token');

    // The invitee signs up and accepts (through the API, with their own session).
    const post = async (path, body) => {
      const response = await invitee.page.request.post(`${baseUrl}${path}`, { data: body, headers: csrfHeaders });
      assert.ok(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`);
    };
    await post('/api/auth/register', { email, password: demoPassword });
    await post('/api/auth/login?useCookies=true', { email, password: demoPassword });
    await post('/api/invitations/accept', { token, displayName: name });

    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.getByText('Accepted', { exact: true }).waitFor();
    await row.getByText(`${name} joined`, { exact: false }).waitFor();
    assert.equal(await row.getByRole('button', { name: /Revoke/ }).count(), 0);
    await screenshot(page, 'admin-invitations');

    await page.getByRole('tab', { name: 'People' }).click();
    const person = page.getByRole('listitem', { name });
    await person.getByText(email).waitFor();
    await person.getByText(/No unit yet/).waitFor();
    await screenshot(page, 'admin-people');
  } finally {
    await invitee.close();
    await browser.close();
  }
});
