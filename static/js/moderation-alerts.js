// Live alerts on every page a moderator opens: a banner for each urgent or high-priority item
// as it arrives, announced without moving focus. Without JavaScript, or while the socket is
// down, the queue count in the header shows new items when a page loads.
(() => {
  "use strict";
  const root = document.querySelector(".live-alerts[data-socket-path]");
  if (!root || !("WebSocket" in window)) return;

  const lists = {
    urgent: root.querySelector('[data-alerts="urgent"]'),
    high: root.querySelector('[data-alerts="high"]'),
  };
  const state = root.querySelector("[data-alerts-state]");
  const labels = { urgent: "New urgent item", high: "New high-priority item" };
  // Codes the server closes with when retrying cannot help.
  const stops = {
    4401: "Live alerts are off because you are signed out. Log in again, then refresh.",
    4403: "Live alerts are off: they are for moderators only.",
  };
  const MOST_SHOWN = 3; // per priority; older banners go, as the queue lists everything
  const FIRST_DELAY = 1000;
  const LONGEST_DELAY = 30000;
  const pageTitle = document.title;
  let delay = FIRST_DELAY;
  let hasConnected = false;
  let unseen = 0;

  function say(text) {
    state.textContent = text;
    state.hidden = false;
  }

  // In a background tab the banner is out of sight: the tab's title counts new alerts.
  function countUnseen(change) {
    unseen = document.visibilityState === "visible" ? 0 : unseen + change;
    document.title = unseen ? `(${unseen}) ${pageTitle}` : pageTitle;
  }

  function show(alert) {
    const list = lists[alert.priority];
    if (!list || typeof alert.url !== "string" || !alert.url.startsWith("/")) return;
    const banner = document.createElement("p");
    banner.className = `live-alert live-alert--${alert.priority}`;
    // textContent, never HTML: a reason can quote a member's words.
    banner.append(`${labels[alert.priority]}: ${alert.reason}. `);
    const link = document.createElement("a");
    link.href = alert.url;
    link.textContent = "Open it";
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "live-alert__dismiss";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", () => {
      // Focus was on the button going away: keep it in the page, not lost to its start.
      const next = banner.nextElementSibling || banner.previousElementSibling;
      banner.remove();
      const target = next ? next.querySelector("a") : document.getElementById("main");
      target.focus({ preventScroll: true });
    });
    banner.append(link, " ", dismiss);
    list.append(banner);
    while (list.children.length > MOST_SHOWN) list.firstElementChild.remove();
    countUnseen(1);
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + root.dataset.socketPath);
    socket.addEventListener("open", () => {
      delay = FIRST_DELAY;
      say(hasConnected
        ? "Live alerts are back on. Refresh the page to see anything that came in meanwhile."
        : "Live alerts are on: new urgent and high-priority items appear here.");
      hasConnected = true;
    });
    socket.addEventListener("message", (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && frame.type === "alert") show(frame);
    });
    socket.addEventListener("close", (event) => {
      if (stops[event.code]) {
        say(stops[event.code]);
        return;
      }
      say("Live alerts are reconnecting. Until then, refresh the page to see new items.");
      // Jittered, so a restarted server is not met by every moderator at the same moment.
      setTimeout(connect, delay + Math.random() * delay * 0.5);
      delay = Math.min(delay * 2, LONGEST_DELAY);
    });
  }

  document.addEventListener("visibilitychange", () => countUnseen(0));
  connect();
})();
