import { expect, type Locator, type Page } from '@playwright/test';

/** The element a step highlights (not driver.js's stand-in for popovers without one). */
export const HIGHLIGHTED = '.driver-active-element:not(#driver-dummy-element)';

/**
 * A citizen in front of the portal: sees the Dẫn Bước popover, reads it, and acts on the
 * highlighted element the way a person would (click it, type into it, press Enter).
 */
export class Citizen {
  readonly popover: Locator;
  readonly highlighted: Locator;

  constructor(readonly page: Page) {
    this.popover = page.locator('.danbuoc-popover');
    this.highlighted = page.locator(HIGHLIGHTED);
  }

  async expectStep(current: number, total: number): Promise<void> {
    await expect(this.popover).toBeVisible();
    await expect(this.popover.locator('.danbuoc-progress')).toHaveText(`Bước ${current}/${total}`);
  }

  async expectSays(text: string | RegExp): Promise<void> {
    await expect(this.popover.locator('.danbuoc-body')).toContainText(text);
  }

  async expectNoOverlay(): Promise<void> {
    await expect(this.popover).toHaveCount(0);
  }

  button(name: string | RegExp): Locator {
    return this.popover.getByRole('button', { name });
  }

  async pressPopoverButton(name: string | RegExp): Promise<void> {
    await this.button(name).click();
  }

  async clickHighlighted(): Promise<void> {
    await expect(this.highlighted).toBeVisible();
    await this.highlighted.click();
  }

  async typeIntoHighlighted(text: string, { enter = false } = {}): Promise<void> {
    await expect(this.highlighted).toBeVisible();
    await this.highlighted.click();
    await this.highlighted.pressSequentially(text, { delay: 20 });
    if (enter) await this.highlighted.press('Enter');
  }

  /** "×" asks "Dừng hướng dẫn?" first; "Dừng" confirms. */
  async closeTour(): Promise<void> {
    await this.popover.getByRole('button', { name: 'Dừng hướng dẫn' }).click();
    await this.popover.getByRole('button', { name: 'Dừng', exact: true }).click();
  }
}
