// Notifications in a real browser against the API (ADR 0028): the lead mentions the member with the @ picker on the
// member's own objective; the member's bell counts it, the inbox lists it and marks it read. Then the member's
// reminder preferences, reached as the reminder email's link reaches them. Screenshots at 1440×900 and 390×844.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, csrfHeaders, day, openBrowser, screenshot, signIn } from './browser.mjs';

async function api(page, path, data) {
  const response = await page.request.post(`${baseUrl}${path}`, { data, headers: csrfHeaders });
  const text = await response.text();
  assert.ok(response.ok(), `${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function graphql(page, query, variables = {}) {
  const response = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables }, headers: csrfHeaders });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const unreadName = /^Notifications, (no|\d+) unread notifications?$/;

/** The bell's accessible name with `n` unread notifications. */
const bellName = (n) => `Notifications, ${n === 0 ? 'no unread notifications' : n === 1 ? '1 unread notification' : `${n} unread notifications`}`;

/** Waits until the bell says `expected` unread notifications. */
const expectUnread = (page, expected) => page.getByRole('link', { name: bellName(expected), exact: true }).waitFor({ timeout: 30_000 });

test('a mention with the @ picker reaches the member’s bell and inbox, where it is marked read', async () => {
  const member = await openBrowser({ viewport: { width: 1440, height: 900 } });
  const lead = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    // The member's own objective, so the demo's objectives stay as other tests expect them.
    await signIn(member.page, 'member@acme.test');
    const { me, periods } = await graphql(member.page, '{ me { person { id } memberships { unit { id } } } periods(kind: QUARTER, state: ACTIVE) { id } }');
    const title = `Make on-call calm (${Date.now().toString(36)})`;
    const objective = await api(member.page, '/api/objectives', {
      title, owningUnitId: me.memberships[0].unit.id, ownerId: me.person.id, type: 'COMMITTED', visibility: 'PUBLIC', raci: [], periodId: periods[0].id,
    });
    const before = (await graphql(member.page, '{ unreadNotificationCount }')).unreadNotificationCount;
    await member.page.reload();
    await expectUnread(member.page, before);

    // The lead writes "@Morg", picks Morgan Member with the keyboard, and posts.
    await signIn(lead.page, 'lead@acme.test');
    // Comments are on the objective page's "Comments and history" tab.
    await lead.page.goto(`${baseUrl}/objectives/${objective.id}?tab=activity`);
    await lead.page.getByRole('heading', { name: title }).waitFor();
    const box = lead.page.getByLabel('Add a comment');
    await box.click();
    await lead.page.keyboard.type('Could you add a baseline, @Morg');
    const options = lead.page.getByRole('listbox', { name: 'People to mention' });
    await options.getByRole('option', { name: /Morgan Member/ }).waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await screenshot(lead.page, 'notify-mention-picker');
    await lead.page.keyboard.press('Enter');
    assert.equal(await box.inputValue(), 'Could you add a baseline, @Morgan Member ');
    await lead.page.keyboard.type('before Friday?');
    await lead.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await lead.page.getByText('Could you add a baseline, @Morgan Member before Friday?').waitFor();

    // The member's bell counts it (a reload stands for the minute's poll); the inbox lists it with a link to the objective.
    await member.page.reload();
    await expectUnread(member.page, before + 1);
    await member.page.getByRole('link', { name: unreadName }).click();
    await member.page.waitForURL(/\/inbox/);
    const row = member.page.getByTestId('notification').filter({ hasText: `Lee Lead mentioned you on ${title}` });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-read'), 'false');
    assert.equal(await row.getByRole('link').getAttribute('href'), `/objectives/${objective.id}#comments`);
    await screenshot(member.page, 'notify-inbox-1440');

    await row.getByRole('button', { name: /^Mark read:/ }).click();
    await member.page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="notification"]')]
      .some((r) => r.textContent?.includes(t) && r.getAttribute('data-read') === 'true'), `Lee Lead mentioned you on ${title}`);
    await expectUnread(member.page, before);
    // The lead, who wrote it, was told nothing of it.
    const { notifications } = await graphql(lead.page, '{ notifications(first: 100) { nodes { text } } }');
    assert.ok(!notifications.nodes.some((n) => n.text.includes(title)), 'the author is never notified of their own comment');

    // On a phone: the bell stays in the header, the inbox reads in one column.
    await member.page.setViewportSize({ width: 390, height: 844 });
    await member.page.getByRole('link', { name: unreadName }).waitFor();
    await screenshot(member.page, 'notify-inbox-390');
  } finally {
    await member.close();
    await lead.close();
  }
});

test('the reminder email’s link opens the reminder preferences, which pause reminders until a date', async () => {
  const browser = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = browser;
    await signIn(page, 'dev@acme.test');
    await page.goto(`${baseUrl}/settings#reminder-preferences`);
    const section = page.locator('#reminder-preferences');
    await section.getByRole('heading', { name: 'Check-in reminders' }).waitFor();
    assert.ok(await section.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight), 'the link lands on the section');

    await section.locator('input[aria-haspopup="listbox"]').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Asia/Tok');
    await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
    const until = day(14);
    await section.getByLabel('Pause reminders until (on holiday)').fill(until);
    await section.getByRole('button', { name: 'Save reminder preferences' }).click();
    await section.getByRole('status').filter({ hasText: `Saved. No reminders until ${until}, inclusive.` }).waitFor();
    await screenshot(page, 'reminder-preferences-1440');

    // Read back from the server.
    await page.reload();
    await section.getByRole('heading', { name: 'Check-in reminders' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('#reminder-preferences input[type="date"]')?.value ?? '') !== '');
    assert.equal(await section.getByLabel('Pause reminders until (on holiday)').inputValue(), until);
    assert.equal(await section.locator('input[aria-haspopup="listbox"]').first().inputValue(), 'Asia/Tokyo');
    const { me } = await graphql(page, '{ me { reminderPreferences { timeZone remindersPausedUntil } } }');
    assert.deepEqual(me.reminderPreferences, { timeZone: 'Asia/Tokyo', remindersPausedUntil: until });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'reminder-preferences-390');

    // Back from holiday, in the organisation's zone again.
    await section.getByRole('button', { name: 'Resume reminders now' }).click();
    await section.locator('input[aria-haspopup="listbox"]').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('organisation');
    await page.getByRole('option', { name: /^The organisation’s/ }).click();
    await section.getByRole('button', { name: 'Save reminder preferences' }).click();
    await section.getByRole('status').filter({ hasText: /^Saved\.$/ }).waitFor();
  } finally {
    await browser.close();
  }
});
