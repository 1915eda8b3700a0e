/**
 * Words on the desk console, in Vietnamese only (English details of errors go to the console log).
 * Coded values (outcomes, reasons, age bands …) are labelled from sessions/strings.ts.
 */
export const DESK_TEXT = {
  appName: 'Bàn làm việc — Tổ công nghệ số',
  loading: 'Đang tải…',
  failed: 'Có lỗi, xin thử lại.',

  // Profiles
  whoHeading: 'Ai đang làm việc ở bàn này?',
  whoIntro: 'Máy này có thể dùng chung cho nhiều thành viên. Chọn tên mình, hoặc tạo hồ sơ mới.',
  noMembers: 'Chưa có hồ sơ thành viên nào trên máy này.',
  choose: (name: string) => `Tôi là ${name}`,
  newMemberHeading: 'Tạo hồ sơ thành viên mới',
  displayName: 'Họ tên hoặc mã thành viên',
  team: 'Tổ công nghệ số',
  commune: 'Xã/phường',
  createMember: 'Tạo hồ sơ',
  memberLine: (team: string, commune: string) => `${team} — ${commune}`,
  cancel: 'Huỷ',

  // Home
  hello: (name: string) => `Xin chào, ${name}`,
  newSession: 'Phiên hỗ trợ mới',
  switchMember: 'Đổi thành viên',
  settings: 'Cài đặt của bàn',
  stalePointer:
    'Phiên đang mở trước đó không đọc được. Bản ghi vẫn được giữ để kiểm tra trong trang báo cáo. Việc nào hướng dẫn báo xong trong lúc này chưa được ghi: hãy đánh dấu lại bằng tay.',
  dropStale: 'Bỏ qua phiên hỏng này',

  // Settings
  settingsHeading: 'Cài đặt của bàn làm việc',
  openReports: 'Xem báo cáo cho xã',
  deskId: (id: string) => (id === 'chua-luu' ? 'Mã bàn: sẽ được tạo khi lưu lần đầu' : `Mã bàn: ${id}`),
  deskName: 'Tên điểm hỗ trợ (không bắt buộc)',
  deskCommune: 'Xã/phường của điểm hỗ trợ (không bắt buộc)',
  personalHeading: 'Thông tin cá nhân của người dân',
  personalIntro: 'Mặc định bàn không ghi họ tên, số căn cước hay số điện thoại. Chỉ bật khi thật cần.',
  turnOn: (label: string) => `Bật ghi “${label}”`,
  confirmTurnOn: 'Tôi hiểu, vẫn bật',
  isOn: 'Đang bật',
  turnOff: 'Tắt',
  save: 'Lưu cài đặt',
  saved: 'Đã lưu cài đặt.',
  back: 'Quay lại',

  // Consent
  consentHeading: 'Bước 1: Xin phép người dân',
  consentIntro: 'Đọc to đoạn sau cho người dân nghe, rồi ghi lại câu trả lời.',
  print: 'In văn bản này',
  englishVersion: 'Bản tiếng Anh',
  agreed: 'Người dân đồng ý',
  declined: 'Người dân không đồng ý',
  declinedNote: 'Người dân không đồng ý: vẫn hỗ trợ như bình thường, chỉ đếm số việc đã làm, không ghi gì về người dân.',

  // Citizen descriptor
  citizenHeading: 'Bước 2: Vài thông tin chung (không bắt buộc)',
  citizenIntro: 'Không hỏi tên, số căn cước hay số điện thoại. Có thể bỏ trống tất cả.',
  ageBand: 'Nhóm tuổi',
  gender: 'Giới tính',
  firstTime: 'Lần đầu dùng Cổng Dịch vụ công?',
  notSaid: 'Không nói',
  personalWarningShort: 'Điểm hỗ trợ này đã bật ghi thông tin cá nhân. Chỉ ghi khi người dân đồng ý.',
  saveCitizen: 'Tiếp tục',
  editCitizen: 'Sửa thông tin chung',

  // Session
  sessionHeading: 'Phiên đang hỗ trợ',
  startedAt: (time: string) => `Bắt đầu lúc ${time}`,
  consentYes: 'Người dân đồng ý ghi nhận.',
  consentNo: 'Người dân không đồng ý: không ghi gì về người dân.',
  tasksHeading: 'Việc người dân cần làm',
  noTasks: 'Chưa chọn việc nào. Chọn ở danh sách bên dưới.',
  pickHeading: 'Chọn việc người dân cần làm',
  outcome: 'Kết quả',
  reason: 'Lý do',
  saveMark: 'Lưu kết quả',
  chooseOutcome: '— chọn kết quả —',
  chooseReason: '— chọn lý do —',
  removeTask: 'Bỏ việc này',
  startTour: (title: string) => `Mở hướng dẫn “${title}” trên tab của người dân`,
  tourStarted: (title: string) => `Đã mở hướng dẫn “${title}” trên tab của người dân.`,
  noCitizenTab: 'Không tìm thấy tab của người dân. Hãy bấm vào tab trang web người dân đang dùng rồi thử lại.',
  doneAt: (how: string, time: string) => `${how}, lúc ${time}`,
  endSession: 'Kết thúc phiên',
  withdrawHeading: 'Khi người dân đổi ý',
  withdrawIntro: 'Người dân có thể rút lại đồng ý bất cứ lúc nào: bản ghi của phiên này sẽ bị xoá hẳn.',
  withdraw: 'Người dân rút lại đồng ý',
  confirmWithdrawYes: 'Xoá hẳn bản ghi',
  filterLabel: 'Lọc danh sách việc',
  filterHint: 'Gõ vài chữ trong tên việc, ví dụ “khai sinh”.',
  noMatch: (text: string) => `Không có việc nào có chữ “${text}”.`,
  hasTour: (titles: readonly string[]) => `Có hướng dẫn: ${titles.map((title) => `“${title}”`).join(', ')}`,
  helpNeeded: (step: number, steps: number, tour: string, time: string) =>
    `Người dân cần giúp ở bước ${step}/${steps} của hướng dẫn “${tour}” (bấm “Nhờ cán bộ giúp” lúc ${time}).`,
  helpNeededSomewhere: (tour: string, time: string) => `Người dân cần giúp trong hướng dẫn “${tour}” (bấm “Nhờ cán bộ giúp” lúc ${time}).`,
  dismissHelp: 'Đã giúp xong, ẩn thông báo này',
  withdrawalCode: (code: string) =>
    `Mã phiên: ${code}. Ghi mã này cho người dân: nếu sau này muốn rút lại đồng ý, tổ nhập mã ở trang Báo cáo để xoá bản ghi.`,
  confirmWithdraw:
    'Bản ghi của phiên này (và các lần đến khác của cùng người, nếu có) sẽ bị xoá hẳn, không lấy lại được. Bấm “Xoá hẳn bản ghi” để xoá, hoặc “Huỷ”.',
  withdrawn: (n: number) => `Đã xoá ${n} bản ghi theo yêu cầu rút lại đồng ý của người dân.`,

  // End
  endHeading: 'Kết thúc phiên',
  unmarked: (n: number) => `Còn ${n} việc chưa đánh dấu kết quả. Có thể quay lại để đánh dấu, hoặc vẫn kết thúc.`,
  satisfaction: 'Người dân hài lòng ở mức nào? (không bắt buộc)',
  satisfactionFaces: ['😞', '🙁', '😐', '🙂', '😄'] as readonly string[],
  satisfactionWords: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] as readonly string[],
  noScore: 'Không chấm',
  confirmEnd: 'Kết thúc phiên',
  keepGoing: 'Quay lại phiên',

  // Summary and sign-out
  summaryHeading: 'Tóm tắt phiên',
  duration: (minutes: number) => `Thời gian: ${minutes} phút`,
  taskCount: (n: number) => `Số việc: ${n}`,
  score: (word: string) => `Mức hài lòng: ${word}`,
  signOutHeading: 'Đăng xuất người dân khỏi các trang đã dùng',
  signOutIntro: 'Máy này dùng chung. Nên xoá đăng nhập của người dân trên các trang sau:',
  signOutDamaged: 'Không đọc được danh sách trang người dân đã vào (bản ghi bị hỏng), nên đề nghị đăng xuất khỏi mọi trang Dẫn Bước hỗ trợ.',
  signOutNone: 'Trong phiên này người dân chưa dùng trang nào của cổng: không cần đăng xuất.',
  signOut: 'Đăng xuất người dân',
  signOutConfirm:
    'Sẽ xoá cookie và dữ liệu lưu trên máy (đăng nhập, bộ nhớ trang) của các trang trên. Người dân sẽ phải đăng nhập lại nếu quay lại.',
  closeTabs: 'Đóng luôn các tab đang mở những trang này',
  confirmSignOut: 'Xác nhận đăng xuất',
  skipSignOut: 'Không cần đăng xuất',
  signedOut: (n: number) => `Đã đăng xuất khỏi ${n} trang.`,
  previousSignOut: 'Phiên trước chưa đăng xuất người dân',
  done: 'Xong, về màn hình chính',

  // The slip with the session code, printed for the citizen
  printSlip: 'In phiếu mã phiên cho người dân',
  slipHeading: 'Phiếu mã phiên hỗ trợ',
  slipCodeLabel: 'Mã phiên',
  slipWhat: 'Hôm nay ông/bà được Tổ công nghệ số cộng đồng hỗ trợ và đã đồng ý cho ghi lại việc đã làm (không ghi tên, không ghi số giấy tờ).',
  slipHow:
    'Nếu sau này ông/bà không muốn được ghi lại nữa, mang phiếu này đến điểm hỗ trợ hoặc đọc mã trên cho cán bộ. Cán bộ nhập mã ở trang “Báo cáo hỗ trợ người dân”, mục “Người dân rút lại đồng ý”, và bản ghi sẽ bị xoá hẳn.',
  slipKeep: 'Ông/bà giữ phiếu này.',
  slipDesk: (name: string) => `Điểm hỗ trợ: ${name}`,
  slipDate: (date: string) => `Ngày: ${date}`,
  slipPrint: 'In phiếu',
  slipBack: 'Quay lại tóm tắt phiên',
} as const;
