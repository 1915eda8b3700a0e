// @vitest-environment jsdom
import type Browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { addStep, isRepeat, newDraft, REWRITE_MARK, type CapturedStep } from '../../engine/authoring/draft';
import { Tour } from '../../engine/schema';
import { canonicalText, checkTourText } from '../../engine/tour-check';
import { createAuthorTools } from '../../extension/authoring/tools/background';
import { captureStep } from '../../extension/authoring/tools/recorder';

const visible = () => true;
const click = (url: string, name: string): CapturedStep => ({ url, targets: [{ role: 'button', name }], advance: 'click', label: name });

describe('draft building', () => {
  it('makes a tour the schema accepts, with every text marked for rewriting', () => {
    let draft = newDraft('ban-nhap-1', 'https://dichvucong.gov.vn/?q=1');
    draft = addStep(draft, click('https://dichvucong.gov.vn/?q=1', 'Đăng nhập'))!;
    draft = addStep(draft, { url: 'https://sso.dancuquocgia.gov.vn/dang-nhap?return=/', targets: [{ label: 'Tên đăng nhập' }], advance: 'input', label: 'Tên đăng nhập' })!;
    draft = addStep(draft, { url: 'https://dichvucong.gov.vn/x', frameUrl: 'https://tokhaidientu.moj.gov.vn/to-khai?id=3', targets: [{ text: 'Lưu' }], advance: 'click' })!;
    expect(Tour.safeParse(draft).success).toBe(true);
    expect(draft.sites).toEqual(['https://dichvucong.gov.vn/*', 'https://sso.dancuquocgia.gov.vn/*', 'https://tokhaidientu.moj.gov.vn/*']);
    expect(draft.steps.map((s) => [s.id, s.page, s.frame, s.advance, s.say.vi])).toEqual([
      ['buoc-1', 'https://dichvucong.gov.vn/', undefined, 'click', `${REWRITE_MARK} Bấm “Đăng nhập”.`],
      ['buoc-2', 'https://sso.dancuquocgia.gov.vn/dang-nhap', undefined, 'input', `${REWRITE_MARK} Nhập vào ô “Tên đăng nhập”.`],
      ['buoc-3', 'https://dichvucong.gov.vn/x', 'https://tokhaidientu.moj.gov.vn/to-khai', 'click', `${REWRITE_MARK} Bấm.`],
    ]);
  });

  it('tours:check refuses a draft whose texts were not rewritten, and accepts it once they are', () => {
    const draft = addStep(newDraft('ban-nhap-1', 'https://dichvucong.gov.vn/'), click('https://dichvucong.gov.vn/', 'Tìm kiếm'))!;
    const errors = checkTourText('ban-nhap-1.json', canonicalText(draft), 'ban-nhap-1').filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.path)).toEqual(['$.title.vi', '$.steps[0].say.vi']);
    expect(errors[0].message).toContain('[VIẾT LẠI]');
    const written = { ...draft, title: { vi: 'Tìm thủ tục' }, steps: draft.steps.map((s) => ({ ...s, say: { vi: 'Bấm “Tìm kiếm”.' } })) };
    expect(checkTourText('ban-nhap-1.json', canonicalText(written), 'ban-nhap-1').filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('adds nothing for a page off the allow-list, and knows a repeat', () => {
    const draft = newDraft('ban-nhap-1', 'https://dichvucong.gov.vn/');
    expect(addStep(draft, click('https://example.com/', 'Tìm'))).toBeUndefined();
    const one = addStep(draft, click('https://dichvucong.gov.vn/a', 'Tìm'))!;
    expect(isRepeat(one, click('https://dichvucong.gov.vn/a?x=1', 'Tìm'))).toBe(true);
    expect(isRepeat(one, click('https://dichvucong.gov.vn/b', 'Tìm'))).toBe(false);
  });
});

describe('recording a filled field', () => {
  it('records that the field was filled, never what was typed', () => {
    const SENTINEL = 'SENTINEL-typed-9x8w';
    document.body.replaceChildren();
    const label = Object.assign(document.createElement('label'), { htmlFor: 'f', textContent: 'Số điện thoại' });
    const field = Object.assign(document.createElement('input'), { id: 'f', name: 'soDienThoai' });
    const bare = Object.assign(document.createElement('input'), { title: '' });
    document.body.append(label, field, bare);
    field.value = SENTINEL;
    bare.value = SENTINEL;
    for (const el of [field, bare]) {
      const step = captureStep(el, 'input', visible);
      expect(step?.advance).toBe('input');
      expect(JSON.stringify(step)).not.toContain(SENTINEL);
    }
    expect(captureStep(field, 'input', visible)?.targets[0]).toEqual({ role: 'textbox', name: 'Số điện thoại' });
  });
});

describe('author tools in the background', () => {
  const area = (name: 'local' | 'session') => fakeBrowser.storage[name] as unknown as Browser.Storage.StorageArea;
  const base = 'chrome-extension://abc/';
  function tools(url = 'https://dichvucong.gov.vn/') {
    const injected: number[] = [];
    const api = createAuthorTools({
      session: area('session'),
      local: area('local'),
      extensionId: 'abc',
      extensionBaseUrl: base,
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
      tabUrl: async () => url,
      inject: async (tabId) => void injected.push(tabId),
      notifyTab: async () => undefined,
    });
    return { api, injected };
  }
  const popup = { id: 'abc', url: `${base}popup.html` };
  const frame = (url: string, frameId = 0) => ({ id: 'abc', url, frameId, tab: { id: 7, url: 'https://dichvucong.gov.vn/', index: 0, highlighted: false, active: true, pinned: false, incognito: false } });

  beforeEach(() => fakeBrowser.reset());

  it('does nothing while author mode is off', async () => {
    const { api, injected } = tools();
    const status = (await api.handle({ kind: 'author:start', tabId: 7, mode: 'record' }, popup)) as { problem: string; mode: null };
    expect(status.mode).toBeNull();
    expect(status.problem).toContain('đang tắt');
    expect(injected).toEqual([]);
    expect(await api.handle({ kind: 'author:hello' }, frame('https://dichvucong.gov.vn/'))).toEqual({ mode: null });
  });

  it('records into a new draft, with the page from the sender, and ignores other origins and forged senders', async () => {
    await area('local').set({ authorMode: { v: 1, on: true } });
    const { api, injected } = tools();
    await api.handle({ kind: 'author:start', tabId: 7, mode: 'record' }, popup);
    expect(injected).toEqual([7]);
    expect(await api.handle({ kind: 'author:hello' }, frame('https://dichvucong.gov.vn/'))).toEqual({ mode: 'record' });
    const step = { kind: 'author:step', step: { url: 'https://sso.dancuquocgia.gov.vn/fake', targets: [{ text: 'Tra cứu' }], advance: 'click' } };
    // A URL on another origin than the sender's is not believed: the sender's own page is used.
    expect(await api.handle(step, frame('https://dichvucong.gov.vn/tra-cuu'))).toEqual({ ok: true, step: 1 });
    expect(api.handle(step, frame('https://evil.example/'))).toBeUndefined();
    expect(api.handle(step, { ...frame('https://dichvucong.gov.vn/'), id: 'other' })).toBeUndefined();
    expect(api.handle({ kind: 'author:start', tabId: 7, mode: 'pick' }, frame('https://dichvucong.gov.vn/'))).toBeUndefined();
    const stored = (await area('local').get('drafts')).drafts as { tours: Record<string, { tour: { steps: Array<{ page: string }> } }> };
    expect(Object.keys(stored.tours)).toEqual(['ban-nhap-20260102-030405']);
    expect(stored.tours['ban-nhap-20260102-030405'].tour.steps.map((s) => s.page)).toEqual(['https://dichvucong.gov.vn/tra-cuu']);
  });
});
