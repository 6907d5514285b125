// The Import page: a plan or an apply runs as a background job whose progress is shown until it is done,
// then the page shows its result. Without this script the forms post as usual (and the page waits).
(function () {
    'use strict';

    var panel = document.getElementById('import-progress');
    if (!panel) {
        return;
    }
    var label = document.getElementById('import-progress-label');
    var count = document.getElementById('import-progress-count');
    var bar = document.getElementById('import-progress-bar');
    var error = document.getElementById('import-job-error');

    function csrfHeaders() {
        var headers = {};
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function fail(text) {
        panel.classList.add('d-none');
        error.textContent = text || error.getAttribute('data-failed');
        error.classList.remove('d-none');
    }

    function show(status) {
        label.textContent = status.label;
        count.textContent = status.total > 0 ? '(' + status.done.toLocaleString() + ' / ' + status.total.toLocaleString() + ')' : '';
        bar.style.width = status.percent + '%';
        bar.textContent = status.percent + ' %';
        bar.parentElement.setAttribute('aria-valuenow', String(status.percent));
    }

    function poll(job) {
        fetch(job.status, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (status) {
                show(status);
                if (status.finished) {
                    window.location.assign(job.result);
                } else {
                    window.setTimeout(function () { poll(job); }, 400);
                }
            })
            .catch(function () { fail(); });
    }

    // registered after console.js's confirmation: a cancelled confirmation has already stopped the event
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var url = form.getAttribute && form.getAttribute('data-import-job');
        if (!url || event.defaultPrevented || !window.fetch) {
            return;
        }
        event.preventDefault();
        var input = form.querySelector('input[type="file"][data-max-bytes]');
        if (input && input.files) {
            var bytes = 0;
            Array.prototype.forEach.call(input.files, function (file) { bytes += file.size; });
            if (bytes > Number(input.getAttribute('data-max-bytes'))) {
                fail(input.getAttribute('data-too-large'));
                return;
            }
        }
        error.classList.add('d-none');
        panel.classList.remove('d-none');
        form.querySelectorAll('button[type="submit"]').forEach(function (button) { button.disabled = true; });
        fetch(url, {method: 'POST', body: new FormData(form), headers: csrfHeaders(), credentials: 'same-origin'})
            .then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) {
                        throw new Error(body.message || '');
                    }
                    return body;
                });
            })
            .then(poll)
            .catch(function (e) { fail(e.message); });
    });
})();
