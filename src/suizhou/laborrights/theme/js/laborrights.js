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

  /*
   * The phone menu (Bootstrap's offcanvas markup of the theme) for the public, who get none of
   * Plone's scripts: the menu button opens it, its close button, Escape or a tap outside close
   * it. Logged-in users have Bootstrap's own, from Plone's bundle.
   */
  function initMenu() {
    var menu = document.getElementById("offcanvasNavbar");
    var opener = document.querySelector('[data-bs-target="#offcanvasNavbar"]');
    if (!menu || !opener || !document.body.classList.contains("userrole-anonymous")) {
      return;
    }
    var backdrop = null;
    opener.setAttribute("aria-expanded", "false");

    function close() {
      menu.classList.remove("show");
      menu.removeAttribute("aria-modal");
      menu.removeAttribute("role");
      opener.setAttribute("aria-expanded", "false");
      if (backdrop) {
        backdrop.remove();
        backdrop = null;
      }
      opener.focus();
    }

    function open() {
      menu.classList.add("show");
      menu.setAttribute("aria-modal", "true");
      menu.setAttribute("role", "dialog");
      opener.setAttribute("aria-expanded", "true");
      backdrop = document.createElement("div");
      backdrop.className = "offcanvas-backdrop fade show";
      backdrop.addEventListener("click", close);
      document.body.appendChild(backdrop);
      menu.focus();
    }

    opener.addEventListener("click", function () {
      if (menu.classList.contains("show")) {
        close();
      } else {
        open();
      }
    });
    menu.querySelectorAll('[data-bs-dismiss="offcanvas"]').forEach(function (button) {
      button.addEventListener("click", close);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("show")) {
        close();
      }
    });
  }

  function ready() {
    init();
    initMenu();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
