import { writeFile } from 'node:fs/promises';
import { tourJsonSchema } from './lib/tour-json-schema';

/** npm run tours:schema — regenerates tours/tour.schema.json from the zod schema. */
await writeFile('tours/tour.schema.json', tourJsonSchema());
console.log('wrote tours/tour.schema.json');
