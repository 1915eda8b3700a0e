/** Words on the dashboard (records and reports), Vietnamese first; labels of coded values come from sessions/strings.ts. */
export const DASHBOARD_TEXT = {
  title: 'Báo cáo hỗ trợ người dân',
  subtitle: 'Số liệu các buổi hỗ trợ của Tổ công nghệ số cộng đồng tại điểm một cửa. (Assisted-session reports.)',
  loading: 'Đang tải dữ liệu…',
  loadFailed: 'Không đọc được dữ liệu đã lưu.',
  linkFromOptions: 'Báo cáo hỗ trợ người dân (số liệu, xuất tệp, in báo cáo) →',

  // Period picker
  periodHeading: 'Kỳ báo cáo',
  groupByLegend: 'Xem theo',
  groupBy: { day: 'Ngày', week: 'Tuần', month: 'Tháng' },
  previous: '← Kỳ trước',
  next: 'Kỳ sau →',
  previousLabel: 'Kỳ trước',
  nextLabel: 'Kỳ sau',
  today: 'Hôm nay',
  dateLabel: 'Chọn ngày',

  // Summary
  summaryHeading: 'Tổng quan',
  sessions: 'Số phiên hỗ trợ',
  citizensHelped: 'Số người được hỗ trợ',
  tasksTotal: 'Tổng số việc',
  firstTimeUsers: 'Người lần đầu dùng Cổng',
  noData: 'Chưa có phiên hỗ trợ nào trong kỳ này.',

  // Tables
  tablesHeading: 'Bảng số liệu',
  byTaskHeading: 'Theo việc',
  byOutcomeHeading: 'Theo kết quả',
  byMemberHeading: 'Theo thành viên',
  byAgeHeading: 'Theo nhóm tuổi',
  byReasonHeading: 'Lý do chưa xong',
  task: 'Việc',
  outcome: 'Kết quả',
  member: 'Thành viên',
  ageBand: 'Nhóm tuổi',
  reason: 'Lý do',
  count: 'Số lượng',
  share: 'Tỉ lệ',
  total: 'Tổng',
  tasks: 'Số việc',
  people: 'Số người',
  none: 'Không có số liệu.',

  // Charts
  chartsHeading: 'Biểu đồ',
  weeklyChartTitle: 'Số phiên mỗi tuần (12 tuần gần nhất)',
  weeklyChartDesc: (parts: string) => `Biểu đồ cột, số phiên hỗ trợ theo tuần: ${parts}.`,
  outcomeChartTitle: 'Kết quả theo việc',
  outcomeChartDesc: (parts: string) => `Biểu đồ thanh xếp chồng, số việc theo kết quả: ${parts}.`,
  chartTable: 'Xem số liệu của biểu đồ dạng bảng',
  week: 'Tuần',
  weekStart: 'Từ ngày',
  moreTasks: (n: number) => `Biểu đồ hiện ${n} việc nhiều nhất; bảng “Theo việc” có đủ.`,

  // Exports
  exportHeading: 'Xuất số liệu',
  exportIntro: 'Tệp CSV và Excel chứa số liệu của kỳ đang xem. Tệp sao lưu (JSON) chứa mọi phiên trên máy này, để gộp báo cáo ở máy khác.',
  exportCsv: 'Tải CSV',
  exportCsvSummary: 'Tải CSV tổng hợp',
  exportXlsx: 'Tải Excel (XLSX)',
  exportJson: 'Sao lưu (JSON)',
  exportFailed: 'Không tạo được tệp Excel.',
  personalNote: 'Tệp xuất không chứa họ tên, số CCCD hay số điện thoại của người dân.',
  print: 'In báo cáo',

  // Import / merge
  importHeading: 'Gộp dữ liệu từ nhiều máy',
  importIntro:
    'Chọn tệp sao lưu (JSON) xuất từ máy khác. Phiên đã có sẽ không bị đếm hai lần; tệp hỏng hoặc không phải của Dẫn Bước sẽ bị từ chối và dữ liệu giữ nguyên.',
  importLabel: 'Nhập dữ liệu từ máy khác',
  importRejected: 'Không nhập tệp này. Dữ liệu trên máy giữ nguyên.',
  importPreviewHeading: 'Kiểm tra trước khi nhập',
  importFile: (name: string, desk: string, date: string, n: number) => `Tệp “${name}” từ điểm hỗ trợ “${desk}”, xuất ngày ${date}: ${n} phiên.`,
  importAdded: (n: number) => `${n} phiên mới sẽ được thêm.`,
  importDuplicates: (n: number) => `${n} phiên đã có sẵn, giống hệt — bỏ qua, không đếm hai lần.`,
  importConflicts: (n: number, replaced: number) =>
    `${n} phiên có ở cả hai nơi nhưng khác nhau: giữ bản sửa sau cùng (${replaced} bản trên máy sẽ được thay).`,
  importNothing: 'Không có gì mới: mọi phiên trong tệp đã có trên máy này. Số liệu không thay đổi.',
  importWarnings: (n: number) => `${n} ghi chú chuyển đổi từ bản ghi cũ:`,
  importConfirm: 'Nhập vào máy này',
  importCancel: 'Huỷ',
  importDone: (added: number, replaced: number) => `Đã nhập: thêm ${added} phiên, cập nhật ${replaced} phiên.`,
  importCancelled: 'Đã huỷ, không nhập gì.',

  // Retention
  retentionHeading: 'Thời hạn lưu',
  retentionIntro: (months: number) => `Phiên hỗ trợ được giữ ${months} tháng kể từ ngày bắt đầu, sau đó cần xoá.`,
  retentionMonths: 'Số tháng lưu',
  retentionSave: 'Lưu thời hạn',
  retentionSaved: 'Đã lưu thời hạn.',
  retentionNoSettings: 'Máy này chưa được cài đặt điểm hỗ trợ (trong bảng điều khiển phiên), nên đang dùng thời hạn mặc định 12 tháng.',
  exportThenDelete: 'Xuất rồi xoá',
  deleteWithoutExport: 'Xoá không cần xuất',
  confirmDeleteOld: (n: number) => `Xoá ${n} phiên cũ mà không lưu lại tệp nào? Không thể hoàn tác.`,
  confirmDeleteOldYes: 'Xoá, không xuất',
  purged: (n: number) => `Đã xoá ${n} phiên cũ.`,

  // Delete everything
  deleteAllHeading: 'Xoá toàn bộ dữ liệu',
  deleteAllIntro:
    'Xoá mọi phiên hỗ trợ, thành viên, cài đặt và bản ghi lỗi trên máy này. Không thể hoàn tác. Hãy sao lưu (JSON) trước nếu cần giữ số liệu. (Deletes every record on this machine.)',
  deleteAllWord: 'XOÁ',
  deleteAllPrompt: 'Gõ chữ XOÁ để xác nhận',
  deleteAllButton: 'Xoá toàn bộ dữ liệu',
  deleteAllDone: 'Đã xoá toàn bộ dữ liệu trên máy này.',

  // Quarantine and load notes
  quarantineHeading: 'Có bản ghi không đọc được',
  quarantine: (n: number) =>
    `${n} bản ghi phiên bị hỏng hoặc không đúng định dạng nên không được tính vào báo cáo. Chúng được cất riêng, không bị xoá. Hãy tải về để kiểm tra.`,
  quarantineDownload: 'Tải các bản ghi lỗi (JSON)',
  migrated: (n: number) => `${n} phiên từ phiên bản cũ đã được chuyển sang định dạng mới.`,

  // Print view
  printBack: '← Quay lại',
  printAgain: 'In',
  printCommuneAuthority: (commune: string) => `UBND ${commune}`,
  printTeam: 'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
  printNation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  printMotto: 'Độc lập – Tự do – Hạnh phúc',
  printTitle: 'BÁO CÁO KẾT QUẢ HỖ TRỢ NGƯỜI DÂN SỬ DỤNG DỊCH VỤ CÔNG TRỰC TUYẾN',
  printPeriod: (title: string, range: string) => `Kỳ báo cáo: ${title} (${range})`,
  printTeamLine: (team: string) => `Tổ: ${team}`,
  printDesks: (desks: string) => `Điểm hỗ trợ: ${desks}`,
  printPlaceDate: (place: string, day: string, month: string, year: string) => `${place}, ngày ${day} tháng ${month} năm ${year}`,
  printBlank: '………………',
  printPreparer: 'Người lập báo cáo',
  printPreparerHint: '(ký, ghi rõ họ tên)',
  printApprover: 'Xác nhận của UBND xã',
  printApproverHint: '(ký, đóng dấu)',
  printSummaryHeading: 'I. Số liệu chung',
  printTasksHeading: 'II. Theo việc',
  printOutcomeHeading: 'III. Theo kết quả',
  printMembersHeading: 'IV. Theo thành viên',
  printAgeHeading: 'V. Theo nhóm tuổi',
} as const;
