// Live updates of a private conversation: new messages appear without a reload.
// Without JavaScript the page is complete, and a refresh shows what is new. Nothing in
// the box is touched: a catch-up fetches the page and adds only the messages missing here.
(function () {
  "use strict";
  var list = document.querySelector("ol.conversation[data-socket]");
  if (!list || !window.WebSocket) return;
  var viewer = list.dataset.viewer;
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";
  var wait = 1000;

  function connect() {
    var socket = new WebSocket(scheme + location.host + list.dataset.socket);
    socket.onopen = function () { wait = 1000; catchUp(); };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "message") add(frame);
      else if (frame.type === "removed") removed(frame.id);
      else if (frame.type === "ended") ended();
    };
    socket.onclose = function (event) {
      if (event.code >= 4400 && event.code < 4500) return;  // not allowed: stop trying
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 30000);
    };
  }

  function add(frame) {
    if (document.getElementById("message-" + frame.id)) return;
    var item = document.createElement("li");
    item.id = "message-" + frame.id;
    item.className = "conversation__message" +
      (String(frame.author_id) === viewer ? " conversation__message--own" : "");
    var who = document.createElement("p");
    who.className = "conversation__who";
    var name = document.createElement("strong");
    name.textContent = frame.author;
    var time = document.createElement("time");
    time.dateTime = frame.sent_at;
    time.textContent = frame.when;
    who.append(name, " ", time);
    var text = document.createElement("p");
    text.className = "conversation__text conversation__text--live";
    text.textContent = frame.text;
    item.append(who, text);
    if (String(frame.author_id) !== viewer) {
      var report = document.createElement("p");
      report.className = "conversation__report";
      var link = document.createElement("a");
      link.href = frame.report_url;
      link.textContent = "Report this message";
      report.append(link);
      item.append(report);
    }
    list.append(item);
  }

  function removed(id) {
    var item = document.getElementById("message-" + id);
    if (!item) return;
    item.querySelectorAll(".conversation__text, .conversation__report").forEach(function (node) {
      node.remove();
    });
    var note = document.createElement("p");
    note.className = "conversation__note";
    note.textContent = "A moderator removed this message.";
    item.append(note);
  }

  function ended() {
    var form = document.querySelector("form.conversation__reply");
    var note = document.createElement("p");
    note.className = "conversation__ended";
    note.setAttribute("role", "status");
    note.textContent = "This conversation has ended. Refresh the page to see who ended it.";
    (form || list).after(note);
    if (form) form.querySelector("button[type=submit]").disabled = true;
  }

  function catchUp() {
    fetch(location.pathname, {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        page.querySelectorAll("ol.conversation > li").forEach(function (item) {
          if (!document.getElementById(item.id)) list.append(document.importNode(item, true));
        });
      })
      .catch(function () {});
  }

  connect();
}());
