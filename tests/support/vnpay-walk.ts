import { expect, type Page } from '@playwright/test';
import type { Citizen } from './citizen';

/**
 * The citizen on the VNPAY gateway, as the payment tours guide them: domestic card, their bank,
 * card number, holder, issue date, "Tiếp tục", the bank's code, "Thanh toán", back to the portal.
 * `first` is the tour's step number for "Thẻ nội địa và tài khoản ngân hàng".
 */
export async function payOnVnpay(citizen: Citizen, portal: Page, first: number, total: number, bank: string): Promise<void> {
  await expect(portal).toHaveURL(/^https:\/\/pay\.vnpay\.vn\//);
  await citizen.expectStep(first, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(first + 1, total);
  await portal.getByRole('option', { name: bank }).click();
  const card = ['9704 0000 0000 0018', 'NGUYEN VAN AN', '03/21'];
  for (const [i, value] of card.entries()) {
    await citizen.expectStep(first + 2 + i, total);
    await citizen.typeIntoHighlighted(value);
    await citizen.pressPopoverButton('Tiếp');
  }
  await citizen.expectStep(first + 5, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(first + 6, total);
  await citizen.typeIntoHighlighted('987654');
  await citizen.pressPopoverButton('Tiếp');
  await citizen.expectStep(first + 7, total);
  await citizen.clickHighlighted();
  await citizen.expectStep(first + 8, total);
  await expect(portal.getByRole('heading', { name: 'Thanh toán thành công!' })).toBeVisible();
  await citizen.clickHighlighted();
}

/** What the citizen typed on the gateway: never in the extension's storage. */
export const CARD_SECRETS = ['9704 0000 0000 0018', 'NGUYEN VAN AN', '987654'];
