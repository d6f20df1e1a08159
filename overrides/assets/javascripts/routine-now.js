// "Do it now": step through a routine one exercise at a time, with the dose large and a
// countdown for holds and rests. It reuses the routine's own list; nothing is fetched.
document.querySelectorAll("[data-routine-start]").forEach((start) => {
  const article = start.closest("article") || document;
  const list = article.querySelector("[data-routine-items]");
  const panel = article.querySelector("[data-routine-now]");
  if (!list || !panel) return;
  const items = [...list.children];
  const progress = panel.querySelector("[data-routine-progress]");
  const clock = panel.querySelector("[data-routine-timer]");
  const timerButton = panel.querySelector("[data-routine-timer-start]");
  const previous = panel.querySelector("[data-routine-previous]");
  const next = panel.querySelector("[data-routine-next]");
  let current = 0;
  let ticking = null;
  let wakeLock = null;

  const stopTimer = () => {
    clearInterval(ticking);
    ticking = null;
  };

  // A hold is timed first; between sets (or for repetitions) the timer counts the rest.
  const timerFor = (item) => {
    const hold = Number(item.dataset.hold);
    return hold ? ["Hold", hold] : ["Rest", Number(item.dataset.rest)];
  };

  const show = (index) => {
    stopTimer();
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => item.classList.toggle("routine-card--current", i === current));
    const [label, seconds] = timerFor(items[current]);
    progress.textContent = `Exercise ${current + 1} of ${items.length}`;
    clock.textContent = "";
    timerButton.textContent = `${label} ${seconds} s`;
    timerButton.hidden = !seconds;
    previous.disabled = current === 0;
    next.disabled = current === items.length - 1;
    items[current].scrollIntoView({ block: "start" });
  };

  timerButton.addEventListener("click", () => {
    const [label, seconds] = timerFor(items[current]);
    let left = seconds;
    stopTimer();
    clock.textContent = `${label}: ${left} s`;
    ticking = setInterval(() => {
      left -= 1;
      clock.textContent = left > 0 ? `${label}: ${left} s` : `${label} done`;
      if (left <= 0) stopTimer();
    }, 1000);
  });
  previous.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", () => show(current + 1));
  panel.querySelector("[data-routine-stop]").addEventListener("click", () => {
    stopTimer();
    document.body.classList.remove("routine-now-on");
    items.forEach((item) => item.classList.remove("routine-card--current"));
    panel.hidden = true;
    if (wakeLock) wakeLock.release().catch(() => {});
    start.focus();
  });
  start.addEventListener("click", async () => {
    document.body.classList.add("routine-now-on");
    panel.hidden = false;
    show(0);
    next.focus();
    // Keep the screen on while the phone lies on the floor, where the browser allows it.
    try {
      wakeLock = await navigator.wakeLock?.request("screen");
    } catch {
      wakeLock = null;
    }
  });
  start.hidden = false;
});
