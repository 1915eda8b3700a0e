import { useEffect, useMemo, useRef, useState } from 'react';
import { addStep, checkDraft, fileNameOf, moveStep, removeStep, savedText, stepCount, tourLanguages, getAt } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import type { EditorModel } from '../../extension/authoring/use-editor';
import { DraftList } from './DraftList';
import type { Editing } from './edit-context';
import { ProblemLine } from './Problems';
import { StepCard, type StepActions } from './StepCard';
import { TourFields } from './TourFields';

export interface Inspection {
  step: number;
  /** per alternative of the step's target, the elements it matches on the tab (all frames) */
  counts: number[];
}

interface Props {
  model: EditorModel;
  onSave(fileName: string, text: string): void;
  /** “Kiểm tra bước này”; absent where the browser cannot run it */
  onInspect?(json: unknown, step: number): Promise<Inspection | string>;
}

/** The tour editor: drafts, the open draft's fields with live checks, files, preview. */
export function EditorPage({ model, onSave, onInspect }: Props) {
  const { author } = model;
  if (!author) return <main className="page editor" lang="vi"><p>{T.loading}</p></main>;
  return (
    <main className="page editor" lang="vi">
      <h1>{T.title}</h1>
      <p className="note">{T.intro}</p>
      {author.problem && <p className="error" role="alert">{author.problem}</p>}
      {!author.on ? (
        <p className="author-off">
          {T.authorOff} <a href="/options.html">{T.openOptions}</a>
        </p>
      ) : (
        <>
          {model.storeError && <p className="error" role="alert">{model.storeError}</p>}
          <DraftList drafts={model.list} openId={model.openId} onOpen={model.open} onRemove={(id) => void model.remove(id)} onCreate={model.create} onFile={(f) => void model.loadFile(f)} />
          {model.notice && (
            <div className={`notice ${model.notice.kind}`} role={model.notice.kind === 'error' ? 'alert' : 'status'}>
              <p>{model.notice.text}</p>
              {model.notice.where && (
                <p>
                  {T.where}: <code className="json-path">{model.notice.where}</code> —{' '}
                  <span className="check-message" lang="en">
                    {model.notice.detail}
                  </span>
                </p>
              )}
              {model.notice.fix && (
                <p>
                  {T.howToFix}: {model.notice.fix}
                </p>
              )}
            </div>
          )}
          {model.saveFailed && <p className="error" role="alert">{T.saveFailed}</p>}
          {model.json !== undefined && <OpenDraft key={model.openId} model={model} onSave={onSave} onInspect={onInspect} />}
        </>
      )}
    </main>
  );
}

/** The open draft; keyed by its id, so what belongs to one draft (statuses, added languages) starts fresh for the next. */
function OpenDraft({ model, onSave, onInspect }: Props) {
  const { json } = model;
  const problems = useMemo(() => (json === undefined ? [] : checkDraft(json)), [json]);
  const [extraLanguages, setExtraLanguages] = useState<string[]>([]);
  const languages = useMemo(() => [...new Set([...tourLanguages(json), ...extraLanguages])], [json, extraLanguages]);
  const [status, setStatus] = useState<Record<number, string>>({});
  const [inspection, setInspection] = useState<Inspection>();
  const [announce, setAnnounce] = useState('');
  const focusMove = useRef<{ index: number; which: 'up' | 'down' }>(undefined);

  // Keyboard reorder: focus stays on the moved step's button (or its other one at either end).
  useEffect(() => {
    if (!focusMove.current) return;
    const { index, which } = focusMove.current;
    focusMove.current = undefined;
    const wanted = document.querySelector<HTMLButtonElement>(`[data-move="${which}-${index}"]`);
    const other = document.querySelector<HTMLButtonElement>(`[data-move="${which === 'up' ? 'down' : 'up'}-${index}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

  const errors = problems.filter((p) => p.severity === 'error');
  const ed: Editing = { json, edit: model.edit, problems, languages };
  const count = stepCount(json);
  const actions: StepActions = {
    move(index, delta) {
      const id = getAt(json, ['steps', index, 'id']);
      model.edit(moveStep(json, index, delta));
      setStatus({});
      setInspection(undefined);
      setAnnounce(T.moved(String(id), index + delta + 1));
      focusMove.current = { index: index + delta, which: delta < 0 ? 'up' : 'down' };
    },
    remove(index) {
      const id = getAt(json, ['steps', index, 'id']);
      if (!window.confirm(T.confirmRemoveStep(String(id)))) return;
      model.edit(removeStep(json, index));
      setStatus({});
      setInspection(undefined);
    },
    addAfter(index) {
      model.edit(addStep(json, index));
    },
    preview(index) {
      if (errors.length) {
        setStatus({ [index]: T.previewNeedsValid(errors.length) });
        return;
      }
      void model.preview(index).then((reply) =>
        setStatus({ [index]: reply.ok ? (reply.status === 'active' ? T.previewStarted(index + 1) : T.previewAway(index + 1)) : reply.error }),
      );
    },
    inspect: onInspect
      ? (index) => {
          void onInspect(json, index).then((result) => {
            if (typeof result === 'string') {
              setInspection(undefined);
              setStatus({ [index]: result });
            } else {
              setInspection(result);
              setStatus({ [index]: `${T.inspectHeading(index + 1)}: ${result.counts.map((n, i) => `${T.alternative(i + 1)} ${T.inspectCount(n)}`).join('; ')}.` });
            }
          });
        }
      : undefined,
  };

  return (
    <>
      <section aria-labelledby="file-heading" className="toolbar">
        <h2 id="file-heading" className="visually-hidden">
          {T.saveFile}
        </h2>
        <button type="button" className="primary" onClick={() => onSave(fileNameOf(json), savedText(json))}>
          {T.saveFile}
        </button>
        <span className="note"> {T.saveFileNote(fileNameOf(json))}</span>
        <div className="field">
          <label htmlFor="preview-tab">{T.previewTab}</label>
          {model.tabs.length ? (
            <select id="preview-tab" value={model.tabId ?? ''} onChange={(e) => model.setTabId(Number(e.target.value))}>
              {model.tabs.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title} — {t.url}
                </option>
              ))}
            </select>
          ) : (
            <p id="preview-tab">{T.noPortalTab}</p>
          )}
          <button type="button" onClick={() => void model.refreshTabs()}>
            {T.refreshTabs}
          </button>
        </div>
      </section>
      <section aria-labelledby="check-heading" className="check">
        <h2 id="check-heading">{T.checkHeading}</h2>
        <p role="status">{problems.length ? T.problemSummary(errors.length, problems.length - errors.length) : T.noProblems}</p>
        {problems.length > 0 && (
          <>
            <p className="note">{T.problemsNote}</p>
            <ul className="problems">
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`} className={p.severity}>
                  <ProblemLine problem={p} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <TourFields ed={ed} onAddLanguage={(code) => setExtraLanguages((l) => [...l, code])} />
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{T.stepsHeading}</h2>
        <p className="visually-hidden" role="status">
          {announce}
        </p>
        {count === 0 && (
          <button type="button" onClick={() => model.edit(addStep(json, -1))}>
            {T.addStepFirst}
          </button>
        )}
        {Array.from({ length: count }, (_, i) => (
          <StepCard key={i} ed={ed} index={i} count={count} actions={actions} status={status[i]} counts={inspection?.step === i ? inspection.counts : undefined} />
        ))}
      </section>
    </>
  );
}
