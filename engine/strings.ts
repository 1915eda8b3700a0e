/**
 * Every word the overlay shows or says to a citizen, written to WRITING.md (ông/bà or no pronoun,
 * no jargon, buttons named as on screen). One module, so a translation is one file.
 */
export const OVERLAY_TEXT = {
  next: 'Tiếp',
  back: 'Quay lại',
  done: 'Xong',
  close: 'Dừng hướng dẫn',
  skip: 'Bỏ qua bước này',
  backStep: 'Quay lại bước trước',
  askHelp: 'Nhờ cán bộ giúp',
  helpAsked: 'Đã báo cho cán bộ ở bàn. Xin ông/bà chờ một chút.',
  navigation: 'Điều khiển hướng dẫn',
  guide: 'Dẫn Bước',
  read: '🔊 Đọc',
  readName: 'Đọc to',
  minimise: 'Thu nhỏ',
  expand: 'Mở rộng',
  stopQuestion: 'Dừng hướng dẫn?',
  stopExplain: 'Có thể mở lại bất cứ lúc nào từ nút Dẫn Bước trên thanh công cụ.',
  stopYes: 'Dừng',
  stopNo: 'Tiếp tục hướng dẫn',
  draftBadge: 'Bản nháp — chưa kiểm duyệt',
  progress: (current: number, total: number) => `Bước ${current}/${total}`,
  clickHint: 'Bấm vào chỗ đang sáng, có viền.',
  inputHint: 'Gõ vào ô đang sáng, có viền.',
  chooseHint: 'Bấm vào một mục trong phần đang sáng, có viền.',
  waitHint: 'Cứ từ từ, Dẫn Bước sẽ chờ.',
  loadingHint: 'Đang chờ trang tải xong…',
  missingTitle: 'Chưa thấy chỗ cần dùng',
  missing: (what: string, part = '') => `Không thấy ${part}“${what}” trên trang này. Trang có thể đã thay đổi hoặc chưa tải xong.`,
  inFrame: 'khung có ',
  waitShow: (what: string) => `Đang chờ trang hiện “${what}”…`,
  missingHint: 'Thử cuộn trang lên xuống. Nếu vẫn không thấy, bấm nút bên dưới.',
  somewhere: 'phần cần dùng',
  portalNotFound: (text: string) => `Trang báo: “${text}”. Nghĩa là trang này không có thứ cần tìm, nên chưa làm tiếp được bước này.`,
  portalError: (text: string) => `Trang báo: “${text}”. Trang đang gặp trục trặc, nên chưa làm tiếp được bước này.`,
  pageSaid: (text: string) => `Trang báo: “${text}”. Xem lại phần vừa nhập rồi thử lại.`,
  finishedTitle: 'Hoàn thành',
  finished: 'Ông/bà đã làm xong các bước. Cảm ơn ông/bà!',
  noVoice:
    'Máy này chưa có giọng đọc tiếng Việt nên chưa đọc to được; hướng dẫn vẫn chạy bình thường. ' +
    'Cách thêm: trên Windows, vào Cài đặt › Thời gian và ngôn ngữ › Giọng nói, thêm giọng “Microsoft An”. ' +
    'Trên Chromebook hoặc điện thoại Android, cài giọng “Google Tiếng Việt” trong phần đọc văn bản. ' +
    'Hoặc dùng trình duyệt Microsoft Edge, có sẵn giọng tiếng Việt qua mạng.',
  readFailed: 'Chưa đọc to được lúc này; hướng dẫn vẫn chạy bình thường.',
} as const;
