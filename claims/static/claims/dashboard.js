// Draws the dashboard's charts from the tables under them: each <canvas data-chart-for="ID">
// charts the table #ID, its row headers along the axis and each column marked data-series as
// one series, the numbers read from the cells' data-value. The tables stay on the page for
// anyone who reads numbers rather than pictures (and for screen readers: the canvases are
// aria-hidden). No inline script: the site's Content-Security-Policy forbids it.
"use strict";
(function () {
  if (typeof Chart === "undefined") {
    return; // the tables say it all
  }
  const style = getComputedStyle(document.documentElement);
  const RATINGS = {
    accurate: "#2e7d43", mostly_accurate: "#5f8f24", misleading: "#a86a00",
    mostly_inaccurate: "#b5521b", inaccurate: "#b3261e", unverifiable: "#5a6270",
  };
  function colour(cell, index) {
    const fallback = ["#2f6fc0", "#c7730f", "#2e8a51", "#6d4bc3", "#8a94a3", "#aaaaaa"];
    if (cell && cell.dataset.rating) {
      return RATINGS[cell.dataset.rating] || fallback[index % fallback.length];
    }
    const status = cell && cell.dataset.status;
    const line = status ? style.getPropertyValue("--" + status + "-line").trim() : "";
    return line || fallback[index % fallback.length];
  }

  function read(table) {
    const headers = Array.from(table.querySelectorAll("thead th[data-series]"));
    const columns = Array.from(table.querySelectorAll("thead th")).filter(
      (th) => th.hasAttribute("data-series"),
    ).map((th) => Array.from(th.parentNode.children).indexOf(th));
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const labels = rows.map((row) => row.querySelector("th").textContent.trim());
    const datasets = headers.map((th, i) => {
      const values = rows.map((row) => Number(row.children[columns[i]].dataset.value || 0));
      // One series, one colour per bar when each row is a status (claims by status).
      const marked = "[data-status], [data-rating]";
      const perRow = headers.length === 1 && rows[0] && rows[0].querySelector(marked);
      const colours = perRow
        ? rows.map((row, r) => colour(row.querySelector(marked), r))
        : colour(th, i);
      return {
        label: th.dataset.series,
        data: values,
        backgroundColor: colours,
        borderColor: colours,
        borderWidth: 1,
        tension: 0.2,
      };
    });
    return { labels, datasets };
  }

  document.querySelectorAll("canvas[data-chart-for]").forEach((canvas) => {
    const table = document.getElementById(canvas.dataset.chartFor);
    if (!table) {
      return;
    }
    const data = read(table);
    const stacked = canvas.dataset.chartStacked === "true";
    const horizontal = canvas.dataset.chartHorizontal === "true";
    new Chart(canvas, {
      type: canvas.dataset.chartType || "bar",
      data: data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: data.datasets.length > 1 } },
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    canvas.closest(".chart-panel").classList.add("charted");
  });
})();
