/**
 * The match centre in a real browser: Debian's Chromium, headless, driven by playwright-core,
 * against the real server on loopback and a real file store. No browser is ever downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MatchEvent } from '../src/events/index.js';
import type { RunningMatchCentre } from '../src/serve/index.js';
import { ROOT, seed } from './helpers.js';
import { GROUP_D, LIV_RMA, post, startOn } from './serve-helpers.js';

const LIV_ATA = 'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson';
const CHROMIUM = process.env.MATCHLINE_CHROMIUM ?? '/usr/bin/chromium';

let centre: RunningMatchCentre & { folder: string };
let context: BrowserContext;

/** Why the browser could not start; every test then fails with it (counted as failed, never skipped). */
let launchError: Error | null = null;

beforeAll(async () => {
  centre = await startOn([...GROUP_D.filter((f) => f !== LIV_ATA), LIV_RMA]);
  if (!existsSync(CHROMIUM)) {
    launchError = new Error(
      `Chromium is not at ${CHROMIUM}: install the distribution's package (apt-get install chromium) ` +
        'or set MATCHLINE_CHROMIUM to its path; the browser tests do not download a browser',
    );
    return;
  }
  try {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'matchline-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
  } catch (error) {
    launchError = new Error(`Chromium at ${CHROMIUM} did not start: ${(error as Error).message}`);
  }
}, 60_000);

afterAll(async () => {
  await context?.close();
  await centre?.stop();
});

async function open(path: string, before: (page: Page) => void = () => undefined): Promise<Page> {
  if (launchError) throw launchError;
  const page = await context.newPage();
  before(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${centre.url}${path}`);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** Records the minute shown whenever the score changes (in the page, as it renders). */
async function recordScoreChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { scoreChanges: [string, string][] };
    w.scoreChanges = [];
    const score = document.getElementById('score')!;
    new MutationObserver(() =>
      w.scoreChanges.push([document.body.dataset.minute ?? '', score.textContent ?? '']),
    ).observe(score, { childList: true, characterData: true, subtree: true });
  });
}

describe('match centre in Chromium', () => {
  it('replays Liverpool 2-5 Real Madrid and the score changes at the right minutes', async () => {
    const page = await open('/?stream=r16-leg1-liverpool-real-madrid&speed=20');
    await recordScoreChanges(page);
    await page.waitForFunction(() => document.body.dataset.status === 'finished', undefined, {
      timeout: 30_000,
    });
    const changes = await page.evaluate(
      () => (window as unknown as { scoreChanges: [string, string][] }).scoreChanges,
    );
    expect(changes.filter(([, s]) => s !== '0–0')).toEqual([
      ["4'", '1–0'],
      ["14'", '2–0'],
      ["21'", '2–1'],
      ["36'", '2–2'],
      ["47'", '2–3'],
      ["55'", '2–4'],
      ["67'", '2–5'],
    ]);
    expect(await page.textContent('#clock')).toBe('Full time');
    // The scrubber goes back to any minute, from the keyboard.
    await page.focus('#scrubber');
    await page.keyboard.press('Home');
    const minutes: string[] = [];
    for (let i = 0; i < 30 && minutes.at(-1) !== "16'"; i++) {
      await page.keyboard.press('ArrowRight');
      minutes.push((await page.textContent('#scrub-at')) ?? '');
    }
    expect(minutes.at(-1)).toBe("16'");
    expect(await page.textContent('#score')).toBe('2–0');
    await page.click('#follow');
    await page.waitForFunction(() => document.getElementById('score')?.textContent === '2–5');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('strikes a retracted goal through and moves the live group table', async () => {
    const events = seed(LIV_ATA).map((e) => ({ ...e, id: e.id.replace('liv-ata', 'live') })) as MatchEvent[];
    const goal = 'live-2020-11-25-006';
    const send = async (version: number, batch: unknown[]) => {
      const r = await post(`${centre.url}/streams/live-liv-ata/events`, {
        expectedVersion: version,
        events: batch,
      });
      expect(r.status).toBe(201);
    };
    await send(0, events.slice(0, 2)); // fixture and line-ups before the page opens
    const page = await open('/?stream=live-liv-ata');
    const points = (team: string) => page.textContent(`#table tr[data-team-id="${team}"] td:nth-child(8)`);
    await page.waitForSelector('#table tr[data-team-id="atalanta"]');
    await send(2, events.slice(2, 7)); // kick-off to Iličić's goal at 60'
    await page.waitForSelector(`#timeline li.ok[data-event-id="${goal}"]`);
    await page.waitForFunction(() => document.getElementById('score')?.textContent === '0–1');
    expect([await points('liverpool'), await points('atalanta')]).toEqual(['9', '7']);
    // A VAR retraction (made up for the test: the real goal stood).
    await send(7, [
      {
        id: 'live-var-1',
        type: 'eventRetracted',
        at: { period: 2, ms: 900_000 },
        target: goal,
        reason: 'var',
      },
    ]);
    await page.waitForSelector(`#timeline li.retracted[data-event-id="${goal}"] del`);
    await page.waitForFunction(() => document.getElementById('score')?.textContent === '0–0');
    expect([await points('liverpool'), await points('atalanta')]).toEqual(['10', '5']);
    expect(await page.getAttribute(`#chart g.mark[data-event-id="${goal}"]`, 'class')).toContain('retracted');
    // The rest of the match: Gosens at 64' wins it 0-1; the retracted goal stays on the page, struck.
    await send(8, events.slice(7));
    await page.waitForFunction(() => document.body.dataset.status === 'finished');
    expect(await page.textContent('#score')).toBe('0–1');
    expect(await page.textContent(`#timeline li[data-event-id="${goal}"] del`)).toContain('Iličić');
    await page.screenshot({ path: join(ROOT, 'docs', 'match-centre.png'), fullPage: true });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('resumes after a dropped connection without a gap or a double', async () => {
    let connections = 0;
    const page = await open('/?stream=r16-leg1-liverpool-real-madrid&speed=20', (p) =>
      p.on('request', (r) => {
        if (r.url().includes('/streams/r16-leg1-liverpool-real-madrid/events')) connections++;
      }),
    );
    await page.waitForFunction(() => document.body.dataset.minute === "30'", undefined, { timeout: 30_000 });
    for (const client of [...centre.clients]) client.close(); // the server drops every live connection
    await page.waitForFunction(() => document.body.dataset.status === 'finished', undefined, {
      timeout: 30_000,
    });
    const data = await page.evaluate(() => ({ ...document.body.dataset }));
    expect(connections).toBeGreaterThanOrEqual(2); // the first connection and the browser's own reconnect
    expect({ gaps: data.gaps, doubles: data.doubles, version: data.version }).toEqual({
      gaps: '0',
      doubles: '0',
      version: String(seed(LIV_RMA).length),
    });
    const ids = await page.$$eval('#timeline li', (items) =>
      items.map((li) => li.getAttribute('data-event-id')),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(seed(LIV_RMA).length - 2); // everything but the fixture and line-ups
    await page.close();
  }, 60_000);

  it('is keyboard accessible: every control in tab order, the scrubber and Follow live from the keys', async () => {
    const page = await open('/?stream=r16-leg1-liverpool-real-madrid');
    await page.waitForFunction(() => document.body.dataset.status === 'finished');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    // Follow live is disabled (so skipped) while the page follows the match.
    expect(order).toEqual(['stream', 'speed', 'scrubber', 'timeline']);
    await page.focus('#scrubber');
    await page.keyboard.press('Home');
    expect(await page.textContent('#score')).toBe('0–0');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('follow');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('score')?.textContent === '2–5');
    expect(await page.isDisabled('#follow')).toBe(true);
    await page.close();
  }, 60_000);

  it('honours reduced motion: the score flashes only when motion is welcome', async () => {
    const animationAfterGoals = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await open('/?stream=r16-leg1-liverpool-real-madrid&speed=200');
      await page.emulateMedia({ reducedMotion });
      await page.waitForFunction(() => document.body.dataset.status === 'finished', undefined, {
        timeout: 30_000,
      });
      const style = await page.evaluate(() => {
        const score = document.getElementById('score')!;
        return { flashed: score.classList.contains('changed'), name: getComputedStyle(score).animationName };
      });
      await page.close();
      return style;
    };
    expect(await animationAfterGoals('no-preference')).toEqual({ flashed: true, name: 'flash' });
    expect(await animationAfterGoals('reduce')).toEqual({ flashed: true, name: 'none' });
  }, 60_000);
});
