/**
 * The Google Drive fake under a real exported scenario (corpus: manasautomation "folder
 * creation"): a title search finds this year's folder by `=`, a month folder is created in it and
 * a week folder for each week in that. The other route's query carries stray line breaks, so an
 * exact title search finds nothing there and that route stops (a search with no results outputs
 * no bundle).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../index.ts';
import { corpusDir } from '../../unit/blueprint/corpus.ts';

const blueprint = path.join(corpusDir, 'manasautomation__make-automations__folder-creation.json');
const FOLDER = 'application/vnd.google-apps.folder';

describe('google-drive fake in a corpus scenario', () => {
  it('creates the month folder in the year folder the search found, and the week folders in it', async () => {
    const record = await runScenario(blueprint, {
      settings: { now: '2025-03-10T09:00:00Z' },
      fakes: {
        'google-drive': {
          '1cr1FWCO8rod0arh-lPbbD6a6QO36wLjd': [{ id: 'yearA', name: '2025', mimeType: FOLDER }],
          '1kI2Qf6EPqWJfIWrqouFlWrOZKQG77M1r': [{ id: 'yearB', name: '2025', mimeType: FOLDER }],
        },
      },
    });
    expect(record.status).toBe('success');
    const module = (id: number) => record.modules.find((m) => m.id === id);
    expect(module(10)?.outputs ?? []).toEqual([]);
    expect(module(27)?.outputs).toMatchObject([{ id: 'yearB', name: '2025', __IMTLENGTH__: 1 }]);
    expect(module(30)?.outputs).toMatchObject([{ name: 'Mar', mimeType: FOLDER, parents: ['yearB'] }]);
    const month = (module(30)?.outputs?.[0] as { id: string } | undefined)?.id;
    const weeks = module(32)?.outputs as Array<{ name: string; parents: string[] }>;
    expect(weeks.map((w) => w.name.trim())).toEqual([
      '01 Mar - 07 Mar',
      '08 Mar - 14 Mar',
      '15 Mar - 21 Mar',
      '22 Mar - 28 Mar',
      '29 Mar - 31 Mar', // Week5End is the blueprint's "Month End",
    ]);
    expect(weeks.every((w) => w.parents[0] === month)).toBe(true);
  });
});
