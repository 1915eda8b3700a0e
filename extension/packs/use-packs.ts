import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import type { PacksToBackground } from '../messages';
import { httpsOrigin } from './address';
import type { PackStatus, SetUrlResult } from './channel';

export type PackNotice = 'not-https' | 'denied' | 'failed' | null;

export interface PacksModel {
  status: PackStatus | null;
  busy: boolean;
  notice: PackNotice;
  save(url: string): void;
  check(): void;
  remove(): void;
}

/**
 * The options page's side of the pack channel. Saving asks the browser for that one origin first,
 * straight from the click (a permission request needs the user's gesture), then hands the address
 * to the background, which checks it at once.
 */
export function usePacks(): PacksModel {
  const [status, setStatus] = useState<PackStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PackNotice>(null);

  const ask = useCallback(async (message: PacksToBackground) => {
    setBusy(true);
    try {
      const reply = (await browser.runtime.sendMessage(message)) as PackStatus | SetUrlResult;
      if ('status' in reply) {
        setStatus(reply.status);
        setNotice(reply.ok ? null : reply.reason === 'not-https' ? 'not-https' : 'denied');
      } else {
        setStatus(reply);
        setNotice(null);
      }
    } catch {
      setNotice('failed');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void ask({ kind: 'options:packs-status' });
  }, [ask]);

  return {
    status,
    busy,
    notice,
    save(url) {
      const origin = httpsOrigin(url);
      if (!origin) {
        setNotice('not-https');
        return;
      }
      browser.permissions.request({ origins: [`${origin}/*`] }).then(
        (granted) => (granted ? ask({ kind: 'options:packs-set-url', url: url.trim() }) : setNotice('denied')),
        () => setNotice('denied'),
      );
    },
    check: () => void ask({ kind: 'options:packs-check' }),
    remove: () => void ask({ kind: 'options:packs-remove' }),
  };
}
