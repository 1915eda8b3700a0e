/** Words on the options page (Vietnamese; the display settings have their own table in extension/prefs). */
export const OPTIONS_TEXT = {
  title: 'Dẫn Bước — Cài đặt và báo cáo',
  reportsHeading: 'Bước hướng dẫn không tìm thấy chỗ cần dùng',
  reportsIntro:
    'Khi một bước không tìm thấy chỗ cần bấm hoặc cần gõ trên trang, Dẫn Bước ghi lại ở đây để người soạn hướng dẫn sửa. Chỉ ghi mã hướng dẫn, mã bước, đường dẫn trang và cách tìm đã thử — không ghi nội dung trang hay những gì người dân gõ.',
  none: 'Chưa có báo cáo nào.',
  tableLabel: 'Bảng các bước không tìm thấy chỗ cần dùng',
  tour: 'Hướng dẫn',
  step: 'Bước',
  path: 'Trang',
  failed: 'Cách tìm đã thử',
  count: 'Số lần',
  last: 'Lần gần nhất',
  download: 'Tải về (JSON)',
  clear: 'Xoá tất cả báo cáo',
  confirmClear: 'Xoá tất cả báo cáo về bước không tìm thấy chỗ cần dùng? Không hoàn tác được.',
  corrupt: 'Dữ liệu báo cáo đã lưu bị hỏng nên không đọc được. Báo cáo mới vẫn được ghi; dữ liệu hỏng được cất riêng để kiểm tra.',
  quarantined: (n: number) => `${n} bản dữ liệu hỏng đang được cất riêng; “Xoá tất cả báo cáo” sẽ xoá cả chúng.`,
  loading: 'Đang tải…',
} as const;
