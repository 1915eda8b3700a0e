import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Runs `chrome.runtime.sendMessage(message)` inside our content script's isolated world on `page`
 * (found over CDP by the extension's name), so the background sees a real content-script sender:
 * the tab, the frame and the page's origin, exactly as when the overlay itself sends it.
 */
export async function sendFromContentScript(page: Page, message: unknown, extensionName = 'Dẫn Bước'): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find((c) => c.name === extensionName && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id);
    if (!world) throw new Error(`no content script of "${extensionName}" runs on ${page.url()}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as unknown;
  } finally {
    await cdp.detach();
  }
}
