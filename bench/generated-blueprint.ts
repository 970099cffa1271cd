/**
 * Large generated blueprints for the load benchmarks and the server's slow-load test: a long
 * linear flow with filters, error routes, iterator → aggregator stretches and routers whose
 * routes hold their own chains and a nested router. The trigger is a custom webhook.
 */
type Raw = Record<string, unknown>;

/** Builds modules with ids counting up from 2; `previous` is the id mapped by the next one. */
class Generator {
  next = 2;
  readonly total: number;
  constructor(total: number) {
    this.total = total;
  }

  get left(): number {
    return this.total - this.next + 1;
  }

  setVariable(previous: number, withFilter: boolean): Raw {
    const id = this.next++;
    const module: Raw = {
      id,
      module: 'util:SetVariable2',
      version: 1,
      parameters: {},
      mapper: {
        name: `v${id}`,
        scope: 'roundtrip',
        value: `{{${previous}.v${previous}}} {{upper(1.name)}}-${id}`,
      },
    };
    if (withFilter)
      module.filter = { name: 'f', conditions: [[{ a: `{{1.amount}}`, o: 'number:greater', b: '5' }]] };
    if (id % 7 === 0) module.onerror = [{ id: this.next++, module: 'builtin:Ignore', version: 1 }];
    return module;
  }

  /** `count` modules in a chain after `from`; returns them and the last id. */
  chain(from: number, count: number): { flow: Raw[]; last: number } {
    const flow: Raw[] = [];
    let previous = from;
    for (let i = 0; i < count && this.left > 1; i++) {
      const module = this.setVariable(previous, i % 5 === 0);
      flow.push(module);
      previous = module.id as number;
    }
    return { flow, last: previous };
  }

  iteratorStretch(previous: number): Raw[] {
    const feeder = this.next++;
    const inner = this.chain(feeder, 3);
    const aggregator = {
      id: this.next++,
      module: 'util:TextAggregator',
      version: 1,
      parameters: { feeder, rowSeparator: '' },
      mapper: { value: `{{${inner.last}.v${inner.last}}}` },
    };
    const iterator = {
      id: feeder,
      module: 'builtin:BasicFeeder',
      version: 1,
      mapper: { array: `{{1.items}}` },
    };
    return [iterator, ...inner.flow, aggregator, this.setVariable(previous, false)];
  }

  router(previous: number, nested: boolean): Raw {
    const id = this.next++;
    const routes = [0, 1, 2].map((r) => {
      const { flow, last } = this.chain(id, 6);
      if (nested && r === 0 && this.left > 10) flow.push(this.router(last, false));
      return { flow };
    });
    return { id, module: 'builtin:BasicRouter', version: 1, mapper: null, routes, parameters: { previous } };
  }
}

export function generatedBlueprint(total: number): Raw {
  const gen = new Generator(total);
  const flow: Raw[] = [
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1 }, mapper: {} },
  ];
  let previous = 1;
  for (let segment = 0; gen.left > 1; segment++) {
    const { flow: chain, last } = gen.chain(previous, 20);
    flow.push(...chain);
    previous = last;
    if (gen.left > 10) flow.push(...gen.iteratorStretch(previous));
    if (gen.left > 60) flow.push(gen.router(previous, segment % 2 === 0));
  }
  return { name: `load ${total}`, flow, metadata: { instant: true, scenario: {} } };
}
