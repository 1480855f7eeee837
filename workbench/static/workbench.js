// Sealroom reviewer workbench. Plain JS, no dependencies; talks only to this server.
"use strict";

const TOKEN = document.querySelector('meta[name="sealroom-token"]').content;
const TOKEN_RE = /\[[A-Z][A-Z0-9_]*_[0-9A-Za-z-]+\]/g;
const $ = (id) => document.getElementById(id);
const S = {
  batch: null, draft: { annotations: [], docs: {} }, doc: 0, texts: {}, page: 0,
  pending: null, current: null, problems: [], lease: null, leaseAt: 0,
  lastActive: Date.now(), lastRenew: Date.now(), saveTimer: null, findFrom: 0,
};

async function api(path, opts = {}) {
  const headers = { "X-Sealroom-Token": TOKEN, "Content-Type": "application/json" };
  const res = await fetch(path, { ...opts, headers, credentials: "same-origin" });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  return { ok: res.ok, status: res.status, body };
}

function el(tag, attrs = {}, ...kids) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) node.append(kid);
  return node;
}

// ---- the current document ---------------------------------------------------------
const docMeta = () => S.batch.docs[S.doc];
const docId = () => docMeta().doc_id;
const isPdf = () => docMeta().media_type === "application/pdf";
const text = () => S.texts[docId()] || "";
const docState = (id) => S.draft.docs[id] || (S.draft.docs[id] = { verdict: "", comment: "", flagged: false });
const docAnns = (id = docId()) => S.draft.annotations.filter((a) => a.doc_id === id).sort((a, b) => a.start - b.start || a.end - b.end);
const problemsFor = (pred) => S.problems.filter(pred);

async function openDoc(index, page = 0) {
  const target = Math.max(0, Math.min(index, S.batch.docs.length - 1));
  const id = S.batch.docs[target].doc_id;
  if (!(id in S.texts)) {  // load first, so keys pressed meanwhile act on the shown document
    const res = await api(`/api/doc/${encodeURIComponent(id)}/text`);
    S.texts[id] = res.ok ? res.body.text : "";
  }
  S.doc = target; S.page = page; S.pending = null; S.current = null; S.findFrom = 0;
  renderAll();
  document.body.dataset.doc = id;
}

// ---- rendering runs of text: tokens, annotations, the pending selection ------------
function runs(container, base, end) {
  const t = text();
  const cuts = new Set([base, end]);
  const anns = docAnns();
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  if (S.pending) { cuts.add(S.pending.start); cuts.add(S.pending.end); }
  const tokens = [];
  for (const m of t.slice(base, end).matchAll(TOKEN_RE)) {
    tokens.push([base + m.index, base + m.index + m[0].length]);
  }
  for (const [s, e] of tokens) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].filter((x) => x >= base && x <= end).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const span = el("span", { "data-start": s }, t.slice(s, e));
    const covering = anns.filter((a) => a.start <= s && e <= a.end);
    if (covering.length) {
      span.classList.add("ann");
      span.dataset.ann = covering.map((a) => a.id).join(" ");
      span.title = covering.map((a) => a.label).join(", ");
      if (covering.some((a) => a.id === S.current)) span.classList.add("current");
    }
    if (tokens.some(([ts, te]) => ts <= s && e <= te)) span.classList.add("token");
    if (S.pending && S.pending.start <= s && e <= S.pending.end) span.classList.add("pending");
    container.append(span);
  }
}

function renderViewer() {
  const viewer = $("viewer");
  viewer.replaceChildren();
  viewer.classList.toggle("pdf", isPdf());
  $("pager").hidden = !isPdf();
  if (!isPdf()) { runs(viewer, 0, text().length); return; }
  renderPage(viewer);
}

async function renderPage(viewer) {
  const meta = docMeta();
  $("page-no").textContent = `Page ${S.page + 1} of ${meta.pages}`;
  const base = `/api/doc/${encodeURIComponent(meta.doc_id)}/page/${S.page}`;
  const res = await api(`${base}/layer`);
  if (!res.ok) { viewer.textContent = "This page cannot be shown."; return; }
  const layer = res.body;
  const img = el("img", { src: `${base}.png`, alt: `Page ${S.page + 1} of ${meta.pages} (redacted image)` });
  const layerDiv = el("div", { class: "layer" });
  for (const line of layer.lines) {
    const span = el("span", { class: "line" });
    span.style.left = `${(100 * line.left) / layer.width}%`;
    span.style.top = `${(100 * line.top) / layer.height}%`;
    span.dataset.w = line.width; span.dataset.h = line.height;
    runs(span, line.start, line.start + line.text.length);
    layerDiv.append(span);
  }
  const page = el("div", { class: "page", "data-width": layer.width }, img, layerDiv);
  viewer.replaceChildren(page);
  const fit = () => fitLayer(page, layer.width);
  img.addEventListener("load", fit);
  if (img.complete) fit();
}

function fitLayer(page, width) {
  const scale = page.clientWidth / width;
  for (const span of page.querySelectorAll(".line")) {
    span.style.transform = "";
    span.style.fontSize = `${Math.max(1, span.dataset.h * scale * 0.9)}px`;
    const natural = span.scrollWidth || 1;
    span.style.transform = `scaleX(${(span.dataset.w * scale) / natural})`;
  }
}

function renderDocList() {
  const list = $("doc-list");
  list.replaceChildren();
  let done = 0, flagged = 0;
  S.batch.docs.forEach((d, i) => {
    const st = docState(d.doc_id);
    if (st.verdict) done++;
    if (st.flagged) flagged++;
    const state = st.flagged ? "⚑ flagged" : st.verdict ? "✓ done" : "○ to do";
    const errs = problemsFor((p) => p.doc_id === d.doc_id).length;
    const kind = d.media_type === "application/pdf" ? `PDF, ${d.pages} p.` : "text";
    const btn = el("button", { type: "button", "aria-current": i === S.doc ? "true" : "false", onclick: () => openDoc(i) },
      el("span", { class: "state", text: state }),
      el("span", { text: `${i + 1}. ${d.doc_id} (${kind})` }));
    if (errs) btn.append(el("span", { class: "has-errors", text: `! ${errs} problem${errs > 1 ? "s" : ""}` }));
    list.append(el("li", {}, btn));
  });
  const todo = S.batch.docs.length - done;
  $("progress").textContent = `${done} done · ${flagged} flagged · ${todo} to do`;
}

function renderLabels() {
  const list = $("labels");
  list.replaceChildren();
  S.batch.labels.forEach((label, i) => {
    const key = i < 9 ? `${i + 1}` : "";
    list.append(el("li", {}, el("button", { type: "button", onclick: () => applyLabel(label), "aria-keyshortcuts": key },
      key ? el("kbd", { text: key }) : "", ` ${label}`)));
  });
  const sel = S.pending ? `Selected ${S.pending.start}–${S.pending.end}: press a label key.` : "Select text to annotate.";
  $("selection-state").textContent = sel;
}

function renderAnnotations() {
  const list = $("annotations");
  list.replaceChildren();
  for (const a of docAnns()) list.append(annotationItem(a));
  if (!list.children.length) list.append(el("li", { text: "None yet." }));
}

function annotationItem(a) {
  const probs = problemsFor((p) => p.annotation === a.id);
  const item = el("li", { "data-id": a.id, class: [a.id === S.current ? "current" : "", probs.length ? "error" : ""].join(" ") });
  const select = el("select", { "aria-label": "Label", onchange: (e) => { a.label = e.target.value; changed(); } });
  for (const l of S.batch.labels) select.append(el("option", { value: l, selected: l === a.label }, l));
  if (!S.batch.labels.includes(a.label)) select.append(el("option", { value: a.label, selected: true }, a.label));
  const comment = el("textarea", { rows: 2, "aria-label": `Comment on ${a.label} ${a.start}–${a.end}` });
  comment.value = a.comment;
  comment.addEventListener("input", () => { a.comment = comment.value; scheduleSave(); });
  item.append(
    el("div", { class: "row" },
      el("button", { type: "button", onclick: () => selectAnnotation(a.id), text: `${a.label} ${a.start}–${a.end}` }),
      select,
      el("button", { type: "button", class: "delete", onclick: () => deleteAnnotation(a.id), text: "Delete" })),
    el("q", { text: a.quote }), comment);
  for (const p of probs) item.append(el("p", { class: "problem", text: p.message }));
  return item;
}

function renderVerdict() {
  const st = docState(docId());
  const box = $("verdicts");
  box.querySelectorAll("label").forEach((n) => n.remove());
  S.batch.verdicts.forEach((v, i) => {
    const input = el("input", { type: "radio", name: "verdict", value: v, checked: st.verdict === v,
      onchange: () => { st.verdict = v; changed(); } });
    box.append(el("label", {}, input, ` ${v} `, i < 9 ? el("kbd", { text: `Shift+${i + 1}` }) : ""));
  });
  $("flag").checked = st.flagged;
  $("doc-comment").value = st.comment;
  const probs = problemsFor((p) => p.doc_id === docId() && !p.annotation);
  $("doc-problems").textContent = probs.map((p) => p.message).join(" ");
}

function renderAll() {
  $("doc-title").textContent = `${S.doc + 1} of ${S.batch.docs.length}: ${docId()}`;
  renderDocList(); renderLabels(); renderAnnotations(); renderVerdict(); renderViewer();
}

// ---- selection -> offsets -------------------------------------------------------------
function boundary(node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const host = node.parentElement.closest("[data-start]");
    return host ? Number(host.dataset.start) + offset : null;
  }
  const spans = [...node.querySelectorAll ? node.querySelectorAll("[data-start]") : []];
  if (!spans.length) return null;
  const child = node.childNodes[offset];
  const after = child ? spans.find((s) => child === s || child.contains(s) || (child.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)) : null;
  if (after) return Number(after.dataset.start);
  const last = spans[spans.length - 1];
  return Number(last.dataset.start) + last.textContent.length;
}

function takeSelection() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return false;
  const range = sel.getRangeAt(0);
  if (!$("viewer").contains(range.commonAncestorContainer)) return false;
  const a = boundary(range.startContainer, range.startOffset);
  const b = boundary(range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return false;
  S.pending = { start: Math.min(a, b), end: Math.max(a, b) };
  sel.removeAllRanges();
  renderLabels(); renderViewer();
  return true;
}

function trimPending() {
  const t = text();
  let { start, end } = S.pending;
  while (start < end && /\s/.test(t[start])) start++;
  while (end > start && /\s/.test(t[end - 1])) end--;
  return start < end ? { start, end } : null;
}

function applyLabel(label) {
  if (S.pending) {
    const span = trimPending();
    S.pending = null;
    if (!span) return;
    const a = { id: `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`, doc_id: docId(),
      start: span.start, end: span.end, label, quote: text().slice(span.start, span.end), comment: "" };
    S.draft.annotations.push(a);
    S.current = a.id;
  } else if (S.current) {
    const a = S.draft.annotations.find((x) => x.id === S.current);
    if (a) a.label = label;
  } else return;
  changed();
}

function selectAnnotation(id) {
  S.current = id;
  const a = S.draft.annotations.find((x) => x.id === id);
  if (a && isPdf()) S.page = pageOf(a.start);
  renderAll();
}

function deleteAnnotation(id) {
  S.draft.annotations = S.draft.annotations.filter((a) => a.id !== id);
  if (S.current === id) S.current = null;
  changed();
}

function pageOf(offset) { return (text().slice(0, offset).match(/\f/g) || []).length; }

function growPending(dir, word) {
  const t = text();
  if (!S.pending) return;
  let end = S.pending.end;
  if (word) {
    const re = dir > 0 ? /\S*\s*/y : null;
    if (re) { re.lastIndex = end; const m = re.exec(t); end += m ? Math.max(m[0].length, 1) : 1; }
    else { end--; while (end > S.pending.start + 1 && !/\s/.test(t[end - 1])) end--; }
  } else end += dir;
  S.pending.end = Math.max(S.pending.start + 1, Math.min(end, t.length));
  renderLabels(); renderViewer();
}

function findNext() {
  const q = $("find").value.toLowerCase();
  if (!q) return;
  const t = text().toLowerCase();
  let at = t.indexOf(q, S.findFrom);
  if (at < 0) at = t.indexOf(q);
  if (at < 0) { $("find-state").textContent = "Not found."; return; }
  S.pending = { start: at, end: at + q.length };
  S.findFrom = at + 1;
  $("find-state").textContent = `Selected ${at}–${at + q.length}.`;
  if (isPdf()) S.page = pageOf(at);
  renderLabels(); renderViewer();
}

// ---- saving, checking, submitting ---------------------------------------------------------
function changed() { scheduleSave(); renderAll(); }

function scheduleSave() {
  $("save-state").textContent = "Draft: unsaved changes";
  clearTimeout(S.saveTimer);
  S.saveTimer = setTimeout(save, 400);
}

async function save() {
  clearTimeout(S.saveTimer);
  const res = await api("/api/draft", { method: "PUT", body: JSON.stringify(S.draft) });
  $("save-state").textContent = res.ok ? `Draft: saved ${new Date().toLocaleTimeString()}` : "Draft: NOT saved";
  return res.ok;
}

function showProblems(problems, title) {
  S.problems = problems;
  const banner = $("banner");
  banner.className = "banner";
  banner.replaceChildren(el("strong", { text: title }));
  const list = el("ul");
  for (const p of problems) {
    const item = el("li", { text: p.message });
    if (p.annotation) {
      item.append(" ", el("a", { href: "#", text: "show", onclick: (e) => { e.preventDefault(); goTo(p); } }));
    }
    list.append(item);
  }
  banner.append(list);
  banner.hidden = false;
  renderAll();
}

function goTo(p) {
  const index = S.batch.docs.findIndex((d) => d.doc_id === p.doc_id);
  if (index < 0) return;
  S.doc = index;
  openDoc(index).then(() => selectAnnotation(p.annotation));
}

function notice(message) {
  const banner = $("banner");
  banner.className = "banner ok";
  banner.textContent = message;
  banner.hidden = false;
}

async function check() {
  await save();
  const res = await api("/api/check", { method: "POST" });
  const problems = res.body ? res.body.problems : [];
  if (problems.length) showProblems(problems, "Collect would refuse this work:");
  else { S.problems = []; notice("No problems found: collect will accept this work."); renderAll(); }
}

async function submit() {
  $("submit").disabled = true;
  try {
    await save();
    const res = await api("/api/submit", { method: "POST" });
    if (res.ok) {
      S.problems = []; S.submittedAt = Date.now();
      notice(`Submitted ${res.body.annotations} annotation(s). If collect refuses it, the reason appears here.`);
      renderAll();
    } else if (res.body && res.body.problems) showProblems(res.body.problems, "Not submitted; fix these first:");
    else notice(`Not submitted: ${res.body ? res.body.error : res.status}`);
  } finally { $("submit").disabled = false; }
}

// ---- the lease -----------------------------------------------------------------------------
async function pollStatus() {
  const res = await api("/api/status");
  if (!res.ok) return;
  S.lease = res.body.lease; S.leaseAt = Date.now();
  const rej = res.body.rejection;
  if (rej && rej.at !== S.shownRejection) {
    S.shownRejection = rej.at;
    showProblems(rej.problems, `Collect refused your submission (${new Date(rej.at).toLocaleString()}):`);
  }
  tickLease();
}

function tickLease() {
  const node = $("lease");
  if (!S.lease) return;
  if (S.lease.state !== "held" || S.lease.mine === false) {
    node.textContent = `Lease: ${S.lease.state}${S.lease.mine === false ? " by someone else" : ""}`;
    node.classList.add("low");
    return;
  }
  const left = Math.max(0, S.lease.expires_in - (Date.now() - S.leaseAt) / 1000);
  const mins = Math.floor(left / 60), secs = Math.floor(left % 60);
  node.textContent = `Lease: ${mins} min ${String(secs).padStart(2, "0")} s left`;
  node.classList.toggle("low", left < 300);
}

async function maybeRenew() {
  if (!S.lease || S.lease.state !== "held" || S.lease.mine === false) return;
  const every = Math.min(S.batch.lease_seconds / 4, 300) * 1000;
  if (S.lastActive <= S.lastRenew || Date.now() - S.lastRenew < every) return;
  S.lastRenew = Date.now();
  const res = await api("/api/renew", { method: "POST" });
  if (res.ok) { S.lease = res.body.lease; S.leaseAt = Date.now(); }
  else notice(`Lease could not be renewed: ${res.body ? res.body.error : res.status}`);
}

// ---- keyboard -------------------------------------------------------------------------------
function typing(target) { return target.closest && target.closest("input, textarea, select"); }

function onKey(e) {
  S.lastActive = Date.now();
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") { e.preventDefault(); save(); return; }
  if (e.key === "Escape") { $("find-box").hidden = true; $("viewer").focus(); return; }
  if (e.target.id === "find") { if (e.key === "Enter") { e.preventDefault(); findNext(); } return; }
  if (typing(e.target)) return;
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit && e.shiftKey) { setVerdict(Number(digit[1]) - 1); e.preventDefault(); return; }
  if (digit && !e.ctrlKey && !e.altKey) { const l = S.batch.labels[Number(digit[1]) - 1]; if (l) applyLabel(l); e.preventDefault(); return; }
  if (e.shiftKey && (e.key === "ArrowRight" || e.key === "ArrowLeft") && S.pending) {
    e.preventDefault(); growPending(e.key === "ArrowRight" ? 1 : -1, e.ctrlKey); return;
  }
  const actions = {
    n: () => openDoc(S.doc + 1), p: () => openDoc(S.doc - 1), "/": openFind, "?": toggleHelp,
    f: () => { const st = docState(docId()); st.flagged = !st.flagged; changed(); },
    c: () => { const c = document.querySelector(`li[data-id="${S.current}"] textarea`); if (c) c.focus(); },
    Delete: () => S.current && deleteAnnotation(S.current),
    "]": () => turnPage(1), "[": () => turnPage(-1),
  };
  if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
}

function setVerdict(i) { const v = S.batch.verdicts[i]; if (v) { docState(docId()).verdict = v; changed(); } }
function openFind() { $("find-box").hidden = false; $("find").focus(); $("find").select(); }
function toggleHelp() { const h = $("help"); h.hidden = !h.hidden; $("help-toggle").setAttribute("aria-expanded", String(!h.hidden)); }
function turnPage(d) {
  if (!isPdf()) return;
  S.page = Math.max(0, Math.min(S.page + d, docMeta().pages - 1));
  renderViewer();
}

// ---- start -------------------------------------------------------------------------------------
async function start() {
  const [batch, draft] = await Promise.all([api("/api/batch"), api("/api/draft")]);
  S.batch = batch.body; S.draft = draft.body;
  $("instructions").textContent = S.batch.instructions;
  const due = new Date(S.batch.due).toLocaleString();
  $("batch-meta").textContent = `${S.batch.queue} · ${S.batch.priority} priority · due ${due} · reviewer ${S.batch.reviewer}`;
  $("save-state").textContent = "Draft: restored";
  $("viewer").addEventListener("mouseup", () => setTimeout(takeSelection, 0));
  $("viewer").addEventListener("click", (e) => {
    const span = e.target.closest("[data-ann]");
    if (span && window.getSelection().isCollapsed && !S.pending) selectAnnotation(span.dataset.ann.split(" ")[0]);
  });
  $("save").addEventListener("click", save);
  $("check").addEventListener("click", check);
  $("submit").addEventListener("click", submit);
  $("help-toggle").addEventListener("click", toggleHelp);
  $("page-prev").addEventListener("click", () => turnPage(-1));
  $("page-next").addEventListener("click", () => turnPage(1));
  $("flag").addEventListener("change", (e) => { docState(docId()).flagged = e.target.checked; changed(); });
  $("doc-comment").addEventListener("input", (e) => { docState(docId()).comment = e.target.value; scheduleSave(); });
  document.addEventListener("keydown", onKey);
  for (const ev of ["mousedown", "input"]) document.addEventListener(ev, () => { S.lastActive = Date.now(); });
  window.addEventListener("resize", () => { const p = document.querySelector(".page"); if (p) fitLayer(p, Number(p.dataset.width)); });
  await openDoc(0);
  await pollStatus();
  setInterval(tickLease, 1000);
  setInterval(pollStatus, 30000);
  setInterval(maybeRenew, 5000);
  document.body.dataset.ready = "true";
}

start();
