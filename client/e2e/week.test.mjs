// My week and the objective page, in a real browser against the API: a member checks in on two key results in
// one keyboard pass, sees a refusal kept next to its row, then reads the objective page (chart, history,
// comments, as of). The key results are the test's own (a new objective of the member's unit), so the demo data
// other browser tests rely on is left as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, bearerToken, csrfHeaders, day, demoPassword, openBrowser, screenshot } from './browser.mjs';

async function signIn(page, email) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my-week/);
}

/** Calls the API with the browser's session cookie. */
function client(page) {
  const ok = async (response) => {
    const text = await response.text();
    assert.ok(response.ok(), `${response.url()} answered ${response.status()}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    graphql: async (query, variables = {}) => {
      const body = await ok(await page.request.post(`${baseUrl}/graphql`, { data: { query, variables }, headers: csrfHeaders }));
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return body.data;
    },
    post: async (path, data) => ok(await page.request.post(`${baseUrl}${path}`, { data, headers: csrfHeaders })),
  };
}

/**
 * A new active objective of the member's unit with two key results the member owns. The member drafts it; the lead
 * of the department above activates it (owning a draft does not make one its decider).
 */
async function createOwnObjective(api) {
  const { me, periods } = await api.graphql('{ me { person { id } memberships { unit { id } } } periods(kind: QUARTER, state: ACTIVE) { id } }');
  const suffix = Date.now().toString(36);
  const objective = await api.post('/api/objectives', {
    title: `Make nightly releases boring for CMO customers (${suffix})`,
    owningUnitId: me.memberships[0].unit.id,
    ownerId: me.person.id,
    type: 'COMMITTED',
    visibility: 'PUBLIC',
    raci: [],
    periodId: periods[0].id,
    description: 'Releases should be a non-event for the customers who depend on us most.',
  });
  const keyResult = (body) =>
    api.post('/api/key-results', { objectiveId: objective.id, ownerId: me.person.id, metricKind: 'NUMBER', weight: 1, isFinancial: false, baselineMethod: 'CI dashboard', ...body });
  const failures = await keyResult({ title: `Failed nightly deploys fall from 12 to 2 a month (${suffix})`, direction: 'DECREASE', baseline: 12, target: 2, unitLabel: 'failures' });
  const partners = await keyResult({ title: `Release notes reach 10 CMO design partners (${suffix})`, direction: 'INCREASE', baseline: 0, target: 10, unitLabel: 'partners' });
  const activated = await fetch(`${baseUrl}/api/objectives/${objective.id}/activate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await bearerToken('lead@acme.test')}` },
  });
  assert.equal(activated.status, 200, await activated.text());
  return { objective, failures, partners };
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a member checks in on two key results in one keyboard pass, then reads the objective page', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'member@acme.test');
    const api = client(page);
    const { objective, failures, partners } = await createOwnObjective(api);

    await page.goto(`${baseUrl}/my-week`);
    await page.getByRole('heading', { name: 'My week' }).waitFor();
    const cardA = page.getByTestId('my-key-result').filter({ hasText: failures.title });
    const cardB = page.getByTestId('my-key-result').filter({ hasText: partners.title });
    // Never checked in: both are due, and off track against the plan.
    await cardA.getByText('Due', { exact: true }).waitFor();
    await cardB.getByText('Due', { exact: true }).waitFor();
    assert.match(await cardA.innerText(), /First check-in due/);

    // One pass with the keyboard: value → confidence → narrative → the next key result.
    await cardA.getByLabel('Value (failures)').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'radio', 'Tab goes to confidence');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 5 → 8
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), `check-in-${failures.id}-narrative`, 'then to the narrative');
    await page.keyboard.type('The flaky migration step is fixed: two failures this month, both infrastructure.');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), `check-in-${partners.id}-value`, 'then to the next key result');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // 5 → 6
    await page.keyboard.press('Tab');
    await page.keyboard.type('All ten design partners got the release notes on the day.');
    await page.getByRole('button', { name: /^Check in \d+ key results?$/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Check in \d+ key results?$/ }).innerText(), 'Check in 2 key results');
    await page.keyboard.press('Control+Enter');

    // The confirmation, and the statuses and progress the server computed.
    await page.getByText('Checked in 2 key results; statuses are updated.').waitFor();
    await cardA.getByText('✓ Checked in').waitFor();
    await cardA.getByText('On track').waitFor();
    await cardB.getByText('On track').waitFor();
    assert.match(await cardA.innerText(), /100%/);
    assert.match(await cardA.innerText(), /Last check-in today/);
    assert.equal(await cardA.getByText('Due', { exact: true }).count(), 0);
    assert.equal(await cardA.getByLabel('Value (failures)').inputValue(), '2');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'my-week');

    // A value that goes the wrong way needs a narrative: the refusal shows next to the row, and what was typed stays.
    await cardA.getByLabel('Value (failures)').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Control+Enter');
    await cardA.getByText(/add a narrative/).waitFor();
    assert.equal(await cardA.getByLabel('Value (failures)').inputValue(), '5');
    assert.equal(await focusedId(page), `check-in-${failures.id}-narrative`);
    await page.keyboard.type('A bad config push broke three nightly deploys; rolled back, guard added.');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Checked in 1 key result; statuses are updated.').waitFor();
    assert.equal(await cardA.getByText(/add a narrative/).count(), 0);

    // The objective page: the chart and the history of each key result.
    await cardA.getByRole('link', { name: objective.title }).click();
    await page.waitForURL(new RegExp(`/objectives/${objective.id}`));
    await page.getByRole('heading', { name: objective.title }).waitFor();
    const sectionA = page.getByTestId('key-result-section').filter({ hasText: failures.title });
    await sectionA.getByTestId('key-result-chart').locator('svg .recharts-line').first().waitFor();
    // The check-ins and their form on their own tab (the overview stays short).
    await page.getByRole('tab', { name: /^Check-ins/ }).click();
    await page.waitForURL(/tab=check-ins/);
    const history = sectionA.getByRole('table');
    await history.getByText('A bad config push broke three nightly deploys; rolled back, guard added.').waitFor();
    await history.getByText('The flaky migration step is fixed: two failures this month, both infrastructure.').waitFor();
    assert.equal(await history.locator('tbody tr').count(), 2);
    assert.match(await history.innerText(), /Morgan Member/);
    // The same check-in form as My week is there for the owner.
    await sectionA.getByRole('form', { name: `Check in on ${failures.title}` }).waitFor();

    // The objective's history, from the audit trail: the latest check-in first, and who recorded it.
    await page.getByRole('tab', { name: /^Comments and history/ }).click();
    const audit = page.getByRole('region', { name: 'History', exact: true });
    await audit.getByText(`Check-in on “${failures.title}”: 5`, { exact: false }).first().waitFor();
    assert.match(await audit.innerText(), /Morgan Member/);

    // Comments: add, edit and delete one's own.
    await page.getByLabel('Add a comment').fill('Should the target be zero next quarter?');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.getByTestId('comment').filter({ hasText: 'Should the target be zero next quarter?' });
    await comment.waitFor();
    await comment.getByRole('button', { name: /^Edit your comment/ }).click();
    await page.getByLabel('Edit your comment').fill('Should the target be zero next quarter? Asking for the CMOs.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Asking for the CMOs.').waitFor();
    await page.getByTestId('comment').filter({ hasText: 'Asking for the CMOs.' }).getByText('edited', { exact: false }).waitFor();
    await page.getByRole('button', { name: /^Delete your comment/ }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No comments yet.', { exact: false }).waitFor();
  } finally {
    await browser.close();
  }
});

test('the company objective shows charts with annotations, KPIs and initiatives, and how it stood on a past day', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page, 'member@acme.test');
    const api = client(page);
    const { objectives } = await api.graphql('{ objectives(filter: { text: "hard for them to go", states: [ACTIVE] }) { nodes { id title } } }');
    const company = objectives.nodes[0];
    assert.ok(company, 'the demo company objective');

    await page.goto(`${baseUrl}/objectives/${company.id}`);
    await page.getByRole('heading', { name: company.title }).waitFor();
    const sections = page.getByTestId('key-result-section');
    await sections.first().getByTestId('key-result-chart').locator('svg .recharts-line').first().waitFor();
    assert.equal(await sections.count(), 4);
    const active = sections.filter({ hasText: '75% of Tier 1 and 2 customers are active weekly' });
    // The annotation on the timeline, the KPI beside the chart, the initiative with its Jira link.
    await active.locator('svg').getByText(/Experiment: in-app CMO dashboard/).waitFor();
    await active.getByText('Weekly active users, Tier 1–2 (%)').waitFor();
    await active.getByText('Healthy', { exact: true }).waitFor();
    await active.getByText(/healthy at 60% or more/).waitFor();
    await active.getByRole('link', { name: /PM-101/ }).waitFor();
    await page.getByText('RACI').waitFor();
    await page.getByText('Aligned to it').waitFor();
    await screenshot(page, 'objective');
    await page.getByRole('tab', { name: /^Check-ins/ }).click();
    await active.getByRole('table').locator('tbody tr').first().waitFor();
    const historyNow = await active.getByRole('table').locator('tbody tr').count();
    assert.ok(historyNow >= 3, 'the history shows the latest check-ins');
    await screenshot(page, 'objective-check-ins');
    await page.getByRole('tab', { name: 'Overview' }).click();

    // As of two weeks ago: the page as it stood then.
    const past = day(-14);
    await page.getByLabel('As of').fill(past);
    await page.getByText('As it stood at the end of', { exact: false }).waitFor();
    await page.waitForURL(new RegExp(`asOf=${past}`));
    await page.getByRole('button', { name: 'Back to today' }).click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
  } finally {
    await browser.close();
  }
});

test('My week on a phone', async () => {
  const browser = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await signIn(page, 'member@acme.test');
    await page.getByTestId('my-key-result').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px too wide)`);
    await screenshot(page, 'my-week-phone');
  } finally {
    await browser.close();
  }
});
