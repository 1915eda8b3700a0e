import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { tabIdOf } from './popup';

/**
 * A team member at the desk console. Side panels cannot be driven by Playwright, so the console
 * page (sidepanel.html) is opened in a tab with `?tab=<id>` naming the citizen's tab, the same
 * way the popup tests open popup.html.
 */
export class DeskConsole {
  constructor(
    readonly page: Page,
    readonly citizenTabId: number,
  ) {}

  static async open(ext: ExtensionBrowser, portal: Page): Promise<DeskConsole> {
    const tabId = await tabIdOf(ext, portal);
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
    return new DeskConsole(page, tabId);
  }

  /** The same console again in a new tab (the panel closed and reopened). */
  async reopen(ext: ExtensionBrowser): Promise<DeskConsole> {
    await this.page.close();
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${this.citizenTabId}`);
    return new DeskConsole(page, this.citizenTabId);
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name, level: 2 });
  }

  async expectAccessible(label: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(results.violations, `axe on the console: ${label}`).toEqual([]);
  }

  async createProfile(name: string, team: string, commune: string): Promise<void> {
    await expect(this.heading('Ai đang làm việc ở bàn này?')).toBeVisible();
    await this.page.getByLabel('Họ tên hoặc mã thành viên', { exact: true }).fill(name);
    await this.page.getByLabel('Tổ công nghệ số', { exact: true }).fill(team);
    await this.page.getByLabel('Xã/phường', { exact: true }).fill(commune);
    await this.page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await expect(this.heading(`Xin chào, ${name}`)).toBeVisible();
  }

  async startSession(agreed: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Phiên hỗ trợ mới' }).click();
    await expect(this.heading('Bước 1: Xin phép người dân')).toBeVisible();
    await this.page.getByRole('button', { name: agreed ? 'Người dân đồng ý' : 'Người dân không đồng ý' }).click();
  }

  task(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, level: 4 }) });
  }

  async pickTask(title: string): Promise<void> {
    // The box follows what is stored: it turns checked once the task is saved, not on the click.
    const box = this.page.getByRole('checkbox', { name: title });
    await box.click();
    await expect(box).toBeChecked();
    await expect(this.task(title)).toBeVisible();
  }

  async startTour(taskTitle: string): Promise<void> {
    await this.task(taskTitle).getByRole('button', { name: /^Mở hướng dẫn/ }).click();
    // The notice sits next to the button that caused it, inside that task.
    await expect(this.task(taskTitle).getByText(/Đã mở hướng dẫn/)).toBeVisible();
  }

  async markTask(title: string, outcome: string, reason?: string): Promise<void> {
    const task = this.task(title);
    await task.getByLabel('Kết quả', { exact: true }).selectOption({ label: outcome });
    if (reason) await task.getByLabel('Lý do', { exact: true }).selectOption({ label: reason });
    await task.getByRole('button', { name: 'Lưu kết quả' }).click();
    await expect(task.locator('.task-status')).toContainText(reason ? `${outcome} — ${reason}` : outcome);
  }

  /** Every session in the console's IndexedDB, read with the plain IndexedDB API. */
  async storedSessions(): Promise<Array<Record<string, unknown>>> {
    return this.page.evaluate(
      () =>
        new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
          const request = indexedDB.open('dan-buoc-sessions');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const all = db.transaction('sessions', 'readonly').objectStore('sessions').getAll();
            all.onsuccess = () => {
              db.close();
              resolve(all.result as Array<Record<string, unknown>>);
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }
}
