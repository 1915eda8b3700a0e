/** Words of the author-mode switch on the options page. */
export const AUTHOR_MODE_TEXT = {
  heading: 'Soạn hướng dẫn',
  intro: 'Dành cho người soạn hướng dẫn (cán bộ, tình nguyện viên). Người dân không cần bật.',
  toggle: 'Bật chế độ soạn hướng dẫn',
  banner: 'Chế độ soạn hướng dẫn đang bật',
  bannerDetail:
    'Trong cửa sổ Dẫn Bước có thêm nút “Chọn phần tử trên trang” và “Ghi hướng dẫn”. Các bản nháp chạy được trên máy này, mỗi bước ghi “Bản nháp — chưa kiểm duyệt”. Tắt khi đã soạn xong.',
  off: 'Chế độ soạn hướng dẫn đang tắt.',
  saveFailed: 'Chưa lưu được. Thử bấm lại.',
} as const;
