/*
 * The topology graph page: draws /graph/data with Cytoscape.js and the fCoSE compound layout (hosts
 * hold their applications), fills the same graph as a table for keyboard and screen-reader users,
 * and marks a preview's changed connections. Above data-collapse-above applications every host
 * starts collapsed into one node, drawn from the server's folded graph (/graph/data/hosts: hosts and
 * one line per pair of hosts); activating a host (click, Enter or "+") fetches that host's edges
 * (/graph/data?hostId=) and expands it.
 * The Cytoscape instance is window.consoleGraph, so browser tests can act on edges deterministically.
 */
(function () {
    'use strict';

    var GRADE_COLOURS = {'A+': '#198754', 'A': '#198754', 'B': '#b58100', 'C': '#d35400', 'F': '#dc3545', '-': '#6c757d'};
    var BADNESS = {'A+': 0, 'A': 1, 'B': 2, 'C': 3, '-': 4, 'F': 5};
    var GRADE_CLASSES = {'A+': 'aplus', 'A': 'a', 'B': 'b', 'C': 'c', 'F': 'f', '-': 'none'};
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
    var hostUrl = container.dataset.hostUrl;
    var appsLabel = container.dataset.appsLabel || 'applications';
    var edgesLabel = container.dataset.edgesLabel || 'connections';
    var loadingLabel = status.textContent;
    var linesHiddenLabel = container.dataset.linesHiddenLabel || '{0} lines between collapsed hosts not drawn';
    var allLinesButton = document.querySelector('[data-graph-action=all-lines]');
    var listDetails = document.querySelector('[data-testid=graph-list-details]');
    var collapseAbove = Number(container.dataset.collapseAbove || 300);
    var haLabel = container.dataset.haLabel || 'HA';
    // a mode in the same words as everywhere else: the mode filter's options carry them (fragments/badges :: mode)
    var MODE_LABELS = {};
    document.querySelectorAll('#mode option[value]').forEach(function (o) {
        if (o.value) {
            MODE_LABELS[o.value] = o.textContent;
        }
    });
    var changes = {};
    var changedLinks = {};  // the collapsed view's lines (hosts:<id>:<id>) that hold a changed connection
    document.querySelectorAll('.graph-changes [data-connection-id]').forEach(function (li) {
        changes[li.dataset.connectionId] = {before: li.dataset.before, after: li.dataset.after};
        if (li.dataset.link) {
            changedLinks[li.dataset.link] = true;
        }
    });

    var summary = null;     // the collapsed graph folded on the server (/graph/data/hosts) while the selection is large
    var complete = false;   // every edge of the selection is in detail (small selections, "expand all", view=connections)
    var hosts = [];         // {id, name, applications, worstGrade}, sorted by name
    var nodes = {};         // application and host nodes of the edges fetched so far, by id
    var edges = {};         // edges fetched so far, by id
    var loaded = {};        // hosts whose edges are all in edges
    var expanded = {};
    var cy = null;
    var cursor = -1;
    var listed = false;
    var worstFirst = [];    // the server's lines between hosts, worst grade first, then the most edges
    var hidden = 0;         // lines between collapsed hosts left out of the drawing
    /* Lines drawn between collapsed hosts at most: 9,000 lines over 400 hosts are ink, not information, and cost seconds. */
    var LINE_LIMIT = 1500;
    var lineLimit = LINE_LIMIT;

    function shapeOf(type) {
        var hash = 0;
        for (var i = 0; i < type.length; i++) {
            hash = (hash * 31 + type.charCodeAt(i)) | 0;
        }
        return Math.abs(hash) % SHAPES.length;
    }

    function worse(a, b) {
        if (!a) { return b; }
        if (!b) { return a; }
        return BADNESS[a] >= BADNESS[b] ? a : b;
    }

    /* the class that colours an element by its grade (class-based styles: no per-element style functions) */
    function gradeClass(grade) {
        return ' g-' + (GRADE_CLASSES[grade] || 'none');
    }

    function edgeLabel(edge) {
        var change = changes[String(edge.connectionId)];
        return change ? change.before + ' → ' + change.after : edge.grade;
    }

    function withParameter(url, name, value) {
        return url + (url.indexOf('?') < 0 ? '?' : '&') + name + '=' + encodeURIComponent(value);
    }

    function fetchJson(url) {
        return fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'}).then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        });
    }

    function merge(graph) {
        graph.nodes.forEach(function (n) { nodes[n.id] = n; });
        graph.edges.forEach(function (e) { edges[e.id] = e; });
    }

    /* Cytoscape elements for the current expansion: collapsed hosts stand for their applications. */
    function elements() {
        var result = [];
        hidden = 0;
        var hostOf = {};
        Object.keys(nodes).forEach(function (id) {
            var n = nodes[id];
            if (n.type === 'APPLICATION') {
                hostOf[n.id] = n.parent;
            }
        });
        hosts.forEach(function (h) {
            var open = expanded[h.id];
            result.push({group: 'nodes', classes: open ? 'host' : 'host collapsed', data: {
                id: h.id, name: h.name, label: open ? h.name : h.name + ' (' + h.applications + ' ' + appsLabel + ')',
                kind: 'HOST', grade: h.worstGrade || '-'}});
        });
        Object.keys(nodes).forEach(function (id) {
            var n = nodes[id];
            if (n.type === 'APPLICATION' && expanded[n.parent]) {
                result.push({group: 'nodes', classes: 'app s-' + shapeOf(n.componentType || '') + gradeClass(n.worstGrade), data: {
                    id: n.id, parent: n.parent, name: n.name, label: n.name, kind: 'APPLICATION',
                    componentType: n.componentType, grade: n.worstGrade || '-'}});
            }
        });
        var aggregates = {};
        Object.keys(edges).forEach(function (id) {
            var e = edges[id];
            var sourceOpen = expanded[hostOf[e.source]];
            var targetOpen = expanded[hostOf[e.target]];
            if (!complete && !sourceOpen && !targetOpen) {
                return; // folded into the server's line between the two hosts
            }
            if (sourceOpen && targetOpen) {
                var changed = changes[String(e.connectionId)];
                result.push({group: 'edges', classes: 'conn' + gradeClass(e.grade) + (e.backup ? ' backup' : '') + (changed ? ' changed' : ''), data: {
                    id: e.id, source: e.source, target: e.target, connectionId: e.connectionId, grade: e.grade,
                    label: edgeLabel(e),
                    detail: e.grade + ' · ' + e.mode + (e.protocol ? ' · ' + e.protocol : '') + ' · ' + e.portId}});
                return;
            }
            // one line per pair of hosts (or of an application and a collapsed host), whichever way the connections go
            var s = sourceOpen ? e.source : hostOf[e.source];
            var t = targetOpen ? e.target : hostOf[e.target];
            var key = s < t ? s + '|' + t : t + '|' + s;
            var agg = aggregates[key] || (aggregates[key] = {source: s, target: t, count: 0, grade: null, changed: false});
            agg.count++;
            agg.grade = worse(agg.grade, e.grade);
            agg.changed = agg.changed || !!changes[String(e.connectionId)];
        });
        if (!complete) {
            // the lines between collapsed hosts, worst grades first; past LINE_LIMIT they are only counted
            var drawnLines = 0;
            worstFirst.forEach(function (link) {
                if (!expanded[link.source] && !expanded[link.target]) {
                    if (drawnLines >= lineLimit && !changedLinks[link.id]) {
                        hidden++;
                        return;
                    }
                    drawnLines++;
                    aggregates[link.source + '|' + link.target] = {source: link.source, target: link.target, count: link.count,
                        grade: link.grade, changed: !!changedLinks[link.id]};
                }
            });
        }
        Object.keys(aggregates).forEach(function (key) {
            var agg = aggregates[key];
            result.push({group: 'edges', classes: 'aggregate' + gradeClass(agg.grade) + (agg.changed ? ' changed' : ''), data: {
                id: 'agg:' + key, source: agg.source, target: agg.target, grade: agg.grade,
                label: agg.grade + ' ×' + agg.count, detail: agg.grade + ' · ' + agg.count}});
        });
        Object.keys(nodes).forEach(function (id) {
            var n = nodes[id];
            if (n.type === 'APPLICATION' && n.backup && nodes[n.backup] && expanded[n.parent] && expanded[hostOf[n.backup]]) {
                result.push({group: 'edges', classes: 'ha', data: {id: 'ha:' + n.id, source: n.id, target: n.backup,
                    label: haLabel, detail: haLabel}});
            }
        });
        return result;
    }

    var STYLE = [
        {selector: 'node', style: {'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
            'background-color': '#fff', 'border-width': 3, 'border-color': '#6c757d', 'width': 26, 'height': 26}},
        {selector: 'node.host', style: {'background-color': '#f1f3f5', 'border-width': 1, 'border-color': '#6c757d',
            'text-valign': 'top', 'font-weight': 'bold', 'shape': 'round-rectangle', 'padding': 12}},
        // an expanded host's box lets clicks through to the edges drawn over it (a collapsed host is a plain node and stays clickable)
        {selector: 'node.host:parent', style: {'events': 'no'}},
        {selector: 'node.collapsed', style: {'width': 40, 'height': 28, 'text-valign': 'bottom', 'border-width': 2}},
        {selector: 'edge', style: {'width': 2, 'line-color': '#6c757d', 'target-arrow-color': '#6c757d',
            'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 10,
            'text-background-color': '#fff', 'text-background-opacity': 1, 'text-background-padding': 2,
            'text-events': 'yes'}},
        {selector: 'edge.backup', style: {'line-style': 'dashed'}},
        {selector: 'edge.aggregate', style: {'width': 3, 'curve-style': 'haystack', 'haystack-radius': 0}},
        // a big drawing shows no edge labels and host labels only once zoomed in (hovering or the keyboard cursor shows an edge's)
        {selector: 'node.big', style: {'min-zoomed-font-size': 9}},
        {selector: 'edge.big', style: {'label': '', 'width': 1}},
        {selector: 'edge.ha', style: {'line-style': 'dotted', 'line-color': '#0d6efd', 'target-arrow-shape': 'none',
            'color': '#0d6efd'}},
        {selector: 'edge.changed', style: {'width': 6, 'font-weight': 'bold', 'font-size': 12, 'underlay-color': '#0dcaf0',
            'underlay-opacity': 0.5, 'underlay-padding': 4}},
        {selector: 'edge.hovered', style: {'label': 'data(detail)', 'z-index': 10}},
        {selector: '.cursor', style: {'overlay-color': '#0d6efd', 'overlay-opacity': 0.25, 'overlay-padding': 6}}
    ];
    Object.keys(GRADE_CLASSES).forEach(function (grade) {
        var c = GRADE_CLASSES[grade];
        STYLE.push({selector: 'node.g-' + c, style: {'border-color': GRADE_COLOURS[grade]}});
        STYLE.push({selector: 'edge.g-' + c, style: {'line-color': GRADE_COLOURS[grade], 'target-arrow-color': GRADE_COLOURS[grade]}});
    });
    SHAPES.forEach(function (shape, i) {
        STYLE.push({selector: 'node.s-' + i, style: {'shape': shape}});
    });

    function layoutOptions(count) {
        if (count > BIG || typeof cytoscapeFcose === 'undefined') {
            // thousands of host pairs make any force layout a hairball that costs seconds: hosts in a grid, in name order
            return {name: 'grid', animate: false, avoidOverlap: true};
        }
        return {name: 'fcose', animate: false, quality: count > 400 ? 'draft' : 'default', randomize: true,
            nodeDimensionsIncludeLabels: false, packComponents: true, numIter: count > 400 ? 600 : 2500};
    }

    /*
     * Above this many elements the drawing trades details for speed: a grid instead of fCoSE, no edge labels, one pixel
     * per CSS pixel (GraphBenchmark: 400 collapsed hosts and their 1,500 worst lines; fCoSE and 1,500 labels cost ~1 s).
     */
    var BIG = 1000;

    function draw() {
        var els = elements();
        var big = els.length > BIG;
        if (big) {
            els.forEach(function (el) {
                el.classes = (el.classes || '') + ' big';
            });
        }
        if (cy) {
            cy.batch(function () {
                cy.elements().remove();
                cy.add(els);
            });
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
        status.textContent = counts();
        allLinesButton.hidden = !hidden;
        container.dataset.laidOutMs = String(Math.round(performance.now()));
        container.dataset.ready = 'true';
        container.dispatchEvent(new CustomEvent('graph:drawn'));
    }

    function counts() {
        if (!complete) {
            return summary.connections + ' connections · ' + summary.applications + ' ' + appsLabel + ' · ' + hosts.length + ' hosts'
                + (hidden ? ' · ' + linesHiddenLabel.replace('{0}', String(hidden)) : '');
        }
        var apps = 0;
        var connections = {};
        Object.keys(nodes).forEach(function (id) {
            if (nodes[id].type === 'APPLICATION') {
                apps++;
            }
        });
        Object.keys(edges).forEach(function (id) { connections[edges[id].connectionId] = true; });
        return Object.keys(connections).length + ' connections · ' + apps + ' ' + appsLabel + ' · ' + hosts.length + ' hosts';
    }

    /* Expands or collapses hosts, first fetching the edges of hosts not loaded yet (a server-side filter). */
    function setExpanded(hostIds, open) {
        var missing = open && !complete ? hostIds.filter(function (id) { return !loaded[id]; }) : [];
        var ready = Promise.resolve();
        if (missing.length) {
            status.textContent = loadingLabel;
            container.dataset.ready = 'false';
            var url = container.dataset.url;
            missing.forEach(function (id) { url = withParameter(url, 'hostId', id); });
            ready = fetchJson(url).then(function (graph) {
                merge(graph);
                missing.forEach(function (id) { loaded[id] = true; });
            });
        }
        return ready.then(function () {
            hostIds.forEach(function (id) { expanded[id] = open; });
            draw();
        }).catch(failed);
    }

    function failed(error) {
        status.textContent = 'The graph could not be loaded (' + error.message + ').';
    }

    function open(element) {
        if (element.isEdge() && element.data('connectionId')) {
            window.location.assign(connectionUrl + element.data('connectionId'));
        } else if (element.isNode() && element.data('kind') === 'APPLICATION') {
            window.location.assign(appUrl + element.id().substring(4));
        } else if (element.isNode() && element.hasClass('collapsed')) {
            setExpanded([element.id()], true);
        } else if (element.isEdge()) {
            var ends = [element.source(), element.target()].map(function (end) {
                return end.data('kind') === 'HOST' ? end.id() : end.data('parent');
            });
            setExpanded(ends, true);
        }
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
                setExpanded([current.data('kind') === 'HOST' ? current.id() : current.data('parent')], event.key === '+');
                event.preventDefault();
            }
        });
    }

    function cell(tr, text, href) {
        var td = document.createElement('td');
        if (href) {
            var a = document.createElement('a');
            a.href = href;
            a.textContent = text;
            td.appendChild(a);
        } else {
            td.textContent = text;
        }
        tr.appendChild(td);
    }

    /* The table under the drawing: every edge, or while the hosts are folded on the server, every pair of hosts. */
    function fillList() {
        var rows = document.createDocumentFragment();
        if (complete) {
            Object.keys(edges).forEach(function (id) {
                var e = edges[id];
                var tr = document.createElement('tr');
                tr.dataset.testid = 'graph-edge-' + e.id;
                tr.dataset.grade = e.grade;
                var change = changes[String(e.connectionId)];
                cell(tr, nodes[e.source].name, connectionUrl + e.connectionId);
                cell(tr, nodes[e.target].name + ':' + e.portId + (e.backup ? ' (' + haLabel + ')' : ''));
                cell(tr, MODE_LABELS[e.mode] || e.mode);
                cell(tr, e.protocol || '—');
                cell(tr, change ? change.before + ' → ' + change.after : e.grade);
                rows.appendChild(tr);
            });
        } else {
            var names = {};
            hosts.forEach(function (h) { names[h.id] = h.name; });
            summary.edges.forEach(function (link) {
                var tr = document.createElement('tr');
                tr.dataset.testid = 'graph-link-' + link.id;
                tr.dataset.grade = link.grade;
                cell(tr, names[link.source], hostUrl + link.source.substring(5));
                cell(tr, names[link.target], hostUrl + link.target.substring(5));
                cell(tr, link.count + ' ' + edgesLabel);
                cell(tr, '—');
                cell(tr, link.grade);
                rows.appendChild(tr);
            });
        }
        listBody.replaceChildren(rows);
        document.getElementById('graph-list-hosts').hidden = complete;
        listed = true;
    }

    function showComplete(graph) {
        nodes = {};
        edges = {};
        merge(graph);
        complete = true;
        hosts = graph.nodes.filter(function (n) { return n.type === 'HOST'; }).map(function (n) {
            return {id: n.id, name: n.name, applications: 0, worstGrade: null};
        });
        var byId = {};
        hosts.forEach(function (h) { byId[h.id] = h; });
        graph.nodes.forEach(function (n) {
            if (n.type === 'APPLICATION' && byId[n.parent]) {
                byId[n.parent].applications++;
            }
        });
        fillList();
    }

    document.querySelectorAll('[data-graph-action]').forEach(function (button) {
        button.addEventListener('click', function () {
            if (button.dataset.graphAction === 'all-lines') {
                lineLimit = Infinity;
                draw();
                return;
            }
            var all = button.dataset.graphAction === 'expand-all';
            var ids = hosts.map(function (h) { return h.id; });
            if (all && !complete) {
                // every host: the whole selection, as one request
                status.textContent = loadingLabel;
                container.dataset.ready = 'false';
                fetchJson(container.dataset.url).then(function (graph) {
                    showComplete(graph);
                    ids.forEach(function (id) { expanded[id] = true; });
                    draw();
                }).catch(failed);
                return;
            }
            ids.forEach(function (id) { expanded[id] = all; });
            draw();
        });
    });

    listDetails.addEventListener('toggle', function () {
        if (listDetails.open && !listed && (complete || summary)) {
            fillList();
        }
    });

    function start(graph) {
        container.dataset.loadedMs = String(Math.round(performance.now()));
        var collapse = graph.nodes.filter(function (n) { return n.type === 'APPLICATION'; }).length > collapseAbove;
        showComplete(graph);
        hosts.forEach(function (h) { expanded[h.id] = !collapse; });
        draw();
    }

    if (container.dataset.view === 'connections') {
        // every connection sent and hosts collapsed in the browser: the drawing before issue 15's server-side folding
        fetchJson(container.dataset.url).then(start).catch(failed);
    } else {
        fetchJson(container.dataset.hostsUrl).then(function (hostGraph) {
            if (hostGraph.applications <= collapseAbove) {
                return fetchJson(container.dataset.url).then(start);
            }
            container.dataset.loadedMs = String(Math.round(performance.now()));
            summary = hostGraph;
            hosts = hostGraph.nodes;
            hosts.forEach(function (h) { expanded[h.id] = false; });
            worstFirst = hostGraph.edges.slice().sort(function (a, b) {
                return BADNESS[b.grade] - BADNESS[a.grade] || b.count - a.count;
            });
            // the table of host pairs is filled when it is opened: thousands of rows would delay the first frame
            if (listDetails.open) {
                fillList();
            }
            draw();
        }).catch(failed);
    }
})();
