import { locateStep } from '../../engine/runner';
import { TOUR_TOPICS, type Tour, type TourTopic } from '../../engine/schema';
import { originOf } from '../../engine/sites';
import { byPopularity } from './tour-order';

/**
 * Whether pressing "Bắt đầu" on this page begins the tour here: one of its steps belongs on the page
 * (the runner starts there, as `startRun` does). Otherwise the tour must open its `start` first.
 */
export function beginsHere(tour: Tour, url: string | null | undefined): boolean {
  return Boolean(url) && locateStep(tour, 0, url!) >= 0;
}

/** A topic heading of the popup; `other` holds tours without a topic (a pack's, a draft). */
export type TopicKey = TourTopic | 'other';

export interface TopicGroup {
  topic: TopicKey;
  tours: Tour[];
}

export interface PopupTourList {
  /** tours that begin on the tab's page, most needed first */
  here: Tour[];
  /** every other tour that can be opened from anywhere (it has a `start`), by topic in TOUR_TOPICS order */
  byTopic: TopicGroup[];
}

/** The popup's list: tours for this page first, then the rest by topic; empty topics are left out. */
export function groupTours(tours: readonly Tour[], url: string | null | undefined): PopupTourList {
  const ordered = byPopularity(tours);
  const here = ordered.filter((tour) => beginsHere(tour, url));
  const rest = ordered.filter((tour) => !here.includes(tour) && tour.start);
  const keys: TopicKey[] = [...TOUR_TOPICS, 'other'];
  const byTopic = keys
    .map((topic) => ({ topic, tours: rest.filter((tour) => (tour.topic ?? 'other') === topic) }))
    .filter((group) => group.tours.length > 0);
  return { here, byTopic };
}

/** The allowed origins in words, as a citizen would recognise them. */
const SITE_NAMES: Record<string, string> = {
  'https://dichvucong.gov.vn': 'Cổng Dịch vụ công quốc gia',
  'https://sso.dancuquocgia.gov.vn': 'Trang đăng nhập VNeID',
  'https://lienthong.dichvucong.gov.vn': 'Trang liên thông của Cổng Dịch vụ công quốc gia',
  'https://dichvucongnganhtuphap.moj.gov.vn': 'Cổng dịch vụ công Bộ Tư pháp',
  'https://tokhaidientu.moj.gov.vn': 'Trang tờ khai điện tử Bộ Tư pháp',
  'https://dichvucong.bocongan.gov.vn': 'Cổng dịch vụ công Bộ Công an',
  'https://pay.vnpay.vn': 'Trang thanh toán VNPAY',
};

/** "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)": where a tour's `start` opens, named and with its exact host. */
export function siteInWords(url: string): string {
  const origin = originOf(url);
  if (!origin) return url;
  const host = new URL(url).host;
  const name = SITE_NAMES[origin];
  return name ? `${name} (${host})` : host;
}
