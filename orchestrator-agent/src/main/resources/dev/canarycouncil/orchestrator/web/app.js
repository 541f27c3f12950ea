// Canary Council web page: starts an analysis over A2A (JSON-RPC message/stream), shows its
// progress and verdict, draws the evidence as inline SVG and asks follow-up questions in the
// analysis' A2A context. Plain JavaScript, no library; every text from the server is inserted
// with textContent, never as HTML.
'use strict';

(() => {
  const KIND_TARGET = 'canary-council/analysis-target/v1';
  const KIND_VERDICT = 'canary-council/verdict/v1';
  const KIND_ANSWER = 'canary-council/answer/v1';
  const TERMINAL = new Set(['completed', 'failed', 'rejected', 'canceled']);
  const MAX_METRIC_CHARTS = 4;
  const MAX_TEMPLATES = 12;
  const MAX_TEMPLATE_TRACES = 3;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  // The page lives at <orchestrator>/ui/; the A2A endpoint is the orchestrator's base URL.
  const A2A_URL = new URL('../', window.location.href).href;

  const $ = (id) => document.getElementById(id);

  const state = {
    run: 0,            // increases with each analysis; answers for an older one are dropped
    running: false,
    contextId: null,
    verdict: null,
    startedAt: 0,
    abort: null,
    charts: [],        // {node, draw, width}: redrawn when their width changes
  };

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function uuid() {
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function lower(s) {
    return String(s || '').toLowerCase();
  }

  // ---------------------------------------------------------------- A2A

  function rpc(method, message) {
    return { jsonrpc: '2.0', id: uuid(), method, params: { message } };
  }

  function textOf(parts) {
    return (parts || []).filter((p) => p && p.kind === 'text' && p.text).map((p) => p.text).join('\n');
  }

  function dataOf(parts, kind) {
    const part = (parts || []).find((p) => p && p.kind === 'data' && p.metadata && p.metadata.kind === kind);
    return part ? part.data : null;
  }

  // A council started with --auth-token-file demands its bearer token on A2A calls. The page
  // asks for it only then, and keeps it for this tab only (sessionStorage), never in the URL.
  const TOKEN_KEY = 'canary-council-token';

  async function post(body, accept, signal) {
    const headers = { 'Content-Type': 'application/json', Accept: accept };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(A2A_URL, { method: 'POST', headers, body: JSON.stringify(body), signal });
    if (res.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('token-field').hidden = false;
      throw new Error(token ? 'the council refused this token; enter the right one and start again'
        : 'this council requires its bearer token; enter it and start again');
    }
    if (!res.ok) throw new Error(`the orchestrator answered HTTP ${res.status}`);
    return res;
  }

  /** Reads a text/event-stream body, calling onEvent with each event's parsed data. */
  async function readSse(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const dispatch = (chunk) => {
      const data = chunk.split(/\r?\n/).filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).replace(/^ /, '')).join('\n');
      if (data.trim()) onEvent(JSON.parse(data));
    };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let m;
      while ((m = /\r?\n\r?\n/.exec(buffer)) !== null) {
        const chunk = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        dispatch(chunk);
      }
    }
    buffer += decoder.decode();
    if (buffer.trim()) dispatch(buffer);
  }

  /** Asks a question in the current analysis' context; resolves to {ok, text, answer}. */
  async function ask(question) {
    // Naming the analysis lets any replica answer, also after a restart or for a kept analysis.
    const res = await post(rpc('message/send', {
      kind: 'message', role: 'user', messageId: uuid(), contextId: state.contextId,
      parts: [{ kind: 'text', text: question }],
      metadata: state.verdict && state.verdict.analysisId ? { analysisId: state.verdict.analysisId } : undefined,
    }), 'application/json');
    const json = await res.json();
    if (json.error) return { ok: false, text: json.error.message || 'the orchestrator returned an error' };
    const result = json.result || {};
    if (result.kind === 'message') return { ok: true, text: textOf(result.parts), answer: dataOf(result.parts, KIND_ANSWER) };
    const parts = (result.artifacts || []).flatMap((a) => a.parts || []);
    const answer = dataOf(parts, KIND_ANSWER);
    const st = result.status ? result.status.state : '';
    const statusText = result.status && result.status.message ? textOf(result.status.message.parts) : '';
    if (st !== 'completed') return { ok: false, text: statusText || `the question ended ${st || 'without an answer'}`, answer };
    return { ok: true, text: (answer && answer.text) || textOf(parts) || statusText, answer };
  }

  // ---------------------------------------------------------------- analysis

  function setRunState(name, label) {
    const badge = $('run-state');
    badge.className = `run-state ${name}`;
    badge.textContent = label || name;
    document.body.dataset.state = name;
  }

  function addProgress(text) {
    $('progress-empty').hidden = true;
    const seconds = (performance.now() - state.startedAt) / 1000;
    const li = el('li');
    const vote = /\bvoted (ROLLBACK|PROMOTE|INCONCLUSIVE)\b/.exec(text);
    if (vote) li.classList.add('vote', `vote-${lower(vote[1])}`);
    else if (/\b(failed|did not answer|unreachable|error|timed out)\b/i.test(text)) li.classList.add('problem');
    li.append(el('span', 't', `${seconds.toFixed(1)}s`), el('span', 'm', text));
    const list = $('progress');
    list.append(li);
    list.scrollTop = list.scrollHeight;
  }

  function resetView() {
    state.run += 1;
    state.contextId = null;
    state.verdict = null;
    state.charts = [];
    clear($('progress'));
    clear($('verdict'));
    clear($('templates-chart'));
    clear($('metric-charts'));
    clear($('chat-log'));
    $('progress-empty').hidden = false;
    $('verdict-card').hidden = true;
    $('templates-card').hidden = true;
    $('metrics-card').hidden = true;
    $('placeholder').hidden = false;
    document.querySelector('.layout').classList.remove('has-verdict');
    $('chat-empty').hidden = false;
    $('start-error').hidden = true;
    setChatEnabled(false);
  }

  async function startAnalysis(namespace, pod) {
    if (state.abort) state.abort.abort();
    resetView();
    const run = state.run;
    const abort = new AbortController();
    state.abort = abort;
    state.running = true;
    state.startedAt = performance.now();
    $('start').disabled = true;
    setRunState('running', 'running');
    addProgress(`asking the council about ${namespace}/${pod}`);
    $('placeholder-text').textContent = `The council is analysing ${namespace}/${pod}: the verdict appears here once `
      + 'its agents have voted.';
    let finished = false;
    const onEvent = (msg) => {
      if (run !== state.run || finished) return;
      if (msg.error) {
        finished = finish(run, 'failed', msg.error.message || 'the orchestrator returned an error');
        return;
      }
      const r = msg.result || {};
      if (r.contextId) state.contextId = r.contextId;
      if (r.kind === 'task' || r.kind === 'status-update') {
        const st = r.status ? r.status.state : '';
        const text = r.status && r.status.message ? textOf(r.status.message.parts) : '';
        for (const a of r.artifacts || []) showVerdictFrom(a.parts);
        if (text && !TERMINAL.has(st)) addProgress(text);
        if (r.final || TERMINAL.has(st)) finished = finish(run, st || 'completed', text);
      } else if (r.kind === 'artifact-update') {
        showVerdictFrom(r.artifact ? r.artifact.parts : []);
      } else if (r.kind === 'message') {
        const text = textOf(r.parts);
        if (text) addProgress(text);
      }
    };
    try {
      const message = {
        kind: 'message', role: 'user', messageId: uuid(),
        parts: [{ kind: 'data', data: { namespace, podName: pod }, metadata: { kind: KIND_TARGET } }],
      };
      const res = await post(rpc('message/stream', message), 'text/event-stream', abort.signal);
      if ((res.headers.get('Content-Type') || '').includes('text/event-stream')) {
        await readSse(res.body, onEvent);
      } else {
        onEvent(await res.json());
      }
      if (!finished && run === state.run) finish(run, 'failed', 'the stream ended before the analysis finished');
    } catch (e) {
      if (run === state.run && !finished && e.name !== 'AbortError') {
        finish(run, 'failed', `the connection to the orchestrator failed: ${e.message}`);
      }
    }
  }

  // ---------------------------------------------------------------- history

  const HISTORY_URL = new URL('../api/v1/history/analyses', window.location.href).href;

  async function getJson(url) {
    const headers = { Accept: 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(url, { headers });
    if (res.status === 401) {
      // The token field appears when an analysis is started, as for the A2A calls; not on a mere look.
      throw new Error('this council requires its bearer token: start an analysis with it to see the history');
    }
    let body = {};
    try { body = await res.json(); } catch (e) { /* an empty or non-JSON error */ }
    if (!res.ok) throw new Error(body.error || `the orchestrator answered HTTP ${res.status}`);
    return body;
  }

  function fmtDuration(ms) {
    return ms >= 60000 ? `${Math.round(ms / 60000)} min` : `${(ms / 1000).toFixed(1)} s`;
  }

  function fmtWhen(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  }

  function fmtBytes(n) {
    return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`;
  }

  /** What is kept, for how long and in how much space; and whether writes wait for the database. */
  async function loadHistoryOverview() {
    const note = $('history-store');
    try {
      const o = await getJson(new URL('../api/v1/history', window.location.href).href);
      const parts = [`${o.analyses} ${o.analyses === 1 ? 'analysis' : 'analyses'}`, `kept ${o.retentionDays} days`];
      if (o.sizeBytes !== undefined) parts.push(fmtBytes(o.sizeBytes));
      note.textContent = parts.join(' · ');
      note.title = o.database;
      renderFixLoops(o.fixLoops || []);
      if (!o.available) {
        note.textContent += ` · the database is unavailable (${o.pendingWrites} waiting to be written): ${o.problem || ''}`;
        note.classList.add('warn');
      } else {
        note.classList.remove('warn');
      }
    } catch (e) {
      note.textContent = '';
    }
  }

  /** Per service: how long from a rollback to its issue, to a pull request, to a verified fix. */
  function renderFixLoops(loops) {
    const box = $('fix-loops');
    if (!box) return;
    clear(box);
    for (const l of loops) {
      const row = el('li', 'fix-loop');
      row.append(el('strong', null, `${l.namespace}/${l.rollout}`), ' ', el('span', 'muted', l.text));
      box.append(row);
    }
  }

  async function loadHistory() {
    const query = new URLSearchParams({ limit: '20' });
    for (const name of ['namespace', 'rollout', 'decision']) {
      const value = $(`history-${name}`).value.trim();
      if (value) query.set(name, value);
    }
    const list = $('history');
    try {
      const page = await getJson(`${HISTORY_URL}?${query}`);
      clear(list);
      $('history-count').textContent = page.total ? `${page.total} kept` : '';
      loadHistoryOverview();
      $('history-status').hidden = page.analyses.length > 0;
      $('history-status').textContent = 'No analysis matches.';
      for (const a of page.analyses) {
        const item = el('button', 'history-item');
        item.type = 'button';
        item.dataset.id = a.id;
        const head = el('span', 'history-head');
        head.append(pill(a.decision, lower(a.decision)), el('span', 'history-conf', `${a.confidence}%`),
          el('span', 'history-target', `${a.namespace}/${a.rollout} ${a.canaryHash}`));
        const meta = el('span', 'history-meta',
          `${fmtWhen(a.decidedAt)} · ${a.requester} · ${fmtDuration(a.durationMs)}`
          + (a.outcome ? ` · then ${lower(a.outcome).replace('_', ' ')}` : ''));
        item.append(head, meta);
        if (a.issueTitle) item.append(el('span', 'history-issue', a.issueTitle));
        item.addEventListener('click', () => openAnalysis(a.id));
        const li = el('li');
        li.append(item);
        list.append(li);
      }
    } catch (e) {
      clear(list);
      $('history-count').textContent = '';
      $('history-status').hidden = false;
      $('history-status').textContent = `The history is unavailable: ${e.message}`;
    }
  }

  /** Shows a past analysis as it was decided: the verdict, its evidence and its progress lines. */
  async function openAnalysis(id) {
    if (state.abort) state.abort.abort();
    resetView();
    const run = state.run;
    try {
      const a = await getJson(`${HISTORY_URL}/${encodeURIComponent(id)}`);
      if (run !== state.run) return;
      window.history.replaceState(null, '', `?${new URLSearchParams({ analysis: id })}`);
      $('progress-empty').hidden = a.progress.length > 0;
      const started = new Date(a.startedAt).getTime();
      for (const p of a.progress) {
        const li = el('li');
        li.append(el('span', 't', `${((new Date(p.at).getTime() - started) / 1000).toFixed(1)}s`), el('span', 'm', p.text));
        $('progress').append(li);
      }
      state.verdict = a.verdict;
      renderVerdict(a.verdict);
      renderTemplates(a.verdict);
      renderMetricSummaries(a.verdict);
      setRunState('completed', `kept · ${fmtWhen(a.decidedAt)}`);
      // A conversation of its own about the kept analysis; the charts come through it too.
      state.contextId = uuid();
      setChatEnabled(true);
      loadMetricSeries(run);
    } catch (e) {
      if (run !== state.run) return;
      setRunState('failed', 'failed');
      $('start-error').textContent = `Cannot open analysis ${id}: ${e.message}`;
      $('start-error').hidden = false;
    }
  }

  function finish(run, st, text) {
    if (run !== state.run) return true;
    state.running = false;
    $('start').disabled = false;
    // The history is written just after the verdict; list it once it is there.
    setTimeout(loadHistory, 800);
    if (st === 'completed') {
      setRunState('completed', 'done');
      addProgress(state.verdict ? `verdict: ${state.verdict.decision} (${state.verdict.confidence}%)` : 'finished');
      if (state.contextId && state.verdict) {
        setChatEnabled(true);
        loadMetricSeries(run);
      }
    } else {
      setRunState(st, st);
      const why = text || `the analysis ended ${st}`;
      addProgress(why);
      $('progress').lastChild.classList.add('problem');
      if (!state.verdict) $('placeholder-text').textContent = 'No verdict: the analysis did not finish (see why above).';
      const line = $('start-error');
      line.textContent = `The analysis ${st === 'rejected' ? 'was rejected' : 'failed'}: ${why}`;
      line.hidden = false;
    }
    return true;
  }

  function showVerdictFrom(parts) {
    const verdict = dataOf(parts, KIND_VERDICT);
    if (!verdict) return;
    state.verdict = verdict;
    renderVerdict(verdict);
    renderTemplates(verdict);
    renderMetricSummaries(verdict);
  }

  // ---------------------------------------------------------------- verdict

  function pill(text, cls) {
    return el('span', `pill ${cls || ''}`.trim(), text);
  }

  function meter(value, cls) {
    const m = el('div', `meter ${cls || ''}`.trim());
    const bar = el('span');
    bar.style.width = `${Math.max(0, Math.min(100, Number(value) || 0))}%`;
    m.append(bar);
    return m;
  }

  function section(title, ...children) {
    const s = el('div', 'section');
    s.append(el('h3', null, title), ...children);
    return s;
  }

  function fmtWindow(w) {
    if (!w || !w.start || !w.end) return '';
    const a = new Date(w.start);
    const b = new Date(w.end);
    if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${w.start} – ${w.end}`;
    const day = (d) => d.toISOString().slice(0, 10);
    const hm = (d) => d.toISOString().slice(11, 16);
    return day(a) === day(b) ? `${day(a)} ${hm(a)}–${hm(b)} UTC` : `${day(a)} ${hm(a)} – ${day(b)} ${hm(b)} UTC`;
  }

  function subjectItem(label, value) {
    const span = el('span');
    span.append(`${label} `, el('b', null, value));
    return span;
  }

  function renderVerdict(v) {
    const root = $('verdict');
    clear(root);
    const decision = String(v.decision || 'INCONCLUSIVE');
    const dcls = lower(decision);

    const head = el('div', 'verdict-head');
    const badge = el('div', `decision ${dcls}`, decision);
    badge.id = 'decision';
    const conf = el('div', 'confidence');
    const num = el('span', 'num', `${v.confidence}%`);
    num.id = 'confidence';
    conf.append(num, el('span', 'lbl', 'confidence'), meter(v.confidence, dcls));
    head.append(badge, conf);
    root.append(head);

    const s = v.subject || {};
    const subject = el('div', 'subject');
    if (s.namespace || s.rollout) subject.append(subjectItem('rollout', [s.namespace, s.rollout].filter(Boolean).join('/')));
    if (s.canaryHash) subject.append(subjectItem('canary', s.canaryHash));
    if (s.stableHash) subject.append(subjectItem('stable', s.stableHash));
    if (s.window) subject.append(subjectItem('window', fmtWindow(s.window)));
    root.append(subject);

    const analysis = v.analysis || v.rationale;
    if (analysis) {
      const p = el('p', 'analysis', analysis);
      p.id = 'analysis';
      root.append(section('Analysis', p));
    }

    const facts = el('dl', 'facts');
    const fact = (label, value, cls, id) => {
      if (!value) return;
      const dd = el('dd', cls, value);
      if (id) dd.id = id;
      facts.append(el('dt', null, label), dd);
    };
    fact('Root cause', v.rootCause, 'root-cause', 'root-cause');
    fact('Remediation', v.remediation, null, 'remediation');
    if (facts.firstChild) root.append(section('Cause and next step', facts));

    // What no member could see comes before the votes: a verdict reached without it is weaker than it looks.
    const unseen = [];
    for (const f of v.findings || []) {
      for (const b of f.blindSpots || []) unseen.push({ agent: f.agent, spot: b });
    }
    if (unseen.length) {
      const list = el('ul', 'failures');
      list.id = 'blind-spots';
      for (const u of unseen) {
        const li = el('li', null, `${u.spot.subject}: ${u.spot.detail} (${u.agent})`);
        for (const sample of (u.spot.samples || []).slice(0, 2)) li.append(el('code', 'sample', sample));
        list.append(li);
      }
      root.append(section('Not seen', list));
    }

    const votes = el('ul', 'votes');
    votes.id = 'votes';
    for (const f of v.findings || []) votes.append(renderVote(f));
    if (votes.firstChild) root.append(section('Votes', votes));

    if ((v.failures || []).length) {
      const list = el('ul', 'failures');
      list.id = 'failures';
      for (const f of v.failures) list.append(el('li', null, `${f.agent}: ${f.reason}`));
      root.append(section('Agents without a finding', list));
    }

    if (v.issue) root.append(section('Remediation issue', renderIssue(v.issue)));
    if ((v.verifications || []).length || (v.verificationNotes || []).length) {
      root.append(section('Earlier issues checked', renderVerifications(v.verifications || [], v.verificationNotes)));
    }

    if (v.rationale && v.rationale !== analysis) {
      const d = el('details');
      d.append(el('summary', null, 'How the votes were weighed'), el('p', 'rationale', v.rationale));
      root.append(d);
    }

    const meta = [];
    if (v.mode) meta.push(`mode: ${v.mode}`);
    if (Number.isFinite(v.durationMs)) meta.push(`took ${(v.durationMs / 1000).toFixed(1)} s`);
    if (v.analysisId) meta.push(`analysis ${v.analysisId}`);
    if (meta.length) {
      const p = el('p', 'muted', meta.join(' · '));
      p.classList.add('section');
      root.append(p);
    }

    $('placeholder').hidden = true;
    $('verdict-card').hidden = false;
    document.querySelector('.layout').classList.add('has-verdict');
  }

  function renderVote(f) {
    const li = el('li');
    li.dataset.agent = f.agent;
    const row = el('div', 'vote-row');
    const conf = el('span', 'conf');
    conf.append(meter(f.confidence, lower(f.verdict)), el('span', 'conf-num', `${f.confidence}%`));
    row.append(el('span', 'agent', f.agent), pill(f.verdict, `vote ${lower(f.verdict)}`), conf);
    li.append(row);
    if (f.summary) li.append(el('p', 'vote-summary', f.summary));

    const r = f.review;
    if (r) {
      const box = el('div', 'review');
      box.append(el('span', 'who', `Model review${r.model ? ` (${r.model})` : ''}: `));
      if (r.status === 'ANSWERED') {
        box.append(pill(r.verdict, lower(r.verdict)), ` ${r.confidence}%`);
        if (r.reasoning) box.append(el('div', null, r.reasoning));
        if (r.rootCause && r.rootCause !== 'none') box.append(el('div', 'muted', `root cause: ${r.rootCause}`));
      } else {
        box.append(`${lower(r.status).replace('_', ' ')}${r.detail ? ` (${r.detail})` : ''}`);
      }
      li.append(box);
    }

    const evidence = f.evidence || [];
    if (evidence.length || (f.notes || []).length) {
      const d = el('details');
      d.append(el('summary', null, `Evidence (${evidence.length})`));
      const list = el('ul', 'evidence');
      for (const e of evidence) {
        const item = el('li');
        item.append(pill(lower(e.severity || 'info'), `sev-${lower(e.severity)}`), el('span', null, e.description || e.kind));
        list.append(item);
      }
      for (const n of f.notes || []) {
        const item = el('li');
        item.append(pill('note'), el('span', null, n));
        list.append(item);
      }
      d.append(list);
      li.append(d);
    }
    return li;
  }

  /** A link to a web page elsewhere, opened apart from this one; for anything but http(s), the plain text. */
  function externalLink(url, text, plain) {
    if (!/^https?:\/\//i.test(url || '')) return plain;
    const a = el('a', null, text);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function renderIssue(issue) {
    const box = el('div', 'issue');
    box.id = 'issue';
    const title = el('div', 'title');
    title.append(externalLink(issue.url, issue.title || issue.url, issue.title || '(untitled)'));
    box.append(title);
    const detail = el('div', 'detail');
    if (issue.state) detail.append(pill(issue.state), ' ');
    if (issue.detail) detail.append(issue.detail);
    if ((issue.labels || []).length) detail.append(` · labels: ${issue.labels.join(', ')}`);
    box.append(detail);
    return box;
  }

  /** What this canary says about each open remediation issue of its service. */
  function renderVerifications(list, notes) {
    const box = el('div', 'verifications');
    const ul = el('ul', 'verifications');
    ul.id = 'verifications';
    const look = { FAILED: 'rollback', VERIFIED: 'promote', TOO_LITTLE_TRAFFIC: 'inconclusive', NOT_CHECKED: 'inconclusive' };
    for (const v of list) {
      const li = el('li', 'issue');
      const title = el('div', 'title');
      title.append(pill(lower(v.outcome).replace(/_/g, ' '), look[v.outcome] || ''), ' ', externalLink(v.issueUrl, v.issueUrl, v.issueUrl));
      li.append(title, el('div', 'detail', v.text));
      const prs = v.pullRequests || [];
      if (prs.length) {
        const pl = el('ul', 'pull-requests');
        for (const p of prs) {
          const item = el('li', p.underTest ? 'pull-request under-test' : 'pull-request');
          item.append(externalLink(p.url, '#' + p.number + ' ' + p.title, '#' + p.number + ' ' + p.title), ' ',
            el('span', 'muted', lower(p.state) + (p.mergeCommit ? ' as ' + p.mergeCommit.slice(0, 7) : '')));
          if (p.underTest) item.append(' ', pill('fix under test', 'promote'));
          pl.append(item);
        }
        li.append(pl);
      }
      ul.append(li);
    }
    box.append(ul);
    for (const n of notes || []) box.append(el('div', 'detail muted note', n));
    return box;
  }

  // ---------------------------------------------------------------- charts: common

  function registerChart(node, draw) {
    const chart = { node, draw, width: 0 };
    state.charts.push(chart);
    redraw(chart);
  }

  function redraw(chart) {
    const width = Math.floor(chart.node.clientWidth);
    if (!width || width === chart.width) return;
    chart.width = width;
    clear(chart.node);
    chart.draw(chart.node, Math.max(220, width));
  }

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      state.charts = state.charts.filter((c) => c.node.isConnected);
      state.charts.forEach(redraw);
    }, 120);
  });

  function legend(canaryLabel, stableLabel) {
    const l = el('div', 'legend');
    const item = (cls, text) => {
      const s = el('span', cls);
      s.append(el('i'), text);
      return s;
    };
    l.append(item('canary', canaryLabel), item('stable', stableLabel));
    return l;
  }

  function truncate(text, max) {
    const s = String(text || '');
    return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
  }

  /** Scale and suffix for a unit, chosen from the largest magnitude shown. */
  function unitScale(unit, maxAbs) {
    switch (unit) {
      case 's':
        return maxAbs < 1 ? { f: 1000, suffix: 'ms' } : { f: 1, suffix: 's' };
      case 'bytes': {
        const units = [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];
        for (const [suffix, size] of units) if (maxAbs >= size) return { f: 1 / size, suffix };
        return { f: 1, suffix: 'B' };
      }
      case 'ratio':
        return { f: 100, suffix: '%' };
      default:
        return { f: 1, suffix: unit || '' };
    }
  }

  function fmtScaled(value, scale) {
    const v = value * scale.f;
    const abs = Math.abs(v);
    const digits = abs === 0 ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
    return `${v.toFixed(digits)}${scale.suffix ? ` ${scale.suffix}` : ''}`;
  }

  function niceStep(range, count) {
    const raw = range / Math.max(1, count);
    const mag = 10 ** Math.floor(Math.log10(raw));
    const n = raw / mag;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
  }

  // ---------------------------------------------------------------- charts: log templates

  function templateEvidence(v) {
    const seen = new Map();
    for (const f of v.findings || []) {
      for (const e of f.evidence || []) {
        if (e.kind !== 'log-template') continue;
        const key = `${e.template}@${e.location || ''}`;
        if (!seen.has(key)) seen.set(key, e);
      }
    }
    const rank = { CRITICAL: 3, ERROR: 2, WARNING: 1, INFO: 0 };
    const rate = (count, total) => (total > 0 ? (count / total) * 1000 : 0);
    return Array.from(seen.values()).map((e) => ({
      e, canary: rate(e.canaryCount, e.canaryTotal), stable: rate(e.stableCount, e.stableTotal),
    })).sort((a, b) => (rank[b.e.severity] || 0) - (rank[a.e.severity] || 0) || b.canary - a.canary)
      .slice(0, MAX_TEMPLATES);
  }

  function renderTemplates(v) {
    const card = $('templates-card');
    const box = $('templates-chart');
    clear(box);
    card.hidden = false;
    const rows = templateEvidence(v);
    if (!rows.length) {
      box.append(el('p', 'muted', 'No log template stood out: nothing new on the canary, and nothing significantly more frequent than on the stable.'));
      return;
    }
    const first = rows[0].e;
    box.append(legend(`canary (${first.canaryTotal} records)`, `stable (${first.stableTotal} records)`));
    const plot = el('div', 'chart');
    box.append(plot);
    registerChart(plot, (node, width) => drawTemplates(node, width, rows));
    // From the controller's second call on: each template's evidence over the calls, against its boundary.
    for (const { e } of rows.filter((r) => r.e.sequential && (r.e.sequential.points || []).length > 1)
      .slice(0, MAX_TEMPLATE_TRACES)) {
      const seq = el('div', 'chart sequential-chart template-trace');
      seq.dataset.template = e.template;
      box.append(el('p', 'trace-title', truncate(e.template, 120)), seq,
        el('p', 'note', `evidence, call by call, that the canary logs this more often than the stable; `
          + `an always-valid test would decide at ${fmtScaled(e.sequential.boundary, { f: 1, suffix: '' })}`));
      registerChart(seq, (node, width) => drawTrace(node, width, truncate(e.template, 60), e.sequential));
    }
  }

  function fmtRate(r) {
    return r === 0 ? '0' : r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
  }

  function rateLabel(value, count, total) {
    return `${fmtRate(value)} per 1k (${count} of ${total})`;
  }

  function drawTemplates(node, width, rows) {
    const sideW = 50;
    // Room for the longest value label beside its bar (about 6.2 px a character at 11 px).
    const longest = Math.max(...rows.flatMap((r) => [
      rateLabel(r.canary, r.e.canaryCount, r.e.canaryTotal).length,
      rateLabel(r.stable, r.e.stableCount, r.e.stableTotal).length]));
    const valueW = Math.min(width * 0.5, longest * 6.2 + 10);
    const barMax = Math.max(40, width - sideW - valueW);
    const barH = 12;
    const max = Math.max(...rows.map((r) => Math.max(r.canary, r.stable)), 1e-9);
    const maxChars = Math.max(16, Math.floor(width / 7.3));
    const parts = [];
    let y = 0;
    rows.forEach((row, i) => {
      const e = row.e;
      const g = svgEl('g', { class: 'tpl-row', 'data-index': i });
      g.append(svgEl('title', {}, `${e.template}\ncanary ${e.canaryCount} of ${e.canaryTotal} records, `
        + `stable ${e.stableCount} of ${e.stableTotal}${e.location ? `\nat ${e.location}` : ''}`));
      g.append(svgEl('text', { class: 'tpl-label', x: 0, y: y + 12 }, truncate(e.template, maxChars)));
      y += 20;
      for (const side of ['canary', 'stable']) {
        const value = row[side];
        const count = side === 'canary' ? e.canaryCount : e.stableCount;
        const total = side === 'canary' ? e.canaryTotal : e.stableTotal;
        const w = value > 0 ? Math.max(2, (value / max) * barMax) : 0;
        g.append(svgEl('text', { class: 'tick', x: 0, y: y + barH - 2 }, side));
        g.append(svgEl('rect', { class: `bar ${side}-bar`, x: sideW, y, width: w.toFixed(1), height: barH, rx: 2,
          'data-side': side, 'data-value': value.toFixed(3) }));
        g.append(svgEl('text', { class: 'val', x: sideW + w + 6, y: y + barH - 2 }, rateLabel(value, count, total)));
        y += barH + 4;
      }
      y += 12;
      parts.push(g);
    });
    const height = y - 8;
    const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': 'Log templates: canary against stable occurrences per 1,000 records' });
    svg.append(svgEl('line', { class: 'axis', x1: sideW - 0.5, x2: sideW - 0.5, y1: 18, y2: height }), ...parts);
    node.append(svg);
  }

  // ---------------------------------------------------------------- charts: metrics

  function metricEvidence(v) {
    const seen = new Map();
    for (const f of v.findings || []) {
      for (const e of f.evidence || []) {
        if (e.kind === 'promql' && e.metric && !seen.has(e.metric)) seen.set(e.metric, e);
      }
    }
    const rank = { CRITICAL: 3, ERROR: 2, WARNING: 1, INFO: 0 };
    return Array.from(seen.values()).map((e, i) => ({ e, i }))
      .sort((a, b) => (rank[b.e.severity] || 0) - (rank[a.e.severity] || 0) || a.i - b.i)
      .slice(0, MAX_METRIC_CHARTS).map((x) => x.e);
  }

  /** The result word of a metric's description ("latency-p99 PASS: ..."), else its severity. */
  function resultWord(e) {
    const m = /^\S+\s+([A-Z][A-Z_]+):/.exec(e.description || '');
    return m ? m[1] : String(e.severity || '');
  }

  function renderMetricSummaries(v) {
    const grid = $('metric-charts');
    clear(grid);
    const metrics = metricEvidence(v);
    $('metrics-card').hidden = metrics.length === 0;
    $('metrics-hint').textContent = 'summary values over the analysis window';
    for (const e of metrics) {
      const box = el('div', 'metric');
      box.dataset.metric = e.metric;
      const title = el('div', 'metric-title');
      const word = resultWord(e);
      const sev = lower(e.severity);
      title.append(el('h3', null, e.metric), pill(word, sev === 'info' ? 'promote' : `sev-${sev}`));
      const plot = el('div', 'chart plot');
      const note = el('p', 'note', 'summary values over the analysis window');
      box.append(title, plot, note, el('p', 'caption', e.description || ''));
      grid.append(box);
      registerChart(plot, (node, width) => drawSummary(node, width, e));
      const trace = e.sequential;
      if (trace && Array.isArray(trace.points) && trace.points.length) {
        const seq = el('div', 'chart sequential-chart');
        box.append(seq, el('p', 'note', `evidence that the canary is worse, step by step since it started; `
          + `it decides at ${fmtScaled(trace.boundary, { f: 1, suffix: '' })} whenever a call reads it`));
        registerChart(seq, (node, width) => drawTrace(node, width, e.metric, trace));
      }
    }
  }

  /** A sequential test's evidence (log scale) over the canary's steps, against the boundary where it decides. */
  function drawTrace(node, width, metric, trace) {
    const height = 120;
    const pad = { l: 62, r: 18, t: 10, b: 24 };
    const pts = trace.points
      .map((p) => [Date.parse(p.at) / 1000, Math.log10(Math.max(p.evidence, 1e-6))])
      .filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (!pts.length) return;
    const bound = Math.log10(trace.boundary);
    let x0 = pts[0][0];
    let x1 = pts[pts.length - 1][0];
    if (x1 === x0) { x0 -= 60; x1 += 60; }
    const y0 = Math.min(-1, ...pts.map((p) => p[1]));
    const y1 = Math.max(bound + 0.5, ...pts.map((p) => Math.min(p[1], bound * 3)));
    const plotW = width - pad.l - pad.r;
    const plotH = height - pad.t - pad.b;
    const sx = (t) => pad.l + ((t - x0) / (x1 - x0)) * plotW;
    const sy = (v) => pad.t + (1 - (Math.min(v, y1) - y0) / (y1 - y0)) * plotH;
    const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': `${metric}: evidence of harm against the boundary ${trace.boundary}` });
    for (const v of [0, bound]) {
      svg.append(svgEl('line', { class: v === 0 ? 'grid' : 'boundary', x1: pad.l, x2: width - pad.r, y1: sy(v), y2: sy(v) }));
      svg.append(svgEl('text', { class: 'tick', x: pad.l - 6, y: sy(v) + 3.5, 'text-anchor': 'end' },
        v === 0 ? 'none' : `×${fmtScaled(trace.boundary, { f: 1, suffix: '' })}`));
    }
    svg.append(svgEl('line', { class: 'axis', x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH }));
    svg.append(svgEl('text', { class: 'tick', x: pad.l, y: height - 6 }, fmtTime(x0)));
    svg.append(svgEl('text', { class: 'tick', x: width - pad.r, y: height - 6, 'text-anchor': 'end' }, fmtTime(x1)));
    svg.append(svgEl('polyline', { class: 'canary-line trace-line',
      points: pts.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(' ') }));
    // A dot per look when there are few, so calls made close together still show.
    if (pts.length <= 60) {
      for (const p of pts) {
        svg.append(svgEl('circle', { class: 'trace-dot', cx: sx(p[0]).toFixed(1), cy: sy(p[1]).toFixed(1), r: 2.5 }));
      }
    }
    node.append(svg);
  }

  function drawSummary(node, width, e) {
    const m = /canary (.+?) vs stable (.+?)(?: \(|;|$)/.exec(e.description || '');
    const values = { canary: e.canaryValue, stable: e.stableValue };
    const labels = {
      canary: m ? m[1] : values.canary == null ? 'no data' : fmtScaled(values.canary, { f: 1, suffix: '' }),
      stable: m ? m[2] : values.stable == null ? 'no data' : fmtScaled(values.stable, { f: 1, suffix: '' }),
    };
    const sideW = 50;
    const valueW = Math.min(width * 0.5, Math.max(labels.canary.length, labels.stable.length) * 6.2 + 10);
    const barMax = Math.max(40, width - sideW - valueW);
    const max = Math.max(Math.abs(values.canary || 0), Math.abs(values.stable || 0), 1e-12);
    const barH = 16;
    const svg = svgEl('svg', { viewBox: `0 0 ${width} 48`, width, height: 48, role: 'img',
      'aria-label': `${e.metric}: canary ${labels.canary}, stable ${labels.stable}` });
    ['canary', 'stable'].forEach((side, i) => {
      const y = 2 + i * (barH + 8);
      const value = values[side];
      const w = value ? Math.max(2, (Math.abs(value) / max) * barMax) : 0;
      svg.append(svgEl('text', { class: 'tick', x: 0, y: y + barH - 4 }, side));
      svg.append(svgEl('rect', { class: `bar ${side}-bar`, x: sideW, y, width: w.toFixed(1), height: barH, rx: 2 }));
      svg.append(svgEl('text', { class: 'val', x: sideW + w + 6, y: y + barH - 4 }, labels[side]));
    });
    node.append(svg);
  }

  function hasSeries(data) {
    return data && Array.isArray(data.canary) && Array.isArray(data.stable)
      && (data.canary.length + data.stable.length) > 1;
  }

  async function loadMetricSeries(run) {
    const boxes = Array.from($('metric-charts').querySelectorAll('.metric'));
    if (!boxes.length) return;
    $('metrics-hint').textContent = 'loading the series…';
    let drawn = 0;
    await Promise.all(boxes.map(async (box) => {
      const metric = box.dataset.metric;
      const note = box.querySelector('.note');
      note.textContent = 'loading the series…';
      let data = null;
      try {
        data = await compare(metric);
        // The question grammar reads words; "memory-growth" may be taken as "memory", so ask again in words.
        if (!data && /[-_]/.test(metric)) data = await compare(metric, metric.replace(/[-_]+/g, ' '));
      } catch (e) {
        data = null;
      }
      if (run !== state.run) return;
      if (data) {
        showSeries(box, data);
        drawn += 1;
      } else {
        note.textContent = 'no series available: summary values over the analysis window';
      }
    }));
    if (run === state.run) {
      $('metrics-hint').textContent = drawn ? 'stable and canary over the analysis window, UTC' : 'summary values over the analysis window';
    }
  }

  /** The series of one metric from a "compare" question, or null when the answer has none for exactly that metric. */
  async function compare(metric, words) {
    const reply = await ask(`compare ${words || metric}`);
    const data = reply.ok && reply.answer ? reply.answer.data : null;
    return hasSeries(data) && data.metric === metric ? data : null;
  }

  function showSeries(box, data) {
    const old = box.querySelector('.plot');
    const plot = el('div', 'chart plot');
    old.replaceWith(plot);
    const note = box.querySelector('.note');
    clear(note);
    note.append(legend('canary', 'stable'));
    registerChart(plot, (node, width) => drawSeries(node, width, data));
  }

  function fmtTime(t) {
    return new Date(t * 1000).toISOString().slice(11, 16);
  }

  function drawSeries(node, width, data) {
    const height = Math.round(Math.min(220, Math.max(160, width * 0.42)));
    const pad = { l: 62, r: 18, t: 10, b: 34 };
    const all = data.canary.concat(data.stable).filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (!all.length) {
      node.append(el('p', 'muted', 'no data points'));
      return;
    }
    let x0 = Math.min(...all.map((p) => p[0]));
    let x1 = Math.max(...all.map((p) => p[0]));
    if (x1 === x0) { x0 -= 60; x1 += 60; }
    let y0 = Math.min(...all.map((p) => p[1]));
    let y1 = Math.max(...all.map((p) => p[1]));
    if (y0 >= 0 && y0 < y1 * 0.5) y0 = 0;
    if (y1 === y0) { const d = Math.abs(y1) * 0.1 || 1; y0 -= d; y1 += d; }
    const scale = unitScale(data.unit, Math.max(Math.abs(y0), Math.abs(y1)));
    const step = niceStep((y1 - y0) * scale.f, 4) / scale.f;
    y0 = Math.floor(y0 / step) * step;
    y1 = Math.ceil(y1 / step) * step;
    const plotW = width - pad.l - pad.r;
    const plotH = height - pad.t - pad.b;
    const sx = (t) => pad.l + ((t - x0) / (x1 - x0)) * plotW;
    const sy = (v) => pad.t + (1 - (v - y0) / (y1 - y0)) * plotH;

    const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': `${data.metric}: canary and stable over time` });
    const decimals = Math.max(0, -Math.floor(Math.log10(step * scale.f) + 1e-9));
    for (let v = y0, i = 0; v <= y1 + step / 2 && i < 12; v += step, i += 1) {
      const y = sy(v);
      svg.append(svgEl('line', { class: 'grid', x1: pad.l, x2: width - pad.r, y1: y, y2: y }));
      svg.append(svgEl('text', { class: 'tick', x: pad.l - 6, y: y + 3.5, 'text-anchor': 'end' },
        (v * scale.f).toFixed(decimals)));
    }
    const steps = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
    const maxTicks = Math.max(2, Math.floor(plotW / 70));
    const tStep = steps.find((s) => (x1 - x0) / s <= maxTicks) || 86400;
    for (let t = Math.ceil(x0 / tStep) * tStep; t <= x1; t += tStep) {
      const x = sx(t);
      svg.append(svgEl('line', { class: 'axis', x1: x, x2: x, y1: pad.t + plotH, y2: pad.t + plotH + 4 }));
      svg.append(svgEl('text', { class: 'tick', x, y: pad.t + plotH + 15, 'text-anchor': 'middle' }, fmtTime(t)));
    }
    svg.append(svgEl('line', { class: 'axis', x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH }));
    svg.append(svgEl('line', { class: 'axis', x1: pad.l, x2: pad.l, y1: pad.t, y2: pad.t + plotH }));
    svg.append(svgEl('text', { class: 'axis-title', x: pad.l + plotW / 2, y: height - 3, 'text-anchor': 'middle' }, 'time (UTC)'));
    const yTitle = `${data.metric}${scale.suffix ? ` (${scale.suffix})` : ''}`;
    svg.append(svgEl('text', { class: 'axis-title', x: 0, y: 0, 'text-anchor': 'middle',
      transform: `translate(11 ${pad.t + plotH / 2}) rotate(-90)` }, yTitle));
    for (const side of ['stable', 'canary']) {
      const pts = data[side].filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (pts.length === 1) {
        svg.append(svgEl('circle', { class: `${side}-bar`, cx: sx(pts[0][0]), cy: sy(pts[0][1]), r: 3 }));
      } else if (pts.length > 1) {
        svg.append(svgEl('polyline', { class: `${side}-line`, 'data-side': side,
          points: pts.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(' ') }));
      }
    }
    node.append(svg);
  }

  // ---------------------------------------------------------------- chat

  function setChatEnabled(on) {
    $('chat-input').disabled = !on;
    $('chat-send').disabled = !on;
    $('chat-input').placeholder = on ? 'Ask about this analysis, e.g. why was it rolled back?' : 'Run an analysis first';
  }

  async function sendQuestion(question) {
    const run = state.run;
    const log = $('chat-log');
    $('chat-empty').hidden = true;
    const asked = el('li', 'question', question);
    log.append(asked);
    const reply = el('li', 'answer pending', 'thinking…');
    log.append(reply);
    log.scrollTop = log.scrollHeight;
    $('chat-send').disabled = true;
    let result;
    try {
      result = await ask(question);
    } catch (e) {
      result = { ok: false, text: `could not reach the orchestrator: ${e.message}` };
    }
    if (run !== state.run) return;
    clear(reply);
    reply.className = result.ok ? 'answer' : 'answer error';
    const answer = result.answer;
    if (answer && answer.intent) reply.append(el('div', 'intent', answer.intent));
    reply.append(el('pre', null, result.text || '(no answer)'));
    if (result.ok && answer && answer.intent === 'compare' && hasSeries(answer.data)) {
      reply.append(legend('canary', 'stable'));
      const plot = el('div', 'chart');
      reply.append(plot);
      registerChart(plot, (node, width) => drawSeries(node, width, answer.data));
      const box = Array.from($('metric-charts').querySelectorAll('.metric'))
        .find((b) => b.dataset.metric === answer.data.metric);
      if (box && !box.querySelector('polyline')) showSeries(box, answer.data);
    }
    // Long answers: show the question and the start of its answer, not the answer's last lines.
    log.scrollTop = Math.max(0, asked.offsetTop - log.offsetTop - 8);
    $('chat-send').disabled = false;
    $('chat-input').focus();
  }

  // ---------------------------------------------------------------- wiring

  function init() {
    const params = new URLSearchParams(window.location.search);
    $('namespace').value = params.get('namespace') || '';
    $('pod').value = params.get('pod') || params.get('podName') || '';
    setRunState('idle', 'idle');

    $('start-form').addEventListener('submit', (event) => {
      const typed = $('token').value.trim();
      if (typed) {
        sessionStorage.setItem(TOKEN_KEY, typed);
        $('token').value = '';
      }
      event.preventDefault();
      const namespace = $('namespace').value.trim();
      const pod = $('pod').value.trim();
      if (!namespace || !pod) return;
      const query = new URLSearchParams({ namespace, pod });
      window.history.replaceState(null, '', `?${query}`);
      startAnalysis(namespace, pod);
    });

    $('history-form').addEventListener('submit', (event) => {
      event.preventDefault();
      loadHistory();
    });
    loadHistory();
    const analysis = params.get('analysis');
    if (analysis) openAnalysis(analysis);

    $('chat-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = $('chat-input');
      const question = input.value.trim();
      if (!question || !state.contextId || $('chat-send').disabled) return;
      input.value = '';
      sendQuestion(question);
    });
  }

  init();
})();
