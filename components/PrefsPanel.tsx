import { TEXT_SIZES, type GuidePrefs, type SpeechRate } from '../engine/prefs';
import type { LanguageChoice } from '../extension/prefs/languages';
import type { PrefsProblem } from '../extension/prefs/store';
import { prefsText } from '../extension/prefs/strings';
import type { PrefsModel } from '../extension/prefs/use-prefs';

export interface PrefsPanelProps {
  prefs: GuidePrefs;
  problem: PrefsProblem | undefined;
  saveFailed: boolean;
  languages: LanguageChoice[];
  /** h2 on the options page, h2 in the popup too (its own section). */
  headingId: string;
  onChange(patch: Partial<Omit<GuidePrefs, 'v'>>): void;
  onReset(): void;
}

const RATES: readonly SpeechRate[] = ['slow', 'normal'];

/** Text size, contrast, reading aloud and language: native radios and switches, labelled in the chosen language. */
export function PrefsPanel({ prefs, problem, saveFailed, languages, headingId, onChange, onReset }: PrefsPanelProps) {
  const T = prefsText(prefs.lang);
  const name = (key: string) => `${headingId}-${key}`;
  return (
    <section className="prefs" aria-labelledby={headingId}>
      <h2 id={headingId}>{T.heading}</h2>
      {problem && (
        <div role="alert" className="error">
          <p>{problem.vi}</p>
          <button type="button" className="secondary" onClick={onReset}>
            {T.reset}
          </button>
        </div>
      )}
      {saveFailed && (
        <p role="alert" className="error">
          {T.saveFailed}
        </p>
      )}
      <fieldset className="segmented">
        <legend>{T.textSize}</legend>
        {TEXT_SIZES.map((size) => (
          <label key={size} className={`segment size-${size}`}>
            <input type="radio" name={name('size')} checked={prefs.textSize === size} onChange={() => onChange({ textSize: size })} />
            <span>{T.textSizes[size]}</span>
            <span className="visually-hidden">{T.textSizeNames[size]}</span>
          </label>
        ))}
      </fieldset>
      <label className="switch">
        <input type="checkbox" role="switch" checked={prefs.contrast === 'high'} onChange={(e) => onChange({ contrast: e.target.checked ? 'high' : 'normal' })} />
        <span>{T.contrast}</span>
      </label>
      <label className="switch">
        <input type="checkbox" role="switch" checked={prefs.alwaysRead} onChange={(e) => onChange({ alwaysRead: e.target.checked })} />
        <span>{T.alwaysRead}</span>
      </label>
      <fieldset className="segmented">
        <legend>{T.rate}</legend>
        {RATES.map((rate) => (
          <label key={rate} className="segment">
            <input type="radio" name={name('rate')} checked={prefs.rate === rate} onChange={() => onChange({ rate })} />
            <span>{T.rates[rate]}</span>
          </label>
        ))}
      </fieldset>
      {languages.length > 1 && (
        <fieldset className="segmented">
          <legend>{T.language}</legend>
          {languages.map((lang) => (
            <label key={lang.code} className="segment" lang={lang.code}>
              <input type="radio" name={name('lang')} checked={prefs.lang === lang.code} onChange={() => onChange({ lang: lang.code })} />
              <span>{lang.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="meta">{T.remembered}</p>
    </section>
  );
}

/** The panel for a prefs model as `usePrefs()` gives it; nothing until the first read. */
export function PrefsPanelFor({ model, languages }: { model: PrefsModel; languages: LanguageChoice[] }) {
  if (!model.prefs) return null;
  return (
    <PrefsPanel
      prefs={model.prefs}
      problem={model.problem}
      saveFailed={model.saveFailed}
      languages={languages}
      headingId="prefs-heading"
      onChange={model.change}
      onReset={model.reset}
    />
  );
}
