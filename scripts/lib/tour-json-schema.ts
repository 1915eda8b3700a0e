import { z } from 'zod';
import { Tour } from '../../engine/schema';

/** The JSON Schema editors use to autocomplete tour files, generated from the zod schema. */
export function tourJsonSchema(): string {
  const schema = z.toJSONSchema(Tour, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Dẫn Bước tour (schemaVersion 1)' }, null, 2)}\n`;
}
