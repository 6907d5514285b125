// Certificates screens. Loaded as a file: the CSP forbids inline scripts.
(function () {
    'use strict';

    // <input type="file" data-max-bytes="N" data-too-large="message">: refuse a file the console would refuse,
    // before a megabyte travels for nothing.
    document.addEventListener('change', function (event) {
        var input = event.target;
        if (!input.matches || !input.matches('input[type=file][data-max-bytes]') || !input.files || !input.files.length) {
            return;
        }
        var max = parseInt(input.getAttribute('data-max-bytes'), 10);
        var feedbackId = input.id + '-size-error';
        var feedback = document.getElementById(feedbackId);
        if (input.files[0].size > max) {
            input.value = '';
            input.classList.add('is-invalid');
            if (!feedback) {
                feedback = document.createElement('div');
                feedback.id = feedbackId;
                feedback.className = 'invalid-feedback d-block';
                feedback.setAttribute('data-testid', 'file-too-large');
                input.insertAdjacentElement('afterend', feedback);
            }
            feedback.textContent = input.getAttribute('data-too-large');
        } else if (feedback) {
            input.classList.remove('is-invalid');
            feedback.remove();
        }
    });
})();
