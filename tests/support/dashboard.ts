import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

/** The records-and-reports page (entrypoints/dashboard) as a page object. */
export const DB_NAME = 'dan-buoc-sessions';

export class DashboardPage {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<DashboardPage> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    const dashboard = new DashboardPage(page);
    await dashboard.ready();
    return dashboard;
  }

  async ready(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Báo cáo hỗ trợ người dân' })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Writes records straight into IndexedDB through the page (the stores exist once the page opened the database). */
  async seed(store: 'sessions' | 'members' | 'settings' | 'quarantine', records: Array<[string, unknown]>): Promise<void> {
    await this.page.evaluate(
      async ({ name, store, json }) => {
        const entries = JSON.parse(json) as Array<[string, unknown]>;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const [key, value] of entries) tx.objectStore(store).put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { name: DB_NAME, store, json: JSON.stringify(records) },
    );
  }

  /** Every store of every IndexedDB database this extension origin holds: { "db/store": [[key, value], …] }. */
  async dumpIndexedDb(): Promise<Record<string, Array<[unknown, unknown]>>> {
    return this.page.evaluate(async () => {
      const out: Record<string, Array<[unknown, unknown]>> = {};
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(info.name!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const tx = db.transaction(store, 'readonly');
          const [keys, values] = await Promise.all([
            new Promise<IDBValidKey[]>((resolve) => {
              const r = tx.objectStore(store).getAllKeys();
              r.onsuccess = () => resolve(r.result);
            }),
            new Promise<unknown[]>((resolve) => {
              const r = tx.objectStore(store).getAll();
              r.onsuccess = () => resolve(r.result);
            }),
          ]);
          out[`${info.name}/${store}`] = keys.map((k, i) => [k, values[i]]);
        }
        db.close();
      }
      return out;
    });
  }

  metric(name: string) {
    return this.page.locator(`[data-metric="${name}"] dd`);
  }

  table(id: string) {
    return this.page.locator(`main [data-table="${id}"] table`);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async showDay(date: string, groupBy: 'Ngày' | 'Tuần' | 'Tháng' = 'Tháng'): Promise<void> {
    await this.page.getByLabel(groupBy, { exact: true }).check();
    await this.page.getByLabel('Chọn ngày').fill(date);
  }

  /** Clicks a button that saves a file, and returns the file's name and bytes. */
  async download(buttonName: string): Promise<{ name: string; bytes: Buffer; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button(buttonName).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path), download };
  }

  async importFile(name: string, content: string | Buffer): Promise<void> {
    await this.page.getByLabel('Chọn tệp sao lưu…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  }
}
