/*
 * Reading aids for everyone, older visitors first: larger text and high contrast.
 * The choice is kept in this browser (localStorage) and applied before the page
 * is drawn, so pages do not flicker. The buttons stay hidden without scripts;
 * the browser's own zoom works either way.
 */
(function () {
  "use strict";

  var KEY = "sz-reading-aids";
  var AIDS = { large: "sz-large-text", contrast: "sz-high-contrast" };
  var root = document.documentElement;

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* private mode: the choice lasts for this page only */
    }
  }

  function apply(state) {
    Object.keys(AIDS).forEach(function (aid) {
      root.classList.toggle(AIDS[aid], !!state[aid]);
    });
  }

  var state = load();
  apply(state);

  function init() {
    Object.keys(AIDS).forEach(function (aid) {
      var button = document.getElementById("sz-toggle-" + aid);
      if (!button) {
        return;
      }
      button.hidden = false;
      button.setAttribute("aria-pressed", state[aid] ? "true" : "false");
      button.addEventListener("click", function () {
        state[aid] = !state[aid];
        button.setAttribute("aria-pressed", state[aid] ? "true" : "false");
        apply(state);
        save(state);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
