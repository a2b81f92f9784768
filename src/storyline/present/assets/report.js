// storyline brief: pagination, filtering and citation jumps. Plain DOM, no libraries, no network.
// Text from articles is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var pagers = [];

  function Pager(list) {
    this.list = list;
    this.size = parseInt(list.getAttribute("data-page-size"), 10) || 20;
    this.items = Array.prototype.filter.call(list.children, function (el) {
      return el.classList.contains("pg-item");
    });
    this.visible = this.items.slice();
    this.page = 0;
    this.nav = document.createElement("div");
    this.nav.className = "pager";
    this.nav.setAttribute("role", "navigation");
    this.nav.setAttribute("aria-label", (list.getAttribute("data-label") || "items") + " pages");
    list.parentNode.insertBefore(this.nav, list.nextSibling);
    this.render();
  }
  Pager.prototype.pages = function () {
    return Math.max(1, Math.ceil(this.visible.length / this.size));
  };
  Pager.prototype.show = function (page) {
    this.page = Math.min(Math.max(0, page), this.pages() - 1);
    this.render();
  };
  Pager.prototype.filter = function (query) {
    var q = query.trim().toLowerCase();
    this.visible = this.items.filter(function (el) {
      return !q || (el.getAttribute("data-key") || el.textContent).toLowerCase().indexOf(q) !== -1;
    });
    this.page = 0;
    this.render();
  };
  Pager.prototype.reveal = function (item) {
    var at = this.visible.indexOf(item);
    if (at === -1) {  // filtered out: clear the filter so the cited item can be shown
      var box = document.querySelector('[data-filter-for="' + this.list.id + '"]');
      if (box) { box.value = ""; }
      this.filter("");
      at = this.visible.indexOf(item);
    }
    if (at !== -1) { this.show(Math.floor(at / this.size)); }
  };
  Pager.prototype.render = function () {
    var self = this, start = this.page * this.size, end = start + this.size;
    this.items.forEach(function (el) { el.classList.add("pg-hidden"); });
    this.visible.slice(start, end).forEach(function (el) { el.classList.remove("pg-hidden"); });
    var nav = this.nav, count = this.pages();
    while (nav.firstChild) { nav.removeChild(nav.firstChild); }
    if (this.items.length <= this.size) { nav.hidden = true; return; }
    nav.hidden = false;
    function button(label, page, disabled, current) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.disabled = !!disabled;
      if (current) { b.setAttribute("aria-current", "page"); }
      b.addEventListener("click", function () { self.show(page); });
      nav.appendChild(b);
    }
    button("\u2039 prev", this.page - 1, this.page === 0);
    var shown = {};
    [0, count - 1, this.page - 2, this.page - 1, this.page, this.page + 1, this.page + 2].forEach(function (p) {
      if (p >= 0 && p < count) { shown[p] = true; }
    });
    var last = -1;
    Object.keys(shown).map(Number).sort(function (a, b) { return a - b; }).forEach(function (p) {
      if (last !== -1 && p > last + 1) {
        var gap = document.createElement("span");
        gap.textContent = "\u2026";
        nav.appendChild(gap);
      }
      button(String(p + 1), p, false, p === self.page);
      last = p;
    });
    button("next \u203a", this.page + 1, this.page >= count - 1);
    var info = document.createElement("span");
    info.className = "info";
    info.textContent = this.visible.length
      ? (start + 1) + "\u2013" + Math.min(end, this.visible.length) + " of " + this.visible.length
      : "nothing matches";
    nav.appendChild(info);
  };

  // Make an element visible: its page, its closed <details> ancestors.
  function reveal(el) {
    pagers.forEach(function (pager) {
      pager.items.forEach(function (item) {
        if (item === el || item.contains(el)) { pager.reveal(item); }
      });
    });
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }

  var panel = document.getElementById("source-panel");
  var returnTo = null;

  function showSource(button) {
    var article = document.getElementById("art-" + button.getAttribute("data-article"));
    if (!article) { return; }
    var start = parseInt(button.getAttribute("data-start"), 10);
    var end = parseInt(button.getAttribute("data-end"), 10);
    returnTo = button;
    document.querySelectorAll(".sent.hl").forEach(function (s) { s.classList.remove("hl"); });
    var hits = Array.prototype.filter.call(article.querySelectorAll(".sent"), function (s) {
      var a = parseInt(s.getAttribute("data-start"), 10), b = parseInt(s.getAttribute("data-end"), 10);
      return a < end && b > start;
    });
    hits.forEach(function (s) { s.classList.add("hl"); });
    var target = hits[0] || article;
    reveal(target);  // its page of the article list, and the article opened
    target.scrollIntoView({ block: "center" });
    if (panel) {
      panel.querySelector(".src-outlet").textContent = article.getAttribute("data-label") || "";
      panel.querySelector(".src-date").textContent = article.getAttribute("data-dated") || "";
      panel.querySelector("blockquote").textContent = hits.map(function (s) { return s.textContent; }).join(" ")
        || "(the cited passage is outside the annotated text)";
      panel.hidden = false;
    }
  }

  document.addEventListener("click", function (event) {
    var el = event.target instanceof Element ? event.target : null;
    if (!el) { return; }
    var cite = el.closest("button.cite");
    if (cite) { event.preventDefault(); showSource(cite); return; }
    var link = el.closest('a[href^="#"]');
    if (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = id && document.getElementById(id);
      if (target) {
        event.preventDefault();
        reveal(target);
        target.scrollIntoView({ block: "start" });
        target.classList.add("flash");
        setTimeout(function () { target.classList.remove("flash"); }, 1500);
        if (history.replaceState) { history.replaceState(null, "", "#" + id); }
      }
    }
  });

  if (panel) {
    panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; });
    panel.querySelector(".back").addEventListener("click", function () {
      if (returnTo) { returnTo.scrollIntoView({ block: "center" }); returnTo.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; }
    });
  }

  document.querySelectorAll("[data-page-size]").forEach(function (list) { pagers.push(new Pager(list)); });
  document.querySelectorAll("[data-filter-for]").forEach(function (box) {
    var pager = pagers.filter(function (p) { return p.list.id === box.getAttribute("data-filter-for"); })[0];
    if (pager) { box.addEventListener("input", function () { pager.filter(box.value); }); }
  });
  // Opened with a #fragment (a bookmarked entry or article): show it, even on a later page.
  var initial = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (initial) { reveal(initial); initial.scrollIntoView({ block: "start" }); }
  document.documentElement.setAttribute("data-ready", "1");
})();
