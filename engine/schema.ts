import { z } from 'zod';
import { parsePattern } from './match';
import { isAllowedOrigin, originOf } from './sites';
import { refusedCharactersMessage, VISIBLE_TEXT_PATTERN } from './text-hygiene';

/**
 * Tour format v1: the single source of the tour types. Strict everywhere (unknown keys are errors),
 * capped lengths, slug ids. Only extension pages and the CLIs import the runtime schema; the content
 * script imports types only, because tours are validated at build time.
 */
export const TOUR_SCHEMA_VERSION = 1;

/** The popup's topics, in the order it lists them. */
export const TOUR_TOPICS = ['dich-vu-cong', 'thanh-toan', 'an-toan'] as const;
export type TourTopic = (typeof TOUR_TOPICS)[number];

const slug = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case a-z, 0-9 and single hyphens');

/**
 * Text a citizen sees. Invisible and control characters are refused before trimming, so a
 * leading line feed or byte order mark is reported rather than silently trimmed away.
 */
const plain = (max: number) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = refusedCharactersMessage(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !/<\s*[a-z!/]/i.test(s), 'must be plain text, not HTML')
    .meta({ pattern: VISIBLE_TEXT_PATTERN });

/**
 * A language key: BCP 47-like, a 2–3 letter language code ("en", "km", "hmn", "ede"), optionally a
 * script ("zh-Hant") and a region ("pt-BR", "es-419").
 */
export const LANGUAGE_KEY = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
export const MAX_LANGUAGES = 16;

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', vietnamese: 'vi', hmong: 'hmn', hmông: 'hmn', khmer: 'km', ede: 'ede', êđê: 'ede',
};

/** The fix for a key that is not a language code: the code it most likely meant, else the format. */
function languageKeyFix(key: string): string {
  const squashed = key.toLowerCase().replace(/[\s'’_-]/g, '');
  const guess = LANGUAGE_NAMES[squashed] ?? (LANGUAGE_KEY.test(key.toLowerCase()) ? key.toLowerCase() : undefined)
    ?? (LANGUAGE_KEY.test(key.replace('_', '-')) ? key.replace('_', '-') : undefined);
  const format = 'a short language code: 2–3 lower-case letters such as "en", "km", "hmn", "ede", optionally a region such as "pt-BR"';
  return guess && guess !== key ? `use "${guess}" (${format})` : `use ${format}`;
}

function checkLanguageKeys(value: unknown, ctx: z.RefinementCtx): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  // Own keys of the raw input: zod drops an own "__proto__" key silently, this does not.
  const keys = Object.keys(value);
  for (const key of keys) {
    if (key === 'vi' || LANGUAGE_KEY.test(key)) continue;
    ctx.addIssue({ code: 'custom', path: [key], input: value, message: `"${key}" is not a language code: ${languageKeyFix(key)}` });
  }
  if (keys.length > MAX_LANGUAGES) {
    ctx.addIssue({ code: 'custom', input: value, message: `${keys.length} languages: a text carries at most ${MAX_LANGUAGES}` });
  }
}

const LocalTextObject = z
  .object({ vi: plain(600).describe('Vietnamese text (required; shown when the chosen language has no text)') })
  .catchall(plain(600).optional().describe('the same text in another language, keyed by its code: "en", "km", "hmn", "ede"…'))
  .meta({ propertyNames: { pattern: LANGUAGE_KEY.source }, maxProperties: MAX_LANGUAGES });

/**
 * Text in Vietnamese (required) and any number of other languages, keyed by language code. The
 * player picks per string with `pickText`: the chosen language, else Vietnamese, never English.
 */
export const LocalText = z.preprocess<unknown, typeof LocalTextObject, z.input<typeof LocalTextObject>>((value, ctx) => {
  checkLanguageKeys(value, ctx);
  return value;
}, LocalTextObject);

export const UrlPattern = z
  .string()
  .max(300)
  .superRefine((value, ctx) => {
    const parsed = parsePattern(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `bad URL pattern "${value}": ${parsed.error}` });
  })
  .describe('"https://<allowed host>/path*" or "/path*"; "*" matches anything');

export const ROLES = [
  'alert', 'banner', 'button', 'cell', 'checkbox', 'columnheader', 'combobox', 'dialog', 'form',
  'heading', 'img', 'link', 'list', 'listbox', 'listitem', 'main', 'menuitem', 'navigation', 'option',
  'radio', 'region', 'row', 'searchbox', 'status', 'tab', 'table', 'tabpanel', 'textbox',
] as const;

const strategyFields = {
  role: z.enum(ROLES).optional().describe('ARIA role, explicit or implicit'),
  name: plain(200).optional().describe('accessible name, compared after Vietnamese folding (with role)'),
  label: plain(200).optional().describe('form field label, aria-label or placeholder'),
  text: plain(200).optional().describe('visible text'),
  css: z.string().min(1).max(300).optional().describe('CSS selector: last resort, classes change'),
  partial: z.boolean().optional().describe('name/text may be part of a longer text'),
};

function exactlyOneKind(value: { role?: unknown; label?: unknown; text?: unknown; css?: unknown; name?: unknown }, ctx: z.RefinementCtx) {
  const kinds = (['role', 'label', 'text', 'css'] as const).filter((k) => value[k] !== undefined);
  if (kinds.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `a target needs exactly one of role, label, text, css (found ${kinds.length ? kinds.join(', ') : 'none'})`,
    });
  }
  if (value.name !== undefined && value.role === undefined) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: '"name" goes with "role"' });
  }
}

export const ScopeStrategy = z.strictObject(strategyFields).superRefine(exactlyOneKind);

export const TargetStrategy = z
  .strictObject({
    ...strategyFields,
    within: ScopeStrategy.optional().describe('search only inside the element this finds'),
    nth: z.number().int().min(0).max(50).optional().describe('pick the n-th visible match (0 = first)'),
  })
  .superRefine(exactlyOneKind);

export const Target = z.union([TargetStrategy, z.array(TargetStrategy).min(1).max(6)]);

export const Condition = z
  .strictObject({
    present: Target.optional().describe('true when this element is on the page and visible'),
    absent: Target.optional().describe('true when this element is not on the page'),
    url: UrlPattern.optional().describe('true when the page URL matches'),
  })
  .superRefine((value, ctx) => {
    const kinds = (['present', 'absent', 'url'] as const).filter((k) => value[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a condition needs exactly one of present, absent, url (found ${kinds.length ? kinds.join(', ') : 'none'})` });
    }
  });

export const ErrorWatch = z.strictObject({
  target: Target.describe('where the page shows the error: a toast, [role=alert], a field message'),
  text: plain(200).optional().describe('only when the error text contains this (after folding)'),
  explain: LocalText.optional().describe('what the error means and what to do, in plain words'),
});

export const ADVANCE_KINDS = ['next', 'click', 'choose', 'input', 'navigate', 'visible', 'wait'] as const;

export const Step = z
  .strictObject({
    id: slug,
    page: UrlPattern.optional().describe('where this step happens; inherited from the step before'),
    target: Target.optional(),
    title: LocalText.optional(),
    say: LocalText,
    advance: z.enum(ADVANCE_KINDS).default('next'),
    to: UrlPattern.optional().describe('for advance "navigate": the page that ends this step'),
    timeoutMs: z.number().int().min(1000).max(120000).optional(),
    completes: slug.optional().describe('task id marked done when this step is passed'),
    frame: UrlPattern.optional().describe('the target is inside an iframe whose URL matches this'),
    skipIf: Condition.optional().describe('skip the step when this holds (e.g. already logged in)'),
    doneWhen: Condition.optional().describe(
      'the step ends when this holds, not on the click or Enter itself (a submit that may fail, a choice in a list)',
    ),
    onlyIf: Condition.optional().describe('run the step only when this holds'),
    errors: z.array(ErrorWatch).max(10).optional().describe('error signals to explain on this step'),
  })
  .superRefine((step, ctx) => {
    const needsTarget = ['click', 'choose', 'input', 'visible', 'wait'] as const;
    if ((needsTarget as readonly string[]).includes(step.advance) && !step.target) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `advance "${step.advance}" needs a target` });
    }
    if (step.advance === 'navigate' && !step.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'advance "navigate" needs "to", the URL pattern to reach' });
    }
    if (step.to && step.advance !== 'navigate') {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" only goes with advance "navigate"' });
    }
  });

export const Tour = z
  .strictObject({
    $schema: z.string().max(200).optional(),
    schemaVersion: z.literal(TOUR_SCHEMA_VERSION),
    id: slug,
    title: LocalText,
    summary: LocalText.optional(),
    task: slug.optional().describe('the assisted-session task this tour performs'),
    start: z
      .url({ protocol: /^https$/ })
      .max(300)
      .refine((u) => isAllowedOrigin(originOf(u) ?? ''), 'start must be on an allow-listed origin')
      .optional()
      .describe('page where the tour begins'),
    topic: z.enum(TOUR_TOPICS).optional().describe('where the popup lists the tour: dich-vu-cong, thanh-toan or an-toan'),
    minutes: z.number().int().min(1).max(120).optional().describe('estimated minutes for a first-time citizen'),
    bring: z.array(LocalText).max(6).optional().describe('what to have at hand, e.g. thẻ căn cước, điện thoại nhận tin nhắn'),
    sites: z.array(UrlPattern).min(1).max(10),
    steps: z.array(Step).min(1).max(80),
    errors: z.array(ErrorWatch).max(10).optional().describe('error signals to explain on every step'),
  })
  .superRefine((tour, ctx) => {
    tour.sites.forEach((site, i) => {
      if (site.startsWith('/')) {
        ctx.addIssue({ code: 'custom', path: ['sites', i], message: 'sites must be absolute: "https://<host>/*"' });
      }
    });
    const seen = new Map<string, number>();
    tour.steps.forEach((step, i) => {
      const first = seen.get(step.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${step.id}" (also steps[${first}]): give each step its own id` });
      } else {
        seen.set(step.id, i);
      }
    });
  });

export type LocalText = z.infer<typeof LocalText>;
export type TargetStrategy = z.infer<typeof TargetStrategy>;
export type ScopeStrategy = z.infer<typeof ScopeStrategy>;
export type Target = z.infer<typeof Target>;
export type Step = z.infer<typeof Step>;
export type Condition = z.infer<typeof Condition>;
export type ErrorWatch = z.infer<typeof ErrorWatch>;
export type Tour = z.infer<typeof Tour>;
export type TourInput = z.input<typeof Tour>;
export type AdvanceKind = (typeof ADVANCE_KINDS)[number];
export type Role = (typeof ROLES)[number];
