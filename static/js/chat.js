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
  const sanctionUrl = root.dataset.sanctionUrl || "";
  const timeZone = root.dataset.timeZone || undefined;
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

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    say("Not connected just now. Trying again…");
    return false;
  }

  // Each message's actions, for server-rendered and live messages alike: Delete on your own,
  // Report on others'; moderators also Remove and reach the writer's sanctions page.
  function addActions(item) {
    if (item.hasAttribute("data-hidden")) return;  // its plain Restore form stays
    const id = Number(item.dataset.id);
    const author = item.dataset.author;
    const actions = element("div", "chat-message__actions");
    const button = (text, hidden, onClick) => {
      const made = element("button", "link-button", text);
      made.type = "button";
      made.append(element("span", "visually-hidden", hidden));
      made.addEventListener("click", () => onClick(made));
      actions.append(made);
    };
    if (author === me) {
      button("Delete", " your message", (opener) => askInDialog(opener, {
        heading: "Delete your message?",
        text: "It goes from everyone's screen. You can't undo this.",
        confirm: "Delete it",
      }, () => send({ type: "delete", id })));
    } else {
      button("Report", ` the message from ${author}`, () => showReportForm(item, id));
      if (canRemove) {
        button("Remove", ` the message from ${author}`, (opener) => askInDialog(opener, {
          heading: `Remove the message from ${author}?`,
          text: "It goes from everyone's screen, and into the audit log.",
          reasonLabel: "Why remove it? The member is told",
          confirm: "Remove for everyone",
        }, (reason) => send({ type: "remove", id, reason })));
      }
      if (canRemove && sanctionUrl) {
        const link = element("a", "", `Warn, mute, suspend or ban ${author}`);
        link.href = sanctionUrl.replace("NAME", encodeURIComponent(author));
        actions.append(link);
      }
    }
    item.append(actions);
  }

  // A native modal dialog: the keyboard stays inside it, Escape cancels, and focus goes back
  // to the button that opened it. `onConfirm` gets the reason typed, if one was asked for.
  function askInDialog(opener, { heading, text, reasonLabel, confirm }, onConfirm) {
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
      form.append(label, reasonBox);
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
    reported: (frame) => {
      reportAnswered(frame);
      say("Thank you. A moderator will look at it.");
    },
    error: (frame) => {
      say(frame.message);
      reportAnswered(frame);
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

  // The buttons added below replace the page's plain Report, Delete and Remove forms.
  list.classList.add("chat__messages--live");
  list.querySelectorAll(".chat-message").forEach((item) => {
    lastId = Math.max(lastId, Number(item.dataset.id));
    addActions(item);
  });
  connect();
})();
