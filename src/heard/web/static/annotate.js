// Fill the "Add a note" form from a selection in the conversation: message id, quoted words
// and their start/end in the message text. Without JavaScript the form still works by typing
// the message number and quoting the words.
(function () {
  "use strict";
  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function fill() {
    var form = document.getElementById("annotate-form");
    var selection = window.getSelection();
    if (!form || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    var start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
    var text = start.closest ? start.closest(".text[data-message-id]") : null;
    if (!text || !text.contains(range.endContainer)) return;
    var a = offsetIn(text, range.startContainer, range.startOffset);
    var b = offsetIn(text, range.endContainer, range.endOffset);
    if (b <= a) return;
    form.elements.message_id.value = text.getAttribute("data-message-id");
    form.elements.quote.value = text.textContent.slice(a, b);
    form.elements.start.value = String(a);
    form.elements.end.value = String(b);
    var span = form.querySelector('input[name="kind"][value="span"]');
    if (span) span.checked = true;
  }
  document.addEventListener("mouseup", fill);
  document.addEventListener("keyup", function (event) { if (event.shiftKey) fill(); });
})();
