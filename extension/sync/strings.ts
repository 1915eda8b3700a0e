import { formatDateTime } from '../../sessions';
import type { SyncStatus } from './controller';

/** Words of the sync settings and the status line (Vietnamese only, WRITING.md). */
export const SYNC_TEXT = {
  heading: 'Gửi số liệu lên máy chủ của tỉnh',
  intro: 'Tắt sẵn. Khi bật, máy này gửi số liệu các phiên lên máy chủ do tỉnh quản lý, để tỉnh cộng số liệu mọi điểm hỗ trợ mà không ai phải mang tệp.',
  whatLeavesHeading: 'Những gì rời khỏi máy này',
  whatLeaves: [
    'Chỉ gửi: việc đã giúp, làm xong hay chưa (và lý do nếu chưa xong), giờ bắt đầu và kết thúc, mã điểm hỗ trợ, tên xã của điểm, mã cán bộ, nhóm tuổi nếu người dân cho ghi.',
    'Không bao giờ gửi: họ tên, số căn cước, số điện thoại, ghi chú, giới tính, lần đầu dùng Cổng hay không, điểm hài lòng.',
    'Chỉ gửi phiên mà người dân đã đồng ý theo văn bản đồng ý mới (có nói việc gửi lên tỉnh). Phiên người dân không đồng ý, hoặc đồng ý theo văn bản cũ, ở lại máy này.',
    'Khi người dân rút lại sự đồng ý, máy gửi đi một dấu xóa (chỉ có mã phiên): bản ghi bị xóa trên máy chủ và ở các điểm hỗ trợ khác.',
  ],
  enable: 'Bật gửi số liệu lên tỉnh',
  serverUrl: 'Địa chỉ máy chủ của tỉnh (bắt đầu bằng https://)',
  username: 'Tên đăng nhập của điểm hỗ trợ',
  password: 'Mật khẩu',
  credentialsNote: 'Tỉnh cấp cho mỗi điểm hỗ trợ một tên đăng nhập riêng. Mật khẩu lưu trên máy này và bị xóa cùng khi bấm “Xóa toàn bộ dữ liệu”.',
  save: 'Lưu phần gửi số liệu lên tỉnh',
  saved: 'Đã lưu cài đặt gửi số liệu.',
  turnedOff: 'Đã tắt gửi số liệu. Không gửi gì thêm lên tỉnh.',
  turnOff: 'Tắt gửi số liệu',
} as const;

function time(at: number): string {
  // "14:05" for today's syncs, the full date otherwise.
  const text = formatDateTime(at);
  const today = formatDateTime(Date.now()).slice(0, 10);
  return text.startsWith(today) ? text.slice(11, 16) : text;
}

/** "Đã đồng bộ lúc 14:05 — 3 phiên chờ gửi" and its variants. */
export function statusLine(status: SyncStatus): string {
  const pending = status.pending > 0 ? `${status.pending} phiên chờ gửi` : 'không còn phiên chờ gửi';
  switch (status.state) {
    case 'syncing':
      return `Đang gửi số liệu lên tỉnh… — ${pending}`;
    case 'offline':
      return `Máy đang mất mạng: sẽ gửi khi có mạng lại — ${pending}`;
    case 'denied':
      return `Máy chủ của tỉnh không nhận tên đăng nhập hoặc bản ghi của điểm này. Kiểm tra “${SYNC_TEXT.username}” và “${SYNC_TEXT.password}”, hoặc hỏi người quản lý ở tỉnh — ${pending}`;
    case 'error':
      return `Chưa kết nối được máy chủ của tỉnh, sẽ thử lại${status.retryAt ? ` lúc ${time(status.retryAt)}` : ''} — ${pending}`;
    case 'ok':
      return status.lastSyncAt ? `Đã đồng bộ lúc ${time(status.lastSyncAt)} — ${pending}` : `Chưa đồng bộ lần nào — ${pending}`;
  }
}
