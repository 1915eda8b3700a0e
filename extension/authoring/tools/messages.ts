import { z } from 'zod';
import { TargetStrategy } from '../../../engine/schema';

/**
 * Messages of the author tools (picker and recorder), parsed with zod in the background. The
 * injected author script sends no URL the background must trust for a frame: where a step happens
 * is taken from the sender, except the top page's own address at the moment of a click (the tab may
 * already be loading the next page), which must be on the sender's origin.
 */
export const AUTHOR_MODES = ['pick', 'record'] as const;
export type AuthorToolMode = (typeof AUTHOR_MODES)[number];

const tabId = z.number().int().nonnegative();

/** From the popup (an extension page). */
export const PageToAuthorTools = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('author:status'), tabId }),
  z.strictObject({ kind: z.literal('author:start'), tabId, mode: z.enum(AUTHOR_MODES) }),
  z.strictObject({ kind: z.literal('author:stop'), tabId }),
]);
export type PageToAuthorTools = z.infer<typeof PageToAuthorTools>;

export const CapturedStepMessage = z.strictObject({
  /** the top page's address when the step happened (top frame only) */
  url: z.string().max(2000).optional(),
  targets: z.array(TargetStrategy).min(1).max(6),
  advance: z.enum(['click', 'input']),
  label: z.string().max(200).optional(),
});

/** From the injected author script in a portal page or one of its frames. */
export const ScriptToAuthorTools = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('author:hello') }),
  z.strictObject({ kind: z.literal('author:step'), step: CapturedStepMessage }),
  z.strictObject({ kind: z.literal('author:script-stop') }),
]);
export type ScriptToAuthorTools = z.infer<typeof ScriptToAuthorTools>;

/** Background → every frame of the tab: the tool to run now (null: none). */
export interface AuthorModeMessage {
  kind: 'author:mode';
  mode: AuthorToolMode | null;
}

export interface AuthorToolsStatus {
  authorOn: boolean;
  mode: AuthorToolMode | null;
  draftId: string | null;
  steps: number;
  /** why the last request did nothing, in Vietnamese */
  problem: string | null;
}

/** Reply to `author:step`: whether the step was added to the draft, and its number. */
export type StepReply = { ok: true; step: number } | { ok: false; reason: string };
