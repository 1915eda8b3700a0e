import { PACK_TEXT as T } from '../../extension/packs/strings';

/** The checker's own words (English, with JSON paths), folded away for whoever fixes the pack. */
export function TechnicalDetails({ lines }: { lines: readonly string[] }) {
  return (
    <details>
      <summary>{T.technical}</summary>
      <ul>
        {lines.map((line, i) => (
          <li key={`${i}:${line}`}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
