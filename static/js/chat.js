// Live chat in one room, as a chat window: newest at the bottom, the box pinned below.
// The page already shows the latest messages; this opens the socket, adds new ones as they
// arrive, loads older ones on the way back up, and catches up after a reconnect.
// Nothing typed is lost: each message waits in an outbox (kept for this tab across reloads)
// until the server acknowledges it by its client_id; a refusal puts the words back in the
// box with the reason; after a dropped connection the same client_id is sent again and the
// server stores it once.
// Text is always set with textContent, never as HTML: messages are members' plain words.
(() => {
  "use strict";
  const root = document.querySelector(".chat[data-socket-path]");
  if (!root || !("WebSocket" in window)) return;

  const list = root.querySelector("[data-chat-messages]");
  const alerts = root.querySelector("[data-chat-alerts]");
  const here = root.querySelector("[data-chat-presence]");
  const typing = root.querySelector("[data-chat-typing]");
  const signpostBox = root.querySelector("[data-chat-signpost]");
  const status = root.querySelector("[data-chat-status]");
  const box = root.querySelector("[data-chat-box]");
  const form = root.querySelector("[data-chat-form]");
  const sendButton = root.querySelector("[data-chat-send]");
  const textBox = form.querySelector("textarea");
  const refusal = form.querySelector("[data-chat-refusal]");
  const moderates = root.hasAttribute("data-moderates");
  const me = root.dataset.me;
  let isOpen = root.hasAttribute("data-open");
  const parse = (value, fallback) => {
    try { return JSON.parse(value); } catch { return fallback; }
  };
  const blocked = new Set(parse(root.dataset.blocked, []));
  const reasons = parse(root.dataset.reportReasons, []);
  const warningNames = parse(root.dataset.warningNames, {});
  const sanctionUrl = root.dataset.sanctionUrl || "";
  const historyUrl = root.dataset.historyUrl || "";
  const checkInUrl = root.dataset.checkInUrl || "";
  const timeZone = root.dataset.timeZone || undefined;
  // Seconds between one member's messages in slow mode (0 when it does not apply to them).
  const slowSeconds = Number(root.dataset.slowMode || 0);
  let waitTimer = null;  // counting down to when Send works again
  let waitUntil = 0;
  // The report form waiting for the server's answer: it stays open until the report is in.
  let reportWaiting = null;
  // Codes the server closes with when retrying cannot help.
  const stops = {
    4401: "You are signed out. Log in again, then come back to the room.",
    4403: "You can't be in this room just now.",
    4404: "This room no longer exists.",
    4429: "Too much was sent at once, so the connection closed. Refresh the page to rejoin.",
  };
  // Errors the server sends just before closing: their words say why better than the code.
  const closingErrors = new Set(["sanctioned", "not_allowed", "signed_out"]);
  const roomStatus = {
    open: "The room is open.",
    read_only: "The room is read-only just now.",
    closed: "The room is closed.",
  };
  const HELD_NOTICE = "Thanks. A moderator will check your message before others see it. "
    + "It stays here with you, marked “waiting for a moderator”, until then.";
  const ANSWER_WAIT = 10000;
  const FIRST_DELAY = 1000;
  const LONGEST_DELAY = 30000;
  // Within this many pixels of the newest message counts as reading the newest.
  const NEAR_BOTTOM = 80;
  let delay = FIRST_DELAY;
  let socket = null;
  let lastId = 0;
  // Why the server last closed us, and whether we already tried once more after a sign-out
  // (changing your own password here ends the old session but keeps you signed in).
  let closingReason = "";
  let isRetryingSignIn = false;
  let typingTimer = null;
  let lastTypingSent = 0;

  // Messages typed and not yet acknowledged, oldest first: {clientId, text, warnings, note}.
  // One is on its way at a time, so they arrive in order and a refusal stops the rest.
  const outboxKey = `chat-outbox:${root.dataset.socketPath}`;
  let outbox = [];
  try {
    const kept = parse(sessionStorage.getItem(outboxKey), []);
    if (Array.isArray(kept)) {
      outbox = kept.filter((entry) => entry && typeof entry.clientId === "string"
        && typeof entry.text === "string" && typeof entry.note === "string"
        && Array.isArray(entry.warnings));
    }
  } catch {
    // Storage is off: the outbox lives as long as the page.
  }
  let inFlight = null;
  let answerTimer = null;
  let isLoadingOlder = false;

  function say(text) {
    const line = document.createElement("p");
    line.textContent = text;
    alerts.replaceChildren(line);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function collapsed(summaryText, content) {
    const details = element("details", "content-warning");
    const summary = element("summary", "", summaryText + " ");
    summary.append(element("span", "content-warning__show", "Show"));
    const body = element("div", "content-warning__content");
    body.append(content);
    details.append(summary, body);
    return details;
  }

  function when(iso) {
    const time = element("time", "", clockText(new Date(iso)));
    time.dateTime = iso;
    return time;
  }

  // The site's one way of writing a time, as community/times.py does: "2:05pm", "6pm",
  // "midday", "midnight", in the site's time zone.
  function clockText(date) {
    const parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", minute: "numeric", hourCycle: "h23" })
      .formatToParts(date).forEach((part) => { parts[part.type] = Number(part.value); });
    const { hour, minute } = parts;
    if (minute === 0 && hour === 0) return "midnight";
    if (minute === 0 && hour === 12) return "midday";
    const minutes = minute ? `:${String(minute).padStart(2, "0")}` : "";
    return `${hour % 12 || 12}${minutes}${hour < 12 ? "am" : "pm"}`;
  }

  function isConnected() {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  function send(frame) {
    if (isConnected()) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    say("Not connected just now. Trying again…");
    return false;
  }

  // Each message's actions, for server-rendered and live messages alike: Delete on your own,
  // Report on others'; moderators also get the Moderate menu.
  function addActions(item) {
    if (item.hasAttribute("data-hidden")) return;  // the page's own menu (Restore) stays
    const id = Number(item.dataset.id);
    const author = item.dataset.author;
    const actions = element("div", "chat-message__actions");
    const button = (text, hidden, onClick) => {
      const made = element("button", "link-button", text);
      made.type = "button";
      made.append(element("span", "visually-hidden", hidden));
      made.addEventListener("click", () => onClick(made));
      return made;
    };
    if (author === me) {
      actions.append(button("Delete", " your message", (opener) => askInDialog(opener, {
        heading: "Delete your message?",
        text: "It goes from everyone's screen. You can't undo this.",
        confirm: "Delete it",
      }, () => send({ type: "delete", id }))));
    } else {
      actions.append(button("Report", ` the message from ${author}`,
        () => showReportForm(item, id)));
    }
    if (moderates) actions.append(moderateMenu(id, author, button));
    item.append(actions);
  }

  // The Moderate menu as the page draws it without JavaScript (moderation/includes/menu.html),
  // except that Hide asks for the reason here and takes the message down at once, for
  // everyone, through the socket.
  function moderateMenu(id, author, button) {
    const title = ` the chat message by ${author}`;
    const menu = element("details", "mod-menu");
    const summary = element("summary", "", "Moderate");
    summary.append(element("span", "visually-hidden", title));
    const entries = element("ul", "mod-menu__list");
    const add = (node) => {
      const entry = element("li");
      entry.append(node);
      entries.append(entry);
    };
    const link = (text, hidden, pattern) => {
      const made = element("a", "", text);
      if (hidden) made.append(element("span", "visually-hidden", hidden));
      made.href = pattern.replace("NAME", encodeURIComponent(author)).replace("ID", id);
      return made;
    };
    add(button("Hide", title, (opener) => askInDialog(opener, {
      heading: `Hide the message from ${author}?`,
      text: "It goes from everyone's screen at once, and into the audit log.",
      reasonLabel: `Reason, shown to ${author}`,
      reasonRequired: "Give a reason: the member will see it.",
      confirm: "Hide for everyone",
    }, (reason) => send({ type: "remove", id, reason }))));
    if (author !== me) {
      add(link("Check in privately", ` with ${author}`, checkInUrl));
      add(link(`Warn, mute, suspend or ban ${author}`, "", sanctionUrl));
    }
    add(link(`${author}'s moderation history`, "", historyUrl));
    menu.append(summary, entries);
    return menu;
  }

  // A native modal dialog: the keyboard stays inside it, Escape cancels, and focus goes back
  // to the button that opened it. `onConfirm` gets the reason typed, if one was asked for;
  // `reasonRequired` is what to say when it is left empty, keeping the dialog open.
  function askInDialog(opener, { heading, text, reasonLabel, reasonRequired, confirm }, onConfirm) {
    const dialog = element("dialog", "chat-dialog");
    const form = element("form");
    form.method = "dialog";
    const title = element("h2", "", heading);
    title.id = "chat-dialog-heading";
    dialog.setAttribute("aria-labelledby", title.id);
    form.append(title, element("p", "", text));
    let reasonBox = null;
    if (reasonLabel) {
      const label = element("label", "", reasonLabel);
      reasonBox = element("textarea");
      reasonBox.id = "chat-dialog-reason";
      reasonBox.rows = 3;
      reasonBox.maxLength = 500;
      label.htmlFor = reasonBox.id;
      const problem = element("p", "errors");
      problem.id = "chat-dialog-problem";
      problem.hidden = true;
      form.append(label, problem, reasonBox);
      form.addEventListener("submit", (event) => {
        if (!reasonRequired || event.submitter?.value !== "confirm" || reasonBox.value.trim()) return;
        event.preventDefault();
        problem.textContent = reasonRequired;
        problem.hidden = false;
        reasonBox.setAttribute("aria-invalid", "true");
        reasonBox.setAttribute("aria-describedby", problem.id);
        reasonBox.focus();
      });
    }
    const buttons = element("div", "chat-dialog__buttons");
    const yes = element("button", "button", confirm);
    yes.value = "confirm";
    const no = element("button", "button button--secondary", "Cancel");
    no.value = "cancel";
    buttons.append(yes, no);
    form.append(buttons);
    dialog.append(form);
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "confirm") onConfirm(reasonBox ? reasonBox.value.trim() : "");
      dialog.remove();
      if (opener.isConnected) opener.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  // Reasons are offered with none chosen, so a hurried click files nothing; the form stays,
  // with what was chosen and typed, until the server says the report is in.
  function showReportForm(item, id) {
    const open = item.querySelector(".chat-report");
    if (open) {
      open.querySelector("input").focus();
      return;
    }
    const reportForm = element("form", "chat-report");
    reportForm.noValidate = true;
    const reasonsBox = element("fieldset", "report-reasons");
    reasonsBox.append(element("legend", "", "What is the problem?"));
    const problem = element("p", "errors");
    problem.id = `report-problem-${id}`;
    problem.hidden = true;
    reasonsBox.append(problem);
    for (const [value, text] of reasons) {
      const choice = element("div", "report-reasons__option");
      const radio = element("input");
      radio.type = "radio";
      radio.name = `reason-${id}`;
      radio.value = value;
      radio.id = `report-${id}-${value}`;
      const label = element("label", "", text);
      label.htmlFor = radio.id;
      choice.append(radio, " ", label);
      reasonsBox.append(choice);
    }
    const noteLabel = element("label", "", "Anything else a moderator should know? (optional)");
    const note = element("textarea");
    note.id = `report-note-${id}`;
    note.rows = 2;
    note.maxLength = 500;
    noteLabel.htmlFor = note.id;
    const submit = element("button", "button", "Send report");
    submit.type = "submit";
    const cancel = element("button", "button button--secondary", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => {
      if (reportWaiting === reportForm) reportWaiting = null;
      reportForm.remove();
    });
    const buttons = element("div", "chat-report__buttons");
    buttons.append(submit, cancel);
    reportForm.append(reasonsBox, noteLabel, note, buttons);
    reportForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = reportForm.querySelector("input[type=radio]:checked");
      if (!chosen) {
        showReportProblem(reportForm, "Please choose what the problem is.");
        reasonsBox.querySelector("input").focus();
        return;
      }
      if (send({ type: "report", id, reason: chosen.value, note: note.value.trim() })) {
        reportWaiting = reportForm;
        submit.disabled = true;
      }
    });
    item.append(reportForm);
    reasonsBox.querySelector("input").focus();
  }

  function showReportProblem(reportForm, text) {
    const problem = reportForm.querySelector(".errors");
    const reasonsBox = reportForm.querySelector("fieldset");
    problem.textContent = text;
    problem.hidden = !text;
    if (text) reasonsBox.setAttribute("aria-describedby", problem.id);
    else reasonsBox.removeAttribute("aria-describedby");
  }

  // The answer to the report on its way: "reported" closes its form; a refusal is shown in it,
  // with the reason chosen and the note still there.
  function reportAnswered(frame) {
    const reportForm = reportWaiting;
    reportWaiting = null;
    if (!reportForm) return;
    if (frame.type === "reported") {
      reportForm.remove();
      return;
    }
    showReportProblem(reportForm, frame.message);
    reportForm.querySelector("button[type=submit]").disabled = false;
  }


  // A message as the list shows it; a held one is marked for its writer, the only one who sees it.
  function messageItem(message) {
    const item = element("li", "chat-message");
    item.id = `message-${message.id}`;
    item.dataset.id = message.id;
    item.dataset.author = message.author;
    const meta = element("p", "chat-message__meta");
    meta.append(element("strong", "", message.author));
    if (message.badge) {
      // As the server draws it (templates/includes/badge.html).
      const staff = message.badge !== "Peer supporter";
      meta.append(" ", element("span", staff ? "badge badge--staff" : "badge", message.badge));
    }
    meta.append(" ", when(message.sent_at));
    item.append(meta);
    if (message.held === true) {
      item.classList.add("chat-message--held");
      item.dataset.held = "";
      item.append(element("p", "chat-message__held",
        "Waiting for a moderator. Only you can see it until then."));
    }
    let body = element("p", "chat-message__text", message.text);
    const warnings = Array.isArray(message.warnings) ? message.warnings : [];
    if (warnings.length) {
      const names = warnings.map((slug) => warningNames[slug] || slug).join(", ");
      const note = typeof message.note === "string" && message.note ? ` ${message.note}` : "";
      body = collapsed(`Content warning: ${names}.${note}`, body);
    }
    if (blocked.has(message.author)) {
      body = collapsed(`Hidden: you blocked ${message.author}.`, body);
      body.classList.add("content-warning--hidden");
    }
    item.append(body);
    addActions(item);
    return item;
  }

  // Puts a message in its place by id (before any still being sent); a held one that was
  // approved is replaced where it stands. True when the list gained a message.
  function show(message) {
    if (typeof message.id !== "number") return false;
    if (message.author === me && message.client_id) {
      const pending = pendingFor(message.client_id);
      if (pending) pending.remove();
      settle(message.client_id);  // it is stored: it need not be sent again
    }
    const existing = document.getElementById(`message-${message.id}`);
    if (existing && !(existing.hasAttribute("data-held") && message.held !== true)) return false;
    const item = messageItem(message);
    lastId = Math.max(lastId, message.id);
    if (existing) {
      existing.replaceWith(item);
      return false;
    }
    const empty = list.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    const later = [...list.children].find((li) => li.dataset.id && Number(li.dataset.id) > message.id)
      || list.querySelector(".chat-message--pending");
    list.insertBefore(item, later || null);
    return true;
  }

  function showSignpost(resources) {
    const card = element("section", "card chat-signpost");
    card.setAttribute("aria-labelledby", "signpost-heading");
    const heading = element("h2", "", "You don't have to face this alone");
    heading.id = "signpost-heading";
    card.append(heading, element("p", "", "These people can help, now or soon:"));
    const items = element("ul");
    for (const resource of resources) {
      const entry = element("li");
      entry.append(element("strong", "", resource.name));
      if (resource.description) entry.append(` – ${resource.description}`);
      if (resource.phone && resource.call && resource.call.startsWith("tel:")) {
        const call = element("a", "", `Call ${resource.phone}`);
        call.href = resource.call;
        entry.append(" ", call);
      }
      if (resource.text && resource.text.startsWith("sms:")) {
        const text = element("a", "", `Text ${resource.sms_keyword || ""} to ${resource.sms_number}`.replace("  ", " "));
        text.href = resource.text;
        entry.append(" ", text);
      }
      if (resource.url && /^https?:\/\//.test(resource.url)) {
        const link = element("a", "", "Website");
        link.href = resource.url;
        entry.append(" ", link);
      }
      if (resource.is_24_7) entry.append(" (any time, day or night)");
      items.append(entry);
    }
    const close = element("button", "button button--secondary", "Close this");
    close.type = "button";
    close.addEventListener("click", () => card.remove());
    card.append(items, close);
    signpostBox.replaceChildren(card);
    heading.tabIndex = -1;
    heading.focus();
  }

  function showTyping(name) {
    typing.textContent = `${name} is typing…`;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { typing.textContent = ""; }, 5000);
  }

  // --- The outbox: nothing typed is lost -------------------------------------------------

  function newClientId() {
    return [...crypto.getRandomValues(new Uint8Array(16))]
      .map((byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  function saveOutbox() {
    try {
      sessionStorage.setItem(outboxKey, JSON.stringify(outbox));
    } catch {
      // Storage is off or full: the outbox still lives as long as this page.
    }
  }

  function pendingFor(clientId) {
    return [...list.querySelectorAll(".chat-message--pending")]
      .find((item) => item.dataset.clientId === clientId);
  }

  function pendingItem(entry) {
    const item = element("li", "chat-message chat-message--pending");
    item.dataset.clientId = entry.clientId;
    const meta = element("p", "chat-message__meta");
    meta.append(element("strong", "", me), " ", element("span", "chat-message__sending", "Sending…"));
    item.append(meta, element("p", "chat-message__text", entry.text));
    return item;
  }

  function queue(entry) {
    outbox.push(entry);
    saveOutbox();
    const empty = list.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    list.append(pendingItem(entry));
    pump();
  }

  // Send the oldest message waiting, unless one is already on its way.
  function pump() {
    if (inFlight !== null || !outbox.length || !isConnected()) return;
    const entry = outbox[0];
    inFlight = entry.clientId;
    socket.send(JSON.stringify({ type: "message", text: entry.text, warnings: entry.warnings,
      note: entry.note, client_id: entry.clientId }));
    clearTimeout(answerTimer);
    answerTimer = setTimeout(() => {
      if (inFlight !== entry.clientId) return;
      say("No answer from the room yet. Reconnecting to send your message…");
      socket.close();  // sent again on reconnecting; the server keeps one copy
    }, ANSWER_WAIT);
  }

  // The server has this message: stop keeping it, and send the next.
  function settle(clientId) {
    const index = outbox.findIndex((entry) => entry.clientId === clientId);
    if (index >= 0) {
      outbox.splice(index, 1);
      saveOutbox();
      if (slowSeconds) waitFor(slowSeconds);  // stored: slow mode counts from now
    }
    if (inFlight === clientId) {
      inFlight = null;
      clearTimeout(answerTimer);
      pump();
    }
  }

  // Refused: these words go back in the box, before anything typed since, with the reason.
  function giveBack(entries, reason) {
    if (!entries.length) return;
    if (entries.some((entry) => entry.clientId === inFlight)) {
      inFlight = null;
      clearTimeout(answerTimer);
    }
    saveOutbox();
    for (const entry of entries) {
      const item = pendingFor(entry.clientId);
      if (item) item.remove();
    }
    textBox.value = [...entries.map((entry) => entry.text), textBox.value.trim()]
      .filter(Boolean).join("\n\n");
    const chosen = new Set(entries.flatMap((entry) => entry.warnings));
    const boxes = form.querySelectorAll('input[name="warnings"]');
    boxes.forEach((box) => { if (chosen.has(box.value)) box.checked = true; });
    const noteBox = form.querySelector("[data-chat-note]");
    if (noteBox && !noteBox.value) noteBox.value = entries.map((entry) => entry.note).find(Boolean) || "";
    if (chosen.size && form.querySelector(".chat__warnings")) form.querySelector(".chat__warnings").open = true;
    showRefusal(reason);
    textBox.focus();
  }

  function showRefusal(reason) {
    refusal.textContent = reason;
    refusal.hidden = false;
    textBox.setAttribute("aria-invalid", "true");
    const described = new Set((textBox.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
    described.add(refusal.id);
    textBox.setAttribute("aria-describedby", [...described].join(" "));
  }

  function clearRefusal() {
    refusal.hidden = true;
    refusal.textContent = "";
    textBox.removeAttribute("aria-invalid");
  }

  // The notice that a message waits for a moderator goes once none of yours is waiting.
  let heldNotice = null;

  function sayHeld(text) {
    say(text);
    heldNotice = alerts.firstChild;
  }

  function forgetHeldNotice() {
    if (heldNotice && heldNotice.isConnected && !list.querySelector("[data-held]")) heldNotice.remove();
  }

  // --- A chat window: the newest at the bottom, just above the pinned box -----------------

  const newMarker = element("button", "button chat__new", "New messages ");
  newMarker.type = "button";
  newMarker.hidden = true;
  const arrow = element("span", "", "↓");
  arrow.setAttribute("aria-hidden", "true");
  newMarker.append(arrow);
  newMarker.addEventListener("click", () => {
    scrollToNewest();
    textBox.focus();
  });
  box.prepend(newMarker);

  function isNearBottom() {
    return list.getBoundingClientRect().bottom <= window.innerHeight - box.offsetHeight + NEAR_BOTTOM;
  }

  function scrollToNewest() {
    const end = list.getBoundingClientRect().bottom + window.scrollY + typing.offsetHeight;
    window.scrollTo(0, Math.max(0, end - (window.innerHeight - box.offsetHeight)));
    newMarker.hidden = true;
  }

  // Keep what arrived in view if the member was reading the newest; otherwise say so.
  function arrived(wasNearBottom, isMine) {
    if (wasNearBottom || isMine) scrollToNewest();
    else newMarker.hidden = false;
  }

  const older = root.querySelector("[data-chat-older]");

  function loadOlder() {
    const first = list.querySelector(".chat-message[data-id]");
    if (isLoadingOlder || !older || !first || !isConnected()) return;
    isLoadingOlder = true;
    older.textContent = "Loading older messages…";
    send({ type: "history", before: Number(first.dataset.id) });
  }

  // Older messages go above without moving what the member is reading.
  function showOlder(frame) {
    isLoadingOlder = false;
    const anchor = list.querySelector(".chat-message[data-id]");
    const top = anchor ? anchor.getBoundingClientRect().top : 0;
    frame.messages.forEach(show);
    if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - top);
    const first = list.querySelector(".chat-message[data-id]");
    if (!older) return;
    if (frame.older && first) {
      older.href = `?before=${first.dataset.id}#messages-heading`;
      older.textContent = "Load older messages";
    } else {
      older.parentElement.replaceWith(element("p", "chat__older", "These are the first messages in the room."));
    }
  }

  // --- Frames from the server ------------------------------------------------------------

  const handlers = {
    history: (frame) => {
      if ("before" in frame) {
        showOlder(frame);
        return;
      }
      const wasNearBottom = isNearBottom();
      const added = frame.messages.map(show).some(Boolean);
      if (Array.isArray(frame.removed)) frame.removed.forEach((id) => handlers.removed({ id }));
      forgetHeldNotice();
      if (added) arrived(wasNearBottom, false);
      // A long absence comes back a page at a time: ask for the next until none are left.
      const last = frame.messages[frame.messages.length - 1];
      if (frame.more && last) send({ type: "history", after: last.id });
    },
    message: (frame) => {
      const wasNearBottom = isNearBottom();
      if (show(frame)) arrived(wasNearBottom, frame.author === me);
      forgetHeldNotice();
      if (frame.author && typing.textContent.startsWith(`${frame.author} `)) typing.textContent = "";
    },
    ack: (frame) => {
      const pending = pendingFor(frame.client_id);
      settle(frame.client_id);
      if (frame.status === "held") sayHeld(frame.message || HELD_NOTICE);
      if (!pending) return;
      if (frame.status === "hidden") {
        pending.remove();
        say("A moderator has taken that message down.");
      } else if (document.getElementById(`message-${frame.id}`)) {
        pending.remove();
      } else {  // stored; it shows in its place as soon as it arrives
        pending.querySelector(".chat-message__sending").textContent = "Sent";
      }
    },
    removed: (frame) => {
      const item = document.getElementById(`message-${frame.id}`);
      if (item) item.remove();
      forgetHeldNotice();
    },
    hidden: (frame) => {
      handlers.removed(frame);
      say(frame.message);
    },
    presence: (frame) => {
      const count = frame.members.length;
      here.textContent = count === 1 ? `Here now: ${frame.members[0]}.`
        : `${count} people here now: ${frame.members.join(", ")}.`;
    },
    typing: (frame) => showTyping(frame.member),
    signpost: (frame) => showSignpost(frame.resources),
    room: (frame) => {
      status.textContent = roomStatus[frame.status] || "";
      isOpen = frame.status === "open";
      setSendable();
    },
    reported: (frame) => {
      reportAnswered(frame);
      say("Thank you. A moderator will look at it.");
    },
    error: (frame) => {
      if (closingErrors.has(frame.code)) closingReason = frame.message;
      if (typeof frame.retry_after === "number" && frame.retry_after > 0) waitFor(frame.retry_after);
      const index = outbox.findIndex((entry) => entry.clientId === frame.client_id);
      if (typeof frame.client_id === "string" && index >= 0) {
        giveBack(outbox.splice(index), frame.message);
        return;
      }
      reportAnswered(frame);
      say(frame.message);
    },
  };

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.socketPath);
    let isCatchingUp = lastId > 0;
    socket.addEventListener("open", () => {
      delay = FIRST_DELAY;
      inFlight = null;  // unanswered before the drop: it is sent again, and stored once
      setSendable();
      alerts.replaceChildren();
    });
    socket.addEventListener("message", (event) => {
      const frame = parse(event.data, null);
      if (!frame || typeof frame.type !== "string" || !handlers[frame.type]) return;
      if (frame.type === "history" && !("before" in frame) && !("after" in frame)) {
        // In the room again: any earlier closing is over.
        isRetryingSignIn = false;
        closingReason = "";
        // After a reconnect the server's opening history may skip a gap: ask for the rest.
        const from = lastId;
        handlers.history(frame);
        if (isCatchingUp) send({ type: "history", after: from });
        isCatchingUp = false;
        pump();
        return;
      }
      handlers[frame.type](frame);
    });
    socket.addEventListener("close", (event) => {
      clearTimeout(answerTimer);
      if (event.code === 4401 && closingReason && !isRetryingSignIn) {
        isRetryingSignIn = true;  // this browser may hold a newer session: try it once
        connect();
        return;
      }
      if (stops[event.code]) {
        sendButton.disabled = true;
        giveBack(outbox.splice(0), closingReason || stops[event.code]);
        say(closingReason || stops[event.code]);
        return;
      }
      say("Reconnecting to the room…");
      // Jittered, so a restarted server is not met by everyone at the same moment.
      setTimeout(connect, delay + Math.random() * delay * 0.5);
      delay = Math.min(delay * 2, LONGEST_DELAY);
    });
  }

  function setSendable() {
    // Open for writing even while reconnecting: what is sent waits in the outbox.
    sendButton.disabled = !isOpen || waitTimer !== null;
    textBox.disabled = !isOpen;
  }

  // Slow mode and write limits: Send counts down while the words stay in the box to edit.
  const secondsLeft = () => Math.ceil((waitUntil - Date.now()) / 1000);
  function waitFor(seconds) {
    waitUntil = Math.max(waitUntil, Date.now() + seconds * 1000);
    clearInterval(waitTimer);
    const tick = () => {
      if (secondsLeft() > 0) {
        sendButton.textContent = `Wait ${secondsLeft()} s`;
      } else {
        clearInterval(waitTimer);
        waitTimer = null;
        sendButton.textContent = "Send";
      }
      setSendable();
    };
    waitTimer = setInterval(tick, 1000);
    tick();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textBox.value.trim();
    if (!text) {
      showRefusal("Type a message first.");
      textBox.focus();
      return;
    }
    if (waitTimer !== null) {
      showRefusal(`Please wait ${secondsLeft()} seconds before sending again. Your words stay here.`);
      textBox.focus();
      return;
    }
    clearRefusal();
    const noteBox = form.querySelector("[data-chat-note]");
    const boxes = [...form.querySelectorAll('input[name="warnings"]')];
    queue({ clientId: newClientId(), text, note: noteBox ? noteBox.value.trim() : "",
      warnings: boxes.filter((box) => box.checked).map((box) => box.value) });
    textBox.value = "";
    if (noteBox) noteBox.value = "";
    boxes.forEach((box) => { box.checked = false; });
    scrollToNewest();
    textBox.focus();
  });
  // Enter sends; Shift+Enter starts a new line (and so does Enter while composing a character).
  textBox.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing
        || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    form.requestSubmit();
  });
  textBox.addEventListener("input", () => {
    const now = Date.now();
    if (now - lastTypingSent > 4000 && textBox.value.trim()) {
      lastTypingSent = now;
      if (isConnected()) socket.send(JSON.stringify({ type: "typing" }));
    }
  });
  const hint = root.querySelector("#chat-text-help");
  if (hint) hint.append(" Enter sends; Shift+Enter starts a new line.");

  if (older) {
    older.addEventListener("click", (event) => {
      event.preventDefault();
      loadOlder();
    });
    // Scrolling back to the top brings the next page by itself.
    if ("IntersectionObserver" in window) {
      new IntersectionObserver((seen) => {
        if (seen.some((entry) => entry.isIntersecting)) loadOlder();
      }).observe(older);
    }
  }
  window.addEventListener("scroll", () => {
    if (!newMarker.hidden && isNearBottom()) newMarker.hidden = true;
  }, { passive: true });
  // Focus and links scroll with the pinned box in mind, so nothing lands hidden behind it.
  const keepClearOfBox = () => {
    document.documentElement.style.scrollPaddingBottom = `${box.offsetHeight}px`;
  };
  if ("ResizeObserver" in window) new ResizeObserver(keepClearOfBox).observe(box);
  keepClearOfBox();

  // The buttons added below replace the page's plain Report and Delete forms and its menu.
  list.classList.add("chat__messages--live");
  list.querySelectorAll(".chat-message").forEach((item) => {
    lastId = Math.max(lastId, Number(item.dataset.id));
    addActions(item);
  });
  // Messages still waiting from before a reload.
  if (outbox.length) {
    const empty = list.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    outbox.forEach((entry) => list.append(pendingItem(entry)));
  }
  scrollToNewest();
  connect();
})();
