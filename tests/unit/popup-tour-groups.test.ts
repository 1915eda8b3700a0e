import { describe, expect, it } from 'vitest';
import type { Tour } from '../../engine/schema';
import { tourTitlesByTask } from '../../extension/desk/model';
import { beginsHere, groupTours, siteInWords } from '../../extension/popup/tour-groups';
import { TOURS } from '../../tours/catalogue';

const HOME = 'https://dichvucong.gov.vn/';
const byId = (id: string) => TOURS.find((t) => t.id === id)!;
const ids = (tours: readonly Tour[]) => tours.map((t) => t.id);

function tour(id: string, extra: Partial<Tour> = {}): Tour {
  return {
    ...byId('dvcqg-tim-thu-tuc'),
    id,
    title: { vi: `Hướng dẫn ${id}` },
    ...extra,
  } as Tour;
}

describe('beginsHere: does "Bắt đầu" begin the tour on this page?', () => {
  it('is true on the page of the first step, and of a later step (the runner starts there)', () => {
    expect(beginsHere(byId('dvcqg-tim-thu-tuc'), HOME)).toBe(true);
    const search = byId('dvcqg-tim-thu-tuc');
    const later = search.steps.findIndex((step, i) => i > 0 && step.page && step.page !== search.steps[0].page);
    if (later > 0) expect(beginsHere(search, new URL(search.steps[later].page!.replace(/\*.*$/, ''), HOME).href)).toBe(true);
  });
  it('is false on another allowed origin, on a page the extension may not read, and on an unknown page', () => {
    const pay = byId('dvcqg-thanh-toan-le-phi');
    expect(beginsHere(byId('bca-cap-doi-gplx'), HOME)).toBe(false);
    expect(beginsHere(pay, 'https://dichvucongnganhtuphap.moj.gov.vn/ho-tich/dang-ky-khai-sinh')).toBe(false);
    expect(beginsHere(pay, null)).toBe(false);
    expect(beginsHere(pay, undefined)).toBe(false);
    expect(beginsHere(pay, 'https://example.org/')).toBe(false);
  });
  it('agrees with the tour start: every built-in tour begins on its own start page', () => {
    for (const t of TOURS) if (t.start) expect(beginsHere(t, t.start), t.id).toBe(true);
  });
});

describe('groupTours: this page first, then the rest by topic', () => {
  it('puts the tours for this page first and never repeats them under a topic', () => {
    const { here, byTopic } = groupTours(TOURS, HOME);
    expect(here.map((t) => t.id)).toContain('dvcqg-tim-thu-tuc');
    const rest = byTopic.flatMap((g) => ids(g.tours));
    for (const id of ids(here)) expect(rest).not.toContain(id);
    expect(new Set([...ids(here), ...rest]).size).toBe(TOURS.length);
  });
  it('lists topics in the order Dịch vụ công, Thanh toán, An toàn, then tours without a topic; empty topics are left out', () => {
    const tours = [
      tour('a', { topic: 'an-toan' }),
      tour('b'),
      tour('c', { topic: 'thanh-toan' }),
      tour('d', { topic: 'dich-vu-cong' }),
      tour('e', { topic: undefined }),
    ];
    const { here, byTopic } = groupTours(tours, 'https://example.org/');
    expect(here).toEqual([]);
    expect(byTopic.map((g) => g.topic)).toEqual(['dich-vu-cong', 'thanh-toan', 'an-toan', 'other']);
    expect(ids(byTopic[3].tours)).toEqual(['e']);
    expect(groupTours([tour('x', { topic: 'thanh-toan' })], null).byTopic.map((g) => g.topic)).toEqual(['thanh-toan']);
  });
  it('keeps the most-needed order within a topic and sorts new tours by title after them', () => {
    const { byTopic } = groupTours([tour('z-moi', { title: { vi: 'B mới' } }), tour('y-moi', { title: { vi: 'A mới' } }), ...TOURS], 'https://example.org/');
    const services = ids(byTopic.find((g) => g.topic === 'dich-vu-cong')!.tours);
    expect(services.slice(0, 2)).toEqual(['dvcqg-tim-thu-tuc', 'dvcqg-dang-nhap-vneid']);
    expect(services.indexOf('y-moi')).toBeLessThan(services.indexOf('z-moi'));
  });
  it('leaves out a tour with no start page when it does not begin here (nothing to open)', () => {
    const { byTopic } = groupTours([tour('no-start', { start: undefined, topic: 'an-toan' })], 'https://example.org/');
    expect(byTopic).toEqual([]);
  });
});

describe('siteInWords', () => {
  it('names the portal and gives its exact host', () => {
    expect(siteInWords('https://dichvucong.gov.vn/thanh-toan-truc-tuyen')).toBe('Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)');
    expect(siteInWords('https://pay.vnpay.vn/')).toBe('Trang thanh toán VNPAY (pay.vnpay.vn)');
  });
  it('falls back to the host alone for an origin it cannot name', () => {
    expect(siteInWords('https://example.org/a')).toBe('example.org');
  });
  it('names every origin a built-in tour starts on', () => {
    for (const t of TOURS) if (t.start) expect(siteInWords(t.start), t.id).toMatch(/^\p{Lu}.* \([a-z.]+\)$/u);
  });
});

describe('tourTitlesByTask: the desk picker\'s "Có hướng dẫn" mark', () => {
  it('gives every built-in tour\'s task its title, from the tours it is handed', () => {
    const titles = tourTitlesByTask(TOURS);
    for (const t of TOURS) if (t.task && t.start) expect(titles.get(t.task), t.id).toContain(t.title.vi);
    expect(tourTitlesByTask([tour('new', { task: 'a-new-task' })]).get('a-new-task')).toEqual(['Hướng dẫn new']);
  });
});
