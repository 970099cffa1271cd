import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../engine/blueprint/load.ts';
import { runScenario } from '../../../../engine/runtime/run-scenario.ts';
import { defaultRegistry } from '../../../../modules/index.ts';
import { advancedSettings } from '../../../../modules/regexp/advanced-parser.ts';

/** The shape of the corpus export (skool-scraper): pattern and text mapped, options in parameters. */
function parserBlueprint(parameters: Record<string, unknown>, pattern: string) {
  return {
    name: 'advanced parser',
    flow: [
      { id: 1, module: 'util:BasicTrigger', version: 1, parameters: { values: [{ spec: [] }] }, mapper: {} },
      {
        id: 2,
        module: 'util:SetVariables',
        version: 1,
        parameters: {},
        mapper: {
          scope: 'roundtrip',
          variables: [
            { name: 'pattern', value: pattern },
            { name: 'page', value: 'Admins: 3, Online: 12; admins: 4' },
          ],
        },
      },
      {
        id: 13,
        module: 'regexp:AdvancedParser',
        version: 1,
        parameters: { advancedParser: true, continueWhenNoRes: false, ...parameters },
        mapper: { text: '{{2.page}}', pattern: '{{2.pattern}}' },
      },
    ],
    metadata: { scenario: {} },
  };
}

async function matches(parameters: Record<string, unknown>, pattern: string) {
  const scenario = loadScenario(parserBlueprint(parameters, pattern), { registry: defaultRegistry });
  const record = await runScenario(scenario, {});
  expect(record.error).toBeNull();
  return record.modules.find((m) => m.id === 13)?.outputs;
}

describe('regexp:AdvancedParser', () => {
  it('is a built-in: loading it needs no mock and raises no unknown-module warning', () => {
    const scenario = loadScenario(parserBlueprint({}, 'x'), { registry: defaultRegistry });
    expect(scenario.byId.get(13)?.definition?.key).toBe('regexp:AdvancedParser');
    expect(scenario.problems).toEqual([]);
  });

  it('matches the pattern mapped from an earlier module, first match only unless global', async () => {
    expect(await matches({ global: false, sensitive: true }, '(\\w+): (\\d+)')).toEqual([
      { $1: 'Admins', $2: '3' },
    ]);
  });

  it('reads global and sensitive from parameters', async () => {
    expect(await matches({ global: true, sensitive: false }, 'admins: (\\d)')).toEqual([
      { $1: '3', i: 1, __IMTMATCH__: 'Admins: 3' },
      { $1: '4', i: 2, __IMTMATCH__: 'admins: 4' },
    ]);
  });

  it('outputs no bundle when nothing matches, one empty bundle with continueWhenNoRes', async () => {
    expect(await matches({}, 'nothing here')).toEqual([]);
    expect(await matches({ continueWhenNoRes: true }, 'nothing here')).toEqual([{}]);
  });

  it('uses parameters.pattern when the mapper leaves the pattern empty', () => {
    expect(advancedSettings({ pattern: 'p', global: true }, { pattern: '' })).toEqual({
      pattern: 'p',
      global: true,
    });
    expect(advancedSettings({ pattern: 'p' }, { pattern: 'q' }).pattern).toBe('q');
  });
});
