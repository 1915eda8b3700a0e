/** Every word the overlay shows a citizen, Vietnamese first. One module, so a translation is one file. */
export const OVERLAY_TEXT = {
  next: 'Tiếp',
  back: 'Quay lại',
  done: 'Xong',
  close: 'Đóng hướng dẫn',
  skip: 'Bỏ qua bước này',
  navigation: 'Điều khiển hướng dẫn',
  stop: 'Dừng hướng dẫn',
  progress: (current: number, total: number) => `Bước ${current}/${total}`,
  clickHint: 'Bấm vào chỗ được tô sáng.',
  inputHint: 'Gõ vào ô được tô sáng.',
  waitHint: 'Bạn cứ từ từ, Dẫn Bước sẽ chờ.',
  loadingHint: 'Đang chờ trang tải xong…',
  missingTitle: 'Chưa thấy chỗ cần dùng',
  missing: (what: string) =>
    `Dẫn Bước đang tìm “${what}” nhưng chưa thấy trên trang. Bạn thử cuộn trang lên xuống, hoặc đợi trang tải xong. Trang có thể đã thay đổi.`,
  somewhere: 'phần cần dùng',
  pageSaid: (text: string) => `Trang báo: “${text}”. Bạn xem lại phần vừa nhập rồi thử lại.`,
  finishedTitle: 'Hoàn thành',
  finished: 'Bạn đã làm xong các bước. Cảm ơn bạn!',
} as const;
