import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { verifyTours } from '../../scripts/lib/verify/run';

/**
 * `npm run tours:verify` replays tours without the extension, in its own headless Chromium, on the
 * replica pages. A broken replica is made here by rewriting the page as it is served.
 */
const FIND = 'dvcqg-tim-thu-tuc';
const PORTAL = 'https://dichvucong.gov.vn';
const SEARCH_BOX = "h('input', { type: 'search', name: 'keyword', cls: 'input', placeholder: 'Nhập từ khoá tìm kiếm'";

/** The portal's search box with another label, or redesigned altogether (label, input type and form role). */
function breakSearchBox(kind: 'label' | 'redesign') {
  return (origin: string, html: string) => {
    if (origin !== PORTAL) return html;
    expect(html).toContain(SEARCH_BOX);
    let out = html.replace(SEARCH_BOX, SEARCH_BOX.replace('Nhập từ khoá tìm kiếm', 'Tìm thủ tục, dịch vụ'));
    if (kind === 'redesign') out = out.replace(SEARCH_BOX.replace('Nhập từ khoá tìm kiếm', 'Tìm thủ tục, dịch vụ'), "h('input', { type: 'text', name: 'keyword', cls: 'input', placeholder: 'Tìm thủ tục, dịch vụ'").replace("h('form', { role: 'search',", "h('form', {");
    return out;
  };
}

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'danbuoc-verify-'));
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

test('the find-procedure tour replays on the replicas, step by step, and the run is recorded', async () => {
  const verifiedFile = join(dir, 'verified.json');
  const [report] = await verifyTours({ only: [FIND], verifiedFile });
  expect(report.ok).toBe(true);
  expect(report.steps.map((s) => [s.id, s.status])).toEqual([
    ['nhap-tu-khoa', 'ok'],
    ['bam-tim-kiem', 'ok'],
    ['chon-thu-tuc', 'ok'],
    ['muc-thanh-phan-ho-so', 'ok'],
    ['bang-giay-to', 'fallback'],
  ]);
  expect(report.steps[0].strategies.map((s) => s.matches)).toEqual([1, 1, 1]);
  expect(report.steps[4]).toMatchObject({ used: 1, broken: false });
  const recorded = JSON.parse(await readFile(verifiedFile, 'utf8'));
  expect(recorded[FIND]).toMatchObject({ against: 'replicas', ok: true, steps: 5, stepsOk: 4 });
  expect(recorded[FIND].tourSha256).toMatch(/^[0-9a-f]{16}$/);
});

test('a redesigned search box breaks the tour: the step is reported missing and the run fails', async () => {
  const [report] = await verifyTours({ only: [FIND], verifiedFile: false, stepTimeoutMs: 3000, rewriteReplica: breakSearchBox('redesign') });
  expect(report.ok).toBe(false);
  expect(report.steps[0]).toMatchObject({ id: 'nhap-tu-khoa', status: 'missing', broken: true });
  expect(report.steps[0].strategies.map((s) => s.matches)).toEqual([0, 0, 0]);
  expect(report.steps.slice(1).every((s) => s.status === 'not-reached')).toBe(true);
});

test('a changed search-box label is caught: a warning by default, a broken step with --strict', async () => {
  const [lenient] = await verifyTours({ only: [FIND], verifiedFile: false, rewriteReplica: breakSearchBox('label') });
  expect(lenient.steps[0]).toMatchObject({ status: 'fallback', used: 1, broken: false });
  expect(lenient.steps[0].strategies.map((s) => s.matches)).toEqual([0, 1, 1]);
  const [strict] = await verifyTours({ only: [FIND], verifiedFile: false, strict: true, rewriteReplica: breakSearchBox('label') });
  expect(strict.ok).toBe(false);
  expect(strict.steps[0]).toMatchObject({ status: 'fallback', broken: true });
});

test('with live rules the replay stops before the citizen signs in, without calling it broken', async () => {
  const [report] = await verifyTours({ only: ['dvcqg-dang-nhap-vneid'], verifiedFile: false, live: true, serveReplicas: true });
  expect(report.ok).toBe(true);
  expect(report.steps[0]).toMatchObject({ id: 'bam-dang-nhap', status: 'ok' });
  expect(report.steps[1]).toMatchObject({ id: 'so-dinh-danh', status: 'stopped', broken: false, note: 'dừng trước bước cần người dân (đăng nhập)' });
  expect(report.steps.slice(2).every((s) => s.status === 'not-reached')).toBe(true);
});

test('the CLI exits 0 on a tour that replays and writes the JSON report and the table', async () => {
  const reportFile = join(dir, 'report.json');
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/tours-verify.ts', FIND, '--no-record', '--report', reportFile]);
  expect(stdout).toContain(`ĐẠT  ${FIND}`);
  expect(JSON.parse(await readFile(reportFile, 'utf8'))[0].tourId).toBe(FIND);
  expect(await readFile(join(dir, 'report.txt'), 'utf8')).toMatch(/→ \[1\] {2}1 × label="Nhập từ khoá tìm kiếm"/);
});

test('the CLI exits 1 when a step of a tour no longer finds its element', async () => {
  const tours = join(dir, 'tours');
  await mkdir(tours, { recursive: true });
  const tour = JSON.parse(await readFile(`tours/${FIND}.json`, 'utf8'));
  tour.steps[0].target = { label: 'Ô tìm kiếm đã bỏ' };
  await writeFile(join(tours, `${FIND}.json`), JSON.stringify(tour));
  const run = promisify(execFile)('npx', ['tsx', 'scripts/tours-verify.ts', '--tours', tours, '--no-record', '--timeout', '2000']);
  const failure = await run.then(() => null, (error: { code: number; stdout: string }) => error);
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toMatch(/HỎNG {2}dvcqg-tim-thu-tuc[\s\S]*✗ {2}1\. nhap-tu-khoa +input +KHÔNG THẤY/);
});

test('--base-url replays the tour with its main site served from another base', async () => {
  const base = 'https://thu-nghiem.dichvucong.invalid';
  const [report] = await verifyTours({ only: [FIND], verifiedFile: false, baseUrl: base, serveReplicas: true });
  expect(report.against).toBe(base);
  expect(report.ok).toBe(true);
  expect(report.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'fallback']);
});

test('a step that waits for the phone stops the replay, unless the replica can stand in for it', async () => {
  const inputsFile = join(dir, 'inputs.json');
  await writeFile(inputsFile, JSON.stringify({ 'dvcqg-dang-nhap-qr': {} }));
  const [report] = await verifyTours({ only: ['dvcqg-dang-nhap-qr'], verifiedFile: false, inputsFile });
  expect(report.ok).toBe(true);
  expect(report.steps.map((s) => s.status).slice(0, 4)).toEqual(['ok', 'ok', 'stopped', 'not-reached']);
  expect(report.steps[2].note).toBe('dừng trước bước cần người dân (chờ điện thoại hoặc mã xác nhận)');
});

test('a navigate step follows its highlighted link until the page reaches "to"', async () => {
  const tours = join(dir, 'navigate');
  await mkdir(tours, { recursive: true });
  const tour = JSON.parse(await readFile(`tours/${FIND}.json`, 'utf8'));
  // A navigate step on the results' links (several match: the first is followed).
  tour.steps[2].advance = 'navigate';
  tour.steps[2].to = '/thu-tuc-hanh-chinh/*';
  tour.steps[2].target = [{ role: 'link', within: { role: 'list', name: 'Kết quả tìm kiếm' } }];
  await writeFile(join(tours, `${FIND}.json`), JSON.stringify(tour));
  const [report] = await verifyTours({ toursDir: tours, verifiedFile: false });
  expect(report.steps[2]).toMatchObject({ id: 'chon-thu-tuc', advance: 'navigate', status: 'ambiguous', broken: false });
  expect(report.ok).toBe(true);
});

test('a doneWhen that already holds before the citizen acts breaks the step (the player would pass it on the next page change)', async () => {
  const LOOKUP_CARD = "'aria-label': 'Tra cứu để nộp phạt'";
  const [report] = await verifyTours({
    only: ['dvcqg-nop-phat-giao-thong'],
    verifiedFile: false,
    stepTimeoutMs: 5000,
    // The lookup card named like the decision card the step waits for: "… xử phạt".
    rewriteReplica: (origin, html) => (html.includes(LOOKUP_CARD) ? html.replace(LOOKUP_CARD, "'aria-label': 'Tra cứu thông tin xử phạt'") : html),
  });
  expect(report.ok).toBe(false);
  expect(report.steps[2]).toMatchObject({ id: 'tra-cuu', status: 'failed', broken: true });
  expect(report.steps[2].note).toContain('doneWhen đã đúng trước khi người dân làm gì');
  expect(report.steps.slice(0, 2).every((s) => s.status === 'ok')).toBe(true);
});

test('replays as the player plays: advice steps pass, and after a skipped step the steps on pages not needed are skipped', async () => {
  const reports = await verifyTours({ only: ['dvcqg-an-toan', 'dvcqg-tra-cuu-ho-so'], verifiedFile: false });
  const statuses = Object.fromEntries(reports.map((r) => [r.tourId, r.steps.map((s) => `${s.id}:${s.status}`)]));
  // Not signed in on the replicas: the signed-in steps are skipped; those on /thong-tin-ca-nhan are never reached.
  expect(statuses['dvcqg-tra-cuu-ho-so'].slice(6)).toEqual([
    'mo-menu-tai-khoan:skipped', 'thong-tin-ca-nhan:skipped', 'dich-vu-cong-cua-toi:skipped', 'danh-sach-ho-so:skipped', 'chua-dang-nhap:ok',
  ]);
  expect(statuses['dvcqg-an-toan'].filter((s) => /^(trang-gia|trang-thanh-toan|tin-nhan-lua-dao):/.test(s))).toEqual([
    'trang-gia:ok', 'trang-thanh-toan:ok', 'tin-nhan-lua-dao:ok',
  ]);
  expect(reports.every((r) => r.ok)).toBe(true);
});
