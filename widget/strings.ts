/**
 * Words of the widget's own launcher, Vietnamese (WRITING.md). The settings use the extension's
 * words (extension/prefs/strings.ts) and the overlay its own (engine/strings.ts).
 */
export const WIDGET_TEXT = {
  launcher: 'Hướng dẫn',
  panelTitle: 'Hướng dẫn trên trang này',
  noTours: 'Trang này chưa có hướng dẫn.',
  close: 'Đóng',
  stop: 'Dừng hướng dẫn',
  /** said when the citizen asks to stop: the extension's words name its toolbar button instead */
  reopenHint: 'Có thể mở lại bất cứ lúc nào: bấm nút “Hướng dẫn” ở góc dưới bên phải trang.',
  awayTitle: 'Hướng dẫn đang chờ',
  awayOtherSite: (host: string, step: number) =>
    `Bước ${step} ở trang ${host}. Ông/bà làm xong ở trang đó rồi quay lại trang này, hướng dẫn sẽ tiếp tục.`,
  awaySameSite: (step: number) => `Bước ${step} ở một trang khác của trang web này. Khi ông/bà mở trang đó, hướng dẫn sẽ tiếp tục.`,
} as const;
