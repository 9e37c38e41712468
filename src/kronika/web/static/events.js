// Events page: a Leaflet map on an offline basemap (Natural Earth country outlines from
// world-atlas), one marker per location; clicking one lists its events with their sources
// and sentences. Data comes from a JSON block and is written with textContent only.
(function () {
  "use strict";
  var dataEl = document.getElementById("markers-data");
  if (!dataEl || typeof L === "undefined") return;
  var events = JSON.parse(dataEl.textContent);
  var panel = document.getElementById("event-body");
  var empty = document.getElementById("event-empty");

  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([48, 31], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · GeoNames (CC BY 4.0) · Leaflet");
  map.createPane("basemap");
  map.getPane("basemap").style.zIndex = 200;

  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { pane: "basemap", interactive: false,
        style: { color: "#9a9a8f", weight: 0.8, fillColor: "#f4f2ea", fillOpacity: 1 } }).addTo(map);
      document.getElementById("map").dataset.basemap = "loaded";
    });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function link(href, text) { var a = el("a", null, text); a.href = href; return a; }

  function show(group) {
    panel.replaceChildren();
    empty.hidden = true;
    var head = el("p", "meta", group[0].place ? group[0].place + " · " + group.length + " event(s)" : group.length + " event(s)");
    panel.appendChild(head);
    group.forEach(function (ev) {
      var box = el("div", "event-item");
      box.dataset.event = ev.doc_id + "/" + ev.id;
      var h = el("h3");
      h.appendChild(link("/event/" + encodeURIComponent(ev.doc_id) + "/" + encodeURIComponent(ev.id), ev.type + " / " + ev.sub));
      box.appendChild(h);
      var bits = [ev.date, ev.kind, ev.actor1 ? (ev.actor1 + (ev.actor2 ? " vs " + ev.actor2 : "")) : null,
                  ev.fatalities !== null && ev.fatalities !== undefined ? ev.fatalities + " killed" : null,
                  ev.status !== "occurred" ? ev.status : null].filter(Boolean);
      box.appendChild(el("p", "muted", bits.join(" · ")));
      var src = el("div", "source");
      src.appendChild(el("strong", null, "Source: "));
      src.appendChild(link("/doc/" + encodeURIComponent(ev.doc_id) + "#s" + ev.sentence, ev.title || ev.doc_id));
      src.appendChild(el("span", "muted", " " + [ev.source, ev.published].filter(Boolean).join(" · ")));
      box.appendChild(src);
      box.appendChild(el("blockquote", "sentence", ev.text));
      panel.appendChild(box);
    });
  }

  var groups = {};
  events.forEach(function (ev) {
    var k = ev.lat.toFixed(3) + "," + ev.lon.toFixed(3) + (ev.region ? ",region" : "");
    (groups[k] = groups[k] || []).push(ev);
  });
  var layer = L.featureGroup().addTo(map);
  Object.keys(groups).forEach(function (k) {
    var g = groups[k];
    // a region's point (an oblast, a country) is drawn as a region: hollow and dashed, never as its capital
    var region = g[0].region;
    var m = L.circleMarker([g[0].lat, g[0].lon], region ? {
      radius: 10 + Math.min(10, 2 * Math.log2(g.length)), color: "#1f4e79", weight: 2, dashArray: "4 3",
      fillColor: "#6baed6", fillOpacity: 0.25, className: "event-marker region-marker"
    } : {
      radius: 6 + Math.min(10, 2 * Math.log2(g.length)), color: "#7a1f1f", weight: 1.5,
      fillColor: "#d62728", fillOpacity: 0.75, className: "event-marker"
    });
    var tip = (g[0].place || "") + (region ? " — somewhere in this " + (g[0].level === "country" ? "country" : "region") : "");
    m.bindTooltip(el("span", null, tip + " (" + g.length + ")"));  // a node, not HTML
    m.on("click", function () { show(g); });
    m.addTo(layer);
  });
  if (Object.keys(groups).length) {
    map.fitBounds(layer.getBounds().pad(0.6), { maxZoom: 5 });
  }
})();
