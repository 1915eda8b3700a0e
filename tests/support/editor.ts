import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

/** Author mode as the options page stores it (storage.local, key "authorMode"). */
export async function setAuthorMode(ext: ExtensionBrowser, on: boolean): Promise<void> {
  await ext.worker.evaluate(async (value) => {
    await chrome.storage.local.set({ authorMode: { v: 1, on: value } });
  }, on);
}

/** The tour editor page, driven the way an author uses it: by labels and button names. */
export class TourEditor {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<TourEditor> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/editor.html`);
    await expect(page.getByRole('heading', { level: 1, name: 'Soạn hướng dẫn' })).toBeVisible();
    return new TourEditor(page);
  }

  async openFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Mở tệp').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }

  step(n: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Bước ${n}: `) });
  }

  /** The step headings in order, "Bước 1: nhap-tu-khoa"… (error counts left out). */
  async stepHeadings(): Promise<string[]> {
    const texts = await this.page.locator('section.step h3').allTextContents();
    return texts.map((t) => t.replace(/ — .*$/, ''));
  }

  get problems(): Locator {
    return this.page.getByRole('region', { name: 'Kiểm tra' });
  }
}
