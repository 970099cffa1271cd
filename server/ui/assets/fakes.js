// The run page's "Fakes" panel: for each scenario whose config gives it fakes, each fake with its
// collections and their records (GET /_inspector/api/scenarios/{id}/fakes; long values arrive cut).

/** Fills `panel` with the fakes of `scenarios`; hides it when none has fakes. */
export async function loadFakes(panel, scenarios, { el, getJson }) {
  const views = await Promise.all(scenarios.map((s) => getJson(`/_inspector/api/scenarios/${s.id}/fakes`)));
  const shown = views.filter((view) => view.fakes.length > 0);
  panel.hidden = shown.length === 0;
  panel.querySelector('.fakes-body').replaceChildren(...shown.map((view) => scenarioFakes(view, el)));
}

function scenarioFakes(view, el) {
  return el(
    'div',
    { class: 'fakes-scenario', 'data-testid': 'scenario-fakes', 'data-scenario-id': view.scenarioId },
    el('h3', {}, `#${view.scenarioId} ${view.scenarioName}`),
    view.fakes.map((fake) =>
      el(
        'div',
        { class: 'fake', 'data-testid': 'fake', 'data-fake': fake.name },
        el('strong', {}, fake.name),
        fake.truncated ? el('span', { class: 'muted' }, ' — long texts and lists are shortened') : '',
        Object.entries(fake.state).map(([collection, records]) => collectionOf(collection, records, el)),
      ),
    ),
  );
}

function collectionOf(collection, records, el) {
  const count = Array.isArray(records) ? ` (${records.length})` : '';
  return el(
    'details',
    { class: 'fake-collection', 'data-testid': 'fake-collection', 'data-collection': collection, open: '' },
    el('summary', {}, `${collection}${count}`),
    el('pre', {}, JSON.stringify(records, null, 2)),
  );
}
