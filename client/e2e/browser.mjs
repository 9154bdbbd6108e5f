// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, a fresh profile each time,
// screenshots saved as test artefacts. Never downloads a browser.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const baseUrl = process.env.OKR_E2E_URL ?? 'http://127.0.0.1:5080';
export const artifacts = process.env.OKR_E2E_ARTIFACTS ?? path.resolve('test-artifacts');
export const demoPassword = process.env.OKR_DEMO_PASSWORD ?? 'Demo-Okr-2026';

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
