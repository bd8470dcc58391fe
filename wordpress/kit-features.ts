// Prints what this kit's markup understands, for the plugin's PHP (kit/features.json in the zip):
// the keys of a dashboard's JSON config and the data-source types. The PHP prints a setting (SLA,
// business hours, a report server) only when the bundled kit reads it: the kit refuses unknown keys.
import { declarativeDashboardConfigSchema, sourceOptionsSchema } from '../src/core/schema/dashboard-config.ts';

const configKeys = Object.keys(declarativeDashboardConfigSchema.shape).sort();
// zod/mini keeps a union's options and a literal's values in `_zod.def` (zod 4's documented internals).
const sourceTypes = sourceOptionsSchema._zod.def.options.flatMap((option) => option._zod.def.shape.type._zod.def.values.map(String)).sort();
process.stdout.write(`${JSON.stringify({ configKeys, sourceTypes })}\n`);
