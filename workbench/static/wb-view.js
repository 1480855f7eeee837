// Sealroom workbench, part 1 of 3: state, the API, the current document, rendering.
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

