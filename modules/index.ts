/**
 * Every built-in module, listed by hand (a structure test checks each file is here).
 */
import type { ModuleDefinition } from '../engine/registry/define-module.ts';
import { ModuleRegistry } from '../engine/registry/registry.ts';
import { basicAggregator } from './builtin/basic-aggregator.ts';
import { basicFeeder } from './builtin/basic-feeder.ts';
import { basicIfElse } from './builtin/basic-if-else.ts';
import { basicMerge } from './builtin/basic-merge.ts';
import { basicRepeater } from './builtin/basic-repeater.ts';
import { basicRouter } from './builtin/basic-router.ts';
import { breakDirective } from './builtin/break.ts';
import { commitDirective } from './builtin/commit.ts';
import { ignoreDirective } from './builtin/ignore.ts';
import { resumeDirective } from './builtin/resume.ts';
import { rollbackDirective } from './builtin/rollback.ts';
import { throwErrorDirective } from './builtin/throw-error.ts';
import { throwWarningDirective } from './builtin/throw-warning.ts';
import datastoreAddRecord from './datastore/add-record.ts';
import datastoreDeleteAllRecords from './datastore/delete-all-records.ts';
import datastoreDeleteRecord from './datastore/delete-record.ts';
import datastoreExistRecord from './datastore/exist-record.ts';
import datastoreGetRecord from './datastore/get-record.ts';
import datastoreSearchRecord from './datastore/search-record.ts';
import datastoreStats from './datastore/stats.ts';
import datastoreUpdateRecord from './datastore/update-record.ts';
import gatewayCustomMailHook from './gateway/custom-mailhook.ts';
import gatewayCustomWebHook from './gateway/custom-webhook.ts';
import gatewayWebhookRespond from './gateway/webhook-respond.ts';
import httpActionGetFile from './http/action-get-file.ts';
import httpActionSendData from './http/action-send-data.ts';
import httpActionSendDataApiKeyAuth from './http/action-send-data-api-key-auth.ts';
import httpActionSendDataBasicAuth from './http/action-send-data-basic-auth.ts';
import httpActionSendDataOAuth from './http/action-send-data-oauth.ts';
import httpDownloadFile from './http/download-file.ts';
import httpMakeRequest from './http/make-request.ts';
import jsonAggregateToJson from './json/aggregate-to-json.ts';
import jsonCreateJson from './json/create-json.ts';
import jsonParseJson from './json/parse-json.ts';
import jsonTransformToJson from './json/transform-to-json.ts';
import mathEvaluateExpression from './math/evaluate-expression.ts';
import regexpAdvancedParser from './regexp/advanced-parser.ts';
import regexpHtmlToText from './regexp/html-to-text.ts';
import regexpParser from './regexp/parser.ts';
import regexpReplace from './regexp/replace.ts';
import scenarioServiceCallSubscenario from './scenario-service/call-subscenario.ts';
import scenarioServiceReturnData from './scenario-service/return-data.ts';
import scenarioServiceStartSubscenario from './scenario-service/start-subscenario.ts';
import { aggregateAggregator } from './util/aggregate-aggregator.ts';
import { basicTrigger } from './util/basic-trigger.ts';
import { composeTransformer } from './util/compose-transformer.ts';
import { functionAggregator2 } from './util/function-aggregator2.ts';
import { functionIncrement } from './util/function-increment.ts';
import { functionSleep } from './util/function-sleep.ts';
import { getVariable2 } from './util/get-variable2.ts';
import { getVariables } from './util/get-variables.ts';
import { setVariable2 } from './util/set-variable2.ts';
import { setVariables } from './util/set-variables.ts';
import { switcher } from './util/switcher.ts';
import { textAggregator } from './util/text-aggregator.ts';

export const builtinModules: readonly ModuleDefinition[] = [
  // engine-run: builtin flow modules and util tools
  basicFeeder,
  basicRepeater,
  basicRouter,
  basicIfElse,
  basicMerge,
  basicAggregator,
  ignoreDirective,
  resumeDirective,
  breakDirective,
  commitDirective,
  rollbackDirective,
  throwErrorDirective,
  throwWarningDirective,
  setVariable2,
  setVariables,
  getVariable2,
  getVariables,
  functionIncrement,
  switcher,
  composeTransformer,
  basicTrigger,
  functionSleep,
  textAggregator,
  functionAggregator2,
  aggregateAggregator,
  // modules-net: http, json, regexp, math, gateway, scenario-service
  httpActionSendData,
  httpActionSendDataBasicAuth,
  httpActionSendDataApiKeyAuth,
  httpActionSendDataOAuth,
  httpMakeRequest,
  httpActionGetFile,
  httpDownloadFile,
  jsonParseJson,
  jsonCreateJson,
  jsonTransformToJson,
  jsonAggregateToJson,
  regexpParser,
  regexpAdvancedParser,
  regexpReplace,
  regexpHtmlToText,
  mathEvaluateExpression,
  gatewayCustomMailHook,
  gatewayCustomWebHook,
  gatewayWebhookRespond,
  scenarioServiceCallSubscenario,
  scenarioServiceStartSubscenario,
  scenarioServiceReturnData,
  // modules-data: datastore
  datastoreSearchRecord,
  datastoreGetRecord,
  datastoreExistRecord,
  datastoreStats,
  datastoreAddRecord,
  datastoreUpdateRecord,
  datastoreDeleteRecord,
  datastoreDeleteAllRecords,
];

/** The registry of every built-in module: what `makesim` and the library load blueprints with. */
export const defaultRegistry = new ModuleRegistry(builtinModules);
