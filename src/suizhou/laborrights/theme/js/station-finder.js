/*
 * Station finder and station page: the map (Leaflet, served by this site), the
 * "nearest to me" button and the township select that follows the district.
 *
 * Everything here is an enhancement: the station list, the filters and the
 * station pages work without it. The map's tile server is a site setting; when
 * it is empty no tiles are loaded and the map only shows the stations' relative
 * positions (government networks may have no tile server).
 *
 * The map's settings are in the element's data-map attribute; its markers are
 * either there too ("stations", a station's own page) or fetched from the
 * site ("stations_url", the finder: @@station-map.json with the page's filters).
 * Positions arrive in the datum of the tiles (the server converts them for GCJ-02 tiles).
 */
(function () {
  "use strict";

  var LEVEL_LABELS = { center: "中", station: "站", point: "点" };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  function initMap() {
    var element = document.getElementById("sz-station-map");
    if (!element || !window.L) {
      return;
    }
    var config;
    try {
      config = JSON.parse(element.getAttribute("data-map"));
    } catch (error) {
      return;
    }
    element.innerHTML = "";
    element.classList.add("sz-map-ready");
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", "服务站点地图");

    var map = window.L.map(element, { scrollWheelZoom: false, keyboard: true });
    if (config.tiles) {
      // 天地图 and others: a base layer, and a layer of place names over it when set.
      [config.tiles, config.labels].forEach(function (url, index) {
        if (url) {
          window.L.tileLayer(url, {
            attribution: index === 0 ? config.attribution || "" : "",
            subdomains: config.subdomains || "abc",
            maxZoom: 18,
          }).addTo(map);
        }
      });
    } else {
      element.classList.add("sz-map-no-tiles");
      var note = document.getElementById("sz-map-note");
      if (note) {
        note.hidden = false;
      }
    }
    window.L.control.scale({ imperial: false }).addTo(map);
    map.setView(config.center, config.zoom);

    if (config.stations) {
      addMarkers(map, config, config.stations);
    } else if (config.stations_url && window.fetch) {
      window
        .fetch(config.stations_url, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (data) {
          addMarkers(map, config, data.stations || []);
        })
        .catch(function () {
          addMarkers(map, config, []);
        });
    }
  }

  function addMarkers(map, config, stations) {
    var points = [];
    stations.forEach(function (station) {
      var level = LEVEL_LABELS[station.level] ? station.level : "station";
      var icon = window.L.divIcon({
        className: "sz-pin-wrap",
        html:
          '<span class="sz-pin sz-pin-' + level + '" aria-hidden="true">' +
          LEVEL_LABELS[level] + "</span>",
        iconSize: [30, 30],
        iconAnchor: [15, 15],
        popupAnchor: [0, -14],
      });
      var marker = window.L.marker([station.lat, station.lon], {
        icon: icon,
        title: station.title,
        keyboard: true,
      }).addTo(map);
      marker.getElement && marker.getElement() &&
        marker.getElement().setAttribute("aria-label", station.title);
      marker.bindPopup(
        '<a href="' + escapeHtml(station.url) + '">' + escapeHtml(station.title) + "</a><br>" +
        escapeHtml(station.level_title) + "<br>" + escapeHtml(station.address)
      );
      points.push([station.lat, station.lon]);
    });
    if (config.here) {
      window.L.circleMarker(config.here, {
        radius: 9,
        color: "#b71c1c",
        weight: 3,
        fillColor: "#ffffff",
        fillOpacity: 1,
      })
        .addTo(map)
        .bindTooltip("我的位置", { permanent: true, direction: "top" });
      points.push(config.here);
    }
    if (points.length > 1) {
      map.fitBounds(points, { padding: [30, 30], maxZoom: 15 });
    } else if (points.length === 1) {
      map.setView(points[0], 14);
    } else {
      map.setView(config.center, config.zoom);
    }
  }

  function initNearest() {
    var button = document.getElementById("sz-nearest");
    var status = document.getElementById("sz-nearest-status");
    if (!button || !("geolocation" in navigator)) {
      return;
    }
    var bar = document.getElementById("sz-nearest-bar");
    if (bar) {
      bar.hidden = false;
    }
    button.addEventListener("click", function () {
      var form = button.form;
      status.textContent = "正在获取您的位置……";
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var lat = form.querySelector("input[name=lat]");
          var lon = form.querySelector("input[name=lon]");
          lat.value = position.coords.latitude.toFixed(5);
          lon.value = position.coords.longitude.toFixed(5);
          lat.disabled = false;
          lon.disabled = false;
          status.textContent = "已获取位置，正在按距离排序……";
          form.submit();
        },
        function () {
          button.disabled = false;
          status.textContent =
            "无法获取您的位置（可能未允许定位）。请选择区县、乡镇查找，或拨打 12333 咨询。";
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 }
      );
    });
  }

  function initTownships() {
    var district = document.getElementById("sz-f-district");
    var township = document.getElementById("sz-f-township");
    if (!district || !township) {
      return;
    }
    function update() {
      var chosen = district.value;
      Array.prototype.forEach.call(township.querySelectorAll("optgroup"), function (group) {
        var show = !chosen || group.getAttribute("data-district") === chosen;
        group.hidden = !show;
        group.disabled = !show;
      });
      var selected = township.options[township.selectedIndex];
      if (selected && selected.parentNode.disabled) {
        township.value = "";
      }
    }
    district.addEventListener("change", update);
    update();
  }

  // The map is drawn when it comes near the screen (on a phone it is below the list): the page
  // is usable sooner and a visitor who never scrolls to it spends nothing on it.
  function initMapWhenVisible() {
    var element = document.getElementById("sz-station-map");
    if (!element || !window.IntersectionObserver) {
      initMap();
      return;
    }
    var observer = new window.IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          initMap();
        }
      },
      { rootMargin: "300px 0px" }
    );
    observer.observe(element);
  }

  // "在手机地图中打开": the links are the map services' web addresses, which work everywhere
  // (WeChat blocks other apps' schemes; iOS Safari shows an error for an app not installed).
  // On Android outside WeChat the app's own scheme is tried first, and the web address opened
  // if the page is still showing after a moment (no app took over).
  function initMapApps() {
    var agent = navigator.userAgent || "";
    if (!/Android/i.test(agent) || /MicroMessenger/i.test(agent)) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("a.sz-map-app[data-app]"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var web = link.href;
        var timer = window.setTimeout(function () {
          if (!document.hidden) {
            window.location.href = web;
          }
        }, 1500);
        document.addEventListener("visibilitychange", function () {
          if (document.hidden) {
            window.clearTimeout(timer);
          }
        }, { once: true });
        window.location.href = link.getAttribute("data-app");
      });
    });
  }

  function init() {
    initMapApps();
    initTownships();
    initNearest();
    initMapWhenVisible();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
