import { config } from 'zod';

/**
 * Imported first by scripts evaluated in an extension page through the debugger. Zod decides at
 * schema construction whether to compile a fast path with `new Function`, after probing eval once:
 * the probe runs inside the debugger's evaluation (CSP bypassed) and passes, while later parses run
 * in the page's own tasks, where the CSP refuses eval. The flag must be set before any module that
 * builds a schema is evaluated — a `config()` call in the entry's body runs after its imports.
 */
config({ jitless: true });
