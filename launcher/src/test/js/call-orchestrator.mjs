// Calls our orchestrator with the official JavaScript A2A SDK's client, as any third-party A2A
// caller would: JsSdkInteropTest checks that a client we did not write understands our server.
//
//   node call-orchestrator.mjs <cardUrl> <blocking|streaming> <namespace> <podName>
//
// Prints one JSON line per stream event (streaming only), then one result line:
//   {"mode":..., "kind":..., "state":..., "decision":..., "confidence":..., "events":...}
// Exits 1 with the reason on stderr when the call fails or no verdict comes back.
import { randomUUID } from 'node:crypto';
import { A2AClient } from '@a2a-js/sdk/client';

const ANALYSIS_TARGET = 'canary-council/analysis-target/v1';
const VERDICT = 'canary-council/verdict/v1';

function fail(message) {
  console.error(`call-orchestrator: ${message}`);
  process.exit(1);
}

const [cardUrl, mode, namespace, podName] = process.argv.slice(2);
if (!cardUrl || !['blocking', 'streaming'].includes(mode) || !namespace || !podName) {
  fail('usage: call-orchestrator.mjs <cardUrl> <blocking|streaming> <namespace> <podName>');
}

// The verdict DataPart wherever a 0.3 agent may put it: an artifact, the final status message, or
// a direct reply message.
function verdictIn(parts) {
  return (parts || []).find((p) => p.kind === 'data' && p.metadata?.kind === VERDICT)?.data;
}

function verdictOf(result, artifacts) {
  for (const artifact of artifacts) {
    const v = verdictIn(artifact.parts);
    if (v) return v;
  }
  return result?.kind === 'message' ? verdictIn(result.parts) : verdictIn(result?.status?.message?.parts);
}

const params = {
  message: {
    kind: 'message',
    role: 'user',
    messageId: randomUUID(),
    parts: [{ kind: 'data', data: { namespace, podName }, metadata: { kind: ANALYSIS_TARGET } }],
  },
  // Blocking: the answer is the finished task, not a snapshot of one still working.
  configuration: { blocking: true, acceptedOutputModes: ['application/json', 'text/plain'] },
};

function resultLine(extra, kind, state, verdict) {
  if (!verdict) fail(`no ${VERDICT} DataPart in the ${kind} (state ${state})`);
  console.log(JSON.stringify({ ...extra, kind, state, decision: verdict.decision, confidence: verdict.confidence }));
}

try {
  const client = await A2AClient.fromCardUrl(cardUrl);
  if (mode === 'blocking') {
    const response = await client.sendMessage(params);
    if ('error' in response) fail(`JSON-RPC error ${response.error.code}: ${response.error.message}`);
    const result = response.result;
    resultLine({ mode }, result.kind, result.kind === 'task' ? result.status.state : undefined,
      verdictOf(result, result.artifacts || []));
  } else {
    let events = 0;
    let kind;
    let state;
    let last;
    const artifacts = [];
    for await (const event of client.sendMessageStream(params)) {
      events++;
      // A stream carries a task, then its updates; the state lives in a different place in each.
      if (event.kind === 'task' || event.kind === 'status-update') state = event.status?.state;
      if (event.kind === 'task' || event.kind === 'message') kind ??= event.kind;
      if (event.kind === 'task') artifacts.push(...(event.artifacts || []));
      if (event.kind === 'artifact-update') artifacts.push(event.artifact);
      if (event.kind === 'status-update') last = event;
      else if (event.kind === 'message') last = event;
      console.log(JSON.stringify({ event: event.kind, state }));
    }
    resultLine({ mode, events }, kind, state, verdictOf(last, artifacts));
  }
} catch (e) {
  fail((e?.message || String(e)) + (e?.cause?.message ? ` (${e.cause.message})` : ""));
}
