/**
 * A Vietnamese fix for the `tours:check` messages authors meet most, shown before the message
 * itself (which stays exactly as the command prints it, so the two can be matched). Undefined when
 * there is no short one: the message says what to do.
 */
const HINTS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^must not be empty$/, () => 'Điền chữ vào ô này.'],
  [/^required "([^"]+)" is missing/, (m) => `Thiếu “${m[1]}”: điền vào.`],
  [/^required is missing/, () => 'Thiếu phần bắt buộc: điền vào.'],
  [/^unknown key/, () => 'Có khoá lạ: xoá đi hoặc sửa chính tả.'],
  [/^advance "[a-z]+" needs a target$/, () => 'Kiểu bước này cần chỗ cần tìm: bấm “Thêm cách tìm”.'],
  [/^advance "navigate" needs "to"/, () => 'Điền “Trang cần tới (to)”.'],
  [/^"to" only goes with advance "navigate"$/, () => 'Xoá “Trang cần tới (to)”, hoặc chọn kiểu “navigate”.'],
  [/must be a slug/, () => 'Chỉ dùng chữ thường a-z, số 0-9 và dấu gạch ngang đơn.'],
  [/^bad URL pattern/, () => 'Sửa mẫu địa chỉ: https://<trang được phép>/đường-dẫn* hoặc /đường-dẫn*.'],
  [/^a target needs exactly one of/, () => 'Mỗi cách tìm dùng đúng một loại: vai trò, nhãn, chữ hoặc CSS.'],
  [/^a condition needs exactly one of/, () => 'Chọn một loại điều kiện và điền vào.'],
  [/^"name" goes with "role"$/, () => '“Tên” chỉ đi cùng “Vai trò”.'],
  [/^invalid JSON/, () => 'Tệp không phải JSON hợp lệ.'],
  [/^says "/, () => 'Gọi người dân là ông/bà, hoặc bỏ đại từ.'],
  [/^uses "[^"]+" without explaining it/, () => 'Giải thích từ này ở lần đầu nó xuất hiện (WRITING.md).'],
  [/^uses "[^"]+": write/, () => 'Thay từ này bằng từ dễ hiểu hơn (WRITING.md).'],
  [/^teaches a ".gov.vn" rule/, () => 'Nói đúng địa chỉ trang mà bước này cần, không dạy quy tắc “.gov.vn”.'],
  [/^too long to read before acting/, () => 'Viết ngắn lại: tối đa 2 câu, khoảng 25 từ.'],
  [/^names something by its colour/, () => 'Đừng gọi tên theo màu; nói vị trí trên màn hình.'],
  [/^remove the /, () => 'Xoá ký tự ẩn trong chữ.'],
  [/^Invalid option/, () => 'Chọn một giá trị trong danh sách.'],
];

export function problemHint(message: string): string | undefined {
  for (const [pattern, hint] of HINTS) {
    const match = pattern.exec(message);
    if (match) return hint(match);
  }
  return undefined;
}
