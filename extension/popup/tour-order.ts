import type { Tour } from '../../engine/schema';

/**
 * Tours in the order citizens need them most often at the desk: every procedure starts with
 * finding it, most then need a login, then paying the fee; the single-procedure tours come after.
 * Tours not listed here (a new one) follow, by title. Keep this list in step with tours/.
 */
export const TOUR_ORDER: readonly string[] = [
  'dvcqg-tim-thu-tuc',
  'dvcqg-dang-nhap-vneid',
  'dvcqg-dang-nhap-qr',
  'dvcqg-nop-ho-so-truc-tuyen',
  'dvcqg-thanh-toan-le-phi',
  'dvcqg-thanh-toan-dien-nuoc',
  'dvcqg-nop-phat-giao-thong',
  'dvcqg-tra-cuu-ho-so',
  'moj-to-khai-khai-sinh',
  'lienthong-khai-sinh',
  'bca-cap-doi-gplx',
  'dvcqg-an-toan',
];

const rank = (tour: Tour) => {
  const i = TOUR_ORDER.indexOf(tour.id);
  return i < 0 ? TOUR_ORDER.length : i;
};

export function byPopularity(tours: readonly Tour[]): Tour[] {
  return [...tours].sort((a, b) => rank(a) - rank(b) || a.title.vi.localeCompare(b.title.vi, 'vi'));
}
