// Mutation testing over the pure layers (engine/ and sessions/): `npm run mutation`.
// Incremental: results are kept in reports/stryker-incremental.json, so a rerun only tests mutants in
// code or tests that changed. Not part of `npm test` (a full run takes tens of minutes on 2 cores).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'engine/**/*.ts',
    'sessions/**/*.ts',
    '!engine/**/*.d.ts',
    // String tables (labels and messages, no logic): every mutant is a changed word, not a bug.
    '!engine/strings.ts',
    '!sessions/strings.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level code (zod schemas, constant tables) runs once at import, so each such "static"
  // mutant needs the whole suite: 43% of the mutants and 97% of the run time. They are reported as
  // Ignored; the logic is what we score.
  ignoreStatic: true,
  // Equivalent mutants are marked where they are, with `// Stryker disable next-line <mutator>: <why>`
  // (sessions/csv.ts, csv-bytes.ts, consent.ts, merge.ts, engine/step-guards.ts, relevance.ts, wait.ts, page-watch.ts).
  // Left visible because the same line holds a killable mutant
  // of the same kind: merge.ts `text.length > maxBytes ||` (a shortcut: UTF-8 bytes ≥ characters),
  // the `typeof … !== 'number'` halves of the version/exportedAt checks (Number.isInteger already
  // refuses non-numbers) and consent.ts `other.id === own.id` (own id is already in matchedBy);
  // wait.ts `if (frame)` → true (cancelling frame 0 does nothing) and `wait <= 0` → `< 0` (at exactly
  // 0 tokens, a 0 ms timer before the same frame); relevance.ts: folding a long text it will not read,
  // `wordy` always true (cost only), `needle.selector !== undefined` → true (no selector: matches("undefined")),
  // and in removalMayMatter `r.type === 'attributes'` / `r.target === element` (a characterData target
  // is a text node, which contains no element; contains() includes the node itself);
  // step-guards.ts `textContent ?? ''` (an element's textContent is never null);
  // csv-bytes.ts: every fast path (plain ASCII copy, encoded cache, day prefixes, null and empty
  // cells, the exact-fit buffer test) gives the bytes csvField would, so mutants that only skip it survive.

  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
