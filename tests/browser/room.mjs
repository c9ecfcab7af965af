// The room's participant page in a real browser (Debian's Chromium, driven by playwright-core):
// a phone at 390x844 joins with the code, follows two steps, reacts (and changes its mind),
// comments; the comment reaches the session's queue, is accepted, and is in the saved file and
// in `cmoc-canvas notes` with "from a phone". axe-core checks the page (join, a card, dark
// mode): no violations. The page's script parses as ES5 (acorn), for old browsers. The page
// fits a 320 px screen, also with the text twice as large (which it follows), follows steps
// without server-sent events (the polling fallback), and says when the session has ended.
//
//   node tests/browser/room.mjs HOST_BINARY CMOC_CANVAS_BINARY DIAGRAM OUT_DIR
//
// HOST_BINARY is `target/debug/examples/room_host` (the session without a window).
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { parse } from "acorn";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [hostBinary, appBinary, diagram, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

function fail(message) {
  console.error(`room browser test: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}
function check(condition, message) {
  if (!condition) fail(message);
}

// The facilitator without a window: one JSON line out per command in.
const host = spawn(hostBinary, [diagram], { stdio: ["pipe", "pipe", "inherit"] });
const lines = createInterface({ input: host.stdout });
const waiting = [];
lines.on("line", (line) => {
  const next = waiting.shift();
  if (next) next(JSON.parse(line));
});
const answer = () => new Promise((resolve) => waiting.push(resolve));
const command = (text) => {
  const reply = answer();
  host.stdin.write(text + "\n");
  return reply;
};

// The page's script is ES5, for old phones' browsers: acorn parses it as ES5 or says where not.
const script = readFileSync(new URL("../../src/room/page/app.js", import.meta.url), "utf8");
try {
  parse(script, { ecmaVersion: 5 });
  console.log("app.js parses as ES5");
} catch (e) {
  fail(`app.js is not ES5 (an old phone's browser would not run it): ${e.message}`);
}

const hello = await answer();
const base = `http://127.0.0.1:${hello.port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function axe(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }));
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  check(found.length === 0, `axe found on ${what}:\n  ${found.join("\n  ")}`);
  console.log(`axe: ${what}: no violations (${result.passes.length} rules passed)`);
}

async function stepTo(page, index, expectTitle) {
  const started = Date.now();
  const view = await command(`step ${index}`);
  await page.waitForFunction((title) => document.getElementById("step-title").textContent.includes(title),
    expectTitle ?? view.title, { timeout: 5000 });
  const took = Date.now() - started;
  return { view, took };
}

try {
  // A phone: 390x844, touch, its own light mode; axe runs against the served page as it is
  // (bypassCSP lets the check's own script in; the page itself brings nothing inline).
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    bypassCSP: true,
  });
  const page = await phone.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  // Every refusal but the wrong code typed on purpose below is an error.
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/join")) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(base + "/");
  await axe(page, "the join screen");

  // A wrong code first: said in words, still on the join screen.
  await page.fill("#code", "aaaaaa");
  await page.click("#join-button");
  await page.waitForFunction(() => document.getElementById("join-error").textContent.length > 0);
  check((await page.textContent("#join-error")).includes("code"), "a wrong code is said in words");

  // The code as a participant types it: lower case, with a space.
  const typed = hello.code.slice(0, 3).toLowerCase() + " " + hello.code.slice(3).toLowerCase();
  await page.fill("#code", typed);
  await page.click("#join-button");
  await page.waitForSelector("#room:not([hidden])");
  await page.waitForFunction(() => document.getElementById("step-title").textContent === "How to read this");
  await page.selectOption("#group", "Carers");

  // Two steps, each within a second of the facilitator.
  const first = await stepTo(page, 1);
  const second = await stepTo(page, 2);
  console.log(`steps reached the phone in ${first.took} ms and ${second.took} ms`);
  check(first.took < 1000 && second.took < 1000, "each step reaches the phone within a second");
  await page.waitForFunction(() => document.getElementById("announce").textContent.startsWith("Now showing"));
  check((await page.textContent("#badge")) === second.view.badge, "the badge is the step's");
  await axe(page, "a card");

  // React, change it, comment (markup typed stays text).
  await page.click("button[data-reaction='agree']");
  await page.waitForFunction(() => document.getElementById("react-status").textContent.includes("Agree"));
  await page.click("button[data-reaction='disagree']");
  await page.waitForFunction(() => document.getElementById("react-status").textContent.includes("Disagree"));
  check(await page.getAttribute("button[data-reaction='disagree']", "aria-pressed") === "true", "the choice is pressed");
  check(await page.getAttribute("button[data-reaction='agree']", "aria-pressed") === "false", "only one is pressed");
  const words = "We waited <img src=x onerror=alert(1)> weeks for the first visit.";
  await page.fill("#comment", words);
  await page.click("#comment-form button[type='submit']");
  await page.waitForFunction(() => document.getElementById("comment-status").textContent.startsWith("Sent"));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${outDir}/room-phone-390x844.png`, fullPage: false });

  const taken = await command("take");
  check(taken.joined === 1, `one phone joined (${JSON.stringify(taken)})`);
  check(taken.reactions === 2, "both reactions reached the session");
  check(taken.queued === 1 && taken.queue[0].text === words && taken.queue[0].group === "Carers",
    `the comment waits in the facilitator's queue as typed: ${JSON.stringify(taken.queue)}`);
  const accepted = await command("accept");
  check(accepted.accepted === 1, "the comment is accepted");
  const saved = `${outDir}/room-after.ron`;
  await command(`save ${saved}`);
  const file = readFileSync(saved, "utf8");
  check(file.includes("phone: Some(\"phone 1"), "the saved file names the phone");
  check(file.includes("reaction: Some(Disagrees)") , "the reaction is in the saved file");
  const notes = execFileSync(appBinary, ["notes", saved], { encoding: "utf8" });
  check(notes.includes("Carers, from a phone") && notes.includes("weeks for the first visit"),
    "the accepted comment is in the notes, from a phone");

  // Dark mode: axe again (contrast of the dark theme).
  await page.emulateMedia({ colorScheme: "dark" });
  await axe(page, "a card in dark mode");
  await page.screenshot({ path: `${outDir}/room-phone-dark.png` });

  // 320 px wide: nothing runs off the side.
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 320, `the page fits 320 px (it is ${wide} px wide)`);
  // The phone's text size doubled (as a phone's largest accessibility sizes do): the page
  // grows with it (sizes are in rem) and still fits.
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("step-title")).fontSize));
  await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("step-title")).fontSize));
  const wideLarge = await page.evaluate(() => document.documentElement.scrollWidth);
  check(after >= before * 1.9, `the text follows the phone's size (${before} px to ${after} px)`);
  check(wideLarge <= 320, `at twice the text size the page still fits 320 px (it is ${wideLarge} px wide)`);
  await page.screenshot({ path: `${outDir}/room-phone-320-large-text.png` });
  await page.evaluate(() => { document.documentElement.style.fontSize = ""; });

  // An old browser without server-sent events: it asks every second and still follows.
  const old = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await old.addInitScript(() => { delete window.EventSource; });
  const oldPage = await old.newPage();
  await oldPage.goto(`${base}/#${hello.code}`);
  await oldPage.waitForSelector("#room:not([hidden])");
  const polled = await stepTo(oldPage, 3);
  console.log(`polling phone followed in ${polled.took} ms`);
  check(polled.took < 2500, "a polling phone follows within its poll");

  // The facilitator ends the session: the phones are told.
  host.stdin.write("quit\n");
  await page.waitForFunction(() => document.getElementById("step-title").textContent === "The session has ended",
    null, { timeout: 5000 });
  check(errors.length === 0, `the page logged errors: ${errors.join("; ")}`);
  console.log("room browser test: passed");
} finally {
  await browser.close();
  host.kill();
}
