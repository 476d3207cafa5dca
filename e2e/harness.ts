/**
 * What every browser test needs: the web app built, the real server on a fresh database with
 * the demo data, Debian's Chromium, and helpers for screenshots and accessibility checks.
 * Run through `npm test` (scripts/test.ts prepares the PostgreSQL template).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NetworkRoleName } from '@meute/contracts';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.ts';
import { createContext } from '../apps/server/src/context.ts';
import { DEMO_PASSWORD } from '../apps/server/src/db/seed/demo.ts';
import { createTestDatabase } from '../apps/server/src/test/database.ts';
import { buildOrganisation, buildPerson, TEST_PASSWORD } from '../apps/server/src/test/factories.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
const WEB = path.join(ROOT, 'apps/web');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');

export { DEMO_PASSWORD, TEST_PASSWORD };
export const LAPTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export const SIZES = { laptop: LAPTOP, phone: PHONE } as const;

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing
 * browser is a failure, not a skip.
 */
export function browserSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true')
    throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium).`);
  return `no Chromium at ${CHROMIUM}: browser tests skipped (apt-get install chromium)`;
}

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function isBuildFresh(): boolean {
  const index = path.join(WEB, 'dist/index.html');
  if (!fs.existsSync(index)) return false;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => path.join(WEB, name));
  const newestSource = Math.max(...sources.filter((source) => fs.existsSync(source)).map(newestChange));
  return fs.statSync(index).mtimeMs >= newestSource;
}

/**
 * Builds apps/web/dist when it is missing or older than a source file. Test files run in
 * parallel, so a lock directory makes the others wait for the one that builds.
 */
export async function ensureWebBuilt() {
  if (isBuildFresh()) return;
  const lock = path.join(os.tmpdir(), 'meute-web-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the web build lock ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (isBuildFresh()) return;
    const vite = path.join(ROOT, 'node_modules/.bin/vite');
    const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningApp {
  url: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  close(): Promise<void>;
}

/** The real server (API + built web app) on a fresh database with the demo data. */
export async function startApp(): Promise<RunningApp> {
  await ensureWebBuilt();
  const database = await createTestDatabase({ withDemo: true });
  // Links in e-mails need the public address before the server listens: pick the port first.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const context = createContext(
    { publicUrl: url, smtpUrl: undefined, mailFrom: 'Meute <no-reply@meute.test>' },
    database,
  );
  const app = await buildApp(context);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser profile (no cookies, no storage) in French, at laptop size. Page errors and
 * console errors (CSP violations included) are collected so a test can assert there were none.
 */
export async function newSession(
  browser: Browser,
  baseURL: string,
  size: { width: number; height: number } = LAPTOP,
) {
  const context = await browser.newContext({
    baseURL,
    viewport: size,
    locale: 'fr-FR',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  // E2E_CPU_THROTTLE=6 runs the page's scripts six times slower: races between quick user
  // actions and React's deferred renders show up here rather than on a busy CI machine.
  const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 1);
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed API calls (401 before sign-in, 404 on purpose) are expected; anything else is not.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { context, page, problems };
}

/** Signs in on the sign-in page; by default waits to land on a network's home (`landing` to say otherwise). */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  { landing = /\/n\/[a-z0-9-]+$/ }: { landing?: RegExp } = {},
) {
  await page.goto('/sign-in');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(landing);
}

/**
 * A person with an account (their password is TEST_PASSWORD), straight in the database: in no
 * network, or with the roles given.
 */
export async function addPerson(
  app: RunningApp,
  values: { email: string; displayName: string; roles?: { network: string; role: NetworkRoleName }[] },
): Promise<{ id: string; email: string }> {
  const { db } = app.database;
  const person = await buildPerson(db, { email: values.email, displayName: values.displayName });
  for (const { network, role } of values.roles ?? []) {
    const { id } = await db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', network)
      .executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ person_id: person.id, network_id: id, role }).execute();
  }
  return { id: person.id, email: person.email };
}

export async function personId(app: RunningApp, email: string): Promise<string> {
  const row = await app.database.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationId(app: RunningApp, name: string): Promise<string> {
  const row = await app.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Links a person to an organisation (as one of its leaders, or one of its people). */
export async function addPersonToOrganisation(
  app: RunningApp,
  name: string,
  email: string,
  isLeader: boolean,
) {
  await app.database.db
    .insertInto('person_organisations')
    .values({
      person_id: await personId(app, email),
      organisation_id: await organisationId(app, name),
      is_leader: isLeader,
    })
    .execute();
}

/** Who sees a person's e-mail and phone, and their phone, as they would set it in « Mon compte ». */
export async function setContact(
  app: RunningApp,
  email: string,
  values: { phone?: string; jobTitle?: string; emailVisibility?: Visibility; phoneVisibility?: Visibility },
) {
  await app.database.db
    .updateTable('people')
    .set({
      ...(values.phone === undefined ? {} : { phone: values.phone }),
      ...(values.jobTitle === undefined ? {} : { job_title: values.jobTitle }),
      ...(values.emailVisibility ? { email_visibility: values.emailVisibility } : {}),
      ...(values.phoneVisibility ? { phone_visibility: values.phoneVisibility } : {}),
    })
    .where('email', '=', email)
    .execute();
}
type Visibility = 'members' | 'staff' | 'nobody';

/**
 * A member organisation of the demo networks named by slug, with its profile and search text up
 * to date (the demo has no organisations yet). Leaders are given by e-mail.
 */
export async function addOrganisation(
  app: RunningApp,
  values: Omit<Parameters<typeof buildOrganisation>[1], 'networkIds' | 'leaders'> & {
    networks: string[];
    leaders?: string[];
  },
): Promise<string> {
  const { db } = app.database;
  const networks = await db
    .selectFrom('networks')
    .select(['id', 'slug'])
    .where('slug', 'in', values.networks)
    .execute();
  assert.equal(networks.length, values.networks.length, `unknown network in ${values.networks.join(', ')}`);
  const leaders = await Promise.all((values.leaders ?? []).map((email) => personId(app, email)));
  const { networks: _slugs, leaders: _emails, ...profile } = values;
  const organisation = await buildOrganisation(db, {
    ...profile,
    networkIds: networks.map((n) => n.id),
    leaders,
  });
  return organisation.id;
}

/** The latest mail of the development outbox sent to `to`, read straight from the database. */
export async function latestMailTo(app: RunningApp, to: string) {
  const row = await app.database.db
    .selectFrom('outbox_emails')
    .select(['subject', 'body_text'])
    .where('recipient', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  assert.ok(row, `no mail to ${to} in the outbox`);
  return row;
}

export function linkIn(text: string): string {
  const link = /https?:\/\/\S+/.exec(text)?.[0];
  assert.ok(link, `no link in: ${text}`);
  return link;
}

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeCode: string | undefined;
function axeSource(): string {
  axeCode ??= fs.readFileSync(AXE, 'utf8');
  return axeCode;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page; fails on any serious or critical violation, with what and where. */
export async function assertAccessible(page: Page, label: string) {
  // Evaluated rather than added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run: (options: object) => Promise<{ violations: unknown[] }> };
    };
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  const blocking = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = blocking
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}`).join('\n')}`,
    )
    .join('\n');
  assert.equal(blocking.length, 0, `Accessibility violations on ${label}:\n${report}`);
}

/**
 * A picture for the user guide: what the laptop screen shows, without scrolling, saved as
 * artifacts/screenshots/guide-NAME.png (copied by hand to docs/guide/img when it is good).
 */
export async function guideImage(page: Page, name: string, part?: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(LAPTOP);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(50);
  const file = path.join(SCREENSHOTS, `guide-${name}.png`);
  // One part of the page (a CSS selector), or the screen as it first shows.
  if (part) {
    // Scrolled into view, a part would pass under the sticky top bar: pin it to the page instead.
    await page.addStyleTag({ content: '.topbar, .side-nav { position: static !important; }' });
    await page.locator(part).screenshot({ path: file });
  } else await page.screenshot({ path: file });
}

/**
 * Checks a screen at laptop and phone size: a screenshot of each in artifacts/screenshots,
 * nothing wider than the screen, and no serious accessibility violation at either size. Leaves the page at laptop size.
 * A modal dialog needs `fullPage: false`: a full-page capture scrolls the page under it.
 */
export async function checkScreen(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A full-page picture of a scrolled page would show the sticky top bar in its middle.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  for (const [sizeName, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size);
    // Let layout settle (fonts are local, but the nav collapses on resize).
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${sizeName}.png`), fullPage });
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    assert.ok(overflow <= 0, `${name} (${sizeName}) is ${overflow}px wider than the screen`);
    await assertAccessible(page, `${name} (${sizeName})`);
  }
  await page.setViewportSize(LAPTOP);
}

/** Calls the API as one person, the way the web app does (session cookie, same origin). */
export async function apiAs(app: RunningApp, email: string, password = TEST_PASSWORD) {
  const signedIn = await fetch(`${app.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(signedIn.status, 200, await signedIn.text());
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, path: string, body?: object) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, origin: app.url, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}
