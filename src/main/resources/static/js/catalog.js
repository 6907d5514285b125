// Supported-component matrix screens. Loaded as a file: the CSP forbids inline scripts.
// Without JavaScript everything still works: cells are links to the pair page, filters are GET forms.
(function () {
    'use strict';

    // A cell's tooltip is created the first time it is hovered or focused: a grid holds thousands of cells,
    // and creating every tooltip up front would slow the page down for nothing.
    function showTip(event) {
        var link = event.target.closest && event.target.closest('a.mx-link');
        if (!link || !window.bootstrap || bootstrap.Tooltip.getInstance(link)) {
            return;
        }
        bootstrap.Tooltip.getOrCreateInstance(link, {container: 'body'}).show();
    }
    document.addEventListener('mouseover', showTip);
    document.addEventListener('focusin', showTip);

    // Selecting a cell opens its links and notes in the side panel instead of leaving the grid; closing the
    // panel puts the keyboard focus back on that cell.
    var lastCell = null;
    document.addEventListener('hidden.bs.offcanvas', function (event) {
        if (event.target.id === 'cell-details' && lastCell) {
            lastCell.focus();
        }
    });
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a.mx-link');
        if (!link || !window.htmx || !window.bootstrap || event.button !== 0
            || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        var tip = bootstrap.Tooltip.getInstance(link);
        if (tip) {
            tip.hide();
        }
        var panel = document.getElementById('cell-details');
        lastCell = link;
        htmx.ajax('GET', link.getAttribute('href'), {target: '#cell-details-body', swap: 'innerHTML'})
            .then(function () {
                bootstrap.Offcanvas.getOrCreateInstance(panel).show();
            });
    });

    // Choosing a group or a scope filters at once; the Filter button does the same without JavaScript.
    document.addEventListener('change', function (event) {
        var select = event.target;
        if (select.matches && select.matches('select[data-autosubmit]') && select.form) {
            select.form.requestSubmit();
        }
    });
})();
