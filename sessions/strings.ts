import type { AgeBand, Gender, Message, PersonalField, Reason, TaskOutcome, TaskSource } from './schema';

/**
 * Every word the assisted-session surfaces show for a coded value, Vietnamese first. Reports,
 * exports and the side panel all label from here, so a translation is one file.
 */
export const OUTCOME_LABELS: Record<TaskOutcome, Message> = {
  done: { vi: 'Đã xong', en: 'Done' },
  partial: { vi: 'Xong một phần', en: 'Partly done' },
  'not-done': { vi: 'Chưa làm được', en: 'Not done' },
  pending: { vi: 'Chưa đánh dấu', en: 'Not marked yet' },
};

export const REASON_LABELS: Record<Reason, Message> = {
  'thieu-giay-to': { vi: 'Thiếu giấy tờ', en: 'Missing documents' },
  'loi-he-thong': { vi: 'Lỗi hệ thống', en: 'System error' },
  'chua-co-tai-khoan': { vi: 'Chưa có tài khoản', en: 'No account yet' },
  'het-thoi-gian': { vi: 'Hết thời gian', en: 'Ran out of time' },
  khac: { vi: 'Lý do khác', en: 'Other' },
};

export const SOURCE_LABELS: Record<TaskSource, Message> = {
  tour: { vi: 'Tự động (theo hướng dẫn)', en: 'Automatic (tour)' },
  manual: { vi: 'Đánh dấu tay', en: 'Marked by hand' },
};

export const UNKNOWN = 'khong-ro' as const;
export type Unknown = typeof UNKNOWN;
export const UNKNOWN_LABEL: Message = { vi: 'Không rõ', en: 'Unknown' };

export const AGE_BAND_LABELS: Record<AgeBand, Message> = {
  'duoi-18': { vi: 'Dưới 18 tuổi', en: 'Under 18' },
  '18-29': { vi: '18–29 tuổi', en: '18–29' },
  '30-44': { vi: '30–44 tuổi', en: '30–44' },
  '45-59': { vi: '45–59 tuổi', en: '45–59' },
  '60-74': { vi: '60–74 tuổi', en: '60–74' },
  '75+': { vi: 'Từ 75 tuổi', en: '75 and over' },
};

export const GENDER_LABELS: Record<Gender, Message> = {
  nam: { vi: 'Nam', en: 'Male' },
  nu: { vi: 'Nữ', en: 'Female' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const PERSONAL_FIELD_LABELS: Record<PersonalField, Message> = {
  name: { vi: 'Họ và tên', en: 'Full name' },
  idNumber: { vi: 'Số CCCD/CMND', en: 'ID card number' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

/** Shown in settings next to each personal-field switch, and again before it is turned on. */
export const PERSONAL_FIELD_WARNING: Message = {
  vi:
    'Cảnh báo: bật trường này nghĩa là máy sẽ lưu thông tin cá nhân của người dân. Chỉ bật khi thật cần, ' +
    'khi có quy định cho phép, và nhớ đọc cho người dân biết trước khi ghi. Thông tin này nằm trong tệp sao lưu ' +
    'đầy đủ; báo cáo và tệp CSV mặc định không có.',
  en:
    'Warning: turning this on makes the desk store citizens’ personal data. Only do it when truly needed and ' +
    'allowed, and tell the citizen before recording. It is kept in full backups; reports and CSV files leave it out by default.',
};

export const BOOLEAN_LABELS = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
} as const;

/** Column headers and sheet names of the exports. */
export const EXPORT_TEXT = {
  sheetSummary: 'Tổng hợp',
  sheetByTask: 'Theo việc',
  sheetByMember: 'Theo thành viên',
  sheetSessionLog: 'Nhật ký phiên',
  sessionId: 'Mã phiên',
  desk: 'Điểm hỗ trợ',
  member: 'Thành viên',
  memberName: 'Tên thành viên',
  startedAt: 'Bắt đầu',
  endedAt: 'Kết thúc',
  consent: 'Đồng ý ghi nhận',
  ageBand: 'Nhóm tuổi',
  gender: 'Giới tính',
  firstTime: 'Lần đầu dùng Cổng',
  taskId: 'Mã việc',
  task: 'Việc',
  outcome: 'Kết quả',
  reason: 'Lý do',
  source: 'Cách ghi nhận',
  taskAt: 'Thời điểm',
  satisfaction: 'Mức hài lòng (1–5)',
  period: 'Kỳ',
  periodStart: 'Từ ngày',
  sessions: 'Số phiên',
  citizensHelped: 'Số người được hỗ trợ',
  tasks: 'Số việc',
  total: 'Tổng',
  item: 'Chỉ tiêu',
  value: 'Giá trị',
  from: 'Từ',
  to: 'Đến',
  all: 'Tất cả',
  consentAgreed: 'Đồng ý ghi nhận',
  consentDeclined: 'Không đồng ý (không lưu thông tin người dân)',
  firstTimeUsers: 'Người lần đầu dùng Cổng',
  satisfactionAverage: 'Mức hài lòng trung bình',
  satisfactionResponses: 'Số người chấm điểm hài lòng',
  averageMinutes: 'Thời gian trung bình mỗi phiên (phút)',
  groupBy: { day: 'Theo ngày', week: 'Theo tuần', month: 'Theo tháng' },
} as const;
