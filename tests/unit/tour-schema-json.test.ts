import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tour } from '../../engine/schema';
import { checkTourText } from '../../engine/tour-check';
import { tourJsonSchema } from '../../scripts/lib/tour-json-schema';

const TOURS = new URL('../../tours/', import.meta.url).pathname;
const files = readdirSync(TOURS)
  .filter((name) => name.endsWith('.json') && name !== 'tour.schema.json')
  .sort();
const read = (name: string) => readFileSync(join(TOURS, name), 'utf8');

describe('tours/tour.schema.json', () => {
  it('is up to date with the zod schema', () => {
    expect(read('tour.schema.json'), 'tours/tour.schema.json is stale: run `npm run tours:schema`').toBe(tourJsonSchema());
  });

  it('is a strict JSON Schema for editors', () => {
    const schema = JSON.parse(tourJsonSchema());
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'title', 'sites', 'steps']));
    expect(Object.keys(schema.properties)).toContain('$schema');
  });
});

describe('tours/*.json', () => {
  it('has at least one tour', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is canonical, valid and named after its id', (name) => {
    const text = read(name);
    const id = basename(name, '.json');
    // Fragile-target warnings (issue 11) are allowed until every step has a strategy that survives a rewording.
    const lines = checkTourText(`tours/${name}`, text, id).map((p) => p.line);
    expect(lines.filter((line) => !/\.target: every strategy needs the exact words /.test(line))).toEqual([]);
    const parsed = Tour.safeParse(JSON.parse(text));
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.id).toBe(id);
    expect(JSON.parse(text).$schema).toBe('./tour.schema.json');
  });

  it('have unique tour ids', () => {
    const ids = files.map((name) => JSON.parse(read(name)).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
