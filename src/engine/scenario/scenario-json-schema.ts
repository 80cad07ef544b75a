import { z } from 'zod';
import { scenarioSchema } from './scenario-schema';

/** The published JSON Schema: the input side, since defaults may be left out of a file. */
export function scenarioJsonSchema() {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'scenario.schema.json',
    title: 'Call-center training scenario',
  };
}
