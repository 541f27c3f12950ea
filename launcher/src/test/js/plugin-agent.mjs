// A plug-in council member written with the official JavaScript A2A SDK, as a third party would
// write one: JsSdkInteropTest adds it to the council to prove that our coordinator (the A2A Java
// SDK client) reads a finding produced by another implementation of A2A 0.3.
//
// Environment: PORT (0 = any free port), AGENT_NAME (js-trace-agent), VERDICT (ROLLBACK),
// CONFIDENCE (95), MODE=text to answer with a TextPart only (no finding DataPart).
import express from 'express';
import { randomUUID } from 'node:crypto';
import { A2AExpressApp } from '@a2a-js/sdk/server/express';
import { DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';

const ANALYSIS_REQUEST = 'canary-council/analysis-request/v1';
const FINDING = 'canary-council/finding/v1';

const name = process.env.AGENT_NAME || 'js-trace-agent';
const verdict = process.env.VERDICT || 'ROLLBACK';
const confidence = Number.parseInt(process.env.CONFIDENCE || '95', 10);
const textOnly = process.env.MODE === 'text';

const card = {
  name,
  description: 'Compares canary and stable distributed traces (a test agent built on the A2A JavaScript SDK).',
  // Set once listening: with PORT=0 the port is only known then, and peers call the card's url.
  url: '',
  version: '0.1.0',
  protocolVersion: '0.3.0',
  preferredTransport: 'JSONRPC',
  capabilities: { streaming: true, pushNotifications: false, stateTransitionHistory: false },
  defaultInputModes: ['application/json'],
  defaultOutputModes: ['application/json', 'text/plain'],
  skills: [{
    id: 'trace-analysis',
    name: 'Stable-vs-canary trace analysis',
    description: `Judge a canary from its traces. Input: DataPart kind=${ANALYSIS_REQUEST}. Output: DataPart kind=${FINDING}.`,
    // canary-analysis is the tag that makes the coordinator count this agent as a voter.
    tags: ['canary-analysis', 'traces'],
  }],
};

// A Finding as agent-cards/finding.schema.json describes it; the numbers are made up, the
// test only cares that the vote and its shape travel intact.
function finding() {
  return {
    agent: name,
    verdict,
    confidence,
    summary: 'p99 span latency of checkout→payments doubled in canary traces',
    evidence: [{
      kind: 'promql',
      description: 'p99 latency of the checkout→payments span: canary 0.84 s vs stable 0.41 s',
      severity: verdict === 'ROLLBACK' ? 'ERROR' : 'INFO',
      metric: 'trace_span_duration_seconds:p99{span="checkout→payments"}',
      canaryValue: 0.84,
      stableValue: 0.41,
    }],
    notes: ['synthetic traces from the interop test agent'],
  };
}

function isAnalysisRequest(message) {
  return (message.parts || []).some((p) => p.kind === 'data' && p.metadata?.kind === ANALYSIS_REQUEST);
}

const agentMessage = (contextId, taskId, parts) =>
  ({ kind: 'message', role: 'agent', messageId: randomUUID(), contextId, taskId, parts });

class TraceExecutor {
  async execute(requestContext, eventBus) {
    const { taskId, contextId, userMessage } = requestContext;
    if (!isAnalysisRequest(userMessage)) {
      // Not ours to judge (e.g. a follow-up question): a direct message, no task, is valid A2A.
      eventBus.publish(agentMessage(contextId, undefined,
        [{ kind: 'text', text: `${name} only answers ${ANALYSIS_REQUEST} DataParts.` }]));
      eventBus.finished();
      return;
    }
    // The full task life cycle, so the coordinator sees a Task first and progress before the
    // answer, as it does from our own agents.
    eventBus.publish({
      kind: 'task', id: taskId, contextId,
      status: { state: 'submitted', timestamp: new Date().toISOString() },
      history: [userMessage],
    });
    eventBus.publish({
      kind: 'status-update', taskId, contextId, final: false,
      status: {
        state: 'working', timestamp: new Date().toISOString(),
        message: agentMessage(contextId, taskId, [{ kind: 'text', text: 'reading traces' }]),
      },
    });
    const f = finding();
    const text = `${verdict}: canary traces show the p99 latency of the checkout→payments span doubled (0.41 s → 0.84 s)`;
    const parts = textOnly
      ? [{ kind: 'text', text }]
      : [{ kind: 'data', data: f, metadata: { kind: FINDING } }, { kind: 'text', text }];
    // The finding goes in an artifact: our Java client reads a final Task's artifacts (then its
    // status message), and the artifact survives both blocking and streaming sends.
    eventBus.publish({
      kind: 'artifact-update', taskId, contextId, lastChunk: true,
      artifact: { artifactId: randomUUID(), name: 'finding', parts },
    });
    eventBus.publish({
      kind: 'status-update', taskId, contextId, final: true,
      status: { state: 'completed', timestamp: new Date().toISOString() },
    });
    eventBus.finished();
  }

  // Each task finishes within execute(), so by the time a cancel could arrive there is nothing to stop.
  async cancelTask() {}
}

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), new TraceExecutor());
const app = express();
// An analysis request carries the logs an Argo Rollouts plugin call sent inline; with express'
// default 100 kB limit such a request is refused with HTTP 413. Parsing here first makes the
// SDK's own JSON parser (which has that default) skip the already parsed body.
app.use(express.json({ limit: '10mb' }));
new A2AExpressApp(handler).setupRoutes(app);

const server = app.listen(Number.parseInt(process.env.PORT || '0', 10), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}`;
  card.url = url;
  // The one stdout line the test waits for; nothing else is printed there.
  console.log(`js-agent listening on ${url}`);
});
server.on('error', (e) => {
  console.error(`js-agent cannot listen: ${e.message}`);
  process.exit(1);
});
// The test stops us with SIGTERM (Process.destroy); open keep-alive connections must not delay the exit.
process.on('SIGTERM', () => process.exit(0));
