/**
 * What a portal redesign does to wording, for `tours:verify --vary`: the labels of our replicas said
 * another way, as another ministry's page or the next release of the portal would say them. Each
 * rewording keeps the meaning a citizen reads on screen; most keep the one distinctive word
 * ("đồng ý", "tỉnh", "passcode"), some replace the phrase altogether ("Xác nhận" → "Đồng ý").
 * Kept free of DOM and Node APIs: unit-tested directly, and bundled into the page transformer.
 */

/** phrase on the replica → what the variant says instead (one is picked per seed). */
export const REWORDINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // VNeID login (sso.dancuquocgia.gov.vn)
  ['Tôi đã đọc và đồng ý', ['Tôi đồng ý', 'Tôi xác nhận đã đọc và đồng ý', 'Đồng ý']],
  ['Xác nhận chia sẻ thông tin', ['Đồng ý chia sẻ thông tin', 'Chia sẻ thông tin định danh']],
  ['Xác nhận chia sẻ', ['Đồng ý chia sẻ', 'Chia sẻ']],
  ['Nhập passcode', ['Nhập mã passcode', 'Passcode VNeID']],
  ['Passcode (6 chữ số)', ['Passcode gồm 6 số', 'Mã passcode']],
  ['Mã xác nhận đăng nhập', ['Mã OTP đăng nhập', 'Xác thực đăng nhập']],
  ['Mã xác nhận (6 chữ số)', ['Mã OTP', 'Nhập mã xác nhận gồm 6 số']],
  ['Số định danh cá nhân', ['Số định danh', 'Số CCCD/Định danh cá nhân']],
  ['Mật khẩu', ['Mật khẩu VNeID', 'Nhập mật khẩu']],
  ['Quét mã QR', ['Đăng nhập bằng mã QR', 'Mã QR']],
  ['Đăng xuất', ['Đăng xuất tài khoản', 'Thoát tài khoản']],
  ['Xác nhận', ['Đồng ý', 'Xác nhận và tiếp tục']],
  // national portal (dichvucong.gov.vn)
  ['Nhập từ khoá tìm kiếm', ['Tìm thủ tục, dịch vụ', 'Nhập từ khóa']],
  ['Tìm kiếm', ['Tìm', 'Tìm kiếm thủ tục']],
  ['Kết quả tìm kiếm', ['Danh sách thủ tục', 'Kết quả tra cứu']],
  ['Thành phần hồ sơ', ['Thành phần, số lượng hồ sơ', 'Thành phần hồ sơ cần nộp']],
  ['Mã hồ sơ', ['Số hồ sơ', 'Mã hồ sơ cần thanh toán']],
  ['Tra cứu', ['Tra cứu hồ sơ', 'Tìm hồ sơ']],
  ['Thông tin thanh toán', ['Chi tiết thanh toán', 'Thông tin khoản phí']],
  ['Thanh toán thành công!', ['Giao dịch thành công', 'Kết quả giao dịch thành công']],
  ['Thanh toán', ['Thanh toán ngay', 'Thanh toán trực tuyến']],
  ['Biên lai', ['Biên lai điện tử', 'Biên lai thu phí']],
  ['Quay lại Cổng Dịch vụ công', ['Về Cổng Dịch vụ công quốc gia', 'Quay về trang Dịch vụ công']],
  // payment platform: traffic fines and electricity, water bills (dichvucong.gov.vn)
  ['Tra cứu quyết định xử phạt', ['Tra cứu vi phạm', 'Tìm quyết định xử phạt']],
  ['Số quyết định xử phạt', ['Số quyết định', 'Số QĐ xử phạt']],
  ['Số quyết định', ['Theo số quyết định', 'Số QĐ']],
  ['Biển kiểm soát', ['Biển số xe', 'Theo biển số phương tiện']],
  ['Thông tin quyết định xử phạt', ['Chi tiết quyết định xử phạt', 'Thông tin vi phạm']],
  ['Số tiền phạt', ['Tiền phạt', 'Số tiền nộp phạt']],
  ['Chọn dịch vụ', ['Dịch vụ cần thanh toán', 'Loại hóa đơn']],
  ['Tiền điện', ['Điện', 'Hóa đơn tiền điện']],
  ['Tiền nước', ['Nước', 'Hóa đơn tiền nước']],
  ['Chọn nhà cung cấp', ['Chọn đơn vị cung cấp', 'Chọn công ty điện, nước']],
  ['Nhà cung cấp', ['Đơn vị cung cấp', 'Nhà cung cấp dịch vụ']],
  ['Mã khách hàng', ['Mã KH', 'Mã khách hàng (in trên hóa đơn)']],
  ['Thông tin hóa đơn', ['Chi tiết hóa đơn', 'Hóa đơn cần thanh toán']],
  // dossier lookup and the signed-in citizen's pages (dichvucong.gov.vn/tra-cuu-ho-so, /thong-tin-ca-nhan)
  ['Tra cứu hồ sơ', ['Tra cứu tình trạng hồ sơ', 'Theo dõi hồ sơ']],
  ['Mã bảo mật', ['Mã xác thực', 'Nhập mã bảo mật']],
  ['Hình mã bảo mật', ['Mã captcha', 'Ảnh mã xác thực']],
  ['Đổi mã khác', ['Lấy mã mới', 'Đổi mã']],
  ['Kết quả tra cứu', ['Thông tin hồ sơ', 'Kết quả tra cứu hồ sơ']],
  ['Thông tin cá nhân', ['Thông tin tài khoản', 'Trang cá nhân']],
  ['Dịch vụ công của tôi', ['Hồ sơ của tôi', 'Quản lý dịch vụ công của tôi']],
  ['Danh sách hồ sơ đã nộp', ['Hồ sơ đã nộp', 'Danh sách hồ sơ']],
  // payment gateway (pay.vnpay.vn)
  ['VNPAY', ['Cổng VNPAY', 'Thanh toán qua VNPAY']],
  ['Thẻ nội địa và tài khoản ngân hàng', ['Thẻ ATM nội địa/Tài khoản ngân hàng', 'Thẻ nội địa']],
  ['Số thẻ', ['Số thẻ ATM', 'Nhập số thẻ']],
  ['Tên chủ thẻ', ['Họ tên chủ thẻ', 'Tên in trên thẻ']],
  ['Ngày phát hành', ['Ngày phát hành thẻ', 'Ngày hiệu lực']],
  ['Tiếp tục', ['Tiếp theo', 'Tiếp tục thanh toán']],
  ['Mã OTP', ['Mã xác thực OTP', 'Nhập OTP']],
  // Ministry of Public Security (dichvucong.bocongan.gov.vn)
  ['Chọn Tỉnh/Thành phố', ['Chọn tỉnh, thành phố', 'Tỉnh/Thành phố (chọn)']],
  ['Tỉnh/Thành phố', ['Tỉnh, thành phố', 'Tỉnh/TP']],
  ['Chọn Phường/Xã', ['Chọn xã, phường', 'Chọn Xã/Phường/Đặc khu']],
  ['Phường/Xã', ['Xã, phường', 'Xã/Phường/Đặc khu']],
  ['Chọn tệp đính kèm', ['Đính kèm tệp', 'Chọn tệp']],
  ['Giấy tờ đính kèm', ['Đính kèm giấy tờ', 'Giấy tờ đính kèm (bắt buộc)']],
  ['Xác nhận nộp hồ sơ', ['Xác nhận gửi hồ sơ', 'Nộp hồ sơ?']],
  ['Gửi hồ sơ thành công', ['Nộp hồ sơ thành công', 'Hồ sơ đã được gửi thành công']],
  ['Nộp hồ sơ', ['Gửi hồ sơ', 'Nộp hồ sơ trực tuyến']],
  // linked birth registration (lienthong.dichvucong.gov.vn)
  ['Chuyển bước tiếp theo', ['Bước tiếp theo', 'Tiếp tục', 'Lưu và chuyển bước']],
  ['Xác thực với CSDLQG về dân cư', ['Xác thực thông tin', 'Kiểm tra với CSDL quốc gia về dân cư']],
  ['Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', ['Cấp thẻ BHYT cho trẻ dưới 6 tuổi', 'Cấp thẻ bảo hiểm y tế']],
  ['Nơi đăng ký khám chữa bệnh ban đầu', ['Nơi khám chữa bệnh ban đầu', 'Nơi đăng ký KCB ban đầu']],
  ['Nhập mã kiểm tra', ['Mã xác thực', 'Nhập mã bảo mật']],
  ['Kê khai thông tin thành công', ['Nộp hồ sơ liên thông thành công', 'Đã gửi hồ sơ thành công']],
  ['Hoàn thành', ['Hoàn tất', 'Gửi hồ sơ']],
  // submitting a dossier online (dichvucong.gov.vn, journey C)
  ['Chọn cơ quan thực hiện', ['Cơ quan thực hiện', 'Chọn cơ quan giải quyết']],
  ['Danh sách dịch vụ', ['Các dịch vụ', 'Dịch vụ công của cơ quan']],
  ['Dịch vụ công trực tuyến', ['Danh sách dịch vụ công', 'Dịch vụ trực tuyến']],
  ['Nộp trực tuyến', ['Nộp hồ sơ trực tuyến', 'Nộp online']],
  ['Thông tin chung', ['Thông tin chung về hồ sơ', 'Thông tin hồ sơ']],
  ['Thông tin chủ hồ sơ', ['Thông tin người nộp hồ sơ', 'Chủ hồ sơ']],
  ['Ngày cấp', ['Ngày cấp CCCD', 'Ngày cấp giấy tờ']],
  ['Nơi cấp', ['Nơi cấp CCCD', 'Cơ quan cấp']],
  ['Số điện thoại', ['Điện thoại di động', 'Số điện thoại liên hệ']],
  ['Email', ['Thư điện tử', 'Địa chỉ email']],
  ['Bước tiếp theo', ['Tiếp theo', 'Sang bước tiếp theo']],
  ['Xem trước', ['Xem lại', 'Xem trước tờ khai']],
  ['Xem trước tờ khai', ['Xem lại tờ khai', 'Tờ khai (xem trước)']],
  ['Tải lên từ thiết bị', ['Tải lên từ máy tính', 'Tải tệp từ thiết bị']],
  ['Hình thức nhận kết quả', ['Cách nhận kết quả', 'Nhận kết quả qua']],
  ['Gửi hồ sơ', ['Nộp hồ sơ', 'Gửi hồ sơ trực tuyến']],
  ['Hồ sơ của tôi', ['Quản lý hồ sơ', 'Hồ sơ đã nộp']],
  // Ministry of Justice (dichvucongnganhtuphap.moj.gov.vn, tokhaidientu.moj.gov.vn)
  ['Tôi đã đọc hướng dẫn', ['Tôi đã đọc kỹ hướng dẫn', 'Đã đọc hướng dẫn']],
  ['Họ, chữ đệm, tên người được khai sinh', ['Họ và tên người được khai sinh', 'Họ, chữ đệm và tên']],
  ['Ngày, tháng, năm sinh', ['Ngày sinh', 'Ngày tháng năm sinh']],
  ['Nơi sinh', ['Nơi sinh ra', 'Nơi sinh (bệnh viện, địa chỉ)']],
  ['Lưu tờ khai', ['Lưu', 'Lưu lại tờ khai']],
  ['Đã lưu tờ khai', ['Tờ khai đã được lưu', 'Đã lưu tờ khai thành công']],
  ['Nộp tờ khai', ['Gửi tờ khai', 'Nộp tờ khai trực tuyến']],
];

/** Phrases reworded also inside a longer text (a checkbox's sentence); the rest only as a whole label. */
const INSIDE_LONGER_TEXT = new Set(['Tôi đã đọc và đồng ý', 'Tôi đã đọc hướng dẫn']);

/** FNV-1a: a stable number for a string, so the same text is always changed the same way. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Deterministic choice among `options` for this text and seed. */
export function pick<T>(options: readonly T[], text: string, seed: number): T {
  return options[hashOf(`${seed}:${text}`) % options.length];
}

const same = (a: string, b: string) => a.localeCompare(b, 'vi', { sensitivity: 'accent' }) === 0;

/**
 * The text said another way: a whole label found in the table is replaced by one of its rewordings
 * (case of the original kept when it was all capitals); a phrase marked as such is also replaced
 * inside a longer sentence. Anything else is returned unchanged.
 */
export function reword(text: string, seed: number): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  for (const [phrase, options] of REWORDINGS) {
    if (same(trimmed, phrase)) return text.replace(trimmed, pick(options, phrase, seed));
  }
  for (const phrase of INSIDE_LONGER_TEXT) {
    const at = text.toLocaleLowerCase('vi').indexOf(phrase.toLocaleLowerCase('vi'));
    if (at >= 0) {
      const options = REWORDINGS.find(([p]) => p === phrase)![1];
      return text.slice(0, at) + pick(options, phrase, seed) + text.slice(at + phrase.length);
    }
  }
  return text;
}

export type LabelKind = 'label' | 'action' | 'heading';

/**
 * Case, punctuation and extra words, as a restyled page writes the same label: a required marker or
 * a colon after a field's label, capitals or a chevron on a button, a number before a heading.
 */
export function restyle(text: string, kind: LabelKind, seed: number): string {
  const trimmed = text.trim();
  if (!trimmed || !/\p{L}/u.test(trimmed)) return text;
  const choices: Record<LabelKind, Array<(s: string) => string>> = {
    label: [(s) => `${s} *`, (s) => `${s}:`, (s) => `${s} (bắt buộc)`],
    action: [(s) => s.toLocaleUpperCase('vi'), (s) => `${s} ›`, (s) => `» ${s}`],
    heading: [(s) => `1. ${s}`, (s) => `${s}:`, (s) => s.toLocaleUpperCase('vi')],
  };
  return text.replace(trimmed, pick(choices[kind], `${kind}:${trimmed}`, seed)(trimmed));
}

/** A seeded shuffle (Fisher–Yates with a small LCG): the same items and seed always give the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A generated class name ("_1kx9q2", "css-1x2y3z", "sc-aXZVg"): what changes on every release. */
export const GENERATED_CLASS = /^(?:_[0-9a-z]{4,}|css-[0-9a-z]{4,}|sc-[0-9A-Za-z]{4,})$/;

/** The same generated class name in the next release. */
export function churnClass(name: string, seed: number): string {
  return GENERATED_CLASS.test(name) ? `_${hashOf(`${seed}:${name}`).toString(36)}` : name;
}
