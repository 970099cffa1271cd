/**
 * The Notion fake under a real exported scenario (corpus: UfukYarisan "redit notion automation
 * flow"): Create a Database Item writes by property id (names and types from the export's
 * `metadata.expect`), a later module maps `properties_value.Link`, and Append a Page Content adds
 * the summary to the created page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../index.ts';
import { corpusDir } from '../../unit/blueprint/corpus.ts';

const blueprint = path.join(
  corpusDir,
  'UfukYarisan__redit-make-automation__redit_notion_automation_flow.json',
);
const DATABASE = '20b20f48-7229-808e-b8ef-c2dace322437';

describe('notion fake in a corpus scenario', () => {
  it('creates the item, reads its Link back and appends the summary', async () => {
    const record = await runScenario(blueprint, {
      input: { title: 'Hallo Welt', url: 'https://blog.example.de', dateUpdated: '2025-01-01' },
      fakes: {
        notion: { [DATABASE]: [] },
        gemini: [
          { when: 'Determine whether the title', answer: 'de' },
          { when: 'shortened English version', answer: 'A German blog.' },
        ],
      },
      mocks: { 'rss:ActionReadArticles': { output: [{ title: 'Post 1' }] } },
    });
    expect(record.status).toBe('success');
    const created = record.modules.find((m) => m.id === 2)?.outputs?.[0] as Record<string, unknown>;
    expect(created).toMatchObject({
      properties_value: {
        Name: [{ plain_text: 'Hallo Welt' }],
        Link: 'https://blog.example.de',
        Language: [{ plain_text: 'de' }],
      },
    });
    const rss = record.modules.find((m) => m.id === 9);
    expect(rss?.calls?.[0]?.input).toMatchObject({ url: 'https://blog.example.de/.rss' });
    const appended = record.modules.find((m) => m.id === 11)?.outputs?.[0];
    expect(appended).toMatchObject({
      results: [{ paragraph: { text: [{ text: { content: 'A German blog.' } }] } }],
    });
  });
});
