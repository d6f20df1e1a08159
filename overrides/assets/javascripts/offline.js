// Keep the guide for offline use: the service worker (sw.js, written at build time) stores
// the pages a runner needs in a gym or at a track, and every page opened after that.
if ("serviceWorker" in navigator) {
  const worker = document.currentScript.dataset.worker;
  // Once the page has loaded and the browser is idle, so storing the guide never competes
  // with the page the reader opened.
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 1000));
  window.addEventListener("load", () => {
    idle(() => navigator.serviceWorker.register(worker).catch(() => {}));
  });
}
