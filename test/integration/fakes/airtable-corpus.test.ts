/**
 * The Airtable fake under a real exported scenario (corpus: biau95 "airtable-openai-email
 * automation"): Search Records with the export's own formula finds the pending lead, OpenAI's
 * fake qualifies it, Gmail's fake sends, and Update a Record writes by field id.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../index.ts';
import { corpusDir } from '../../unit/blueprint/corpus.ts';

const blueprint = path.join(corpusDir, 'biau95__make-airtable-openai-email-automation__blueprint.json');
const TABLE = 'appudGZuy4GK3a1cW/tblFibloJHHJ3C3x7';

describe('airtable fake in a corpus scenario', () => {
  it('finds the lead the export formula selects and updates it by field id', async () => {
    const record = await runScenario(blueprint, {
      fakes: {
        airtable: {
          [TABLE]: {
            fields: { fldEFbXYHNemGXbPz: 'Email Status', fldcWyLOwb6ItbNY3: 'Status' },
            records: [
              { id: 'recDone', Status: 'Pending', 'Email Status': 'Sent', Email: 'old@x.io' },
              { id: 'recAda', Status: 'Pending', 'Email Status': 'To Send', Email: 'ada@acme.io' },
            ],
          },
        },
        openai: [
          { when: 'Lead Qualification', answer: 'HIGH' },
          { when: 'cold email', answer: 'Hi Ada' },
        ],
        email: {},
      },
    });
    expect(record.status).toBe('success');
    const outputs = (id: number) => record.modules.find((m) => m.id === id)?.outputs;
    expect(outputs(3)).toMatchObject([{ id: 'recAda', Email: 'ada@acme.io', __IMTLENGTH__: 1 }]);
    expect(outputs(11)).toMatchObject([
      { id: 'recAda', Status: 'High Priority', 'Email Status': 'Sent', fldos8IQd31fG08xt: 'Hi Ada' },
    ]);
  });
});
