// The public pages' main tasks, as a motorist and a citizen do them on a phone, the axe-core scan of every public
// page, and each page's transfer size before its list is usable.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, BASE, DESKTOP, launch, open, PHONE, record, screenshot, transferred } from './support.mjs';

/** The most a page may transfer (compressed) before its list is usable. */
const BUDGET = 300 * 1024;

const PAGES = [
  { name: 'parking', path: '/', ready: '#places li.place' },
  { name: 'around', path: '/around.html', ready: '#problems li' },
  { name: 'report', path: '/report.html', ready: '#services input[type=radio]' },
  { name: 'open-data', path: '/open-data.html', ready: '#datasets li.item' },
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('a motorist', () => {
  test('finds a free space and its driving time from a street they type', async () => {
    const { page, problems, context } = await open(browser, { viewport: PHONE });
    await page.goto('/');
    await page.locator('#places li.place').first().waitFor();
    const market = page.locator('#places li.place[data-id="cp001"]');
    await assert.doesNotReject(market.getByText('3 of 4 free now').waitFor());

    // Keyboard only: type the street and press Enter.
    await page.locator('#place').focus();
    await page.keyboard.type('Mill');
    await page.keyboard.press('Enter');
    // More than one place matches: the choices take the focus, and the street is chosen with the keyboard.
    await page.locator('#from .choices').waitFor();
    await page.getByRole('button', { name: /^Mill Lane \(street\)/ }).press('Enter');
    const message = page.locator('#from-message');
    await page.waitForFunction(() => !/Looking for|^$/.test(document.getElementById('from-message').textContent));
    assert.match(await message.textContent(), /places? to park near Mill Lane/);
    await page.getByRole('heading', { name: 'Nearest places to park from Mill Lane' }).waitFor();
    const first = page.locator('#places li.place').first();
    const drive = await first.locator('.drive').textContent();
    assert.match(drive, /(minute|under a minute).* drive \(/);
    assert.match(await first.locator('.free').textContent(), /free now/);
    assert.match(await page.locator('#updated').textContent(), /^Updated at /);
    await page.locator('#map[data-ready]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'parking-phone-nearest');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a citizen', () => {
  test('reports a problem and sees it listed', async () => {
    const { page, problems, context } = await open(browser, { viewport: PHONE });
    await page.goto('/report.html');
    await page.getByLabel('Overflowing bin').check();
    await page.getByLabel('Street or place').fill('Market');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const choice = page.locator('#where .choices button').first();
    await Promise.race([choice.waitFor(), page.locator('#chosen:not([hidden])').waitFor()]);
    if (await choice.isVisible()) {
      await choice.click();
    }
    await page.getByLabel('What did you see?').fill('The bin by the market is full and bags are on the pavement.');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('heading', { name: 'Thank you: your report is sent' }).waitFor();
    const number = (await page.locator('#sent-text').textContent()).match(/number is (\d+)/)[1];
    const mine = page.locator(`#recent li[data-id="${number}"]`);
    await mine.getByText('This is your report.').waitFor();
    assert.match(await mine.textContent(), /Overflowing bin at Market/);
    await screenshot(page, 'report-sent');

    await page.goto('/around.html');
    await page.locator(`#problems li[data-id="report-${number}"]`).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('is told in words what is missing from a report', async () => {
    const { page, context } = await open(browser, { viewport: PHONE });
    await page.goto('/report.html');
    await page.locator('#services input[type=radio]').first().waitFor();
    await page.getByRole('button', { name: 'Send the report' }).click();
    const errors = page.getByRole('alert');
    await errors.waitFor();
    assert.match(await errors.textContent(), /Say where the problem is/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'errors');
    await context.close();
  });
});

describe('every public page', () => {
  for (const { name, path, ready } of PAGES) {
    test(`${name} transfers at most 300 KB before its list is usable and has no serious axe-core violation`, async () => {
      const { page, problems, context } = await open(browser, { viewport: PHONE });
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}live=off`);
      await page.locator(ready).first().waitFor();
      if (await page.locator('#map').count()) {
        await page.locator('#map[data-ready], #map-message:not([hidden])').first().waitFor({ timeout: 30_000 });
      }
      const size = await transferred(page);
      record(`${name}.transfer_before_list_bytes`, size.beforeList);
      record(`${name}.transfer_total_bytes`, size.total);
      assert.ok(size.beforeList <= BUDGET, `${name} transferred ${size.beforeList} bytes before its list was usable`);
      await screenshot(page, `${name}-phone`);
      // WCAG 1.4.10: nothing wider than the phone's screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `${name} scrolls sideways on a phone`);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await page.setViewportSize(DESKTOP);
      await screenshot(page, `${name}-desktop`);
      await context.close();
    });
  }
});

test('the base address answers', async () => {
  const response = await fetch(BASE);
  assert.equal(response.status, 200);
});
