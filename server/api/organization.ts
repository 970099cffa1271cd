/**
 * The one local organization (id 1) in the shape of Make's `GET /organizations/{id}` (the fields
 * Make's TypeScript SDK requires of an Organization). The server is on no plan: limits it does not
 * apply are 0, meaning "no limit" (docs/fidelity.md); usage is this month's (server/api/usage.ts).
 */
import type { ServerServices } from '../services.ts';

type OrganizationServices = Pick<ServerServices, 'db' | 'clock' | 'scenarios' | 'settings'>;

import { flowNodes } from './flow-nodes.ts';
import { LOCAL_IDS } from './shapes.ts';
import { currentPeriod, operationsSince } from './usage.ts';

/**
 * The organization's REST requests per minute (https://developers.make.com/api-documentation "Rate limit":
 * Core 60, Pro 120, Teams 240, Enterprise 1000). The server limits nothing, so it shows the largest figure: a
 * client that paces itself by it is slowed the least.
 */
const API_LIMIT_PER_MINUTE = 1000;

export const LOCAL_TEAM = { id: LOCAL_IDS.teamId, name: 'makesim', organizationId: LOCAL_IDS.organizationId };

/** What the list shows of the organization. */
export function organizationSummary(services: OrganizationServices) {
  return {
    id: LOCAL_IDS.organizationId,
    name: 'makesim',
    timezoneId: 1,
    timezone: services.settings.timezone,
    zone: 'localhost',
    countryId: 1,
    teams: [{ id: LOCAL_TEAM.id, name: LOCAL_TEAM.name }],
    isPaused: false,
    productName: 'makesim',
    serviceName: 'makesim',
    externalId: '',
    solutionPartnerLink: '',
  };
}

export function organizationDetail(services: OrganizationServices) {
  const period = currentPeriod(services.clock.now());
  const scenarios = services.scenarios.list();
  const active = scenarios.filter((scenario) => scenario.isActive);
  return {
    ...organizationSummary(services),
    license: {
      apiLimit: API_LIMIT_PER_MINUTE,
      dslimit: 0,
      fslimit: 0,
      iolimit: 0,
      dsslimit: 0,
      // Make's shortest scheduling interval, in minutes.
      interval: 1,
      transfer: 0,
      operations: 0,
      teams: 0,
      gracePeriod: 0,
      productManagement: 'local',
      scenarioIO: true,
    },
    lastReset: period.start,
    nextReset: period.next,
    operations: String(operationsSince(services.db, period.start)),
    transfer: '0',
    operationsExt: '0',
    transferExt: '0',
    unusedOperations: '0',
    unusedTransfer: '0',
    autoPurchasingActivated: false,
    features: {},
    activeApps: new Set(active.flatMap((scenario) => appsOf(scenario.blueprint.flow))).size,
    activeScenarios: active.length,
  };
}

function appsOf(flow: unknown): string[] {
  return [...flowNodes(flow)].map((node) => String(node.module ?? '').split(':')[0] ?? '');
}
