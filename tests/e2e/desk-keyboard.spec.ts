import type { Locator, Page } from '@playwright/test';
import { DeskConsole } from '../support/desk';
import { expect, test } from '../support/fixtures';

/**
 * A team member who works with the keyboard alone runs a whole desk session — profile, consent,
 * a task found with the filter and marked, the end with a satisfaction face — and focus is never
 * lost to <body> along the way.
 */
async function focusIsOnAControl(page: Page): Promise<void> {
  const tag = await page.evaluate(() => document.activeElement?.tagName ?? 'NONE');
  expect(tag, 'focus fell to <body>').not.toBe('BODY');
}

/** Presses Tab until `target` has focus, checking after every press that focus is somewhere real. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    await focusIsOnAControl(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('a desk session with the keyboard only: start, consent, a task, end — focus never on <body>', async ({ ext, portal }) => {
  const desk = await DeskConsole.open(ext, portal);
  const page = desk.page;
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  await expect(desk.heading('Ai đang làm việc ở bàn này?')).toBeFocused();
  await tabTo(page, page.getByLabel('Họ tên hoặc mã thành viên', { exact: true }));
  await page.keyboard.type('TV-05');
  await tabTo(page, page.getByLabel('Tổ công nghệ số', { exact: true }));
  await page.keyboard.type('Tổ CNS xã');
  await tabTo(page, page.getByLabel('Xã/phường', { exact: true }));
  await page.keyboard.type('Xã Tân Lập');
  await tabTo(page, button('Tạo hồ sơ'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Xin chào, TV-05')).toBeFocused();

  await tabTo(page, button('Phiên hỗ trợ mới'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Bước 1: Xin phép người dân')).toBeFocused();
  await tabTo(page, button('Người dân đồng ý'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Bước 2: Vài thông tin chung (không bắt buộc)')).toBeFocused();
  await tabTo(page, button('Tiếp tục'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Phiên đang hỗ trợ')).toBeFocused();

  // The withdraw button asks first; "Huỷ" gives focus back to it.
  await tabTo(page, button('Người dân rút lại đồng ý'));
  await page.keyboard.press('Enter');
  await tabTo(page, button('Huỷ'));
  await page.keyboard.press('Enter');
  await expect(button('Người dân rút lại đồng ý')).toBeFocused();

  // Find the task with the filter, tick it with Space.
  await tabTo(page, page.getByLabel('Lọc danh sách việc'));
  await page.keyboard.type('tien dien');
  const electricity = page.getByRole('checkbox', { name: /Thanh toán tiền điện/ });
  await expect(page.getByRole('checkbox')).toHaveCount(1);
  await tabTo(page, electricity);
  await page.keyboard.press('Space');
  await expect(electricity).toBeChecked();
  await expect(electricity).toBeFocused();

  // Mark it done: the outcome list with the arrow keys, then "Lưu kết quả".
  const task = desk.task('Thanh toán tiền điện');
  await page.keyboard.down('Shift');
  await tabTo(page, task.getByLabel('Kết quả', { exact: true }));
  await page.keyboard.up('Shift');
  await page.keyboard.press('ArrowDown');
  await expect(task.getByLabel('Kết quả', { exact: true })).toHaveValue('done');
  await tabTo(page, task.getByRole('button', { name: 'Lưu kết quả' }));
  await page.keyboard.press('Enter');
  await expect(task.locator('.task-status')).toContainText('Đã xong');
  await focusIsOnAControl(page);

  // A task picked by mistake is removed: its card goes, focus lands on the list's heading.
  const vneid = page.getByRole('checkbox', { name: /Cài đặt ứng dụng VNeID/ });
  await tabTo(page, page.getByLabel('Lọc danh sách việc'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('vneid');
  await tabTo(page, vneid);
  await page.keyboard.press('Space');
  await expect(vneid).toBeChecked();
  await page.keyboard.down('Shift');
  await tabTo(page, desk.task('Cài đặt ứng dụng VNeID').getByRole('button', { name: 'Bỏ việc này' }));
  await page.keyboard.up('Shift');
  await page.keyboard.press('Enter');
  await expect(desk.task('Cài đặt ứng dụng VNeID')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Việc người dân cần làm', exact: true })).toBeFocused();

  await tabTo(page, button('Kết thúc phiên'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Kết thúc phiên')).toBeFocused();
  // Tab enters the group on the chosen face ("Không chấm" until one is picked); the arrows move between faces.
  await tabTo(page, page.getByRole('radio', { name: 'Không chấm' }));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: 'Rất hài lòng', exact: true })).toBeChecked();
  await tabTo(page, button('Kết thúc phiên'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Tóm tắt phiên')).toBeFocused();
  await expect(page.locator('.summary-facts')).toContainText('Mức hài lòng: Rất hài lòng');
  await tabTo(page, button('Xong, về màn hình chính'));
  await page.keyboard.press('Enter');
  await expect(desk.heading('Xin chào, TV-05')).toBeFocused();
});

test('"Nhờ cán bộ giúp" shows beside its task, survives a reopened console, and "Đã giúp xong" clears it', async ({ ext, portal }) => {
  let desk = await DeskConsole.open(ext, portal);
  await desk.createProfile('TV-06', 'Tổ CNS xã', 'Xã Tân Lập');
  await desk.startSession(true);
  await desk.page.getByRole('button', { name: 'Tiếp tục' }).click();
  await desk.pickTask('Tìm thủ tục và xem giấy tờ');
  const [session] = await desk.storedSessions();
  // What the background writes when the tour's content script sends {kind:'content:help'} (see tests/unit/desk/help-flag.test.ts).
  await desk.page.evaluate(async (sessionId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dan-buoc-sessions');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ v: 1, sessionId, items: [{ taskId: 'tim-thu-tuc', tourId: 'dvcqg-tim-thu-tuc', stepId: 'bam-tim-kiem', at: Date.now() }] }, 'desk:help-requests');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, session.id as string);
  desk = await desk.reopen(ext);
  const task = desk.task('Tìm thủ tục và xem giấy tờ');
  await expect(task.getByRole('alert')).toContainText(/Người dân cần giúp ở bước 2\/\d+ của hướng dẫn “Tìm thủ tục và xem giấy tờ cần chuẩn bị”/);
  await desk.expectAccessible('help flag');
  await task.getByRole('button', { name: 'Đã giúp xong, ẩn thông báo này' }).focus();
  await desk.page.keyboard.press('Enter');
  await expect(task.getByRole('alert')).toHaveCount(0);
  // The button went away with the flag: focus stays in the task, not on <body>.
  await expect(task.getByRole('heading', { level: 4 })).toBeFocused();
  desk = await desk.reopen(ext);
  await expect(desk.task('Tìm thủ tục và xem giấy tờ')).toBeVisible();
  await expect(desk.task('Tìm thủ tục và xem giấy tờ').getByRole('alert')).toHaveCount(0);
});
