import { ROLES } from '../../engine/schema';
import { alternatives, getAt, insertItem, moveItem, problemsAt, removeItem, setAt, type Path } from '../../extension/authoring/editor-model';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { fieldId, type Editing } from './edit-context';
import { TextField } from './fields';
import { FieldProblems } from './Problems';

type Strategy = Record<string, unknown>;
const KINDS = ['role', 'label', 'text', 'css'] as const;

const kindOf = (s: Strategy) => KINDS.find((k) => s[k] !== undefined) ?? 'text';
const wordsOf = (s: Strategy) => [s.name, s.label, s.text, s.css].find((v) => typeof v === 'string') as string | undefined;

/** The same strategy found another way; its words, `partial`, `nth` and `within` are kept. */
function withKind(s: Strategy, kind: (typeof KINDS)[number]): Strategy {
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !['role', 'name', 'label', 'text', 'css'].includes(k)));
  const words = wordsOf(s) ?? '';
  return kind === 'role' ? { role: 'button', ...(words ? { name: words } : {}), ...rest } : { [kind]: words, ...rest };
}

interface Props {
  ed: Editing;
  path: Path;
  label: string;
  /** "Kiểm tra bước này": how many elements each alternative matches on the tab now */
  counts?: readonly number[];
}

/** A target as a list of alternatives tried in order: kind, words, partial, nth; reorder with “Lên”/“Xuống”. */
export function TargetEditor({ ed, path, label, counts }: Props) {
  const value = getAt(ed.json, path);
  const list = alternatives(value);
  const asList = Array.isArray(value);
  const altPath = (i: number): Path => (asList ? [...path, i] : path);
  const listJson = () => (asList ? ed.json : setAt(ed.json, path, list));
  return (
    <fieldset className="target">
      <legend>{label}</legend>
      <p className="note">{T.targetNote}</p>
      <FieldProblems id={`${fieldId(path)}-problems`} problems={asList || list.length === 0 ? problemsAt(ed.problems, path) : []} />
      <ol className="alternatives">
        {list.map((raw, i) => {
          const s = (raw !== null && typeof raw === 'object' ? raw : {}) as Strategy;
          const at = altPath(i);
          const kind = kindOf(s);
          const kindId = fieldId(at, 'kind');
          return (
            <li key={i} className="alternative">
              <fieldset>
                <legend>
                  {T.alternative(i + 1)}
                  {counts?.[i] !== undefined && <span className={`match-count ${counts[i] === 1 ? 'one' : 'other'}`}> — {T.inspectCount(counts[i])}</span>}
                </legend>
                <FieldProblems id={`${fieldId(at)}-problems`} problems={problemsAt(ed.problems, at)} />
                <div className="field">
                  <label htmlFor={kindId}>{T.strategyKind}</label>
                  <select id={kindId} value={kind} onChange={(e) => ed.edit(setAt(ed.json, at, withKind(s, e.target.value as (typeof KINDS)[number])))}>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {T.strategyKinds[k]}
                      </option>
                    ))}
                  </select>
                </div>
                {kind === 'role' ? (
                  <>
                    <div className="field">
                      <label htmlFor={fieldId(at, 'role')}>{T.role}</label>
                      <select id={fieldId(at, 'role')} value={typeof s.role === 'string' ? s.role : ''} onChange={(e) => ed.edit(setAt(ed.json, [...at, 'role'], e.target.value))}>
                        {!ROLES.includes(s.role as (typeof ROLES)[number]) && <option value="">{T.noRole}</option>}
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <FieldProblems id={`${fieldId(at, 'role')}-problems`} problems={problemsAt(ed.problems, [...at, 'role'])} />
                    </div>
                    <TextField ed={ed} path={[...at, 'name']} label={T.name} />
                  </>
                ) : (
                  <TextField ed={ed} path={[...at, kind]} label={kind === 'css' ? T.cssValue : T.value} required />
                )}
                {kind !== 'css' && (
                  <div className="field checkbox">
                    <input
                      id={fieldId(at, 'partial')}
                      type="checkbox"
                      checked={s.partial === true}
                      onChange={(e) => ed.edit(setAt(ed.json, [...at, 'partial'], e.target.checked ? true : undefined))}
                    />
                    <label htmlFor={fieldId(at, 'partial')}>{T.partial}</label>
                  </div>
                )}
                <TextField ed={ed} path={[...at, 'nth']} label={T.nth} numeric />
                {s.within !== undefined && <p className="note">{T.within(JSON.stringify(s.within))}</p>}
                <div className="row-actions">
                  <button type="button" aria-label={`${T.up} (${T.alternative(i + 1)})`} disabled={i === 0} onClick={() => ed.edit(moveItem(listJson(), path, i, -1))}>
                    {T.up}
                  </button>
                  <button type="button" aria-label={`${T.down} (${T.alternative(i + 1)})`} disabled={i === list.length - 1} onClick={() => ed.edit(moveItem(listJson(), path, i, 1))}>
                    {T.down}
                  </button>
                  <button type="button" className="danger" aria-label={`${T.removeAlternative} (${T.alternative(i + 1)})`} onClick={() => ed.edit(removeItem(listJson(), path, i))}>
                    {T.removeAlternative}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => ed.edit(insertItem(listJson(), path, { text: '' }))}>
        {T.addAlternative}
      </button>
    </fieldset>
  );
}
