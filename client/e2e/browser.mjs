// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, a fresh profile each time,
// screenshots saved as test artefacts. Never downloads a browser.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const baseUrl = process.env.OKR_E2E_URL ?? 'http://127.0.0.1:5080';
export const artifacts = process.env.OKR_E2E_ARTIFACTS ?? path.resolve('test-artifacts');
export const demoPassword = process.env.OKR_DEMO_PASSWORD ?? 'Demo-Okr-2026';

/** What the server requires on writes signed in with the session cookie (its CSRF protection), as the SPA sends it. */
export const csrfHeaders = { 'x-requested-with': 'XMLHttpRequest' };

// Time is an input: test.sh starts the API with --Clock:Start=$OKR_E2E_NOW and the browser's clock is pinned to the
// same instant, so the demo data (generated relative to the API's clock) and every status look the same on any day.
// Both clocks run on from there in real time. Without OKR_E2E_NOW the tests use the machine's clock.
const pinned = process.env.OKR_E2E_NOW ? Date.parse(process.env.OKR_E2E_NOW) : undefined;
if (pinned !== undefined && Number.isNaN(pinned)) throw new Error(`OKR_E2E_NOW is not a date: ${process.env.OKR_E2E_NOW}`);
const loadedAt = Date.now();

/** The tests' "now" in milliseconds: the pinned instant plus the time elapsed since the tests started. */
export const now = () => (pinned === undefined ? Date.now() : pinned + (Date.now() - loadedAt));

/** The day `offset` days from now, as yyyy-mm-dd (UTC). */
export const day = (offset = 0) => new Date(now() + offset * 86_400_000).toISOString().slice(0, 10);

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens a fresh browser profile; call close() when done. */
export async function openBrowser({ viewport = { width: 1366, height: 900 } } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'okr-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: flags,
    viewport,
  });
  context.setDefaultTimeout(15_000);
  if (pinned !== undefined) await context.clock.install({ time: now() });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under the artefacts folder. */
export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the REST API as a tool would (no browser) and answers the bearer token. */
export async function bearerToken(email) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`Signing in as ${email} answered ${response.status}: ${await response.text()}`);
  return (await response.json()).accessToken;
}

/** Signs in through the SPA's form and waits for My week. */
export async function signIn(page, email) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my-week/);
}
