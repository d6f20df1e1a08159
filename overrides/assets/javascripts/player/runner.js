// The workout player's dialog: runs a list of exercises through core.js and draws each step.
// Both pages with a player feed it the same list, one record per exercise:
//   { name, href, still, dose, cue, sets, reps, seconds, timedLabel, perSide, rest, changeover }
// (href: the exercise's page, whose animated figure is shown during a set; still: its picture
// or null; dose: the dose as the page words it; reps: null for a timed set, seconds: 0 for a
// counted one; rest and changeover in seconds). The routine page reads it from its cards
// (player/page.js), the plan page from a session (plan/workout.js).
import * as core from "./core.js";

// The dialog in the page (generator/templates/player.html.j2), ready to play; null when the
// page has none or the browser has no modal dialogs.
export const createPlayer = (dialog) => {
  if (!dialog || typeof dialog.showModal !== "function") return null;
  const part = (name) => dialog.querySelector(`[data-player-${name}]`);

  const settings = {
    sound: part("sound"),
    vibrate: part("vibrate"),
  };
  // The choices are remembered on this device; where storage is refused, for this visit.
  const remembered = (name) => {
    try {
      return localStorage.getItem(`guide-player-${name}`) !== "off";
    } catch {
      return true;
    }
  };
  Object.entries(settings).forEach(([name, box]) => {
    box.checked = remembered(name);
    box.addEventListener("change", () => {
      try {
        localStorage.setItem(`guide-player-${name}`, box.checked ? "on" : "off");
      } catch {
        // kept for this visit only
      }
    });
  });
  if (!("vibrate" in navigator)) settings.vibrate.closest("label").hidden = true;

  let exercises = [];
  let opener = null;
  let session = null;
  let shown = null;
  let ticking = null;
  let wakeLock = null;
  let audio = null;
  const figures = new Map();

  // The animated figure, taken from the exercise page; its still while it loads or when
  // the page cannot be reached.
  const figureOf = (exercise) => {
    if (!figures.has(exercise.href)) {
      figures.set(exercise.href, fetch(exercise.href)
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => new DOMParser().parseFromString(html, "text/html").querySelector("figure.movement"))
        .catch(() => null));
    }
    return figures.get(exercise.href);
  };

  const stillOf = (exercise) => {
    const image = document.createElement("img");
    image.className = "player__still";
    image.alt = "";
    if (exercise.still) image.src = exercise.still;
    return image;
  };

  let drawn = null;
  const drawFigure = (exercise, animated) => {
    const key = `${exercise.href}|${animated}`;
    if (drawn === key) return;
    drawn = key;
    const slot = part("figure");
    slot.replaceChildren(stillOf(exercise));
    if (!animated) return;
    figureOf(exercise).then((figure) => {
      if (figure && drawn === key) slot.replaceChildren(document.importNode(figure, true));
    });
  };

  const beep = () => {
    if (settings.sound.checked && audio) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.2, audio.currentTime);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
      tone.connect(volume).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    }
    if (settings.vibrate.checked && navigator.vibrate) navigator.vibrate(200);
  };

  const say = (text) => {
    if (text) part("live").textContent = text;
  };

  const exercisesLabel = (summary) => `${summary.exercisesDone} of ${summary.exercisesPlanned} exercises`;

  const render = () => {
    const now = Date.now();
    const before = shown;
    const view = core.view(session, now);
    shown = view;
    const finished = view.kind === "summary";
    const summary = core.summary(session, now);
    part("elapsed").textContent = core.clock(summary.seconds);
    part("summary").hidden = !finished;
    [...part("controls").children].forEach((button) => {
      button.hidden = button.hasAttribute("data-player-close") ? !finished : finished;
    });
    if (finished) {
      part("progress").textContent = "Done";
      part("kicker").textContent = "";
      part("heading").textContent = exercisesLabel(summary);
      ["set", "clock", "dose", "cue"].forEach((name) => { part(name).textContent = ""; });
      part("figure").replaceChildren();
      drawn = null;
      part("summary-time").textContent = `Time taken: ${core.clock(summary.seconds)}`;
      part("summary-sets").textContent = `Sets done: ${summary.setsDone} of ${summary.setsPlanned}`;
      clearInterval(ticking);
      if (!dialog.contains(document.activeElement) || document.activeElement.hidden) part("close").focus();
    } else {
      const exercise = exercises[view.exercise];
      const working = view.kind === "work";
      part("progress").textContent = view.progress;
      part("kicker").textContent = working ? "" : view.heading;
      const upNext = { ready: "First", next: "Next" }[view.reason];
      part("heading").textContent = upNext ? `${upNext}: ${view.name}` : view.name;
      part("set").textContent = [view.set, view.side].filter(Boolean).join(" · ");
      part("clock").textContent = view.clock || view.target;
      part("clock").classList.toggle("player__clock--paused", view.paused);
      part("dose").textContent = exercise.dose;
      part("cue").textContent = working ? exercise.cue : "";
      part("next").textContent = working ? "Done" : "Skip rest";
      part("pause").textContent = view.paused ? "Resume" : "Pause";
      part("pause").setAttribute("aria-pressed", String(view.paused));
      drawFigure(exercise, working);
      if (!working) figureOf(exercise);
    }
    if (before) say(core.announcement(before, view));
    return view;
  };

  const update = (change) => {
    const previous = session;
    session = change(session, Date.now());
    if (session.changedBy === "timer" && session.index !== previous.index) beep();
    render();
  };

  const keepAwake = async () => {
    try {
      wakeLock = await navigator.wakeLock?.request("screen");
    } catch {
      wakeLock = null;
    }
  };

  const stop = () => {
    clearInterval(ticking);
    ticking = null;
    if (wakeLock) wakeLock.release().catch(() => {});
    wakeLock = null;
  };

  part("next").addEventListener("click", () => update(core.advance));
  part("skip").addEventListener("click", () => update(core.skip));
  part("back").addEventListener("click", () => update(core.back));
  part("pause").addEventListener("click", () => update(shown && shown.paused ? core.resume : core.pause));
  part("finish").addEventListener("click", () => {
    update(core.finish);
    part("close").focus();
  });
  part("close").addEventListener("click", () => dialog.close());
  // Escape ends the workout with its summary first; a second Escape closes the player.
  dialog.addEventListener("cancel", (event) => {
    if (shown && shown.kind !== "summary") {
      event.preventDefault();
      update(core.finish);
      part("close").focus();
    }
  });
  dialog.addEventListener("close", () => {
    stop();
    if (opener && opener.isConnected) opener.focus();
  });
  document.addEventListener("visibilitychange", () => {
    if (ticking && document.visibilityState === "visible") keepAwake();
  });

  // Start a workout of `list` (records as described above); focus goes back to `from`, the
  // button that started it, when the player closes.
  const play = (list, timing, from) => {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!audio && AudioContext) audio = new AudioContext();
    exercises = list;
    opener = from;
    session = core.start(exercises, timing, Date.now());
    shown = null;
    drawn = null;
    part("live").textContent = "";
    dialog.showModal();
    say(core.announcement({}, render()));
    part("next").focus();
    clearInterval(ticking);
    ticking = setInterval(() => {
      const previous = session;
      session = core.tick(session, Date.now());
      if (session.index !== previous.index) beep();
      render();
    }, 250);
    keepAwake();
  };

  return { play };
};
