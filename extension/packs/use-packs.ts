import { useCallback, useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { PACK_LIMITS } from '../../engine/pack/format';
import { authorModeChanged } from '../authoring/author-mode';
import type { PacksToBackground } from '../messages';
import { httpsOrigin } from './address';
import type { PacksNotice, PacksReply, PacksView } from './view';

/** What the page says about the last request: the background's notice, or one found on the page. */
export type PackNotice = PacksNotice | { kind: 'denied' | 'failed' } | { kind: 'invalid-local'; message: string; tooLarge: true } | null;

export interface PacksModel {
  view: PacksView | null;
  busy: boolean;
  notice: PackNotice;
  save(url: string): void;
  check(): void;
  remove(): void;
  loadLocal(file: File): void;
  removeLocal(): void;
}

/**
 * The options page's side of the pack channel. Saving asks the browser for that one origin first,
 * straight from the click (a permission request needs the user's gesture), then hands the address
 * to the background, which checks it at once.
 */
export function usePacks(): PacksModel {
  const [view, setView] = useState<PacksView | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PackNotice>(null);

  const ask = useCallback(async (message: PacksToBackground) => {
    setBusy(true);
    try {
      const reply = (await browser.runtime.sendMessage(message)) as PacksReply;
      setView(reply.view);
      setNotice(reply.notice);
    } catch {
      setNotice({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void ask({ kind: 'options:packs-status' });
    // Author mode turned on or off elsewhere on the page: the local-pack part appears or goes.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (authorModeChanged(changes, area)) void ask({ kind: 'options:packs-status' });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [ask]);

  return {
    view,
    busy,
    notice,
    save(url) {
      const origin = httpsOrigin(url);
      if (!origin) {
        setNotice({ kind: 'not-https' });
        return;
      }
      browser.permissions.request({ origins: [`${origin}/*`] }).then(
        (granted) => (granted ? ask({ kind: 'options:packs-set-url', url: url.trim() }) : setNotice({ kind: 'denied' })),
        () => setNotice({ kind: 'denied' }),
      );
    },
    check: () => void ask({ kind: 'options:packs-check' }),
    remove: () => void ask({ kind: 'options:packs-remove' }),
    loadLocal(file) {
      if (file.size > PACK_LIMITS.maxBytes) {
        setNotice({ kind: 'invalid-local', message: `${file.size} bytes, at most ${PACK_LIMITS.maxBytes}.`, tooLarge: true });
        return;
      }
      void file.text().then(
        (text) => ask({ kind: 'options:packs-load-local', fileName: file.name, text }),
        () => setNotice({ kind: 'invalid-local', message: 'The file could not be read.' }),
      );
    },
    removeLocal: () => void ask({ kind: 'options:packs-remove-local' }),
  };
}
