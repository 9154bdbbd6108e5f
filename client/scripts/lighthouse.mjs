// Lighthouse on the screens that open a day: sign-in (signed out), Dashboard and My week (signed in as the demo admin),
// mobile (Lighthouse's default: an emulated mid-range phone on a throttled 4G) and desktop. Run by hand against a
// running host, not part of the test script (docs/performance.md, section SPA, has the figures):
//
//   OKR_LH_URL=http://127.0.0.1:5080 node scripts/lighthouse.mjs [--runs 3] [--desktop-only|--mobile-only]
//
// Needs lighthouse 12.2.3 (13 needs Node 22): from client/node_modules, or from LIGHTHOUSE_DIR (a folder where
// `npm i -E lighthouse@12.2.3` was run). Drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with
// playwright-core; never downloads a browser. Each run starts with an empty HTTP cache (a first visit); the session
// cookie is kept so the signed-in screens load as a person sees them. The median run of each is reported.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const baseUrl = process.env.OKR_LH_URL ?? 'http://127.0.0.1:5080';
const email = process.env.OKR_LH_EMAIL ?? 'admin@acme.test';
const password = process.env.OKR_DEMO_PASSWORD ?? 'Demo-Okr-2026';
const out = process.env.OKR_LH_OUT ?? path.resolve('test-artifacts', 'lighthouse');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 1 : 3);
const formFactors = args.includes('--desktop-only') ? ['desktop'] : args.includes('--mobile-only') ? ['mobile'] : ['mobile', 'desktop'];

async function importLighthouse() {
  const from = process.env.LIGHTHOUSE_DIR ? path.join(process.env.LIGHTHOUSE_DIR, 'package.json') : import.meta.url;
  const require = createRequire(from);
  let entry;
  try {
    entry = require.resolve('lighthouse');
  } catch {
    console.error('lighthouse is not installed: run `npm i -E lighthouse@12.2.3` in a folder of your choice and set LIGHTHOUSE_DIR to it.');
    process.exit(2);
  }
  const lighthouse = (await import(pathToFileURL(entry).href)).default;
  const desktop = (await import(pathToFileURL(path.join(path.dirname(entry), 'config', 'desktop-config.js')).href)).default;
  return { lighthouse, desktop };
}

const { lighthouse, desktop } = await importLighthouse();
const port = 9300 + Math.floor(Math.random() * 500);
const profile = await mkdtemp(path.join(tmpdir(), 'okr-lighthouse-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--remote-debugging-port=${port}`],
});
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);

const kb = (bytes) => Math.round(bytes / 1024);

/** One Lighthouse run with an empty HTTP cache; the cookies stay. */
async function audit(url, formFactor) {
  await cdp.send('Network.clearBrowserCache');
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktop : undefined);
  const lhr = result.lhr;
  const summary = Object.fromEntries(lhr.audits['resource-summary'].details.items.map((i) => [i.resourceType, i]));
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: lhr.audits['first-contentful-paint'].numericValue,
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    tbt: lhr.audits['total-blocking-time'].numericValue,
    scriptKb: kb(summary.script?.transferSize ?? 0),
    totalKb: kb(summary.total?.transferSize ?? 0),
    requests: summary.total?.requestCount ?? 0,
    lhr,
  };
}

async function measure(name, url, formFactor) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await audit(url, formFactor));
  results.sort((a, b) => a.score - b.score);
  const median = results[Math.floor(results.length / 2)];
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, `${name}-${formFactor}.json`), JSON.stringify(median.lhr));
  const row = { screen: name, formFactor, ...median, scores: results.map((r) => r.score).join('/') };
  delete row.lhr;
  console.log(
    `${name.padEnd(10)} ${formFactor.padEnd(8)} score ${String(row.score).padStart(3)} (runs ${row.scores})  FCP ${(row.fcp / 1000).toFixed(1)} s  ` +
      `LCP ${(row.lcp / 1000).toFixed(1)} s  TBT ${Math.round(row.tbt)} ms  JS ${row.scriptKb} KB  total ${row.totalKb} KB in ${row.requests} requests`,
  );
  return row;
}

const rows = [];
try {
  for (const formFactor of formFactors) rows.push(await measure('sign-in', `${baseUrl}/sign-in`, formFactor));

  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

  for (const formFactor of formFactors) {
    rows.push(await measure('dashboard', `${baseUrl}/dashboard`, formFactor));
    rows.push(await measure('my-week', `${baseUrl}/my-week`, formFactor));
  }
  await writeFile(path.join(out, 'summary.json'), JSON.stringify(rows, null, 2));
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
