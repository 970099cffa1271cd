// The run inspector: plain browser JavaScript, no build step. Reads /_inspector/api/* and
// listens to /_inspector/events (server-sent events) for live updates.
import { loadFakes } from './fakes.js';

const $ = (selector) => document.querySelector(selector);
const state = { status: '', selected: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'onclick') node.addEventListener('click', value);
    else if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children.flat())
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

function scheduleText(scheduling) {
  if (!scheduling) return '';
  if (scheduling.type === 'indefinitely') return `every ${Math.round(scheduling.interval / 60)} min`;
  return [scheduling.type, scheduling.time].filter(Boolean).join(' ');
}

async function loadScenarios() {
  const rows = await getJson('/_inspector/api/scenarios');
  await loadFakes($('#fakes'), rows, { el, getJson });
  const body = $('[data-testid=scenarios] tbody');
  body.replaceChildren(
    ...rows.map((s) => {
      const status = s.problem ? 'invalid' : s.isActive ? 'active' : s.isInvalid ? 'invalid' : 'inactive';
      return el(
        'tr',
        { 'data-scenario-id': s.id },
        el('td', {}, s.id),
        el('td', { class: 'cut', title: s.problem ?? s.name }, s.name),
        el('td', {}, el('span', { class: `badge ${status}` }, s.problem ? 'blueprint error' : status)),
        el('td', {}, scheduleText(s.scheduling)),
        el(
          'td',
          {},
          s.hookUrl
            ? el('code', { 'data-testid': 'hook-url', class: 'cut', title: s.hookUrl }, s.hookUrl)
            : el('span', { class: 'muted' }, '—'),
        ),
        el('td', {}, s.queueCount),
      );
    }),
  );
}

async function loadExecutions() {
  const query = state.status ? `?status=${state.status}` : '';
  const rows = await getJson(`/_inspector/api/executions${query}`);
  const body = $('[data-testid=executions] tbody');
  body.replaceChildren(
    ...rows.map((e) =>
      el(
        'tr',
        {
          class: `clickable ${state.selected === e.id ? 'selected' : ''}`,
          'data-execution-id': e.id,
          'data-status': e.status,
          onclick: () => showExecution(e.id),
        },
        el('td', {}, new Date(e.started).toLocaleString()),
        el('td', { class: 'cut', title: e.scenarioName }, e.scenarioName),
        el('td', {}, el('span', { class: `badge ${e.status}` }, e.status)),
        el('td', {}, e.operations),
        el('td', {}, `${e.duration} ms`),
        el('td', {}, e.type),
      ),
    ),
  );
}

function renderFlow(nodes, onPick) {
  return el(
    'div',
    { class: 'flow' },
    nodes.map((node) => {
      const record = node.record;
      const failed = node.failed;
      const idle = !record || (record.operations === 0 && record.bundlesIn === 0);
      const card = el(
        'div',
        {
          class: `node ${failed ? 'failed' : ''} ${idle ? 'idle' : ''}`,
          'data-testid': 'module-node',
          'data-module-id': node.id,
          onclick: (event) => {
            event.stopPropagation();
            onPick(node, card);
          },
        },
        el('span', { class: 'ops', title: 'operations' }, record ? record.operations : 0),
        failed
          ? el(
              'span',
              { class: 'failed-mark', 'data-testid': 'failed-mark', title: 'the run failed here' },
              '!',
            )
          : '',
        el('div', {}, `${node.id}. ${node.label}`),
        el('div', { class: 'key' }, node.module),
        node.onerror.length > 0 ? el('div', { class: 'onerror' }, renderFlow(node.onerror, onPick)) : '',
      );
      if (node.routes.length === 0) return card;
      return el(
        'div',
        { class: 'flow' },
        card,
        el(
          'div',
          { class: 'routes' },
          node.routes.map((route) => renderFlow(route, onPick)),
        ),
      );
    }),
  );
}

function pre(value) {
  return el('pre', {}, JSON.stringify(value, null, 2));
}

function showModule(node) {
  const box = $('#module');
  box.hidden = false;
  const record = node.record;
  if (!record) {
    box.replaceChildren(
      el('h3', {}, `${node.id}. ${node.label}`),
      el('p', { class: 'muted' }, 'Did not run.'),
    );
    return;
  }
  box.replaceChildren(
    el('h3', {}, `${node.id}. ${node.label} — ${record.operations} operation(s)`),
    record.truncated
      ? el(
          'p',
          { class: 'muted' },
          'Long texts and lists are shortened. ',
          el(
            'button',
            { type: 'button', 'data-testid': 'expand', onclick: () => expandModule(node) },
            'Show everything',
          ),
        )
      : '',
    el(
      'div',
      { 'data-testid': 'bundles-in' },
      el('strong', {}, `Bundles in (${record.calls.length})`),
      pre(record.calls.map((c) => c.input)),
    ),
    el(
      'div',
      { 'data-testid': 'bundles-out' },
      el('strong', {}, `Bundles out (${record.outputs.length})`),
      pre(record.outputs),
    ),
    record.errors.length > 0
      ? el('div', { 'data-testid': 'module-errors' }, el('strong', {}, 'Errors'), pre(record.errors))
      : '',
  );
}

async function expandModule(node) {
  const full = await getJson(`/_inspector/api/executions/${state.selected}/modules/${node.id}`);
  showModule({ ...node, record: { ...full, truncated: false } });
}

async function showExecution(id) {
  state.selected = id;
  const detail = await getJson(`/_inspector/api/executions/${id}`);
  $('#detail').hidden = false;
  const title = `${detail.scenarioName} — ${detail.status}, ${detail.operations} operations, ${detail.duration} ms`;
  $('#detail-title').textContent = title;
  $('#detail-title').title = title;
  const summary = [];
  if (detail.error)
    summary.push(
      el(
        'div',
        { class: 'message' },
        el('strong', {}, 'Error: '),
        `${detail.error.type}: ${detail.error.message}`,
      ),
    );
  for (const warning of detail.warnings ?? [])
    summary.push(
      el(
        'div',
        { class: 'message', 'data-testid': 'warning' },
        el('strong', {}, 'Warning: '),
        `${warning.type}: ${warning.message}${warning.moduleId ? ` (module ${warning.moduleId})` : ''}`,
      ),
    );
  if (detail.response)
    summary.push(
      el(
        'div',
        { 'data-testid': 'webhook-response' },
        el('strong', {}, 'Webhook response'),
        pre(detail.response),
      ),
    );
  $('#detail-summary').replaceChildren(...summary);
  $('#module').hidden = true;
  $('#graph').replaceChildren(
    renderFlow(detail.graph, (node, card) => {
      for (const other of document.querySelectorAll('.node.chosen')) other.classList.remove('chosen');
      card.classList.add('chosen');
      showModule(node);
    }),
  );
  for (const row of document.querySelectorAll('[data-execution-id]')) {
    row.classList.toggle('selected', row.dataset.executionId === id);
  }
  // The panel opens below a list that may be long: bring it to the person.
  $('#detail').scrollIntoView({ block: 'start' });
}

function refresh() {
  return Promise.all([loadScenarios(), loadExecutions()]).catch((error) => console.error(error));
}

function listen() {
  const events = new EventSource('/_inspector/events');
  let pending = null;
  const later = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      refresh();
    }, 150);
  };
  events.addEventListener('open', () => {
    $('#live').textContent = 'live';
  });
  events.addEventListener('error', () => {
    $('#live').textContent = 'reconnecting…';
  });
  events.addEventListener('execution', later);
  events.addEventListener('scenario', later);
}

$('#status-filter').addEventListener('change', (event) => {
  state.status = event.target.value;
  loadExecutions();
});
refresh();
listen();
