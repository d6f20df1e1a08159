// The workout player on a routine page: reads the routine's exercises from its cards and
// plays them in the player dialog (runner.js). The movement figure comes from the exercise's
// own page (stored for offline use like every exercise page).
import { createPlayer } from "./runner.js";

(() => {
  const start = document.querySelector("[data-player-start]");
  const list = document.querySelector("[data-routine-items]");
  const player = createPlayer(document.querySelector("[data-player]"));
  if (!start || !list || !player) return;

  const exercises = [...list.querySelectorAll(":scope > li")].map((card) => {
    const link = card.querySelector(".routine-card__name a");
    const still = card.querySelector("img");
    return {
      name: link.textContent.trim(),
      href: link.href,
      still: still ? still.src : null,
      dose: card.querySelector(".routine-card__dose").textContent,
      cue: card.querySelector(".routine-card__cue").textContent,
      sets: Number(card.dataset.sets),
      reps: Number(card.dataset.reps) || null,
      seconds: Number(card.dataset.seconds) || 0,
      timedLabel: card.dataset.timedLabel,
      perSide: card.dataset.perSide === "true",
      rest: Number(card.dataset.rest) || 0,
      changeover: Number(card.dataset.changeover) || 0,
    };
  });
  const timing = { sideSwitch: Number(list.dataset.sideSwitch) || 0 };

  start.addEventListener("click", () => player.play(exercises, timing, start));
  start.hidden = false;
})();
