// The executive screens in a real browser against the real API: the company dashboard (as of today and two weeks
// ago), the alignment map with its click-through, and an admin's journey of closing a period — on periods and an
// objective this test creates itself, so the demo's current quarter stays open for the other browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, csrfHeaders, day, demoPassword, openBrowser, screenshot as save } from './browser.mjs';

const admin = 'admin@acme.test';
const longDate = (iso) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const monthYear = (iso) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A full-page screenshot from the top (the fixed header would otherwise sit where the page was scrolled to). */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  return save(page, name);
}

async function signIn(page, email = admin) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Picks a day in a Mantine date picker labelled `label`, going back month by month. */
async function pickDay(page, label, iso) {
  await page.getByLabel(label, { exact: true }).click();
  const level = page.locator('.mantine-DatePickerInput-calendarHeaderLevel');
  for (let i = 0; i < 24 && (await level.innerText()) !== monthYear(iso); i++) {
    await page.getByRole('button', { name: 'Previous month' }).click();
  }
  await page.getByRole('button', { name: longDate(iso), exact: true }).click();
}

/** REST as the signed-in person: the browser's session cookie goes with page.request. */
async function rest(page, method, path, body) {
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    data: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...csrfHeaders },
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function gql(page, query, variables = {}) {
  const response = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables }, headers: csrfHeaders });
  const body = await response.json();
  assert.ok(!body.errors, JSON.stringify(body.errors));
  return body.data;
}

test('the dashboard leads with the answer: units, what is at risk and why, compliance, and the state two weeks ago', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page);
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('heading', { name: 'Company dashboard' }).waitFor();

    // The answer first.
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /objectives? (need attention|on track|achieved)/);
    const progressNow = await page.getByTestId('overall-progress').innerText();
    assert.match(progressNow, /^\d+%$/);

    // One section per unit.
    for (const unit of ['Marketing', 'Global Sales', 'Product Management', 'Product Engineering']) {
      await page.getByRole('region', { name: unit, exact: true }).waitFor();
    }

    // What is at risk, and why: the owners' latest narratives.
    const attention = page.getByRole('region', { name: 'Needs attention, and why' });
    await attention.waitFor();
    const flagged = attention.getByRole('article');
    assert.ok((await flagged.count()) > 0, 'some key results need attention in the demo');
    const firstNarrative = await flagged.first().locator('blockquote').innerText();
    assert.ok(firstNarrative.length > 10, 'the latest narrative is shown');
    assert.match(await attention.innerText(), /Owner:.*Confidence:/s);

    // Check-in compliance.
    const compliance = page.getByRole('region', { name: 'Check-in compliance' });
    assert.match(await compliance.innerText(), /\d+%\s*of active key results were checked in/);

    // Clicking a status count filters the units to the objectives in that status.
    await page.getByRole('button', { name: /objectives on track \(click/ }).click();
    await page.getByText('Showing only objectives that are').waitFor();
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    await screenshot(page, 'dashboard');

    // As of two weeks ago: a banner says so, and the numbers are those of that day.
    const twoWeeksAgo = day(-14);
    await pickDay(page, 'As of', twoWeeksAgo);
    await page.getByText('Showing the state as of').waitFor();
    await page.waitForURL(new RegExp(`asOf=${twoWeeksAgo}`));
    await page.waitForFunction(
      (before) => {
        const el = document.querySelector('[data-testid="overall-progress"]');
        return el && el.textContent !== before;
      },
      progressNow,
      { timeout: 10_000 },
    );
    const progressThen = await page.getByTestId('overall-progress').innerText();
    assert.notEqual(progressThen, progressNow, 'two weeks ago the company stood elsewhere');

    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByText('Showing the state as of').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('overall-progress').innerText(), progressNow);
  } finally {
    await browser.close();
  }
});

test('the dashboard reads on a phone', async () => {
  const browser = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await signIn(page);
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByTestId('verdict').waitFor();
    await page.getByRole('region', { name: 'Needs attention, and why' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `nothing scrolls sideways (overflow ${overflow}px)`);
    await screenshot(page, 'dashboard-phone');
  } finally {
    await browser.close();
  }
});

test('the alignment map draws units, objectives and key results, and clicks through to an objective', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page);
    await page.goto(`${baseUrl}/alignment`);
    const map = page.getByTestId('alignment-map');
    await map.locator('.react-flow__node-objective').first().waitFor();
    assert.ok((await map.locator('.react-flow__node-unit').count()) >= 5, 'the units are drawn');
    assert.ok((await map.locator('.react-flow__node-keyResult').count()) >= 10, 'the key results are drawn');
    assert.ok((await map.locator('.react-flow__edge').count()) >= 5, 'the alignments are drawn');
    await page.getByRole('region', { name: 'Legend' }).waitFor();
    await screenshot(page, 'alignment');

    const node = map.locator('.react-flow__node-objective', { hasText: 'Engage the right customers' });
    await node.click();
    await page.waitForURL(/\/objectives\/[0-9a-f-]{36}/);
  } finally {
    await browser.close();
  }
});

test('an admin closes a period: activate, check in, review, choose what rolls over, close, override a grade, write the retrospective', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await signIn(page);
    const stamp = Date.now().toString(36);

    // A later year and a quarter in it, through the UI: where the unfinished objective will roll over.
    await page.goto(`${baseUrl}/periods`);
    await page.getByRole('heading', { name: 'Periods', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New period' }).click();
    const dialog = page.getByRole('dialog', { name: 'New period' });
    await dialog.locator('.mantine-SegmentedControl-label', { hasText: 'Year' }).click();
    const yearName = await dialog.getByLabel('Name').inputValue();
    assert.match(yearName, /^FY\d{4}$/);
    await dialog.getByLabel('Add the default roadmap').uncheck();
    await dialog.getByRole('button', { name: 'Create the period' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: yearName, exact: true }).waitFor();

    await page.getByRole('button', { name: 'New period' }).click();
    await dialog.locator('.mantine-SegmentedControl-label', { hasText: 'Quarter' }).click();
    await dialog.getByLabel('In the year').click();
    await page.getByRole('option', { name: yearName, exact: true }).click();
    const quarterName = await dialog.getByLabel('Name').inputValue();
    assert.equal(quarterName, `Q1 ${yearName.slice(2)}`);
    await dialog.getByRole('button', { name: 'Create the period' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: quarterName, exact: true }).waitFor();
    assert.ok((await page.getByTestId('checkpoint-state').count()) === 6, 'the quarter has the default roadmap');

    // The period to close: quarter-length from today, so check-ins can be dated inside it, and apart from the demo's
    // quarters. Created, filled and activated through REST with the session of the signed-in admin.
    const periodName = `E2E close ${stamp}`;
    const closing = await rest(page, 'POST', '/api/periods', {
      name: periodName,
      kind: 'CUSTOM',
      start: day(0),
      end: day(89),
      addDefaultRoadmap: true,
    });
    const { organization, me } = await gql(page, '{ organization { company { id } } me { person { id } } }');
    const objective = await rest(page, 'POST', '/api/objectives', {
      title: `Customers renew without being chased ${stamp}`,
      owningUnitId: organization.company.id,
      ownerId: me.person.id,
      type: 'COMMITTED',
      visibility: 'PUBLIC',
      raci: [],
      periodId: closing.id,
    });
    const keyResult = await rest(page, 'POST', '/api/key-results', {
      objectiveId: objective.id,
      title: 'Renewal rate rises from 80% to 90%',
      metricKind: 'PERCENTAGE',
      direction: 'INCREASE',
      baseline: 80,
      baselineMethod: 'Renewals over the last four quarters',
      target: 90,
      unitLabel: '%',
      weight: 1,
      isFinancial: false,
    });
    await rest(page, 'POST', `/api/objectives/${objective.id}/activate`);

    // Activate the period through the UI.
    await page.goto(`${baseUrl}/periods?period=${closing.id}`);
    await page.getByRole('heading', { name: periodName }).waitFor();
    await page.getByRole('button', { name: 'Activate the period' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('button', { name: 'Start the review' }).waitFor();

    // A check-in moves the key result half way.
    await rest(page, 'POST', `/api/key-results/${keyResult.id}/check-ins`, {
      value: 85,
      confidence: 6,
      narrative: 'Half way: the renewal reminders work, the pricing page does not yet.',
    });
    await page.getByRole('region', { name: 'Roadmap' }).waitFor();
    await screenshot(page, 'periods');

    // Start the review, then close through the guided flow.
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start the review' }).click();
    await page.getByRole('button', { name: 'Close the period…' }).click();

    const flow = page.getByRole('region', { name: `Close ${periodName}` });
    await flow.getByRole('checkbox', { name: `Roll over ${objective.title}` }).check();
    await flow.getByLabel('Roll over into').click();
    await page.getByRole('option', { name: new RegExp(`^${quarterName}`) }).click();
    await flow.getByRole('button', { name: 'Next: review and close' }).click();
    assert.match(await flow.innerText(), new RegExp(`roll over 1 objective into ${quarterName}`));
    await flow.getByRole('button', { name: `Close ${periodName} now` }).click();

    await flow.getByText(`${periodName} is closed`).waitFor();
    assert.match(await flow.innerText(), /1 key result carried/);
    const card = flow.getByRole('article', { name: objective.title });
    assert.equal(await card.getByTestId('grade').innerText(), '0.50', 'graded from measured progress: half way');
    await card.getByText('Missed', { exact: true }).waitFor();

    // Override the grade with a reason: 0.90 on a committed objective (success at 0.85) is achieved, and the badge says so.
    await card.getByRole('button', { name: 'Override the grade' }).click();
    await card.getByLabel('New grade').fill('0.9');
    await card.getByLabel('Reason').fill('Two renewals signed the day after the close.');
    await card.getByRole('button', { name: 'Save the grade' }).click();
    await card.getByText('because: “Two renewals signed the day after the close.”').waitFor();
    assert.equal(await card.getByTestId('grade').innerText(), '0.90');
    await card.getByText('Achieved', { exact: true }).waitFor();
    assert.equal(await card.getByText('Missed', { exact: true }).count(), 0, 'the badge follows the overridden grade');

    // Write the retrospective.
    await card.getByLabel('What went well').fill('Reminders 30 days ahead brought renewals forward.');
    await card.getByLabel('What we learned').fill('Customers read the pricing page before renewing.');
    await card.getByLabel('What to improve').fill('Fix the pricing page first next quarter.');
    await card.getByRole('button', { name: 'Save the retrospective' }).click();
    await card.getByText(/Written by Avery Admin/).waitFor();
    await screenshot(page, 'close-period');

    // What the server now holds.
    const after = await gql(
      page,
      `query($id: ID!) { objective(id: $id) { state grade computedGrade gradeOverrideReason retrospective { wentWell } } period(id: "${closing.id}") { state } }`,
      { id: objective.id },
    );
    assert.equal(after.period.state, 'CLOSED');
    assert.equal(after.objective.state, 'CLOSED');
    assert.equal(after.objective.computedGrade, 0.5);
    assert.equal(after.objective.grade, 0.9);
    assert.equal(after.objective.retrospective.wentWell, 'Reminders 30 days ahead brought renewals forward.');
    const copies = await gql(page, `{ objectives(filter: { text: "${stamp}" }) { nodes { state period { name } } } }`);
    assert.ok(
      copies.objectives.nodes.some((o) => o.state === 'DRAFT' && o.period.name === quarterName),
      'the objective rolled over as a draft into the later quarter',
    );
  } finally {
    await browser.close();
  }
});
