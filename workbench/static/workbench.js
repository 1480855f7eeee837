// Sealroom workbench, part 3 of 3: the lease, the keyboard, start-up. Plain JS, no
// dependencies; talks only to this server (loaded after wb-view.js and wb-edit.js).
"use strict";

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
