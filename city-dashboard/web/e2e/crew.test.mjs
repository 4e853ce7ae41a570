// A refuse crew member's round on a phone: the day's stops; a stop completed without a signal is kept on the phone,
// sent when the signal is back, and not doubled when sent again.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { account, axe, launch, open, PHONE, record, screenshot, transferred } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function logIn(page) {
  const crew = account('crew');
  await page.goto('/crew/');
  await page.getByLabel('Username').fill(crew.username);
  await page.getByLabel('Password').fill(crew.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  return crew;
}

async function serverRound(page) {
  return page.evaluate(async () => (await fetch('/api/v1/crew/round')).json());
}

describe('a crew member', () => {
  test('is told in words when a report is refused, and may discard it', async () => {
    const { page, context, problems } = await open(browser, { viewport: PHONE });
    // The phone's clock is three hours fast: its reports are "in the future" to the server.
    await context.addInitScript(() => {
      const Real = Date;
      const skew = 3 * 3600 * 1000;
      globalThis.Date = class extends Real {
        constructor(...args) {
          super(...(args.length === 0 ? [Real.now() + skew] : args));
        }

        static now() {
          return Real.now() + skew;
        }
      };
    });
    await logIn(page);
    const stop = page.locator('#stops li.stop.status-planned').first();
    await stop.waitFor({ timeout: 60_000 });
    const bin = await stop.getAttribute('data-bin');
    await stop.getByRole('button', { name: /^Emptied/ }).click();
    const refused = page.locator(`#stops li[data-bin="${bin}"] .message.error`);
    await refused.waitFor();
    assert.match(await refused.textContent(), /^Your report was not accepted: .*future/);
    assert.match(await page.getByRole('alert').filter({ hasText: `Bin ${bin}` }).textContent(), /not accepted/);
    await screenshot(page, 'crew-refused');
    await page.locator(`#stops li[data-bin="${bin}"]`).getByRole('button', { name: /^Discard/ }).click();
    await page.locator(`#stops li[data-bin="${bin}"]`).getByRole('button', { name: /^Emptied/ }).waitFor();
    assert.equal((await serverRound(page)).stops.find((s) => s.bin === bin).status, 'planned');
    assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
    await context.close();
  });

  test('completes a stop offline and it syncs once the signal is back, without doubling', async () => {
    const { page, context, problems } = await open(browser, { viewport: PHONE });
    const crew = await logIn(page);
    const first = page.locator('#stops li.stop.status-planned').first();
    await first.waitFor({ timeout: 60_000 });
    const bin = await first.getAttribute('data-bin');
    await page.locator('html[data-offline-ready]').waitFor({ timeout: 30_000 });
    await page.locator('#map[data-ready]').waitFor({ timeout: 60_000 });
    const size = await transferred(page);
    record('crew.transfer_before_list_bytes', size.beforeList);
    record('crew.transfer_total_bytes', size.total);
    await screenshot(page, 'crew-round');
    assert.deepEqual(await axe(page), []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the round scrolls sideways on a phone');

    // The signal goes; the page is opened again from the phone's copy, and the stop is done.
    await context.setOffline(true);
    await page.reload();
    const stop = page.locator(`#stops li[data-bin="${bin}"]`);
    await stop.getByRole('button', { name: /^Emptied/ }).click();
    await stop.getByText('(waiting to be sent)').waitFor();
    await page.locator('#map[data-ready]').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('#connection').textContent(), /No signal\. 1 report will be sent when the signal is back\./);
    const [waiting] = await page.evaluate((user) => JSON.parse(localStorage.getItem(`mycity.crew.outbox.${user}`)), crew.username);
    await screenshot(page, 'crew-offline');

    // The signal comes back: the report is sent once.
    await context.setOffline(false);
    await page.locator('#connection[data-waiting="0"]').waitFor({ timeout: 30_000 });
    await stop.getByText('(sent)').waitFor();
    const sent = await serverRound(page);
    const done = sent.stops.find((s) => s.bin === bin);
    assert.equal(done.status, 'emptied');

    // The same report again (an answer lost on the way) changes nothing.
    const again = await page.evaluate(async ({ report }) => {
      const who = await (await fetch('/api/v1/session')).json();
      const { bin: stopBin, ...body } = report;
      const response = await fetch(`/api/v1/crew/round/stops/${stopBin}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': who.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, round: await response.json() };
    }, { report: waiting });
    assert.equal(again.status, 200);
    assert.equal(again.round.stops.find((s) => s.bin === bin).reported_at, done.reported_at);
    const due = await page.evaluate(async () => (await fetch('/api/v1/bins/due')).json());
    assert.ok(!due.features.some((f) => f.id === bin), `${bin} is still due after it was emptied`);
    // Opened without a signal, the page had no CSRF token: its first report is refused (403) until it asks for one.
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 403/.test(p)), []);
    await context.close();
  });

  test('whose session ended while offline logs in again, and the report is sent', async () => {
    const { page, context, problems } = await open(browser, { viewport: PHONE });
    const crew = await logIn(page);
    const stop = page.locator('#stops li.stop.status-planned').first();
    await stop.waitFor({ timeout: 60_000 });
    const bin = await stop.getAttribute('data-bin');
    await page.locator('html[data-offline-ready]').waitFor({ timeout: 30_000 });
    await page.locator('#map[data-ready]').waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    await stop.getByRole('button', { name: /^Could not empty/ }).click();
    await stop.getByLabel('Reason').selectOption('blocked');
    await stop.getByLabel('Note (optional)').fill('Van parked in front');
    await stop.getByRole('button', { name: 'Send: could not empty' }).click();
    const reported = page.locator(`#stops li[data-bin="${bin}"]`);
    await reported.getByText('(waiting to be sent)').waitFor();

    // The session ends meanwhile (its cookie is gone); the signal comes back.
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Log in again' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Username').fill(crew.username);
    await page.getByLabel('Password').fill(crew.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await reported.getByText('(sent)').waitFor({ timeout: 30_000 });
    const done = (await serverRound(page)).stops.find((s) => s.bin === bin);
    assert.equal(done.status, 'not-emptied');
    assert.equal(done.reason, 'blocked');
    assert.equal(done.note, 'Van parked in front');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 401/.test(p)), []);
    await context.close();
  });
});
