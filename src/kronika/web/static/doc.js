// Article view: clicking a highlight shows the items that cover it. Data comes from a JSON
// block; everything is written with textContent, never as HTML.
(function () {
  "use strict";
  var dataEl = document.getElementById("items-data");
  if (!dataEl) return;
  var items = JSON.parse(dataEl.textContent);
  var body = document.getElementById("details-body");
  var empty = document.getElementById("details-empty");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function show(ids, target) {
    body.replaceChildren();
    empty.hidden = true;
    document.querySelectorAll(".hl.selected").forEach(function (e) { e.classList.remove("selected"); });
    if (target) target.classList.add("selected");
    ids.forEach(function (id) {
      var it = items[id];
      if (!it) return;
      var box = el("div", "item k-" + it.kind);
      box.dataset.item = id;
      var h = el("h3");
      h.appendChild(el("span", "hl k-" + it.kind + (it.kind === "claim" ? " in-claim" : ""), it.kind));
      h.appendChild(document.createTextNode(" " + it.title));
      box.appendChild(h);
      if (it.kind !== "claim" && it.span !== it.title) box.appendChild(el("p", "muted", "“" + it.span + "”"));
      var dl = el("dl");
      it.fields.forEach(function (kv) {
        dl.appendChild(el("dt", null, kv[0]));
        var dd = el("dd");
        if (kv[0] === "GeoNames id" && /^[0-9]+$/.test(kv[1])) {
          var a = el("a", null, kv[1]);
          a.href = "https://www.geonames.org/" + kv[1];
          a.rel = "noopener noreferrer";
          dd.appendChild(a);
        } else {
          dd.textContent = kv[1];
        }
        dl.appendChild(dd);
      });
      box.appendChild(dl);
      body.appendChild(box);
    });
  }

  var text = document.getElementById("text");
  function activate(e) {
    var t = e.target.closest(".hl[data-items]");
    if (!t) return;
    show(t.dataset.items.split(" "), t);
  }
  text.addEventListener("click", activate);
  text.addEventListener("keydown", function (e) { if (e.key === "Enter") activate(e); });
  document.querySelectorAll("a.jump[data-item]").forEach(function (a) {
    a.addEventListener("click", function () { show([a.dataset.item], null); });
  });
})();
