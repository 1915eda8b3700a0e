import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The province database's design document, assembled from the plain JavaScript files next to this
 * one (they are what CouchDB runs: the same text is loaded by the unit tests).
 */
const here = dirname(fileURLToPath(import.meta.url));
const source = (file: string) => readFileSync(join(here, file), 'utf8').trim();

export const DESIGN_ID = '_design/dan-buoc';
export const WEEKLY_VIEW = 'dan-buoc/weekly';
export const DESK_FILTER = 'dan-buoc/for-desk';

export function validateSource(): string {
  return source('validate_doc_update.js');
}

export function designDocument(): Record<string, unknown> {
  return {
    _id: DESIGN_ID,
    language: 'javascript',
    validate_doc_update: validateSource(),
    views: { weekly: { map: source('views/weekly/map.js'), reduce: '_count' } },
    filters: { 'for-desk': source('filters/for-desk.js') },
  };
}

export function securityObject(): Record<string, unknown> {
  return JSON.parse(source('security.json')) as Record<string, unknown>;
}
