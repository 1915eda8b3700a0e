import type { TopicKey } from './tour-groups';

/** Words on the popup. Vietnamese is complete; another language falls back to Vietnamese per string. */
const VI = {
  appName: 'Dẫn Bước',
  tagline: 'Hướng dẫn từng bước trên Cổng Dịch vụ công',
  toursHere: 'Hướng dẫn cho trang này',
  allTours: 'Các hướng dẫn khác, theo chủ đề',
  topics: { 'dich-vu-cong': 'Dịch vụ công', 'thanh-toan': 'Thanh toán', 'an-toan': 'An toàn', other: 'Chủ đề khác' } as Record<TopicKey, string>,
  minutes: (n: number) => `Khoảng ${n} phút`,
  bring: 'Cần chuẩn bị:',
  runsOn: (site: string) => `Hướng dẫn này làm trên ${site}.`,
  noTourHere: 'Chưa có hướng dẫn cho trang này.',
  notPortal:
    'Trang đang mở không phải trang Dẫn Bước hướng dẫn. Bấm “Mở trang và bắt đầu” ở một hướng dẫn bên dưới: Dẫn Bước sẽ mở đúng trang cần dùng.',
  start: 'Bắt đầu',
  openAndStart: 'Mở trang và bắt đầu',
  steps: (n: number) => `${n} bước`,
  running: 'Đang hướng dẫn',
  interrupted: 'Hướng dẫn đang làm dở',
  stepOf: (i: number, n: number) => `Bước ${i}/${n}`,
  resume: 'Tiếp tục',
  stop: 'Dừng hướng dẫn',
  startOver: 'Làm lại từ đầu',
  loading: 'Đang tải…',
  forTeam: 'Dành cho Tổ công nghệ số cộng đồng',
  openDesk: 'Mở bàn làm việc (Tổ công nghệ số)',
  storageError: 'Không đọc được hướng dẫn đang làm dở vì dữ liệu đã lưu bị hỏng. Bấm “Bắt đầu” để làm lại từ đầu.',
  failed: 'Có lỗi, xin thử lại. Nếu vẫn không được, nhờ cán bộ ở bàn giúp.',
};

export type PopupText = typeof VI;

const EN: Partial<PopupText> = {
  tagline: 'Step-by-step help on the National Public Service Portal',
  toursHere: 'Guides for this page',
  allTours: 'Other guides, by topic',
  topics: { 'dich-vu-cong': 'Public services', 'thanh-toan': 'Payments', 'an-toan': 'Staying safe', other: 'Other topics' },
  minutes: (n: number) => `About ${n} minutes`,
  bring: 'Have at hand:',
  runsOn: (site: string) => `This guide runs on ${site}.`,
  noTourHere: 'No guide for this page yet.',
  notPortal: 'This page is not one Dẫn Bước guides. Press “Open the page and start” on a guide below: Dẫn Bước opens the right page.',
  start: 'Start',
  openAndStart: 'Open the page and start',
  steps: (n: number) => `${n} steps`,
  running: 'Guiding now',
  interrupted: 'Guide not finished',
  stepOf: (i: number, n: number) => `Step ${i}/${n}`,
  resume: 'Continue',
  stop: 'Stop the guide',
  startOver: 'Start again',
  loading: 'Loading…',
  storageError: 'The unfinished guide could not be read because the saved data is damaged. Press “Start” to begin again.',
  failed: 'Something went wrong, please try again. If it still fails, ask the staff at the desk.',
};

const TABLES: Record<string, Partial<PopupText>> = { en: EN };

export function popupText(lang: string): PopupText {
  return { ...VI, ...(lang === 'vi' ? {} : TABLES[lang]) };
}

/** The Vietnamese words (tests and places that never switch language). */
export const POPUP_TEXT = VI;
