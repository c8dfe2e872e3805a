// The desk's pages, made quicker to work in: drafts kept per claim, focus on the message
// after a save, and keyboard shortcuts. A file, not inline script: the site's CSP allows none.
// Every page works without it.
(function () {
  "use strict";

  var body = document.body;
  var claim = body.getAttribute("data-claim");

  // Drafts. What is typed into a claim page's forms is kept in this browser, per claim and
  // form, until that form is sent: adding evidence or a note reloads the page, and the dispute
  // note or the ruling typed before it comes back. A value the page already holds (the server
  // sent back a refused form) is never overwritten.
  function draftKey(form, field) {
    return "factcheck-draft:" + claim + ":" + form.getAttribute("data-draft") + ":" + field.name;
  }

  function typedFields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      var type = (field.type || "").toLowerCase();
      return field.name && ["hidden", "submit", "button", "checkbox", "file"].indexOf(type) < 0;
    });
  }

  function restore(form, field) {
    var saved = window.localStorage.getItem(draftKey(form, field));
    if (saved === null) {
      return;
    }
    if (field.type === "radio") {
      var group = form.querySelectorAll('input[type="radio"][name="' + field.name + '"]:checked');
      if (!group.length && field.value === saved) {
        field.checked = true;
      }
    } else if (!field.value) {
      field.value = saved;
    }
  }

  function keepDrafts(form) {
    typedFields(form).forEach(function (field) {
      restore(form, field);
      var save = function () {
        if (field.type === "radio" && !field.checked) {
          return;
        }
        if (field.value) {
          window.localStorage.setItem(draftKey(form, field), field.value);
        } else {
          window.localStorage.removeItem(draftKey(form, field));
        }
      };
      field.addEventListener("input", save);
      field.addEventListener("change", save);
    });
    form.addEventListener("submit", function () {
      typedFields(form).forEach(function (field) {
        window.localStorage.removeItem(draftKey(form, field));
      });
    });
  }

  if (claim) {
    try {
      Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), keepDrafts);
    } catch (error) {
      // Storage refused (a private window, a full disk): the forms work as they are.
    }
  }

  // On a narrow screen the queue's filters start folded: the claims come first.
  var filters = document.querySelector("details.filters-box");
  if (filters && window.matchMedia("(max-width: 1000px)").matches &&
      !filters.querySelector(".form-errors")) {
    filters.open = false;
  }

  // The release page: words selected in a paragraph fill in the "Add a quote or claim" form
  // with the paragraph and the characters, counted in the paragraph's text as stored (the
  // screen readers' status notes inside it are not part of it).
  var addForm = document.getElementById("add-claim");

  function offsetIn(paragraph, node, offset) {
    var count = 0;
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var text = walker.currentNode;
      if (text.parentNode.closest(".visually-hidden")) {
        continue;
      }
      if (text === node) {
        return count + offset;
      }
      count += text.data.length;
    }
    return null;
  }

  if (addForm) {
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) {
        return;
      }
      var range = selection.getRangeAt(0);
      var start = range.startContainer.parentNode.closest("[data-position] p");
      var end = range.endContainer.parentNode.closest("[data-position] p");
      if (!start || start !== end) {
        return;
      }
      var from = offsetIn(start, range.startContainer, range.startOffset);
      var to = offsetIn(start, range.endContainer, range.endOffset);
      if (from === null || to === null || from >= to) {
        return;
      }
      addForm.elements.paragraph.value = start.parentNode.getAttribute("data-position");
      addForm.elements.start.value = from;
      addForm.elements.end.value = to;
      addForm.querySelector(".add-claim-preview").textContent = "“" + selection.toString() + "”";
    });
  }

  // After a save, the confirmation is where the keyboard and the screen reader are.
  var message = document.querySelector(".messages .message");
  if (message) {
    message.setAttribute("tabindex", "-1");
    message.focus();
  }

  // Keyboard shortcuts, listed on "?".
  var help = document.getElementById("shortcuts");

  function typing(target) {
    var name = target && target.tagName;
    return name === "INPUT" || name === "TEXTAREA" || name === "SELECT" || target.isContentEditable;
  }

  function follow(selector) {
    var link = document.querySelector(selector);
    if (link) {
      link.click();
    }
    return Boolean(link);
  }

  function moveInQueue(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll(".queue-table a.claim-link"));
    if (!links.length) {
      return;
    }
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : at + step;
    if (next >= 0 && next < links.length) {
      links[next].focus();
    }
  }

  var onQueue = Boolean(document.querySelector(".queue-table"));
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var key = event.key;
    if (key === "?" && help && typeof help.showModal === "function") {
      help.open ? help.close() : help.showModal();
    } else if (onQueue && key === "j") {
      moveInQueue(1);
    } else if (onQueue && key === "k") {
      moveInQueue(-1);
    } else if (onQueue && key === "o") {
      var focused = document.activeElement;
      if (focused && focused.classList.contains("claim-link")) {
        focused.click();
      } else {
        follow(".queue-table a.claim-link");
      }
    } else if (claim && key === "j") {
      follow("#next-claim");
    } else if (claim && key === "k") {
      follow("#previous-claim");
    } else if (claim && key === "t") {
      follow("button.action-take");
    } else {
      return;
    }
    event.preventDefault();
  });

  if (help) {
    var close = help.querySelector("button");
    close.addEventListener("click", function () {
      help.close();
    });
    var opener = document.getElementById("shortcuts-open");
    if (opener) {
      opener.hidden = false;
      opener.addEventListener("click", function () {
        help.showModal();
      });
    }
  }
})();
