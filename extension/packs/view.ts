import type { PackStatus } from './channel';
import type { LocalPackInfo } from './local-pack';

/** Everything the options page's pack section shows, in one reply to every `options:packs-*` message. */
export interface PacksView {
  signed: PackStatus;
  authorMode: boolean;
  /** the unsigned local pack (author mode), or why it cannot be used */
  local: LocalPackInfo | null;
  localError: { message: string; details?: string[] } | null;
}

/** What the last request could not do, for the page to say. */
export type PacksNotice =
  | { kind: 'not-https' | 'no-permission' | 'author-mode-off' }
  | { kind: 'invalid-local'; message: string; details?: string[] };

export interface PacksReply {
  view: PacksView;
  notice: PacksNotice | null;
}
