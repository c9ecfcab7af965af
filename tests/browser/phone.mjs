// One phone in Debian's Chromium at 390x844, joining the real window's room through the address
// and code it shows (scripts/room-window.sh reads them from the app): waits for a card, reacts
// and comments, and photographs the phone.
//   node tests/browser/phone.mjs ADDRESS CODE REACTION COMMENT OUT.png
import { chromium } from "playwright-core";

const [address, code, reaction, comment, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(address + "/");
  await page.fill("#code", code);
  await page.click("#join-button");
  await page.waitForSelector("#room:not([hidden])");
  await page.selectOption("#group", "Carers");
  await page.waitForFunction(() => document.getElementById("badge").textContent.length > 0,
    null, { timeout: 10000 });
  await page.click(`button[data-reaction='${reaction}']`);
  await page.waitForFunction(() => document.getElementById("react-status").textContent.startsWith("You said"));
  await page.fill("#comment", comment);
  await page.click("#comment-form button[type='submit']");
  await page.waitForFunction(() => document.getElementById("comment-status").textContent.startsWith("Sent"));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out });
  console.log(`phone: joined, reacted ${reaction}, commented; ${await page.textContent("#badge")}`);
} finally {
  await browser.close();
}
