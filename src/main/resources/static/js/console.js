// TLS Topology Console — behaviour shared by every page. Loaded as a file: the CSP forbids inline scripts.
(function () {
    'use strict';

    // Forms marked data-confirm="…" ask before they submit (destructive actions).
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var message = form.getAttribute && form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // Buttons with data-copy-target="<input id>" copy that input's value.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy-target]');
        if (!button) {
            return;
        }
        var input = document.getElementById(button.getAttribute('data-copy-target'));
        if (!input) {
            return;
        }
        input.select();
        if (navigator.clipboard) {
            navigator.clipboard.writeText(input.value);
        }
    });

    // htmx requests carry the CSRF token of the page.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });
})();
