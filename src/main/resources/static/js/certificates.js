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

    // <select data-validity-target="id"> whose options carry data-validity-days: choosing another parent CA
    // proposes the validity that parent allows, unless the user has typed a validity of their own.
    document.addEventListener('change', function (event) {
        var select = event.target;
        if (!select.matches || !select.matches('select[data-validity-target]')) {
            return;
        }
        var input = document.getElementById(select.getAttribute('data-validity-target'));
        var option = select.options[select.selectedIndex];
        if (!input || !option || !option.hasAttribute('data-validity-days')) {
            return;
        }
        var proposed = input.getAttribute('data-proposed') || input.defaultValue;
        if (input.value === proposed) {
            input.value = option.getAttribute('data-validity-days');
            input.setAttribute('data-proposed', input.value);
        }
    });
})();
