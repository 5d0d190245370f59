// rashomon workbench: the one script. Toggles which kinds of finding are marked in an
// article's text; everything else works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  document.querySelectorAll("#kinds input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => {
      if (text) text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
});
