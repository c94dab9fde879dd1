// Places each face box from its data-box-* percentages. Setting element.style from a script file is allowed by
// the Content-Security-Policy (style-src 'self'), where a style="" attribute in the markup is not.
(function () {
  for (const box of document.querySelectorAll('.face-box[data-box-left]')) {
    box.style.left = box.dataset.boxLeft;
    box.style.top = box.dataset.boxTop;
    box.style.width = box.dataset.boxWidth;
    box.style.height = box.dataset.boxHeight;
  }
})();
