import type { BrowserContext, Frame, Page } from '@playwright/test';
import { siteOrigins, urlMatches } from '../../../engine/match';
import { effectivePage } from '../../../engine/runner';
import type { Condition, Step, Target, Tour } from '../../../engine/schema';
import { isSecretField, placeholderValue, type CitizenAction, type FieldInfo, type StepInput } from './inputs';
import type { VerifyProbe } from './probe';
import { describeTarget, type StepReport, type StepStatus, type TourReport } from './report';

const MARKED = '[data-danbuoc-verify]';
/** Hosts where the next move is the citizen's own: signing in, paying. A live replay stops there. */
const CITIZEN_ORIGINS: Record<string, string> = {
  'https://sso.dancuquocgia.gov.vn': 'đăng nhập',
  'https://pay.vnpay.vn': 'thanh toán',
};

export interface ReplayOptions {
  /** replicas, a base URL, or "live": printed in the report */
  against: string;
  /** live or base-URL runs stop before anything that needs the citizen: wait steps, secret fields, login and payment hosts */
  live: boolean;
  /** --base-url: the tour's main origin is served from here */
  baseUrl?: string;
  inputs: Record<string, StepInput>;
  stepTimeoutMs: number;
  /** a step found only by a fallback strategy counts as broken */
  strict: boolean;
}

/**
 * A watcher of the replay (`npm run demo -- <tour-id>` walks a tour this way with the extension on
 * screen): `page` replays in that page, already on the tour's start, and leaves it open.
 */
export interface ReplayHooks {
  page?: Page;
  /** the step's page is reached and its target found, just before the citizen acts */
  beforeAct?(index: number, step: Step, page: Page): Promise<void>;
  /** the citizen has acted (the step may still be waiting for "Tiếp" or the page) */
  afterAct?(index: number, step: Step, page: Page): Promise<void>;
}

type Probe = { __danbuocVerify: VerifyProbe };

class StepFailure extends Error {
  constructor(readonly status: StepStatus, message: string) {
    super(message);
  }
}

/** Replays one tour in a fresh page: per step, finds the target with the engine's resolver and acts as a citizen would. */
export async function replayTour(context: BrowserContext, tour: Tour, options: ReplayOptions, hooks: ReplayHooks = {}): Promise<TourReport> {
  const origins = siteOrigins(tour.sites);
  const mainOrigin = new URL(tour.start ?? origins[0]).origin;
  const toBrowser = (url: string) => (options.baseUrl && url.startsWith(mainOrigin) ? options.baseUrl.replace(/\/$/, '') + url.slice(mainOrigin.length) : url);
  const toTour = (url: string) => (options.baseUrl && url.startsWith(options.baseUrl.replace(/\/$/, '')) ? mainOrigin + url.slice(options.baseUrl.replace(/\/$/, '').length) : url);
  const matches = (pattern: string, url: string) => urlMatches(pattern, toTour(url), origins);

  const page = hooks.page ?? (await context.newPage());
  // "Tải lên từ thiết bị": the citizen picks a scan on the device; the replay picks a harmless sample.
  page.on('filechooser', (chooser) => void chooser.setFiles(SAMPLE_FILE).catch(() => undefined));
  const report: TourReport = { tourId: tour.id, title: tour.title.vi, against: options.against, verifiedAt: new Date().toISOString(), ok: true, steps: [] };
  let halted = false;
  try {
    if (!hooks.page) await page.goto(toBrowser(tour.start ?? `${mainOrigin}/`));
    for (const [index, step] of tour.steps.entries()) {
      const row: StepReport = {
        index,
        id: step.id,
        advance: step.advance,
        status: 'not-reached',
        broken: false,
        strategies: describeTarget(step.target).map((strategy) => ({ strategy, matches: null })),
        used: -1,
        note: '',
      };
      report.steps.push(row);
      if (halted) continue;
      // As the player does: after a skipped step, the steps on pages the citizen does not need are skipped too.
      const pattern = effectivePage(tour, index);
      if (report.steps[index - 1]?.status === 'skipped' && pattern && !matches(pattern, page.url())) {
        row.status = 'skipped';
        row.note = 'bước trước bị bỏ qua; bước này ở trang người dân không cần tới';
        continue;
      }
      try {
        await replayStep({ page, tour, index, step, row, options, matches, hooks });
        // A step with no target (a popover only, e.g. "log in on this page") passes once it ends.
        if (row.status === 'not-reached') row.status = 'ok';
      } catch (error) {
        // A Playwright error (an element that never became clickable…) breaks the step, not the run.
        const failure = error instanceof StepFailure ? error : new StepFailure('failed', (error as Error).message.split('\n')[0]);
        row.status = failure.status;
        row.note = failure.message;
        row.broken = failure.status !== 'stopped';
        halted = true;
      }
      if (row.broken) report.ok = false;
    }
  } finally {
    if (!hooks.page) await page.close();
  }
  return report;
}

interface StepContext {
  page: Page;
  tour: Tour;
  index: number;
  step: Step;
  row: StepReport;
  options: ReplayOptions;
  matches: (pattern: string, url: string) => boolean;
  hooks: ReplayHooks;
}

async function replayStep({ page, tour, index, step, row, options, matches, hooks }: StepContext): Promise<void> {
  const timeout = Math.max(options.stepTimeoutMs, step.timeoutMs ?? 0);
  const input = options.inputs[step.id] ?? {};
  const pattern = effectivePage(tour, index);

  if (pattern) {
    try {
      await page.waitForURL((url) => matches(pattern, url.href), { timeout, waitUntil: 'commit' });
    } catch {
      throw new StepFailure('failed', `chưa tới trang ${pattern} (đang ở ${page.url()})`);
    }
  }
  const citizenHost = CITIZEN_ORIGINS[new URL(page.url()).origin];
  if (options.live && citizenHost) throw new StepFailure('stopped', `dừng trước bước cần người dân (${citizenHost})`);
  const frame = step.frame ? await findFrame(page, step.frame, matches, timeout) : page.mainFrame();

  if (step.skipIf && (await holds(frame, step.skipIf, page.url(), matches))) {
    row.status = 'skipped';
    row.note = 'skipIf đúng: bỏ qua bước này';
    return;
  }
  if (step.advance === 'wait') {
    await hooks.beforeAct?.(index, step, page);
    if (!input.act || options.live) throw new StepFailure('stopped', 'dừng trước bước cần người dân (chờ điện thoại hoặc mã xác nhận)');
    await perform(frame, input.act, timeout);
  }
  if (step.target) await probeTarget(frame, step.target, row, timeout, options.strict);
  if (step.onlyIf && !(await holds(frame, step.onlyIf, page.url(), matches))) {
    row.status = 'skipped';
    row.note = 'onlyIf sai: bỏ qua bước này';
    return;
  }
  if (step.advance !== 'wait') await hooks.beforeAct?.(index, step, page);

  if (step.doneWhen && ACTED_ON.has(step.advance) && (await holds(frame, step.doneWhen, page.url(), matches))) {
    // The player would pass this step on the page's next change, before the citizen did anything.
    throw new StepFailure('failed', `doneWhen đã đúng trước khi người dân làm gì, bước sẽ tự qua: cho doneWhen chỉ đúng sau khi trang trả lời ${JSON.stringify(step.doneWhen)}`);
  }
  if (step.advance === 'click') {
    // A choice the replica makes in its listbox portal is made in the native <select> a page may show instead.
    if (input.act && (await isNativeSelect(frame))) await frame.locator(MARKED).selectOption({ index: 1 }, { timeout });
    else if (input.act) await perform(frame, input.act, timeout);
    else await frame.locator(MARKED).click({ timeout });
  } else if (step.advance === 'choose') {
    // A choice in a highlighted region: the citizen picks one of its items (the first, unless an input says which).
    if (input.act) await perform(frame, input.act, timeout);
    else {
      const region = frame.locator(MARKED);
      const items = region.locator(CHOICE_ITEMS);
      await ((await items.count()) ? items : region.locator('li')).first().click({ timeout });
    }
  } else if (step.advance === 'input') {
    await typeInto(frame, input, options.live, timeout);
  } else if (step.advance === 'navigate') {
    // The citizen follows the highlighted link, if the step shows one, to reach `to`.
    if (input.act) await perform(frame, input.act, timeout);
    else if (step.target) await frame.locator(MARKED).click({ timeout });
    try {
      await page.waitForURL((url) => matches(step.to!, url.href), { timeout, waitUntil: 'commit' });
    } catch {
      throw new StepFailure('failed', `không tới được trang ${step.to}`);
    }
  }
  await hooks.afterAct?.(index, step, page);
  if (step.doneWhen) await waitUntilHolds(frame, step.doneWhen, page, matches, timeout);
}

const SAMPLE_FILE = { name: 'giay-to-kiem-tra.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%kiem tra\n') };

/** Steps that end on what the citizen does, then wait for the page's answer (`doneWhen`). */
const ACTED_ON = new Set<Step['advance']>(['click', 'input', 'choose']);

const isNativeSelect = (frame: Frame) => frame.locator(MARKED).evaluate((el) => el.tagName === 'SELECT');

/** What a citizen can pick inside a choice region (as engine/step-guards.ts isChoiceIn). */
const CHOICE_ITEMS = 'a[href], button, [role=option], [role=button], [role=link], [role=radio]';

async function findFrame(page: Page, pattern: string, matches: StepContext['matches'], timeout: number): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => matches(pattern, f.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new StepFailure('failed', `không thấy khung (iframe) ${pattern}`);
    await page.waitForTimeout(100);
  }
}

/** Waits for any strategy to find the element, records each strategy's match count, marks the element. */
async function probeTarget(frame: Frame, target: Target, row: StepReport, timeout: number, strict: boolean): Promise<void> {
  try {
    await frame.waitForFunction((t) => (window as unknown as Probe).__danbuocVerify.found(t), target, { timeout, polling: 100 });
  } catch {
    const counts = await frame.evaluate((t) => (window as unknown as Probe).__danbuocVerify.counts(t), target).catch(() => []);
    counts.forEach((n, i) => (row.strategies[i].matches = n));
    throw new StepFailure('missing', 'không chiến lược nào tìm thấy chỗ cần chỉ trên trang');
  }
  const [counts, used] = await frame.evaluate((t) => {
    const probe = (window as unknown as Probe).__danbuocVerify;
    return [probe.counts(t), probe.mark(t)] as const;
  }, target);
  counts.forEach((n, i) => (row.strategies[i].matches = n));
  row.used = used;
  if (used > 0 && strict) {
    throw new StepFailure('fallback', `chiến lược 1 không khớp; chỉ chiến lược dự phòng số ${used + 1} tìm thấy (sửa chiến lược 1)`);
  }
  const nth = Array.isArray(target) ? target[used].nth : target.nth;
  const several = counts[used] > 1 && nth === undefined ? `; chiến lược ${used + 1} khớp ${counts[used]} chỗ, dùng chỗ đầu tiên` : '';
  row.status = used > 0 ? 'fallback' : several ? 'ambiguous' : 'ok';
  row.note = (used > 0 ? `chiến lược 1 không khớp, dùng dự phòng số ${used + 1}${several}` : several.slice(2));
}

async function holds(frame: Frame, condition: Condition, url: string, matches: StepContext['matches']): Promise<boolean> {
  if (condition.url) return matches(condition.url, url);
  return frame.evaluate((c) => (window as unknown as Probe).__danbuocVerify.holds(c), condition);
}

async function waitUntilHolds(frame: Frame, condition: Condition, page: Page, matches: StepContext['matches'], timeout: number): Promise<void> {
  try {
    if (condition.url) await page.waitForURL((url) => matches(condition.url!, url.href), { timeout, waitUntil: 'commit' });
    else await frame.waitForFunction((c) => (window as unknown as Probe).__danbuocVerify.holds(c), condition, { timeout, polling: 100 });
  } catch {
    throw new StepFailure('failed', `bước không kết thúc: doneWhen ${JSON.stringify(condition)} không xảy ra`);
  }
}

/** Types into the marked field: the tour's replica input, else a placeholder that fits it; selects take their first choice. */
async function typeInto(frame: Frame, input: StepInput, live: boolean, timeout: number): Promise<void> {
  const field = frame.locator(MARKED);
  const info: FieldInfo = await field.evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    type: (el.getAttribute('type') ?? '').toLowerCase(),
    inputMode: el.getAttribute('inputmode') ?? '',
    maxLength: Number(el.getAttribute('maxlength') ?? 0),
    autocomplete: el.getAttribute('autocomplete') ?? '',
    listbox: el.getAttribute('aria-haspopup') === 'listbox',
  }));
  if (live && isSecretField(info)) throw new StepFailure('stopped', 'dừng trước bước cần người dân (mật khẩu, mã xác nhận hoặc thẻ)');
  if (info.listbox) {
    // A chooser drawn as a button and a list: open it and take the first choice.
    await field.click({ timeout });
    await frame.locator('[role=option]').first().dispatchEvent('mousedown', { button: 0 }, { timeout });
    return;
  }
  if (info.tag === 'select') {
    // As a person does, with the keyboard: a guide trusts only the browser's own (trusted) events.
    await field.focus({ timeout });
    await field.press('ArrowDown', { timeout });
    if (await field.evaluate((el) => (el as HTMLSelectElement).selectedIndex < 1)) await field.selectOption({ index: 1 }, { timeout });
    return;
  }
  if (info.type === 'checkbox' || info.type === 'radio') {
    await field.check({ timeout });
    return;
  }
  await field.click({ timeout });
  await field.pressSequentially(input.type ?? placeholderValue(info), { timeout });
}

async function perform(frame: Frame, actions: readonly CitizenAction[], timeout: number): Promise<void> {
  for (const action of actions) {
    const target = 'click' in action ? action.click : action.fill;
    try {
      await frame.waitForFunction((t) => (window as unknown as Probe).__danbuocVerify.mark(t) >= 0, target, { timeout, polling: 100 });
    } catch {
      throw new StepFailure('failed', `không thấy chỗ để làm: ${describeTarget(target).join(' | ')}`);
    }
    if ('click' in action) await frame.locator(MARKED).click({ timeout });
    else await frame.locator(MARKED).fill(action.value, { timeout });
  }
}
