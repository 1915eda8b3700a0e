import type { CheckProblemReason } from './records';

/** Words of the tour-pack section on the options page (Vietnamese; read by a team lead). */
export const PACK_TEXT = {
  heading: 'Gói hướng dẫn cập nhật',
  intro:
    'Đơn vị phát hành có thể đăng hướng dẫn mới ở một địa chỉ trên mạng. Trưởng nhóm nhập địa chỉ đó ở đây. Dẫn Bước kiểm tra khi mở trình duyệt và mỗi ngày một lần, và chỉ dùng gói có chữ ký của đơn vị phát hành đã được tin cậy. Khi không có gói dùng được, các hướng dẫn có sẵn vẫn chạy như cũ.',
  urlLabel: 'Địa chỉ gói hướng dẫn',
  urlHint: 'Bắt đầu bằng https://. Trình duyệt sẽ hỏi có cho Dẫn Bước tải từ địa chỉ này không: chọn “Cho phép”.',
  save: 'Lưu địa chỉ',
  checkNow: 'Kiểm tra ngay',
  remove: 'Bỏ địa chỉ này',
  confirmRemove: 'Bỏ địa chỉ này và gói hướng dẫn đã tải từ đó? Các hướng dẫn có sẵn sẽ được dùng lại.',
  busy: 'Đang kiểm tra…',
  loading: 'Đang tải…',
  currentUrl: 'Địa chỉ đang dùng',
  noUrl: 'Chưa có địa chỉ nào.',
  installed: 'Gói đang dùng',
  installedValue: (p: { packId: string; version: number; publishedAt: string; tours: number }) =>
    `Gói “${p.packId}”, phiên bản ${p.version}, phát hành ${dateText(p.publishedAt)}, có ${p.tours} hướng dẫn.`,
  noneInstalled: 'Chưa cài gói nào: đang dùng các hướng dẫn có sẵn.',
  lastCheck: 'Lần kiểm tra gần nhất',
  never: 'Chưa kiểm tra lần nào.',
  checkInstalled: (at: number) => `${timeText(at)}: đã cài gói mới.`,
  checkNothingNew: (at: number) => `${timeText(at)}: chưa có gói mới hơn.`,
  checkFailed: (at: number) => `${timeText(at)}: không nhận gói ở địa chỉ này, vẫn dùng gói đang có. Lý do:`,
  technical: 'Chi tiết kỹ thuật cho người phát hành (tiếng Anh)',
  notHttps: 'Địa chỉ phải bắt đầu bằng https://. Sửa lại rồi bấm “Lưu địa chỉ”.',
  denied: 'Chưa được cho phép tải từ địa chỉ này nên chưa lưu. Bấm “Lưu địa chỉ” rồi chọn “Cho phép”.',
  failed: 'Không liên lạc được với Dẫn Bước. Đóng trang Cài đặt rồi mở lại.',
  local: {
    heading: 'Gói thử chưa ký (chế độ soạn hướng dẫn)',
    intro:
      'Dùng để thử một gói trên máy này trước khi đơn vị phát hành ký. Gói thử được kiểm tra như gói chính thức, chỉ trừ chữ ký. Mỗi bước của các hướng dẫn trong gói thử đều hiện dòng “Bản nháp — chưa kiểm duyệt”. Khi tắt chế độ soạn hướng dẫn, gói thử không được dùng nữa.',
    fileLabel: 'Chọn tệp gói hướng dẫn (.json)',
    loaded: (p: { fileName: string; packId: string; version: number; tours: number; loadedAt: number }) =>
      `Đang dùng tệp “${p.fileName}”: gói “${p.packId}”, phiên bản ${p.version}, có ${p.tours} hướng dẫn, nạp lúc ${timeText(p.loadedAt)}.`,
    none: 'Chưa nạp gói thử nào.',
    remove: 'Bỏ gói thử',
    invalid: 'Tệp này chưa dùng được nên chưa nạp. Sửa tệp theo chi tiết bên dưới rồi chọn lại.',
    tooLarge: 'Tệp này quá lớn (quá 1 MB) nên chưa nạp.',
    authorModeOff: 'Chế độ soạn hướng dẫn đang tắt nên không nạp gói thử. Bật chế độ này trước.',
  },
  reasons: {
    signature:
      'Gói không có chữ ký hợp lệ của đơn vị phát hành đã được tin cậy: tệp có thể đã bị sửa, hoặc được ký bằng khoá khác. Báo cho đơn vị phát hành.',
    older: 'Gói ở địa chỉ này không mới hơn gói đang dùng.',
    schema: 'Gói có nội dung sai quy cách. Báo cho đơn vị phát hành.',
    size: 'Gói quá lớn (quá 1 MB hoặc quá 200 hướng dẫn). Báo cho đơn vị phát hành.',
    origin: 'Gói có hướng dẫn dẫn tới trang web không nằm trong danh sách trang được phép. Báo cho đơn vị phát hành.',
    malformed: 'Tệp gói bị hỏng, không đọc được. Báo cho đơn vị phát hành.',
    'wrong-pack':
      'Địa chỉ này có một gói khác với gói đang dùng. Muốn đổi sang gói này thì bấm “Bỏ địa chỉ này” rồi nhập lại địa chỉ.',
    unreachable: 'Không kết nối được tới địa chỉ gói, có thể máy đang không có mạng. Dẫn Bước sẽ tự thử lại.',
    http: 'Địa chỉ này không có tệp gói, hoặc máy chủ đang lỗi. Kiểm tra lại địa chỉ.',
    'no-permission': 'Dẫn Bước chưa được phép tải từ địa chỉ này. Nhập lại địa chỉ, bấm “Lưu địa chỉ” rồi chọn “Cho phép”.',
  } satisfies Record<CheckProblemReason, string>,
} as const;

function timeText(at: number): string {
  return new Date(at).toLocaleString('vi-VN');
}

/** "ngày 1 tháng 12 năm 2026", as WRITING.md says dates are read. */
function dateText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `ngày ${date.getUTCDate()} tháng ${date.getUTCMonth() + 1} năm ${date.getUTCFullYear()}`;
}
