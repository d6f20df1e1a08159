// Keep the guide for offline use: the service worker (sw.js, written at build time) stores
// the pages a runner needs in a gym or at a track, and every page opened after that.
if ("serviceWorker" in navigator) {
  const worker = document.currentScript.dataset.worker;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(worker).catch(() => {});
  });
}
