import { expect, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { type Citizen } from './citizen';
import { openPopupFor } from './popup';

export const TOUR_TITLE = 'Tìm thủ tục và xem giấy tờ cần chuẩn bị';
export const HOME_URL = 'https://dichvucong.gov.vn/';
export const TOTAL_STEPS = 5;

export interface WalkHooks {
  /** called once a step is on screen, before the citizen acts on it */
  onStep?(name: string, citizen: Citizen): Promise<void> | void;
  /** between steps, for example to reload the page mid-tour */
  afterStep?(name: string, citizen: Citizen): Promise<void> | void;
}

/** Starts the tour from the popup on the portal home page, as a citizen would. */
export async function startFromPopup(
  ext: ExtensionBrowser,
  portal: Page,
  title = TOUR_TITLE,
  beforeStart?: (popup: Page) => Promise<void>,
): Promise<Page> {
  const popup = await openPopupFor(ext, portal);
  const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: title }) });
  await expect(card).toBeVisible();
  await beforeStart?.(popup);
  await card.getByRole('button', { name: 'Bắt đầu' }).click();
  await portal.bringToFront();
  return popup;
}

/**
 * Walks "Tìm thủ tục và xem giấy tờ cần chuẩn bị" end to end: type a keyword, follow the results
 * link, read the documents section and table. Shared by the e2e test and `npm run demo`.
 */
export async function walkFindProcedure(citizen: Citizen, keyword: string, hooks: WalkHooks = {}): Promise<void> {
  const { page } = citizen;
  const at = async (name: string, step: number, highlightedIsRight: () => Promise<void>) => {
    await citizen.expectStep(step, TOTAL_STEPS);
    await highlightedIsRight();
    await hooks.onStep?.(name, citizen);
  };

  await at('nhap-tu-khoa', 1, () => expect(citizen.highlighted).toHaveAttribute('placeholder', 'Nhập từ khoá tìm kiếm'));
  await citizen.typeIntoHighlighted(keyword, { enter: true });
  await hooks.afterStep?.('nhap-tu-khoa', citizen);

  await expect(page).toHaveURL(/\/tim-kiem-thu-tuc-hanh-chinh\?keyword=/);
  await at('chon-thu-tuc', 3, () => expect(citizen.highlighted).toHaveAttribute('aria-label', 'Kết quả tìm kiếm'));
  await citizen.highlighted.getByRole('link').first().click();
  await hooks.afterStep?.('chon-thu-tuc', citizen);

  await expect(page).toHaveURL(/\/thu-tuc-hanh-chinh\//);
  await at('muc-thanh-phan-ho-so', 4, () => expect(citizen.highlighted).toHaveText('Thành phần hồ sơ'));
  await hooks.afterStep?.('muc-thanh-phan-ho-so', citizen);
  await citizen.expectStep(4, TOTAL_STEPS);
  await citizen.pressPopoverButton('Tiếp');

  await at('bang-giay-to', 5, () => expect(citizen.highlighted).toHaveJSProperty('tagName', 'TABLE'));
  await citizen.pressPopoverButton('Xong');
  await hooks.afterStep?.('bang-giay-to', citizen);

  await expect(citizen.popover).toContainText('Hoàn thành');
  await hooks.onStep?.('hoan-thanh', citizen);
  await citizen.pressPopoverButton('Xong');
  await citizen.expectNoOverlay();
}
