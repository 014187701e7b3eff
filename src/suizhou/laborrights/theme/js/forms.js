/*
 * The public filing forms (forms/ of the add-on), for a citizen on a phone. Everything here is
 * an aid: without scripts the forms work the same (the server checks every field and lists the
 * problems at the top).
 *
 * - The server's Chinese messages are the only ones: the browser's own checks are off.
 * - After a refused submission the error summary takes the focus; its links move the focus to
 *   the field itself; each refused field is marked invalid and described by its message.
 * - Drafts: what is typed is kept in this browser (localStorage, one entry per form) until the
 *   form is filed, so a dropped connection or a closed tab loses nothing. Never kept: the ID
 *   number, files, the anti-robot fields and the declaration. The receipt page (shown only
 *   after a successful filing) removes every draft. The form says so (.laborrights-draft-notice)
 *   and offers to clear the draft at once (on a shared device).
 */
(function () {
  "use strict";

  var PREFIX = "sz-draft:";
  var NEVER_KEPT = /(id_number|challenge|website|confirm|_authenticator|empty-marker)/;

  function storage() {
    try {
      var store = window.localStorage;
      store.setItem(PREFIX + "test", "1");
      store.removeItem(PREFIX + "test");
      return store;
    } catch (error) {
      return null; /* private mode or storage off: no drafts */
    }
  }

  function clearAllDrafts(store) {
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var key = store.key(index);
      if (key && key.indexOf(PREFIX) === 0) {
        store.removeItem(key);
      }
    }
  }

  function kept(element) {
    var type = (element.type || "").toLowerCase();
    return (
      element.name &&
      !NEVER_KEPT.test(element.name) &&
      ["file", "hidden", "submit", "button", "password"].indexOf(type) < 0
    );
  }

  function collect(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) {
        return;
      }
      var type = (element.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        values[element.name] = values[element.name] || [];
        if (element.checked) {
          values[element.name].push(element.value);
        }
      } else if (element.tagName === "SELECT" && element.multiple) {
        values[element.name] = Array.prototype.filter
          .call(element.options, function (option) {
            return option.selected;
          })
          .map(function (option) {
            return option.value;
          });
      } else {
        values[element.name] = element.value;
      }
    });
    return values;
  }

  function restore(form, values) {
    /* What the address presets (a station's QR code: its district and township) wins. */
    var preset = window.location.search;
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element) || !Object.prototype.hasOwnProperty.call(values, element.name)) {
        return;
      }
      if (preset.indexOf(element.name.replace(/:list$/, "") + "=") >= 0) {
        return;
      }
      var value = values[element.name];
      var type = (element.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        element.checked = value.indexOf(element.value) >= 0;
      } else if (element.tagName === "SELECT" && element.multiple) {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = value.indexOf(option.value) >= 0;
        });
      } else if (typeof value === "string") {
        element.value = value;
      }
    });
  }

  function initDrafts(form, summary) {
    var store = storage();
    var notice = document.querySelector(".laborrights-draft-notice");
    if (!store || !notice) {
      return;
    }
    var key = PREFIX + window.location.pathname.replace(/\/(view)?$/, "");
    var timer = null;
    if (!summary) {
      /* A refused submission shows what was sent: the server's values win over the draft. */
      try {
        restore(form, JSON.parse(store.getItem(key)) || {});
      } catch (error) {
        store.removeItem(key);
      }
    }
    function save() {
      timer = null;
      try {
        store.setItem(key, JSON.stringify(collect(form)));
      } catch (error) {
        /* storage full: the draft is not kept */
      }
    }
    function later() {
      if (!timer) {
        timer = window.setTimeout(save, 500);
      }
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    notice.hidden = false;
    var clear = notice.querySelector("button");
    if (clear) {
      clear.addEventListener("click", function () {
        store.removeItem(key);
        form.reset();
        clear.disabled = true;
      });
    }
  }

  function initErrors(summary) {
    Array.prototype.forEach.call(document.querySelectorAll(".easyformForm .field.error"), function (field) {
      var message = field.querySelector(".invalid-feedback");
      if (message && !message.id) {
        message.id = field.id + "-error";
      }
      Array.prototype.forEach.call(field.querySelectorAll("input, select, textarea"), function (input) {
        if (input.type === "hidden") {
          return;
        }
        input.setAttribute("aria-invalid", "true");
        if (message) {
          var described = input.getAttribute("aria-describedby");
          input.setAttribute("aria-describedby", (described ? described + " " : "") + message.id);
        }
      });
    });
    if (!summary) {
      return;
    }
    summary.focus();
    Array.prototype.forEach.call(summary.querySelectorAll("a[href^='#']"), function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        var input = field && field.querySelector("input:not([type=hidden]), select, textarea");
        if (input) {
          event.preventDefault();
          field.scrollIntoView({ block: "center" });
          input.focus();
        }
      });
    });
  }

  function ready() {
    var store;
    if (document.querySelector("[data-laborrights-filed]")) {
      store = storage();
      if (store) {
        clearAllDrafts(store);
      }
      return;
    }
    var form = document.querySelector("form.easyformForm");
    if (!form) {
      return;
    }
    form.noValidate = true;
    var summary = document.getElementById("error-summary");
    initErrors(summary);
    initDrafts(form, summary);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
