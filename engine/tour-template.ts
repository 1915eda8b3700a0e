import { DRAFT_MARKER } from './pack/format';

/** A tour id is a slug, like the file name that holds it. */
export const TOUR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `id` cannot name a new tour, in the words `tours:new` prints; undefined when it can. */
export function tourIdProblem(id: string): string | undefined {
  if (TOUR_ID_PATTERN.test(id) && id.length <= 80) return undefined;
  return `"${id}" không dùng được làm mã tour: chỉ chữ thường a-z, số 0-9 và dấu gạch ngang đơn, ví dụ dvcqg-tra-cuu-ho-so. (The id must be a slug.)`;
}

const draft = (text: string) => `${DRAFT_MARKER} ${text}`;

/** A new step for the author to fill in: its text is a draft to rewrite before the tour is packed. */
export function stepTemplate(id: string): Record<string, unknown> {
  return { id, say: { vi: draft('Một việc cho một bước, nói việc đó trước.') }, advance: 'next' };
}

/**
 * The starting point of a new tour (`tours:new`, the editor's new draft): valid, canonical, every
 * text a draft to rewrite before it is packed.
 */
export function tourTemplate(id: string): Record<string, unknown> {
  return {
    $schema: './tour.schema.json',
    schemaVersion: 1,
    id,
    title: { vi: draft('Tên việc người dân cần làm, như trên Cổng') },
    start: 'https://dichvucong.gov.vn/',
    sites: ['https://dichvucong.gov.vn/*'],
    steps: [
      {
        id: 'buoc-dau-tien',
        page: 'https://dichvucong.gov.vn/',
        target: [{ role: 'link', name: draft('chữ đúng như trên liên kết') }, { text: draft('chữ đúng như trên liên kết') }],
        say: { vi: draft('Bấm “…” (chữ đúng như trên màn hình). Một việc cho một bước.') },
        advance: 'click',
      },
    ],
  };
}
