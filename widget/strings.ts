/** Every word the widget's own controls show, Vietnamese only (WRITING.md); the overlay has its own. */
export const WIDGET_TEXT = {
  launcher: 'Hướng dẫn',
  panelTitle: 'Hướng dẫn trên trang này',
  noTours: 'Trang này chưa có hướng dẫn.',
  settingsTitle: 'Cách hiển thị và đọc',
  textSize: 'Cỡ chữ',
  textSizes: { 100: 'Vừa', 150: 'Lớn', 200: 'Rất lớn' } as Record<number, string>,
  highContrast: 'Tương phản cao (chữ trắng trên nền đen)',
  alwaysRead: 'Tự đọc to từng bước',
  rate: 'Tốc độ đọc',
  rates: { normal: 'Vừa', slow: 'Chậm' } as Record<string, string>,
  language: 'Ngôn ngữ',
  languages: { vi: 'Tiếng Việt', en: 'Tiếng Anh' } as Record<string, string>,
  close: 'Đóng',
  stop: 'Dừng hướng dẫn',
  awayTitle: 'Hướng dẫn đang chờ',
  awayOtherSite: (host: string, step: number) =>
    `Bước ${step} ở trang ${host}. Ông/bà làm xong ở trang đó rồi quay lại trang này, hướng dẫn sẽ tiếp tục.`,
  awaySameSite: (step: number) => `Bước ${step} ở một trang khác của trang web này. Khi ông/bà mở trang đó, hướng dẫn sẽ tiếp tục.`,
} as const;
