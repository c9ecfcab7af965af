// The participant's page. Plain ES5 (no arrow functions, no fetch, no promises) so an old
// phone's browser runs it; everything a phone is sent is put on the page as text
// (textContent), never as HTML.
(function () {
  "use strict";
  var token = null;
  var view = null;
  var stream = null;
  var polling = null;
  var chosen = {};
  var store = window.sessionStorage || null;

  function $(id) { return document.getElementById(id); }
  function remember(key, value) {
    try { if (store) { if (value === null) { store.removeItem(key); } else { store.setItem(key, value); } } } catch (e) { /* private mode */ }
  }
  function recall(key) {
    try { return store ? store.getItem(key) : null; } catch (e) { return null; }
  }

  function send(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path, true);
    xhr.timeout = 10000;
    if (body) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      if (xhr.status >= 200 && xhr.status < 300 && answer) {
        done(null, answer);
      } else {
        var words = answer && answer.error ? answer.error
          : "The laptop could not be reached. Check you are on the room's Wi-Fi, then try again.";
        done({ status: xhr.status, words: words }, null);
      }
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function announce(words) {
    var region = $("announce");
    region.textContent = "";
    window.setTimeout(function () { region.textContent = words; }, 100);
  }

  function showJoin(message) {
    token = null;
    remember("cmoc-token", null);
    stopFollowing();
    $("room").hidden = true;
    $("join").hidden = false;
    $("join-error").textContent = message || "";
  }

  function join(code) {
    $("join-error").textContent = "";
    $("join-button").disabled = true;
    send("POST", "/join", { code: code }, function (error, answer) {
      $("join-button").disabled = false;
      if (error) {
        $("join-error").textContent = error.words;
        $("code").focus();
        return;
      }
      token = answer.token;
      remember("cmoc-token", token);
      enterRoom();
    });
  }

  function enterRoom() {
    $("join").hidden = true;
    $("room").hidden = false;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "/");
    }
    $("step-title").focus();
    follow();
  }

  function stopFollowing() {
    if (stream) { stream.close(); stream = null; }
    if (polling) { window.clearInterval(polling); polling = null; }
  }

  function follow() {
    stopFollowing();
    poll();
    if (window.EventSource) {
      stream = new window.EventSource("/events?token=" + encodeURIComponent(token));
      stream.addEventListener("step", function (event) {
        try { show(JSON.parse(event.data)); } catch (e) { /* a broken frame: the next one comes */ }
      });
      stream.onerror = function () {
        // The stream failed (a proxy, a busy server): ask every second instead.
        if (stream) { stream.close(); stream = null; }
        startPolling();
      };
    } else {
      startPolling();
    }
  }

  function startPolling() {
    if (!polling) { polling = window.setInterval(poll, 1000); }
  }

  function poll() {
    if (!token) { return; }
    send("GET", "/step?token=" + encodeURIComponent(token), null, function (error, answer) {
      if (error && error.status === 401) { showJoin(error.words); return; }
      if (answer) { show(answer); }
    });
  }

  function setText(id, words) { $(id).textContent = words || ""; }

  function show(next) {
    if (view && next.seq <= view.seq) { return; }
    var moved = !view || view.title !== next.title || view.card !== next.card;
    var first = !view;
    view = next;
    setText("position", next.position);
    setText("badge", next.badge);
    setText("step-title", next.title || "Waiting for the facilitator");
    setText("plain", next.plain);
    var parts = $("parts");
    while (parts.firstChild) { parts.removeChild(parts.firstChild); }
    for (var i = 0; i < next.parts.length; i++) {
      var dt = document.createElement("dt");
      dt.textContent = next.parts[i].name;
      var dd = document.createElement("dd");
      dd.textContent = next.parts[i].text;
      parts.appendChild(dt);
      parts.appendChild(dd);
    }
    showGroups(next.groups);
    $("respond").hidden = !next.open || next.card === null || next.card === undefined;
    showChosen();
    if (!next.open) {
      setText("step-title", "The session has ended");
      setText("plain", "Thank you for taking part. You can close this page.");
      setText("position", "");
      setText("badge", "");
      stopFollowing();
      announce("The session has ended. Thank you for taking part.");
      return;
    }
    if (moved) {
      setText("react-status", "");
      setText("comment-status", "");
      if (!first) {
        announce("Now showing: " + (next.badge ? next.badge + ". " : "") + next.title);
      }
    }
  }

  function showGroups(groups) {
    var select = $("group");
    var current = recall("cmoc-group") || "";
    var names = [];
    for (var i = 1; i < select.options.length; i++) { names.push(select.options[i].value); }
    if (names.join("\n") === groups.join("\n")) { return; }
    while (select.options.length > 1) { select.remove(1); }
    for (var j = 0; j < groups.length; j++) {
      var option = document.createElement("option");
      option.value = groups[j];
      option.textContent = groups[j];
      select.appendChild(option);
    }
    select.value = groups.indexOf(current) >= 0 ? current : "";
  }

  function showChosen() {
    var buttons = document.querySelectorAll(".reaction");
    var mine = view && view.card !== null ? chosen[view.card] : null;
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute("data-reaction") === mine;
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
  }

  function react(button) {
    if (!view || view.card === null) { return; }
    var card = view.card;
    var reaction = button.getAttribute("data-reaction");
    send("POST", "/react", { token: token, card: card, reaction: reaction, group: $("group").value },
      function (error) {
        if (error) {
          setText("react-status", error.words);
          if (error.status === 401) { showJoin(error.words); }
          return;
        }
        chosen[card] = reaction;
        showChosen();
        setText("react-status", "You said: " + button.textContent + ". You can change it.");
      });
  }

  function comment(event) {
    event.preventDefault();
    var box = $("comment");
    var text = box.value.replace(/^\s+|\s+$/g, "");
    if (!text) { setText("comment-status", "Write something first."); box.focus(); return; }
    if (!view || view.card === null) { return; }
    send("POST", "/comment", { token: token, card: view.card, text: text, group: $("group").value },
      function (error) {
        if (error) {
          setText("comment-status", error.words);
          if (error.status === 401) { showJoin(error.words); }
          return;
        }
        box.value = "";
        setText("comment-status", "Sent to the facilitator. Thank you.");
      });
  }

  function start() {
    $("join-form").addEventListener("submit", function (event) {
      event.preventDefault();
      join($("code").value);
    });
    $("comment-form").addEventListener("submit", comment);
    $("group").addEventListener("change", function () { remember("cmoc-group", $("group").value); });
    var buttons = document.querySelectorAll(".reaction");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", (function (b) { return function () { react(b); }; })(buttons[i]));
    }
    token = recall("cmoc-token");
    var code = window.location.hash ? window.location.hash.substring(1) : "";
    if (token) {
      enterRoom();
    } else if (code) {
      $("code").value = decodeURIComponent(code);
      join($("code").value);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
