import browser from 'webextension-polyfill';
import { isAllowedOrigin } from '../../../engine/sites';
import type { AuthorModeMessage, AuthorToolMode, ScriptToAuthorTools, StepReply } from './messages';
import { startPicker } from './picker';
import { startRecorder } from './recorder';
import { AUTHOR_TOOLS_TEXT as T } from './strings';
import { createAuthorUi, type AuthorUi } from './ui';

/**
 * The author script, injected by the background into every frame of a portal tab while the picker
 * or the recorder runs (author mode only; never part of the citizen's content script). It asks the
 * background which tool to run and follows its `author:mode` messages.
 */
const RUNNING = Symbol.for('danbuoc.authorTools');

const send = (message: ScriptToAuthorTools) => browser.runtime.sendMessage(message);

export function startAuthorScript(): void {
  const scope = globalThis as { [RUNNING]?: () => void };
  if (!isAllowedOrigin(location.origin)) return;
  // Injected again into the same document (a new tool started): only ask again.
  if (scope[RUNNING]) {
    scope[RUNNING]();
    return;
  }
  const isTop = window === window.top;
  let ui: AuthorUi | undefined;
  let stopTool: (() => void) | undefined;
  let mode: AuthorToolMode | null = null;

  const scriptStop = () => void send({ kind: 'author:script-stop' });

  function run(next: AuthorToolMode | null) {
    if (next === mode) return;
    stopTool?.();
    stopTool = undefined;
    ui?.remove();
    ui = undefined;
    mode = next;
    if (!next) return;
    const tools = createAuthorUi();
    ui = tools;
    if (isTop) {
      tools.banner(
        { title: T.banner, hint: next === 'pick' ? T.pickingHint : T.recordingHint, stop: next === 'pick' ? T.stopPicking : T.stopRecording },
        scriptStop,
      );
    }
    const here = () => (isTop ? { url: location.href } : {});
    stopTool = next === 'pick'
      ? startPicker({
          ui: tools,
          stop: scriptStop,
          addStep: async (targets, advance, label) => {
            const reply = (await send({ kind: 'author:step', step: { ...here(), targets, advance, ...(label ? { label } : {}) } })) as StepReply;
            return reply.ok ? T.added(reply.step) : reply.reason;
          },
        })
      : startRecorder(tools, (step) => void send({ kind: 'author:step', step: { ...here(), ...step } }));
  }

  const hello = () => void (send({ kind: 'author:hello' }) as Promise<{ mode: AuthorToolMode | null } | undefined>).then((reply) => run(reply?.mode ?? null), () => undefined);
  scope[RUNNING] = hello;
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const msg = message as AuthorModeMessage;
    if (msg?.kind === 'author:mode') run(msg.mode);
  });
  hello();
}
