/*
 * The topology graph page: draws /graph/data with Cytoscape.js and the fCoSE compound layout (hosts
 * hold their applications), fills the same graph as a table for keyboard and screen-reader users,
 * and marks a preview's changed connections. Above data-collapse-above applications every host
 * starts collapsed into one node; activating a host (click, Enter or "+") expands it.
 * The Cytoscape instance is window.consoleGraph, so browser tests can act on edges deterministically.
 */
(function () {
    'use strict';

    var GRADE_COLOURS = {'A+': '#198754', 'A': '#198754', 'B': '#b58100', 'C': '#d35400', 'F': '#dc3545', '-': '#6c757d'};
    var BADNESS = {'A+': 0, 'A': 1, 'B': 2, 'C': 3, '-': 4, 'F': 5};
    var SHAPES = ['round-rectangle', 'ellipse', 'diamond', 'hexagon', 'triangle', 'octagon', 'rhomboid', 'star',
        'pentagon', 'tag', 'barrel', 'vee', 'round-diamond', 'round-hexagon', 'concave-hexagon', 'round-triangle'];

    var container = document.getElementById('graph-canvas');
    if (!container || typeof cytoscape === 'undefined') {
        return;
    }
    if (typeof cytoscapeFcose !== 'undefined') {
        cytoscape.use(cytoscapeFcose);
    }
    var status = document.getElementById('graph-status');
    var listBody = document.getElementById('graph-list-body');
    var appUrl = container.dataset.appUrl;
    var connectionUrl = container.dataset.connectionUrl;
    var appsLabel = container.dataset.appsLabel || 'applications';
    var haLabel = container.dataset.haLabel || 'HA';
    // a mode in the same words as everywhere else: the mode filter's options carry them (fragments/badges :: mode)
    var MODE_LABELS = {};
    document.querySelectorAll('#mode option[value]').forEach(function (o) {
        if (o.value) {
            MODE_LABELS[o.value] = o.textContent;
        }
    });
    var changes = {};
    document.querySelectorAll('.graph-changes [data-connection-id]').forEach(function (li) {
        changes[li.dataset.connectionId] = {before: li.dataset.before, after: li.dataset.after};
    });

    var data = null;
    var expanded = {};
    var cy = null;
    var cursor = -1;

    function shapeOf(type) {
        var hash = 0;
        for (var i = 0; i < type.length; i++) {
            hash = (hash * 31 + type.charCodeAt(i)) | 0;
        }
        return SHAPES[Math.abs(hash) % SHAPES.length];
    }

    function worse(a, b) {
        if (!a) { return b; }
        if (!b) { return a; }
        return BADNESS[a] >= BADNESS[b] ? a : b;
    }

    function edgeLabel(edge) {
        var change = changes[String(edge.connectionId)];
        return change ? change.before + ' → ' + change.after : edge.grade;
    }

    /* Cytoscape elements for the current expansion: collapsed hosts stand for their applications. */
    function elements() {
        var result = [];
        var hostOf = {};
        var appCount = {};
        data.nodes.forEach(function (n) {
            if (n.type === 'APPLICATION') {
                hostOf[n.id] = n.parent;
                appCount[n.parent] = (appCount[n.parent] || 0) + 1;
            }
        });
        data.nodes.forEach(function (n) {
            if (n.type === 'HOST') {
                var open = expanded[n.id];
                result.push({group: 'nodes', classes: open ? 'host' : 'host collapsed', data: {
                    id: n.id, name: n.name, label: open ? n.name : n.name + ' (' + (appCount[n.id] || 0) + ' ' + appsLabel + ')',
                    kind: 'HOST', grade: '-', colour: '#6c757d'}});
            } else if (expanded[n.parent]) {
                result.push({group: 'nodes', classes: 'app', data: {
                    id: n.id, parent: n.parent, name: n.name, label: n.name, kind: 'APPLICATION',
                    componentType: n.componentType, shape: shapeOf(n.componentType || ''),
                    grade: n.worstGrade || '-', colour: GRADE_COLOURS[n.worstGrade] || '#6c757d'}});
            }
        });
        var aggregates = {};
        data.edges.forEach(function (e) {
            var s = expanded[hostOf[e.source]] ? e.source : hostOf[e.source];
            var t = expanded[hostOf[e.target]] ? e.target : hostOf[e.target];
            if (s === e.source && t === e.target) {
                var changed = changes[String(e.connectionId)];
                result.push({group: 'edges', classes: (e.backup ? 'backup' : '') + (changed ? ' changed' : ''), data: {
                    id: e.id, source: s, target: t, connectionId: e.connectionId, grade: e.grade,
                    colour: GRADE_COLOURS[e.grade], label: edgeLabel(e),
                    detail: e.grade + ' · ' + e.mode + (e.protocol ? ' · ' + e.protocol : '') + ' · ' + e.portId}});
                return;
            }
            // one line per pair of hosts, whichever way the connections go
            var key = s < t ? s + '|' + t : t + '|' + s;
            var agg = aggregates[key] || (aggregates[key] = {source: s, target: t, count: 0, grade: null, changed: false});
            agg.count++;
            agg.grade = worse(agg.grade, e.grade);
            agg.changed = agg.changed || !!changes[String(e.connectionId)];
        });
        Object.keys(aggregates).forEach(function (key) {
            var agg = aggregates[key];
            result.push({group: 'edges', classes: 'aggregate' + (agg.changed ? ' changed' : ''), data: {
                id: 'agg:' + key, source: agg.source, target: agg.target, grade: agg.grade,
                colour: GRADE_COLOURS[agg.grade], label: agg.grade + ' ×' + agg.count,
                detail: agg.grade + ' · ' + agg.count}});
        });
        data.nodes.forEach(function (n) {
            if (n.type === 'APPLICATION' && n.backup && expanded[n.parent] && expanded[hostOf[n.backup]]) {
                result.push({group: 'edges', classes: 'ha', data: {id: 'ha:' + n.id, source: n.id, target: n.backup,
                    label: haLabel, detail: haLabel}});
            }
        });
        return result;
    }

    var STYLE = [
        {selector: 'node', style: {'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
            'background-color': '#fff', 'border-width': 3, 'border-color': 'data(colour)', 'width': 26, 'height': 26}},
        {selector: 'node.app', style: {'shape': 'data(shape)'}},
        {selector: 'node.host', style: {'background-color': '#f1f3f5', 'border-width': 1, 'border-color': '#6c757d',
            'text-valign': 'top', 'font-weight': 'bold', 'shape': 'round-rectangle', 'padding': 12}},
        // an expanded host's box lets clicks through to the edges drawn over it (a collapsed host is a plain node and stays clickable)
        {selector: 'node.host:parent', style: {'events': 'no'}},
        {selector: 'node.collapsed', style: {'width': 40, 'height': 28, 'text-valign': 'bottom', 'border-width': 2}},
        {selector: 'edge', style: {'width': 2, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 10,
            'text-background-color': '#fff', 'text-background-opacity': 1, 'text-background-padding': 2,
            'text-events': 'yes'}},
        {selector: 'edge.backup', style: {'line-style': 'dashed'}},
        {selector: 'edge.aggregate', style: {'width': 3, 'curve-style': 'haystack', 'haystack-radius': 0}},
        // a big drawing skips labels too small to read until zoomed in (hovering or the keyboard cursor still shows them)
        {selector: '.big', style: {'min-zoomed-font-size': 9}},
        {selector: 'edge.ha', style: {'line-style': 'dotted', 'line-color': '#0d6efd', 'target-arrow-shape': 'none',
            'color': '#0d6efd'}},
        {selector: 'edge.changed', style: {'width': 6, 'font-weight': 'bold', 'font-size': 12, 'underlay-color': '#0dcaf0',
            'underlay-opacity': 0.5, 'underlay-padding': 4}},
        {selector: 'edge.hovered', style: {'label': 'data(detail)', 'z-index': 10}},
        {selector: '.cursor', style: {'overlay-color': '#0d6efd', 'overlay-opacity': 0.25, 'overlay-padding': 6}}
    ];

    function layoutOptions(count) {
        if (typeof cytoscapeFcose === 'undefined') {
            return {name: 'cose', animate: false};
        }
        if (count > BIG) {
            // thousands of host pairs make any force layout a hairball that costs seconds: hosts in a grid by name
            return {name: 'grid', animate: false, avoidOverlap: true, sort: function (a, b) {
                return a.data('name') < b.data('name') ? -1 : a.data('name') > b.data('name') ? 1 : 0;
            }};
        }
        return {name: 'fcose', animate: false, quality: count > 400 ? 'draft' : 'default', randomize: true,
            nodeDimensionsIncludeLabels: false, packComponents: true, numIter: count > 400 ? 600 : 2500};
    }

    /* Above this many elements the drawing trades details for speed (GraphBenchmark: 400 collapsed hosts, ~9,500 host pairs). */
    var BIG = 2000;

    function draw() {
        var els = elements();
        var big = els.length > BIG;
        if (big) {
            els.forEach(function (el) {
                el.classes = (el.classes || '') + ' big';
            });
        }
        if (cy) {
            cy.elements().remove();
            cy.add(els);
            cy.layout(layoutOptions(els.length)).run();
        } else {
            cy = cytoscape({container: container, elements: els, style: STYLE, layout: layoutOptions(els.length),
                wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4, textureOnViewport: big, hideEdgesOnViewport: big,
                pixelRatio: big ? 1 : 'auto', motionBlur: false});
            window.consoleGraph = cy;
            bind();
            // when the first frame is on screen (ms since navigation start): what GraphBenchmark measures
            cy.one('render', function () {
                container.dataset.renderedMs = String(Math.round(performance.now()));
            });
        }
        cursor = -1;
        var apps = data.nodes.filter(function (n) { return n.type === 'APPLICATION'; }).length;
        var hosts = data.nodes.length - apps;
        var connections = {};
        data.edges.forEach(function (e) { connections[e.connectionId] = true; });
        status.textContent = Object.keys(connections).length + ' connections · ' + apps + ' ' + appsLabel + ' · ' + hosts + ' hosts';
        container.dataset.laidOutMs = String(Math.round(performance.now()));
        container.dataset.ready = 'true';
        container.dispatchEvent(new CustomEvent('graph:drawn'));
    }

    function open(element) {
        if (element.isEdge() && element.data('connectionId')) {
            window.location.assign(connectionUrl + element.data('connectionId'));
        } else if (element.isNode() && element.data('kind') === 'APPLICATION') {
            window.location.assign(appUrl + element.id().substring(4));
        } else if (element.isNode() && element.hasClass('collapsed')) {
            toggle(element.id());
        } else if (element.isEdge()) {
            expanded[element.source().id()] = true;
            expanded[element.target().id()] = true;
            draw();
        }
    }

    function toggle(hostId) {
        expanded[hostId] = !expanded[hostId];
        draw();
    }

    function bind() {
        cy.on('tap', 'node, edge', function (event) { open(event.target); });
        cy.on('mouseover', 'edge', function (event) { event.target.addClass('hovered'); });
        cy.on('mouseout', 'edge', function (event) { event.target.removeClass('hovered'); });
        container.addEventListener('keydown', function (event) {
            var items = cy.elements('edge, node.app, node.collapsed');
            if (!items.length) {
                return;
            }
            var current = cursor >= 0 && cursor < items.length ? items[cursor] : null;
            if (event.key === 'ArrowRight' || event.key === 'ArrowDown' || event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
                var step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : -1;
                if (current) {
                    current.removeClass('cursor hovered');
                }
                cursor = (cursor + step + items.length) % items.length;
                current = items[cursor];
                current.addClass('cursor');
                if (current.isEdge()) {
                    current.addClass('hovered');
                    status.textContent = current.source().data('name') + ' → ' + current.target().data('name') + ': ' + current.data('detail');
                } else {
                    status.textContent = current.data('label') + (current.data('componentType') ? ' · ' + current.data('componentType') : '')
                        + ' · ' + current.data('grade');
                }
                event.preventDefault();
            } else if (event.key === 'Enter' && current) {
                open(current);
                event.preventDefault();
            } else if ((event.key === '+' || event.key === '-') && current && current.isNode()) {
                var host = current.data('kind') === 'HOST' ? current.id() : current.data('parent');
                expanded[host] = event.key === '+';
                draw();
                event.preventDefault();
            }
        });
    }

    function fillList() {
        var names = {};
        data.nodes.forEach(function (n) { names[n.id] = n.name; });
        var rows = document.createDocumentFragment();
        data.edges.forEach(function (e) {
            var tr = document.createElement('tr');
            tr.dataset.testid = 'graph-edge-' + e.id;
            tr.dataset.grade = e.grade;
            var change = changes[String(e.connectionId)];
            [names[e.source], names[e.target] + ':' + e.portId + (e.backup ? ' (' + haLabel + ')' : ''), MODE_LABELS[e.mode] || e.mode,
                e.protocol || '—'].forEach(function (text, i) {
                var td = document.createElement('td');
                if (i === 0) {
                    var a = document.createElement('a');
                    a.href = connectionUrl + e.connectionId;
                    a.textContent = text;
                    td.appendChild(a);
                } else {
                    td.textContent = text;
                }
                tr.appendChild(td);
            });
            var grade = document.createElement('td');
            grade.textContent = change ? change.before + ' → ' + change.after : e.grade;
            tr.appendChild(grade);
            rows.appendChild(tr);
        });
        listBody.replaceChildren(rows);
    }

    document.querySelectorAll('[data-graph-action]').forEach(function (button) {
        button.addEventListener('click', function () {
            var all = button.dataset.graphAction === 'expand-all';
            data.nodes.forEach(function (n) {
                if (n.type === 'HOST') {
                    expanded[n.id] = all;
                }
            });
            draw();
        });
    });

    fetch(container.dataset.url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        })
        .then(function (graph) {
            data = graph;
            container.dataset.loadedMs = String(Math.round(performance.now()));
            var apps = graph.nodes.filter(function (n) { return n.type === 'APPLICATION'; }).length;
            var collapse = apps > Number(container.dataset.collapseAbove || 300);
            graph.nodes.forEach(function (n) {
                if (n.type === 'HOST') {
                    expanded[n.id] = !collapse;
                }
            });
            fillList();
            draw();
        })
        .catch(function (error) {
            status.textContent = 'The graph could not be loaded (' + error.message + ').';
        });
})();
