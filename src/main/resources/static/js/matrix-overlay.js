// TLS Topology Console — the matrix's topology overlay: a chip in each cell with how many actual
// connections use that component pair, coloured by their worst grade, linking to those connections.
// The counts come from the effective-policy feature as JSON; the catalog's grid itself is unchanged.
(function () {
    'use strict';

    function columns(table) {
        return Array.prototype.map.call(table.querySelectorAll('tr.mx-names th.mx-colhead a'), function (a) {
            return a.getAttribute('title');
        });
    }

    function rowsByComponent(table) {
        var rows = {};
        table.querySelectorAll('tr[data-component]').forEach(function (tr) {
            rows[tr.getAttribute('data-component')] = tr;
        });
        return rows;
    }

    function chip(pair) {
        var a = document.createElement('a');
        a.className = 'mx-topo badge ' + pair.worstClass;
        a.href = pair.link;
        a.textContent = pair.connections;
        a.setAttribute('data-testid', 'matrix-topology-chip');
        var parts = Object.keys(pair.grades).map(function (grade) {
            return grade + ': ' + pair.grades[grade];
        });
        a.title = pair.connections + ' connection(s) ' + pair.client + ' \u2192 ' + pair.server + ' (' + parts.join(', ') + ')';
        a.setAttribute('aria-label', a.title);
        return a;
    }

    function show(button, table, pairs) {
        var names = columns(table);
        var rows = rowsByComponent(table);
        var placed = 0;
        var outside = 0;
        pairs.forEach(function (pair) {
            var row = rows[pair.client];
            var column = names.indexOf(pair.server);
            if (!row || column < 0) {
                outside += pair.connections;
                return;
            }
            var cell = row.children[column + 1];
            if (cell) {
                cell.appendChild(chip(pair));
                cell.classList.add('mx-used');
                placed += pair.connections;
            }
        });
        var summary = document.getElementById(button.getAttribute('data-overlay-summary'));
        if (summary) {
            summary.textContent = button.getAttribute('data-shown-text').replace('{0}', placed).replace('{1}', outside);
            summary.hidden = false;
        }
    }

    function hide(button, table) {
        table.querySelectorAll('.mx-topo').forEach(function (chipElement) {
            chipElement.remove();
        });
        table.querySelectorAll('.mx-used').forEach(function (cell) {
            cell.classList.remove('mx-used');
        });
        var summary = document.getElementById(button.getAttribute('data-overlay-summary'));
        if (summary) {
            summary.hidden = true;
        }
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-overlay-url]');
        if (!button) {
            return;
        }
        var table = document.querySelector('[data-testid=matrix-table]');
        if (!table) {
            return;
        }
        var on = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', on ? 'true' : 'false');
        button.classList.toggle('active', on);
        if (!on) {
            hide(button, table);
            return;
        }
        fetch(button.getAttribute('data-overlay-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (pairs) {
                show(button, table, pairs);
            })
            .catch(function () {
                button.setAttribute('aria-pressed', 'false');
                button.classList.remove('active');
            });
    });
})();
