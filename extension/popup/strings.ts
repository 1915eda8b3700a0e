/** Words on the popup, Vietnamese first with English where it helps a volunteer. */
export const POPUP_TEXT = {
  appName: 'Dẫn Bước',
  tagline: 'Hướng dẫn từng bước trên Cổng Dịch vụ công',
  toursHere: 'Hướng dẫn cho trang này',
  otherTours: 'Hướng dẫn khác',
  noTourHere: 'Chưa có hướng dẫn cho trang này.',
  notPortal:
    'Trang đang mở không phải Cổng Dịch vụ công. Dẫn Bước chỉ chạy trên các trang chính thức có đuôi “.gov.vn”.',
  start: 'Bắt đầu',
  openAndStart: 'Mở trang và bắt đầu',
  steps: (n: number) => `${n} bước`,
  running: 'Đang hướng dẫn',
  interrupted: 'Bạn đang làm dở',
  stepOf: (i: number, n: number) => `Bước ${i}/${n}`,
  resume: 'Tiếp tục',
  stop: 'Dừng hướng dẫn',
  startOver: 'Làm lại từ đầu',
  loading: 'Đang tải…',
  forTeam: 'Dành cho Tổ công nghệ số cộng đồng',
  openDesk: 'Mở bàn làm việc (Tổ công nghệ số)',
  storageError:
    'Không đọc được hướng dẫn đang làm dở vì dữ liệu lưu bị hỏng. Bạn có thể bắt đầu lại. (Stored tour progress was corrupt and could not be resumed.)',
  failed: 'Có lỗi, xin thử lại. (Something went wrong, please try again.)',
} as const;
