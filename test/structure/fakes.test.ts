/**
 * Every faked module key, listed here by hand: a fake that gains or loses a module fails this
 * test until the list, its conformance table (test/conformance/fakes/<fake>.json) and
 * docs/fidelity.md ("Fakes") say so too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKES, fakedModuleKeys } from '../../fakes/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

const FAKED_MODULE_KEYS = [
  'airtable:ActionCreateRecord',
  'airtable:ActionDeleteRecord',
  'airtable:ActionGetRecord',
  'airtable:ActionSearchRecords',
  'airtable:ActionUpdateRecords',
  'airtable:TriggerWatchRecords',
  'airtable:upsertRecord',
  'discord:PostMessage',
  'discord:createMessage',
  'email:ActionSendEmail',
  'email:ActionSendMeEmail',
  'email:TriggerNewEmail',
  'gemini-ai:createACompletionGeminiPro',
  'google-drive:copyAFile',
  'google-drive:createAFolder',
  'google-drive:getAFile',
  'google-drive:moveAFileIntoAFolder',
  'google-drive:searchForFilesFolders',
  'google-drive:uploadAFile',
  'google-drive:watchFilesInAFolder',
  'google-email:ActionSendEmail',
  'google-email:TriggerNewEmail',
  'google-email:sendAnEmail',
  'google-email:triggerWatchNewEmails',
  'google-sheets:addRow',
  'google-sheets:clearRow',
  'google-sheets:deleteRow',
  'google-sheets:filterRows',
  'google-sheets:getCell',
  'google-sheets:updateCell',
  'google-sheets:updateRow',
  'google-sheets:watchRows',
  'notion:appendAPageContent',
  'notion:createAPage',
  'notion:createDataSourceItem',
  'notion:deleteADatabaseItem',
  'notion:getADatabase',
  'notion:getADatabaseItem',
  'notion:searchObjects1',
  'notion:updateADatabaseItem',
  'notion:watchDatabaseItems',
  'openai-gpt-3:CreateCompletion',
  'openai-gpt-3:GenerateImage',
  'openai-gpt-3:analyzeImages',
  'openai-gpt-3:createModelResponse',
  'slack:CreateMessage',
  'slack:DeleteMessage',
  'slack:SearchMessages',
  'slack:UpdateMessage',
  'slack:WatchMessages',
  'telegram:SendReplyMessage',
  'telegram:WatchUpdates',
];

describe('fakes', () => {
  it('answer exactly the listed module keys', () => {
    expect(fakedModuleKeys()).toEqual([...FAKED_MODULE_KEYS].sort());
  });

  it.each(FAKES.map((f) => f.name))('%s has a conformance table exercising each of its modules', (name) => {
    const table = readFileSync(path.join(root, 'test/conformance/fakes', `${name}.json`), 'utf8');
    const fake = FAKES.find((f) => f.name === name);
    for (const key of Object.keys(fake?.modules ?? {})) expect(table, key).toContain(`"${key}"`);
  });

  it('are each documented in docs/fidelity.md with their output shape', () => {
    const fidelity = readFileSync(path.join(root, 'docs/fidelity.md'), 'utf8');
    for (const key of FAKED_MODULE_KEYS) expect(fidelity, key).toContain(`\`${key}\``);
  });

  it('the generic fake has its conformance table too', () => {
    expect(readFileSync(path.join(root, 'test/conformance/fakes/generic.json'), 'utf8')).toContain(
      '"fake": "generic"',
    );
  });
});
