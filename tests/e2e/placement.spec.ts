import { expect, test } from '../support/fixtures';
import { startFromPopup, walkFindProcedure } from '../support/find-procedure-walk';
import { expectTargetUncovered, VIEWPORTS } from '../support/overlay-checks';

/**
 * Issue 7: on a phone-sized window and at 200% zoom the popover sat on the very box the citizen had
 * to use. At every step of these walks the target's centre and visible box stay uncovered, no
 * password or code box is covered, and the popover fits the window.
 */
for (const [name, size] of Object.entries(VIEWPORTS)) {
  test(`find a procedure at ${name} (${size.width}×${size.height})`, async ({ ext, portal, citizen }) => {
    await portal.setViewportSize(size);
    await startFromPopup(ext, portal);
    await walkFindProcedure(citizen, 'khai sinh', { onStep: (step) => expectTargetUncovered(portal, `${name} ${step}`) });
  });
}

for (const name of ['phone', 'zoom200'] as const) {
  test(`VNeID login with password and SMS code at ${name}`, async ({ ext, portal, citizen }) => {
    test.setTimeout(90_000);
    await portal.setViewportSize(VIEWPORTS[name]);
    const total = 11;
    const at = async (n: number) => {
      await citizen.expectStep(n, total);
      await expectTargetUncovered(portal, `${name} login step ${n}`);
    };
    await startFromPopup(ext, portal, 'Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID');
    await at(1);
    await citizen.clickHighlighted();
    for (const [n, value] of [[2, '012345678901'], [3, 'mat-khau-bi-mat']] as const) {
      await at(n);
      await citizen.typeIntoHighlighted(value);
      await citizen.pressPopoverButton('Tiếp');
    }
    await at(4);
    await citizen.clickHighlighted();
    await at(5);
    await citizen.typeIntoHighlighted('123456');
    await citizen.pressPopoverButton('Tiếp');
    for (const n of [6, 7, 8]) {
      await at(n);
      await citizen.clickHighlighted();
    }
    await at(9);
    await citizen.typeIntoHighlighted('246810');
    await citizen.pressPopoverButton('Tiếp');
    await at(10);
    await citizen.clickHighlighted();
    await at(11);
  });
}

test('payment with the bank list as a choice, at phone size and at 200% zoom', async ({ ext, portal, citizen }) => {
  test.setTimeout(90_000);
  await portal.setViewportSize(VIEWPORTS.zoom200);
  await portal.goto('https://dichvucong.gov.vn/thanh-toan-truc-tuyen');
  await startFromPopup(ext, portal, 'Thanh toán lệ phí hồ sơ qua VNPAY');
  const total = 14;
  const at = async (n: number) => {
    await citizen.expectStep(n, total);
    await expectTargetUncovered(portal, `payment step ${n}`);
  };
  await at(1);
  await citizen.typeIntoHighlighted('H12.34-260101-0001', { enter: true });
  for (const n of [2, 3, 4, 5]) {
    await at(n);
    await citizen.clickHighlighted();
  }
  await at(6);
  // The whole bank list is highlighted and every bank in it can be picked, not only the first.
  await expect(citizen.highlighted).toHaveAttribute('role', 'listbox');
  await portal.setViewportSize(VIEWPORTS.phone);
  await expectTargetUncovered(portal, 'payment bank list at phone size');
  await citizen.highlighted.getByRole('option', { name: 'Techcombank' }).click();
  for (const [n, value] of [[7, '9704 0000 0000 0018'], [8, 'NGUYEN VAN AN'], [9, '03/21']] as const) {
    await at(n);
    await citizen.typeIntoHighlighted(value);
    await citizen.pressPopoverButton('Tiếp');
  }
  await at(10);
  await citizen.clickHighlighted();
  await at(11);
  await citizen.typeIntoHighlighted('987654');
  await citizen.pressPopoverButton('Tiếp');
  for (const n of [12, 13]) {
    await at(n);
    await citizen.clickHighlighted();
  }
  await at(14);
});
