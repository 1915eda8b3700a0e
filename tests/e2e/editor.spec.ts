import { readFile } from 'node:fs/promises';
import { canonicalText } from '../../engine/tour-check';
import { TourEditor, setAuthorMode } from '../support/editor';
import type { Page } from '@playwright/test';
import { expect, test, HOME } from '../support/fixtures';
import { expectAxeClean, horizontalOverflow, setPrefs } from '../support/pages';

/**
 * The tour editor (issue 10): an author opens a tour file, sees what `tours:check` would say with
 * the JSON path and the fix, fixes it, saves it in canonical form, reorders steps with the keyboard
 * and plays the draft from step 2 on a replica portal tab, every step marked as a draft.
 */
const ORIGINAL = JSON.parse(await readFile('tours/dvcqg-tim-thu-tuc.json', 'utf8'));
const DRAFT_ID = 'dvcqg-tim-thu-tuc-ban-nhap';
const draftTour = () => ({ ...structuredClone(ORIGINAL), id: DRAFT_ID });
const DRAFT_BADGE = 'Bản nháp — chưa kiểm duyệt';

test('with author mode off the editor says how to turn it on, and the background refuses a preview', async ({ ext, portal }) => {
  const editor = await TourEditor.open(ext);
  await expect(editor.page.getByText('chỉ dùng khi bật “Chế độ soạn hướng dẫn”')).toBeVisible();
  await expect(editor.page.getByRole('link', { name: 'Mở trang “Cài đặt”' })).toBeVisible();
  await expect(editor.page.getByLabel('Mở tệp')).toHaveCount(0);
  await expectAxeClean(editor.page, 'editor, author mode off');
  // Even a page that sends the message itself gets nothing started.
  const tabId = await editor.page.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, HOME);
  const reply = await editor.page.evaluate(
    (message) => chrome.runtime.sendMessage(message),
    { kind: 'editor:preview', tabId, tourId: ORIGINAL.id, stepIndex: 1 },
  );
  expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Chế độ soạn hướng dẫn') });
  await expect(portal.locator('.danbuoc-popover')).toHaveCount(0);
});

test('open a broken file, fix it, save it in canonical form, reorder by keyboard, preview from step 2 to the end', async ({ ext, portal, citizen }) => {
  test.setTimeout(120_000);
  await setAuthorMode(ext, true);
  const editor = await TourEditor.open(ext);
  const { page } = editor;

  // Not JSON at all: refused with the file's name, the path and the fix; nothing is opened or lost.
  await editor.openFile('hong.json', '{\n  "id": "x"\n  "steps": []\n}');
  const refusal = page.getByRole('alert').filter({ hasText: 'Chưa mở được tệp “hong.json”' });
  await expect(refusal).toContainText('$');
  await expect(refusal).toContainText('Sửa tệp ở dòng 3, cột 3');
  await expect(page.getByText('Chưa có bản nháp nào')).toBeVisible();

  // Valid JSON, wrong tour: opens, and every problem shows its JSON path and the fix, next to the field.
  const broken = draftTour();
  broken.steps[1].say.vi = '';
  broken.steps[3].advance = 'navigate';
  await editor.openFile(`${DRAFT_ID}.json`, JSON.stringify(broken));
  await expect(page.getByRole('status').filter({ hasText: 'Đã mở tệp' })).toBeVisible();
  await expect(editor.problems).toContainText('2 lỗi phải sửa');
  await expect(editor.problems).toContainText('$.steps[1].say.vi: Điền chữ vào ô này. must not be empty');
  await expect(editor.problems).toContainText('$.steps[3].to: Điền “Trang cần tới (to)”. advance "navigate" needs "to"');
  const say = editor.step(2).getByRole('group', { name: 'Lời hướng dẫn (say)' }).getByLabel('tiếng Việt');
  await expect(say).toHaveAttribute('aria-invalid', 'true');
  await expect(say).toHaveAccessibleDescription(/\$\.steps\[1\]\.say\.vi: Điền chữ vào ô này\./);
  await expectAxeClean(page, 'editor with problems');

  // Fix both fields: the problems go as the author types.
  await say.fill(ORIGINAL.steps[1].say.vi);
  await editor.step(4).getByLabel('Bước xong khi (advance)').selectOption('next');
  await expect(editor.problems).toContainText('Không có lỗi và không có lời khuyên nào.');
  await expect(say).not.toHaveAttribute('aria-invalid', 'true');

  // "Lưu tệp" downloads exactly what `tours:check --fix` writes: the shipped file's bytes, new id.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu tệp' }).click()]);
  expect(download.suggestedFilename()).toBe(`${DRAFT_ID}.json`);
  const saved = await readFile(await download.path(), 'utf8');
  expect(saved).toBe(canonicalText(draftTour()));
  expect(saved).toBe((await readFile('tours/dvcqg-tim-thu-tuc.json', 'utf8')).replace('"id": "dvcqg-tim-thu-tuc"', `"id": "${DRAFT_ID}"`));

  // Keyboard only: move step 3 up twice and back down twice; focus follows the moved step.
  const ids = ORIGINAL.steps.map((s: { id: string }) => s.id);
  await editor.step(3).getByRole('button', { name: 'Lên', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.stepHeadings()).toEqual([`Bước 1: ${ids[0]}`, `Bước 2: ${ids[2]}`, `Bước 3: ${ids[1]}`, `Bước 4: ${ids[3]}`, `Bước 5: ${ids[4]}`]);
  await expect(editor.step(2).getByRole('button', { name: 'Lên', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.stepHeadings()).toEqual([`Bước 1: ${ids[2]}`, `Bước 2: ${ids[0]}`, `Bước 3: ${ids[1]}`, `Bước 4: ${ids[3]}`, `Bước 5: ${ids[4]}`]);
  // At the top "Lên" is disabled, so focus moves to the step's "Xuống".
  await expect(editor.step(1).getByRole('button', { name: 'Xuống', exact: true })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `Đã chuyển bước “${ids[2]}” tới vị trí 1.` })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(editor.step(2).getByRole('button', { name: 'Xuống', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.stepHeadings()).toEqual(ids.map((id: string, i: number) => `Bước ${i + 1}: ${id}`));

  // The draft is what the background runs: preview from step 2 on the portal tab, without rebuilding.
  await expect(page.getByLabel('Chạy thử trên thẻ')).toContainText(HOME);
  await editor.step(2).getByRole('button', { name: 'Chạy thử từ bước này' }).click();
  await expect(editor.step(2).getByRole('status')).toHaveText(/Đang chạy thử từ bước 2/);
  await portal.bringToFront();
  const badge = citizen.popover.locator('.danbuoc-badge');
  await citizen.expectStep(2, 5);
  await expect(badge).toHaveText(DRAFT_BADGE);
  await expect(citizen.highlighted).toHaveAccessibleName('Tìm kiếm');
  await portal.getByPlaceholder('Nhập từ khoá tìm kiếm').fill('khai sinh');
  await citizen.clickHighlighted();
  await expect(portal).toHaveURL(/\/tim-kiem-thu-tuc-hanh-chinh\?keyword=/);
  await citizen.expectStep(3, 5);
  await expect(badge).toHaveText(DRAFT_BADGE);
  await citizen.highlighted.getByRole('link').first().click();
  await expect(portal).toHaveURL(/\/thu-tuc-hanh-chinh\//);
  await citizen.expectStep(4, 5);
  await expect(badge).toHaveText(DRAFT_BADGE);
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(5, 5);
  await expect(badge).toHaveText(DRAFT_BADGE);
  await citizen.pressPopoverButton('Xong');
  await expect(citizen.popover).toContainText('Hoàn thành');
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();
});

test('an edit in the editor is what the preview runs: a changed sentence shows on the page at once', async ({ ext, portal, citizen }) => {
  await setAuthorMode(ext, true);
  const editor = await TourEditor.open(ext);
  await editor.openFile(`${DRAFT_ID}.json`, JSON.stringify(draftTour()));
  const sentence = 'Bấm “Tìm kiếm” ở ngay bên phải ô.';
  await editor.step(2).getByRole('group', { name: 'Lời hướng dẫn (say)' }).getByLabel('tiếng Việt').fill(sentence);
  await expect(editor.problems).toContainText('Không có lỗi');
  await editor.step(2).getByRole('button', { name: 'Chạy thử từ bước này' }).click();
  await expect(editor.step(2).getByRole('status')).toHaveText(/Đang chạy thử từ bước 2/);
  await portal.bringToFront();
  await citizen.expectStep(2, 5);
  await citizen.expectSays(sentence);
});

test('"Kiểm tra bước này" counts what each strategy matches on the tab now: 1 for a good one, 0 for a broken one', async ({ ext, portal }) => {
  await setAuthorMode(ext, true);
  const editor = await TourEditor.open(ext);
  await editor.openFile(`${DRAFT_ID}.json`, JSON.stringify(draftTour()));
  const step = editor.step(1);
  const target = step.getByRole('group', { name: 'Chỗ cần tìm (target)' });
  await target.getByRole('button', { name: 'Thêm cách tìm' }).click();
  await target.getByRole('group', { name: 'Cách tìm 4' }).getByLabel('Chữ cần tìm').fill('Không có chữ này trên trang');
  await expect(editor.problems).toContainText('Không có lỗi');
  await expect(portal).toHaveURL(HOME);
  await step.getByRole('button', { name: 'Kiểm tra bước này' }).click();
  await expect(target.getByRole('group', { name: /^Cách tìm 1 — khớp đúng 1 chỗ$/ })).toBeVisible();
  await expect(target.getByRole('group', { name: /^Cách tìm 4 — không thấy chỗ nào$/ })).toBeVisible();
  await expect(step.getByRole('status')).toHaveText(
    'Bước 1 trên thẻ đã chọn, lúc này: Cách tìm 1 khớp đúng 1 chỗ; Cách tìm 2 khớp đúng 1 chỗ; Cách tìm 3 khớp đúng 1 chỗ; Cách tìm 4 không thấy chỗ nào.',
  );
  // Nothing of the check is left on the page itself (it runs in the extension's isolated world).
  expect(await portal.evaluate(() => '__danbuocInspectStep' in globalThis)).toBe(false);
  await expectAxeClean(editor.page, 'editor after a check');
});

test('a draft replaces the built-in tour of the same id only while author mode is on', async ({ ext, portal, citizen }) => {
  await setAuthorMode(ext, true);
  const editor = await TourEditor.open(ext);
  const sameId = structuredClone(ORIGINAL);
  sameId.steps[0].say.vi = 'Gõ tên thủ tục vào ô tìm kiếm (bản nháp đang sửa).';
  await editor.openFile('dvcqg-tim-thu-tuc.json', JSON.stringify(sameId));
  await expect(editor.problems).toContainText('Không có lỗi');

  // The popup's own "Bắt đầu" message, sent from an extension page.
  const startTour = async (page: Page) => {
    const tabId = await editor.page.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
    await editor.page.evaluate((message) => chrome.runtime.sendMessage(message), { kind: 'popup:start', tabId, tourId: ORIGINAL.id });
    await page.bringToFront();
  };

  // Off: the citizen's tour is the reviewed one, without the draft badge.
  await setAuthorMode(ext, false);
  await startTour(portal);
  await citizen.expectStep(1, 5);
  await citizen.expectSays(ORIGINAL.steps[0].say.vi);
  await expect(citizen.popover.locator('.danbuoc-badge')).toHaveCount(0);
  await citizen.closeTour();

  // On: the same start runs the draft, marked as one.
  await setAuthorMode(ext, true);
  await startTour(portal);
  const author = citizen;
  await author.expectStep(1, 5);
  await author.expectSays(sameId.steps[0].say.vi);
  await expect(author.popover.locator('.danbuoc-badge')).toHaveText(DRAFT_BADGE);
});

test('at A++ (text 200 %) on a 360 px window the editor, problems shown, stays readable: axe-clean, nothing cut off sideways', async ({ ext }) => {
  await setAuthorMode(ext, true);
  await setPrefs(ext, { textSize: 200 });
  const editor = await TourEditor.open(ext);
  await editor.page.setViewportSize({ width: 360, height: 740 });
  const broken = draftTour();
  broken.steps[0].target[2].css = '';
  broken.steps[2].page = 'http://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh*';
  await editor.openFile(`${DRAFT_ID}.json`, JSON.stringify(broken));
  await expect(editor.problems).toContainText('2 lỗi phải sửa');
  await expect(editor.page.locator('html')).toHaveAttribute('data-text-size', '200');
  expect(await horizontalOverflow(editor.page)).toEqual([]);
  await expectAxeClean(editor.page, 'editor at A++, 360 px');
});
