// Live chat in one room. The page already shows the latest messages; this opens the socket,
// adds new messages as they arrive, and catches up after a reconnect so nothing is missed.
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
  const form = root.querySelector("[data-chat-form]");
  const sendButton = root.querySelector("[data-chat-send]");
  const textBox = form.querySelector("textarea");
  const canRemove = root.hasAttribute("data-can-remove");
  const me = root.dataset.me;
  let isOpen = root.hasAttribute("data-open");
  // The message on its way: its words stay in the box until the server answers.
  let pending = null;
  const parse = (value, fallback) => {
    try { return JSON.parse(value); } catch { return fallback; }
  };
  const blocked = new Set(parse(root.dataset.blocked, []));
  const reasons = parse(root.dataset.reportReasons, []);
  const warningNames = parse(root.dataset.warningNames, {});
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
  const ANSWER_WAIT = 10000;
  const FIRST_DELAY = 1000;
  const LONGEST_DELAY = 30000;
  let delay = FIRST_DELAY;
  let socket = null;
  let lastId = 0;
  // Why the server last closed us, and whether we already tried once more after a sign-out
  // (changing your own password here ends the old session but keeps you signed in).
  let closingReason = "";
  let isRetryingSignIn = false;
  let typingTimer = null;
  let lastTypingSent = 0;

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
    const date = new Date(iso);
    const time = element("time", "", date.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" }));
    time.dateTime = iso;
    return time;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    say("Not connected just now. Trying again…");
    return false;
  }

  // Report and Remove buttons are added here, for server-rendered and live messages alike.
  function addActions(item) {
    const id = Number(item.dataset.id);
    const actions = element("div", "chat-message__actions");
    if (item.dataset.author !== me) {
      const report = element("button", "link-button", "Report");
      report.type = "button";
      report.addEventListener("click", () => showReportForm(item, id));
      actions.append(report);
    }
    if (canRemove) {
      const remove = element("button", "link-button", "Remove");
      remove.type = "button";
      remove.addEventListener("click", () => {
        const reason = window.prompt("Why remove this message? The member is told.", "");
        if (reason !== null) send({ type: "remove", id, reason });
      });
      actions.append(remove);
    }
    item.append(actions);
  }

  function showReportForm(item, id) {
    if (item.querySelector(".chat-report")) return;
    const reportForm = element("form", "chat-report");
    const label = element("label", "", "Why are you reporting this?");
    const select = element("select");
    select.id = `report-reason-${id}`;
    label.htmlFor = select.id;
    for (const [value, text] of reasons) {
      const option = element("option", "", text);
      option.value = value;
      select.append(option);
    }
    const submit = element("button", "button", "Send report");
    submit.type = "submit";
    const cancel = element("button", "button button--secondary", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => reportForm.remove());
    reportForm.append(label, select, " ", submit, " ", cancel);
    reportForm.addEventListener("submit", (event) => {
      event.preventDefault();
      if (send({ type: "report", id, reason: select.value })) reportForm.remove();
    });
    item.append(reportForm);
    select.focus();
  }

  function show(message) {
    if (typeof message.id !== "number" || document.getElementById(`message-${message.id}`)) return;
    const empty = list.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    const item = element("li", "chat-message");
    item.id = `message-${message.id}`;
    item.dataset.id = message.id;
    item.dataset.author = message.author;
    const meta = element("p", "chat-message__meta");
    meta.append(element("strong", "", message.author), " ", when(message.sent_at));
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
    item.append(meta, body);
    addActions(item);
    // History pages can arrive out of order: keep the list in id order.
    const later = [...list.children].find((li) => Number(li.dataset.id) > message.id);
    list.insertBefore(item, later || null);
    lastId = Math.max(lastId, message.id);
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

  const handlers = {
    history: (frame) => {
      frame.messages.forEach(show);
      if (Array.isArray(frame.removed)) frame.removed.forEach((id) => handlers.removed({ id }));
      // A long absence comes back a page at a time: ask for the next until none are left.
      const last = frame.messages[frame.messages.length - 1];
      if (frame.more && last) send({ type: "history", after: last.id });
    },
    message: (frame) => {
      show(frame);
      if (pending && frame.author === me) sent();
      if (frame.author && typing.textContent.startsWith(`${frame.author} `)) typing.textContent = "";
    },
    removed: (frame) => {
      const item = document.getElementById(`message-${frame.id}`);
      if (item) item.remove();
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
    reported: () => say("Thank you. A moderator will look at it."),
    error: (frame) => {
      say(frame.message);
      if (closingErrors.has(frame.code)) closingReason = frame.message;
      if (!pending) return;
      if (frame.code === "held") {
        sent();  // stored, waiting for a moderator: the notice says so
      } else {
        pending = null;  // refused: the words stay in the box beside the reason
        setSendable();
        textBox.focus();
      }
    },
  };

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.socketPath);
    let isCatchingUp = lastId > 0;
    socket.addEventListener("open", () => {
      delay = FIRST_DELAY;
      pending = null;  // unanswered before the drop: the words are still in the box
      setSendable();
      alerts.replaceChildren();
    });
    socket.addEventListener("message", (event) => {
      const frame = parse(event.data, null);
      if (!frame || typeof frame.type !== "string" || !handlers[frame.type]) return;
      if (frame.type === "history") {  // in the room again: any earlier closing is over
        isRetryingSignIn = false;
        closingReason = "";
      }
      // After a reconnect the server's opening history may skip a gap: ask for the rest.
      if (frame.type === "history" && isCatchingUp) {
        isCatchingUp = false;
        const from = lastId;
        handlers.history(frame);
        send({ type: "history", after: from });
        return;
      }
      handlers[frame.type](frame);
    });
    socket.addEventListener("close", (event) => {
      sendButton.disabled = true;
      if (event.code === 4401 && closingReason && !isRetryingSignIn) {
        isRetryingSignIn = true;  // this browser may hold a newer session: try it once
        connect();
        return;
      }
      if (stops[event.code]) {
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
    const connected = socket && socket.readyState === WebSocket.OPEN;
    sendButton.disabled = !connected || !isOpen || pending !== null;
    textBox.disabled = !isOpen;
  }

  function sent() {
    pending = null;
    textBox.value = "";
    const noteBox = form.querySelector("[data-chat-note]");
    if (noteBox) noteBox.value = "";
    form.querySelectorAll('input[name="warnings"]').forEach((box) => { box.checked = false; });
    setSendable();
    textBox.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textBox.value.trim();
    if (!text) {
      say("Type a message first.");
      textBox.focus();
      return;
    }
    const warnings = [...form.querySelectorAll('input[name="warnings"]:checked')].map((box) => box.value);
    const noteBox = form.querySelector("[data-chat-note]");
    const note = noteBox ? noteBox.value.trim() : "";
    if (pending === null && send({ type: "message", text, warnings, note })) {
      pending = text;
      setSendable();
      setTimeout(() => {
        if (pending !== text) return;
        pending = null;
        setSendable();
        say("No answer from the room yet. Your words are still in the box: try sending again.");
      }, ANSWER_WAIT);
    }
  });
  textBox.addEventListener("input", () => {
    const now = Date.now();
    if (now - lastTypingSent > 4000 && textBox.value.trim()) {
      lastTypingSent = now;
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "typing" }));
    }
  });

  // The buttons added below replace the page's plain Report and Remove forms.
  list.classList.add("chat__messages--live");
  list.querySelectorAll(".chat-message").forEach((item) => {
    lastId = Math.max(lastId, Number(item.dataset.id));
    addActions(item);
  });
  connect();
})();
