import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  apiAs,
  browserSkipReason,
  DEMO_PASSWORD,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

/** What people try in a post: each would set `window.__xss` or open a dialog if it ran. */
const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss = 2; alert(2)">',
  '[cliquez](javascript:window.__xss=3;alert(3))',
  '[cliquez](JaVaScRiPt:alert(4))',
  '[cliquez](  javascript:alert(5))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)',
  '![image](javascript:alert(7))',
  '![image](x" onerror="alert(8))',
  '<svg onload="window.__xss = 9; alert(9)"></svg>',
  '<svg><script>alert(10)</script></svg>',
  '<a href="javascript:alert(11)">lien</a>',
  '<style>body { display: none }</style>',
  '<div style="background:url(javascript:alert(12))">style</div>',
  '<iframe src="javascript:alert(13)"></iframe>',
  '<details open ontoggle="alert(14)">x</details>',
  '[lien](vbscript:msgbox(15))',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>',
  '`<script>alert(17)</script>` dans du code',
  '<a href="https://example.org" onclick="alert(18)">lien sûr</a>',
  '[ref][x]\n\n[x]: javascript:alert(19)',
  '<object data="javascript:alert(20)"></object>',
  '<form action="javascript:alert(21)"><button>envoyer</button></form>',
];

describe('working groups: no script in a post ever runs', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders a corpus of XSS payloads as harmless, readable text', async () => {
    // The demo leader is a member of the club's RSE group.
    const api = await apiAs(app, 'dirigeant@demo.meute.fr', DEMO_PASSWORD);
    const base = `/api/networks/${CLUB}/groups/rse`;
    const thread = await api('POST', `${base}/posts`, {
      title: '<img src=x onerror=alert(0)> Titre piégé',
      body: PAYLOADS.join('\n\n'),
    });
    assert.equal(thread.status, 201, JSON.stringify(thread.body));
    for (const payload of PAYLOADS) {
      const reply = await api('POST', `${base}/posts/${thread.body.id}/replies`, { body: payload });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
    }

    const session = await newSession(browser, app.url);
    const { page } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto(`/n/${CLUB}/groups/rse/posts/${thread.body.id}`);
    await page.getByRole('heading', { level: 1, name: /Titre piégé/ }).waitFor();
    await page.getByText('dans du code').first().waitFor();
    // Hover and click every link in the posts: none may run anything.
    const links = page.locator('.post-body a');
    for (let i = 0; i < (await links.count()); i += 1) {
      const href = await links.nth(i).getAttribute('href');
      assert.match(href ?? '', /^(https?:|mailto:)/, `link ${i}: ${href}`);
    }
    await page.waitForTimeout(300);

    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => (globalThis as { __xss?: number }).__xss), undefined);
    // Evaluated as a string: the e2e project is typed without the DOM library.
    const dangerous = (await page.evaluate(`(() => {
      const found = [];
      for (const body of document.querySelectorAll('.post-body, .group-post-title')) {
        for (const element of body.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          if (['script', 'img', 'svg', 'iframe', 'style', 'object', 'form', 'math', 'details'].includes(tag))
            found.push(tag);
          for (const attribute of element.getAttributeNames()) {
            if (attribute.startsWith('on') || attribute === 'style') found.push(tag + '[' + attribute + ']');
          }
        }
      }
      return found;
    })()`)) as string[];
    assert.deepEqual(dangerous, []);
    // The text is still there to read: raw HTML shows as text.
    await page.getByText('<script>window.__xss = 1; alert(1)</script>').first().waitFor();
    await page.getByText('lien sûr').first().waitFor();
    assert.equal(await page.locator('body').isVisible(), true, 'no style hid the page');
    assert.deepEqual(
      session.problems.filter((p) => !p.includes('Content Security Policy')),
      [],
    );
  });
});
