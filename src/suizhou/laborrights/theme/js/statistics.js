/* The charts of the statistics page (@@statistics): each .statistics-chart holds its numbers as
   JSON in data-chart, the same rows as the table beneath it (which screen readers read; the
   chart is aria-hidden). Apache ECharts is vendored in ../vendor/echarts/. */
(function () {
  "use strict";

  function draw(element) {
    var data = JSON.parse(element.getAttribute("data-chart"));
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64, containLabel: true },
      xAxis: { type: "category", data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: data.series.map(function (series) {
        return { name: series.name, type: data.type, data: series.data, label: { show: data.type === "bar", position: "top" } };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
    element.setAttribute("data-drawn", "true");
  }

  function drawAll() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll(".statistics-chart[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
