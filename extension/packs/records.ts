import { z } from 'zod';
import type { PackRejection } from '../../engine/pack';

/**
 * What the pack channel keeps in `storage.local`, each shape versioned and parsed when read:
 * - `packChannel`: the pack address a team lead added and the outcome of the last check;
 * - `installedPack`: the last good pack as its exact signed text and signature, so it is checked
 *   again (signature with a pinned key, schema, allow-list) every time it is read.
 * Only the background writes them.
 */
export const CHANNEL_KEY = 'packChannel';
export const INSTALLED_KEY = 'installedPack';

/** Why a check did not install a pack: a pack rejection, or the pack could not be fetched at all. */
export type CheckProblemReason = PackRejection | 'unreachable' | 'http' | 'no-permission';

export const CHECK_PROBLEM_REASONS = [
  'signature',
  'older',
  'schema',
  'size',
  'origin',
  'malformed',
  'wrong-pack',
  'unreachable',
  'http',
  'no-permission',
] as const satisfies readonly CheckProblemReason[];

const text = z.string().max(4000);

export const LastCheck = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    at: z.number(),
    url: text,
    /** true when this check installed a new version; false when it found nothing newer to do */
    installed: z.boolean(),
  }),
  z.strictObject({
    ok: z.literal(false),
    at: z.number(),
    url: text,
    reason: z.enum(CHECK_PROBLEM_REASONS),
    /** Vietnamese, then English in brackets, for the technical detail on the options page */
    message: text,
    details: z.array(text).max(20).optional(),
  }),
]);
export type LastCheck = z.infer<typeof LastCheck>;

export const ChannelRecord = z.strictObject({
  v: z.literal(1),
  url: z.url({ protocol: /^https$/ }).max(2048).nullable(),
  lastCheck: LastCheck.optional(),
});
export type ChannelRecord = z.infer<typeof ChannelRecord>;

export const InstalledRecord = z.strictObject({
  v: z.literal(1),
  /** the pack file's exact text, as signed */
  text: z.string(),
  signature: z.string().max(200),
  url: text,
  installedAt: z.number(),
});
export type InstalledRecord = z.infer<typeof InstalledRecord>;
