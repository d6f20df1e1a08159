// Small enhancements for the guide; every page works without them.

// "Print this routine": the button stays hidden unless scripts run.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
