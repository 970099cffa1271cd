/**
 * How the generic fake reads a module key it has no dedicated fake for: `crm:createLead`,
 * `airtable:ActionSearchRecords`, `hubspot:watchContacts` → a verb (create, update, get, search,
 * delete, watch) and an entity (`lead`, `record`, `contact`). Records live per `app:entity`.
 */
export type Verb = 'create' | 'update' | 'get' | 'search' | 'delete' | 'watch' | 'other';

const VERBS: ReadonlyArray<[RegExp, Verb]> = [
  [/^(create|add|insert|post|send|upload|make|new)/, 'create'],
  [/^(update|edit|modify|upsert|patch|set)/, 'update'],
  [/^(get|retrieve|read|fetch|download)/, 'get'],
  [/^(search|list|filter|find|query)/, 'search'],
  [/^(delete|remove|archive|trash)/, 'delete'],
  [/^(watch|new)/, 'watch'],
];

export interface ModuleVerb {
  app: string;
  verb: Verb;
  entity: string;
  collection: string;
}

export function readModuleKey(key: string): ModuleVerb {
  const [app = key, name = ''] = key.split(':');
  const bare = name.replace(/^(Action|Trigger)/, '');
  const lower = bare.charAt(0).toLowerCase() + bare.slice(1);
  const found = VERBS.find(([re]) => re.test(lower.toLowerCase()));
  const verb: Verb = /^Trigger/.test(name) ? 'watch' : (found?.[1] ?? 'other');
  const rest = found ? lower.replace(found[0], '') : lower;
  const entity = singular(rest.replace(/^(A|An|The)(?=[A-Z])/, '').toLowerCase() || 'record');
  return { app, verb, entity, collection: `${app}:${entity}` };
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses')) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
