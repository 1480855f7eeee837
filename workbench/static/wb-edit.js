// Sealroom workbench, part 2 of 3: selection -> rendition offsets, annotating, saving, submitting.
"use strict";

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

