// TLS Topology Console — the options editor: as an option name is typed, offer that option's values
// and show its help. Loaded as a file (the CSP forbids inline scripts); the editor works without it.
(function () {
    'use strict';

    function helpFor(key) {
        var cells = document.querySelectorAll('[data-help-for]');
        for (var i = 0; i < cells.length; i++) {
            if (cells[i].getAttribute('data-help-for') === key) {
                return cells[i].textContent;
            }
        }
        return '';
    }

    document.addEventListener('input', function (event) {
        var keyInput = event.target;
        if (!keyInput.matches || !keyInput.matches('[data-option-key]')) {
            return;
        }
        var row = keyInput.closest('[data-option-row]');
        if (!row) {
            return;
        }
        var key = keyInput.value.trim();
        var valueInput = row.querySelector('[data-option-value]');
        var values = document.getElementById('option-values-' + key);
        if (valueInput) {
            if (values) {
                valueInput.setAttribute('list', values.id);
            } else {
                valueInput.removeAttribute('list');
            }
        }
        var help = row.querySelector('[data-option-help]');
        if (help) {
            help.textContent = helpFor(key);
        }
    });
})();
