/*
 * The dashboard's charts (Chart.js): each canvas names, in data-chart-source, the list or table that
 * holds its figures, so the same numbers stay readable as text for screen readers and keyboards; the
 * chart only draws them. data-chart: doughnut | bar | hbar | timeline (a time axis of the next 90 days,
 * one mark per certificate, coloured by its expiry band).
 */
(function () {
    'use strict';

    if (typeof Chart === 'undefined') {
        return;
    }
    var GRADE_COLOURS = {'A+': '#198754', 'A': '#20c997', 'B': '#ffc107', 'C': '#fd7e14', 'F': '#dc3545', '-': '#6c757d'};
    var SEVERITY_COLOURS = {'ERROR': '#dc3545', 'WARNING': '#ffc107', 'INFO': '#0dcaf0'};
    var TONE_COLOURS = {'danger': '#dc3545', 'warning': '#ffc107', 'info': '#0dcaf0', 'success': '#198754', 'secondary': '#6c757d'};
    var DAY = 24 * 60 * 60 * 1000;

    function items(canvas) {
        var source = document.querySelector(canvas.dataset.chartSource);
        return source ? Array.prototype.slice.call(source.querySelectorAll('[data-chart-label]')) : [];
    }

    function counts(canvas, type) {
        var rows = items(canvas);
        var colours = rows.map(function (row) {
            return GRADE_COLOURS[row.dataset.chartGrade] || SEVERITY_COLOURS[row.dataset.chartSeverity] || '#0d6efd';
        });
        return new Chart(canvas, {
            type: type === 'hbar' ? 'bar' : type,
            data: {
                labels: rows.map(function (row) { return row.dataset.chartLabel; }),
                datasets: [{data: rows.map(function (row) { return Number(row.dataset.chartValue); }),
                    backgroundColor: colours, borderColor: '#fff', borderWidth: 1}]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                indexAxis: type === 'hbar' ? 'y' : 'x',
                plugins: {legend: {display: type === 'doughnut', position: 'right'}},
                scales: type === 'doughnut' ? {} : {x: {beginAtZero: true, ticks: {precision: 0}}, y: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
    }

    function timeline(canvas) {
        var rows = items(canvas);
        var now = Date.now();
        var points = rows.map(function (row, i) {
            return {x: Date.parse(row.dataset.chartX), y: (i % 5) + 1, label: row.dataset.chartLabel, link: row.dataset.chartLink,
                colour: TONE_COLOURS[row.dataset.chartTone] || '#0d6efd'};
        });
        var hasAdapter = Chart._adapters && Chart._adapters._date && typeof luxon !== 'undefined';
        var chart = new Chart(canvas, {
            type: 'scatter',
            data: {datasets: [{data: points, pointRadius: 6, pointHoverRadius: 8, pointStyle: 'rectRot',
                backgroundColor: points.map(function (p) { return p.colour; })}]},
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                plugins: {legend: {display: false}, tooltip: {callbacks: {label: function (ctx) {
                    return ctx.raw.label + ': ' + new Date(ctx.raw.x).toISOString().substring(0, 10);
                }}}},
                scales: {
                    x: hasAdapter ? {type: 'time', min: now, max: now + 90 * DAY, time: {unit: 'week'}}
                        : {type: 'linear', min: now, max: now + 90 * DAY},
                    y: {display: false, min: 0, max: 6}
                },
                onClick: function (event, elements) {
                    if (elements.length && points[elements[0].index].link) {
                        window.location.assign(points[elements[0].index].link);
                    }
                }
            }
        });
        return chart;
    }

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var type = canvas.dataset.chart;
        canvas.chart = type === 'timeline' ? timeline(canvas) : counts(canvas, type);
        canvas.dataset.ready = 'true';
    });
})();
